"""What a person usually eats at this time of day, and how much of it.

The kitchen card offers these foods first, as one-tap chips: the weight on the scale is
already known, so choosing the food is the whole job. Pure and deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from statistics import median

from .log import IntakeLog

# Look back this far, and at entries logged this close to the same clock time.
LOOKBACK = timedelta(days=28)
AROUND = timedelta(minutes=90)
_DAY_S = 24 * 3600


@dataclass(frozen=True, slots=True)
class UsualFood:
    """A food the person often eats around this time, and their usual amount of it."""

    food_id: str
    grams: float
    times: int


def usual_foods(
    log: IntakeLog, now: datetime, tz: tzinfo, *, limit: int = 3
) -> list[UsualFood]:
    """Return the foods most often logged within 90 min of now's clock time, past 28 days.

    Ranked by how often, then by how recently; the amount is the median of those portions,
    rounded to 5 g. Entries without a food or grams (supplements) are left out.
    """
    local_now = now.astimezone(tz)
    clock = _seconds_of_day(local_now)
    around = AROUND.total_seconds()
    grams: dict[str, list[float]] = {}
    latest: dict[str, datetime] = {}
    for entry in log.between(now - LOOKBACK, now):
        if entry.food_id is None or entry.grams is None:
            continue
        distance = abs(_seconds_of_day(entry.time.astimezone(tz)) - clock)
        if min(distance, _DAY_S - distance) > around:
            continue
        grams.setdefault(entry.food_id, []).append(entry.grams)
        latest[entry.food_id] = entry.time
    ranked = sorted(
        grams, key=lambda food_id: (-len(grams[food_id]), -latest[food_id].timestamp())
    )
    return [
        UsualFood(
            food_id,
            max(5.0, 5 * round(median(grams[food_id]) / 5)),
            len(grams[food_id]),
        )
        for food_id in ranked[:limit]
    ]


def _seconds_of_day(moment: datetime) -> float:
    return moment.hour * 3600 + moment.minute * 60 + moment.second
