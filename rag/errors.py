"""One error hierarchy for the library; the CLI and the API map it to messages and 4xx codes."""

from __future__ import annotations


class RagError(Exception):
    """Base class of every error the library raises on purpose."""


class InvalidInputError(RagError, ValueError):
    """A caller passed a value outside what the function accepts (the message names it)."""


class BadDocumentError(RagError):
    """A file could not be read as an article (binary, wrong encoding, empty, too large, malformed)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class IndexNotFoundError(RagError):
    """No index exists at the given directory."""


class IndexEmptyError(IndexNotFoundError):
    """The index holds no article (nothing could be indexed)."""


class AnswerCancelledError(RagError):
    """The caller gave up on the answer (a client disconnected); the work stopped early."""


class DocumentExistsError(RagError):
    """An upload would replace an indexed article without being asked to (``replace=true``)."""


class IndexCorruptError(RagError):
    """The index on disk is damaged or was built with another embedder or version."""


class EmbedderError(RagError):
    """The embedding backend could not be loaded or failed."""


class DocumentNotFoundError(RagError, KeyError):
    """No document with that id is in the index."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "document not found"


class IndexMismatchError(IndexCorruptError):
    """The index was built with another embedder, chunking or format version than the one configured."""
