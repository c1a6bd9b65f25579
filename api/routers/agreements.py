"""The timeline of meetings, signings and agreements the articles report."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api.deps import PipelineDep
from api.schemas import Agreement, ErrorDetail

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
    records = pipeline.agreements(party=party, date_from=date_from, date_to=date_to)
    return [record.to_json() for record in records]
