"""The bounded queue of answering work (api/limits.py), and through the app: a full queue is a 503 with
Retry-After, never a stall."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi import HTTPException

from api.app import create_app
from api.limits import AnswerSlots
from rag.config import Settings
from tests.test_api import WHEN_Q, fake_client, wait_ready


def test_slots_run_a_few_queue_some_and_refuse_the_rest() -> None:
    async def scenario() -> tuple[list[int], int]:
        slots = AnswerSlots(running=2, waiting=1)
        release = asyncio.Event()
        running: list[int] = []
        peak = 0

        async def work(n: int) -> None:
            nonlocal peak
            async with slots.slot():
                running.append(n)
                peak = max(peak, len(running))
                await release.wait()
                running.remove(n)

        tasks = [asyncio.create_task(work(n)) for n in range(3)]
        await asyncio.sleep(0.01)
        assert slots.admitted == 3 and len(running) == 2  # two run, one waits
        with pytest.raises(HTTPException) as refused:
            async with slots.slot():
                pass
        assert refused.value.status_code == 503 and refused.value.headers == {"Retry-After": "1"}
        release.set()
        await asyncio.gather(*tasks)
        return running, peak

    running, peak = asyncio.run(scenario())
    assert running == [] and peak == 2


def test_slots_validate_their_sizes() -> None:
    with pytest.raises(ValueError, match="running must be at least 1"):
        AnswerSlots(running=0, waiting=1)


def test_a_full_queue_answers_503_with_retry_after(fake_settings: Settings) -> None:
    settings = fake_settings.model_copy(update={"max_concurrent_answers": 1, "max_queued_answers": 1})
    app = create_app(settings)
    with fake_client(app) as client:
        wait_ready(client)  # the warm-up answers through pipeline.ask too
        pipeline = app.state.pipeline
        real_ask = pipeline.ask
        started = threading.Semaphore(0)
        release = threading.Event()

        def slow_ask(*args: Any, **kwargs: Any) -> Any:
            started.release()
            release.wait(30)
            return real_ask(*args, **kwargs)

        pipeline.ask = slow_ask
        with ThreadPoolExecutor(max_workers=2) as pool:
            first = pool.submit(client.post, "/ask", json={"question": WHEN_Q})
            assert started.acquire(timeout=30)  # one answering...
            second = pool.submit(client.post, "/ask/stream", json={"question": WHEN_Q})
            for _ in range(200):  # ...and one admitted to wait (bounded poll, not a timing)
                if app.state.answer_slots.admitted == 2:
                    break
                threading.Event().wait(0.02)
            busy = client.post("/ask", json={"question": WHEN_Q})
            assert busy.status_code == 503 and busy.headers["retry-after"] == "1"
            assert "busy" in busy.json()["detail"]
            busy_stream = client.post("/ask/stream", json={"question": WHEN_Q})
            assert busy_stream.status_code == 503
            assert busy_stream.headers["content-type"].startswith("application/json")
            release.set()
            assert first.result().status_code == 200 and second.result().status_code == 200
        assert app.state.answer_slots.admitted == 0
        # reads that answer nothing are not queued
        assert client.get("/health").status_code == 200
