"""Passage search over the index (hybrid, dense or lexical), with document and date filters."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import PipelineDep, SettingsDep
from api.schemas import ErrorDetail, SearchResponse
from rag import Filters, Mode, validate_question

router = APIRouter(tags=["search"])


@router.get(
    "/search",
    response_model=SearchResponse,
    responses={422: {"model": ErrorDetail}, 503: {"model": ErrorDetail}},
)
def search(
    pipeline: PipelineDep,
    settings: SettingsDep,
    q: Annotated[str, Query(min_length=1, description="The question or keywords.")],
    k: Annotated[int, Query(ge=1, le=20, description="How many passages to return.")] = 5,
    mode: Annotated[
        Mode, Query(description="Retriever: hybrid fusion, dense only or lexical only.")
    ] = "hybrid",
    doc: Annotated[list[str] | None, Query(description="Only these document ids (repeatable).")] = None,
    date_from: Annotated[
        str | None, Query(alias="from", description="Published on or after (2024, 2024-06, 12/6/2024).")
    ] = None,
    date_to: Annotated[str | None, Query(alias="to", description="Published on or before.")] = None,
) -> dict[str, Any]:
    """The passages that best match the question, best first."""
    question = validate_question(q, settings.max_question_chars)
    filters = Filters.parse(doc, date_from, date_to)
    result = pipeline.search(question, k, mode=mode, filters=filters)
    return {"question": question, "hits": [hit.to_json() for hit in result.hits]}
