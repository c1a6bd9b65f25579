"""The timeline of meetings, signings and agreements the articles report."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import PipelineDep
from api.schemas import Agreement, ErrorDetail
from rag.dates import parse_user_date
from rag.errors import InvalidInputError

router = APIRouter(tags=["agreements"])


@router.get(
    "/agreements",
    response_model=list[Agreement],
    responses={422: {"model": ErrorDetail}, 503: {"model": ErrorDetail}},
)
def agreements(
    pipeline: PipelineDep,
    party: Annotated[
        str | None, Query(min_length=1, max_length=200, description="A party, in any spelling.")
    ] = None,
    date_from: Annotated[
        str | None, Query(alias="from", description="On or after (2024, 2024-06, 12/6/2024).")
    ] = None,
    date_to: Annotated[str | None, Query(alias="to", description="On or before.")] = None,
) -> list[dict[str, Any]]:
    """Agreements and meetings in date order, filtered by party and date range."""
    if party is not None and not party.strip():
        raise InvalidInputError("party is blank")
    records = pipeline.agreements(
        party=party.strip() if party else None,
        date_from=parse_user_date(date_from) if date_from else None,
        date_to=parse_user_date(date_to) if date_to else None,
    )
    return [record.to_json() for record in records]
