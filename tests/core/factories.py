"""Builders for core test data."""

from __future__ import annotations

from datetime import datetime
import itertools

from custom_components.mtor_balance.core.model import Entry, Source

_ids = itertools.count()


def entry(
    time: datetime,
    *,
    leucine_g: float = 3.0,
    protein_g: float = 30.0,
    kcal: float | None = None,
    estimated: bool = False,
    name: str = "food",
) -> Entry:
    """Return an entry; kcal defaults to 4 kcal per gram of protein."""
    return Entry(
        id=f"e{next(_ids)}",
        time=time,
        name=name,
        protein_g=protein_g,
        leucine_g=leucine_g,
        kcal=4 * protein_g if kcal is None else kcal,
        leucine_estimated=estimated,
        source=Source.ACTION,
    )


def free_leucine(time: datetime, leucine_g: float = 3.0) -> Entry:
    """Return an entry of free leucine powder: no protein, 4 kcal per gram."""
    return entry(
        time, leucine_g=leucine_g, protein_g=0.0, kcal=4 * leucine_g, name="leucine"
    )
