"""A bounded queue for answering work: at most ``running`` questions answered at once per process, at most
``waiting`` more queued; beyond that a 503 with ``Retry-After`` at once, instead of everyone stalling."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import HTTPException

RETRY_AFTER_S = 1


class AnswerSlots:
    """Admission control of one event loop (create it at start-up, inside the loop's lifetime).

    >>> slots = AnswerSlots(running=2, waiting=8)
    >>> async with slots.slot(): ...  # waits for one of the 2 running slots, or 503 when 10 are taken
    """

    def __init__(self, running: int, waiting: int) -> None:
        if running < 1 or waiting < 0:
            raise ValueError(f"running must be at least 1 and waiting at least 0, got {running}, {waiting}")
        self.running = running
        self.capacity = running + waiting
        self.admitted = 0
        self._semaphore = asyncio.Semaphore(running)

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        if self.admitted >= self.capacity:
            raise HTTPException(
                503,
                f"the server is busy: {self.admitted} questions are being answered or waiting; "
                f"retry in {RETRY_AFTER_S} s",
                headers={"Retry-After": str(RETRY_AFTER_S)},
            )
        self.admitted += 1
        try:
            async with self._semaphore:
                yield
        finally:
            self.admitted -= 1
