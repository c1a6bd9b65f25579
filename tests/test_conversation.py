"""Follow-up questions: rewriting from the history (fast), the pipeline, the API and `rag chat`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from api.app import create_app
from rag import AnswerCancelledError, InvalidInputError, Pipeline, Settings, Turn
from rag.cli import main
from rag.conversation import resolve
from rag.pipeline import validate_history
from tests.conftest import fake_embedder_everywhere
from tests.test_api import fake_client

LAO_CAI_WHEN = "Lào Cai ký thỏa thuận với châu Hồng Hà khi nào?"


def _history(*texts: str) -> list[Turn]:
    return [Turn("user" if i % 2 == 0 else "assistant", t) for i, t in enumerate(texts)]


@pytest.mark.parametrize(
    ("question", "previous", "expected", "topic"),
    [
        (
            "còn Hà Giang thì sao?",
            LAO_CAI_WHEN,
            "Hà Giang ký thỏa thuận với châu Hồng Hà khi nào?",
            "Hà Giang",
        ),
        (
            "con ha giang thi sao",
            "lao cai ky thoa thuan voi chau hong ha khi nao",
            "ha giang ky thoa thuan voi chau hong ha khi nao",
            "ha giang",
        ),
        (
            "năm 2023 thì sao?",
            "Lào Cai và Hồng Hà ký những gì năm 2024?",
            "Lào Cai và Hồng Hà ký những gì năm 2023?",
            "năm 2023",
        ),
        (
            "What about Wenshan?",
            "When did Lao Cai sign an agreement with Honghe prefecture?",
            "When did Wenshan sign an agreement with Honghe prefecture?",
            "Wenshan",
        ),
    ],
)
def test_a_new_subject_takes_the_previous_question(
    question: str, previous: str, expected: str, topic: str
) -> None:
    resolved = resolve(question, _history(previous, "…"))
    assert resolved.rewritten and resolved.question == expected and resolved.topic == topic


def test_a_question_that_names_nothing_takes_what_the_previous_one_was_about() -> None:
    resolved = resolve(
        "Khi nào?", _history("Ai dẫn đầu đoàn đại biểu châu Văn Sơn sang hội đàm với Hà Giang?", "…")
    )
    assert resolved.rewritten and resolved.language == "vi"
    assert resolved.question.startswith("Khi nào – ") and "Văn Sơn" in resolved.question
    assert " ai " not in f" {resolved.question.lower()} "  # the previous question's question word is gone
    english = resolve("And when was that?", _history("Who led the Wenshan delegation to Ha Giang?", "…"))
    assert english.rewritten and english.language == "en" and "Wenshan delegation" in english.question
    assert english.topic is not None and english.topic in english.question


def test_how_did_it_go_is_not_a_new_subject() -> None:
    """ "X thế nào?" / "X ra sao?" ask how X went: the previous question's event is kept, its parties are
    not replaced by X; a question that begins with "Con số" is not "còn"."""
    for question in ("Kết quả hội đàm thế nào?", "Hai bên hợp tác ra sao?"):
        resolved = resolve(question, _history(LAO_CAI_WHEN, "…"))
        assert resolved.question.startswith(question.rstrip("?")) and "Lào Cai" in resolved.question
    own = "Con số du khách đến Hà Giang năm 2023 là bao nhiêu?"
    assert not resolve(own, _history(LAO_CAI_WHEN, "…")).rewritten


def test_a_short_follow_up_keeps_the_conversation_language() -> None:
    resolved = resolve("Where?", _history("When did Lao Cai sign an agreement with Honghe prefecture?", "…"))
    assert resolved.rewritten and resolved.language == "en"


def test_a_question_with_its_own_subject_is_answered_on_its_own() -> None:
    own = "Hà Giang ký thỏa thuận gì với châu Văn Sơn?"
    assert resolve(own, _history(LAO_CAI_WHEN, "…")) == resolve(own)
    assert not resolve(own, _history(LAO_CAI_WHEN, "…")).rewritten
    assert not resolve("còn Hà Giang thì sao?").rewritten  # no history: nothing to take from


def test_a_chain_of_follow_ups_keeps_its_subject() -> None:
    history = _history(LAO_CAI_WHEN, "Ngày 12/6/2024 [1].", "còn Hà Giang thì sao?", "…")
    resolved = resolve("ở đâu?", history)
    assert resolved.rewritten and "Hà Giang ký thỏa thuận với châu Hồng Hà" in resolved.question
    assert "khi nào" not in resolved.question


def test_history_is_bounded_and_checked() -> None:
    assert validate_history([{"role": "user", "content": "a"}], 100) == [Turn("user", "a")]
    with pytest.raises(InvalidInputError, match="limit is 10"):
        validate_history(_history(*["x"] * 11), 100)
    with pytest.raises(InvalidInputError, match="role"):
        validate_history([{"role": "system", "content": "x"}], 100)
    with pytest.raises(InvalidInputError, match="longer than"):
        validate_history([{"role": "user", "content": "x" * 101}], 100)
    with pytest.raises(InvalidInputError):
        validate_history("not a list", 100)


def test_a_cancelled_answer_stops(fake_pipeline: Pipeline) -> None:
    with pytest.raises(AnswerCancelledError):
        fake_pipeline.ask(LAO_CAI_WHEN, cancelled=lambda: True)


def test_pipeline_answers_a_follow_up_and_says_what_it_answered(fake_pipeline: Pipeline) -> None:
    answer = fake_pipeline.ask(
        "còn châu Văn Sơn thì sao?", history=_history(LAO_CAI_WHEN, "Ngày 12/6/2024 [1].")
    )
    assert answer.question == "còn châu Văn Sơn thì sao?"
    # "châu Văn Sơn" is a prefecture like "châu Hồng Hà" (the gazetteer): it takes that party's place
    assert answer.extra["rewritten_question"] == "Lào Cai ký thỏa thuận với châu Văn Sơn khi nào?"
    assert answer.answer.startswith("Về châu Văn Sơn: ")
    alone = fake_pipeline.ask(
        "Hà Giang ký thỏa thuận gì với châu Văn Sơn?", history=_history(LAO_CAI_WHEN, "…")
    )
    assert "rewritten_question" not in alone.extra


@pytest.fixture(scope="module")
def client(fake_index_dir: Path, cache_dir: Path) -> Iterator[TestClient]:
    with fake_client(create_app(Settings(index_dir=fake_index_dir, cache_dir=cache_dir))) as test_client:
        yield test_client


def test_api_takes_a_history(client: TestClient) -> None:
    body = {
        "question": "còn Hà Giang thì sao?",
        "history": [
            {"role": "user", "content": LAO_CAI_WHEN},
            {"role": "assistant", "content": "Ngày 12/6/2024 [1]."},
        ],
    }
    response = client.post("/ask", json=body)
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["question"] == "còn Hà Giang thì sao?" and data["rewritten_question"].startswith("Hà Giang ")
    stream = client.post("/ask/stream", json=body)
    assert stream.status_code == 200 and '"rewritten_question"' in stream.text


@pytest.mark.parametrize(
    "history",
    [
        [{"role": "user", "content": "x"}] * 11,
        [{"role": "system", "content": "x"}],
        [{"role": "user", "content": "x" * 5001}],
        [{"role": "user", "content": "x" * 2001}],  # a question longer than a question may be
        [{"role": "user"}],
        "not a list",
        [{"role": "user", "content": "x", "extra": 1}],
    ],
)
@pytest.mark.parametrize("path", ["/ask", "/ask/stream"])
def test_api_refuses_a_bad_history(client: TestClient, history: object, path: str) -> None:
    response = client.post(path, json={"question": "Khi nào?", "history": history})
    assert response.status_code == 422 and "detail" in response.json()
    assert response.headers["content-type"].startswith("application/json")


@pytest.mark.parametrize("path", ["/ask", "/ask/stream"])
def test_api_refuses_a_lone_surrogate_in_the_history(client: TestClient, path: str) -> None:
    body = b'{"question": "Khi n\\u00e0o?", "history": [{"role": "user", "content": "L\\ud800o"}]}'
    response = client.post(path, content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422 and "\\ud800" not in response.text


def test_rag_chat_keeps_the_conversation(fake_index_dir: Path, cache_dir: Path) -> None:
    env = {"RAG_INDEX_DIR": str(fake_index_dir), "RAG_CACHE_DIR": str(cache_dir)}
    lines = f"{LAO_CAI_WHEN}\ncòn Hà Giang thì sao?\n/new\ncòn Hà Giang thì sao?\n/quit\nnot asked\n"
    with fake_embedder_everywhere():
        result = CliRunner().invoke(
            main, ["chat", "--index", str(fake_index_dir)], input=lines, env=env, catch_exceptions=False
        )
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.count("Về Hà Giang: ") == 1  # the follow-up; after /new the same words stand alone
    assert "not asked" not in out
