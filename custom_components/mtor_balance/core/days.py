"""Calendar days in the person's time zone, starting at their chosen hour."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo


def day_of(moment: datetime, tz: tzinfo, day_start: time) -> date:
    """Return the day that `moment` belongs to when days start at `day_start` local time."""
    local = moment.astimezone(tz)
    day = local.date()
    if local.time() < day_start:
        day -= timedelta(days=1)
    return day


def day_bounds(day: date, tz: tzinfo, day_start: time) -> tuple[datetime, datetime]:
    """Return the start (inclusive) and end (exclusive) of `day`, as aware datetimes.

    Days are not always 24 h long: a day that contains a daylight-saving change is 23 or 25 h.
    """
    return local_time(day, day_start, tz), local_time(
        day + timedelta(days=1), day_start, tz
    )


def local_time(day: date, clock: time, tz: tzinfo) -> datetime:
    """Return `clock` on `day` in `tz` as an aware UTC datetime.

    A clock time that daylight saving skips (spring forward) maps to the same distance after
    the gap; a repeated one (fall back) to its first occurrence. Results are in UTC so that
    differences between them are real durations.
    """
    return datetime.combine(day, clock).replace(tzinfo=tz).astimezone(UTC)
