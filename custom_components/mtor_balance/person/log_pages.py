"""Action get_log: a person's log in pages of bounded size, saying what is missing.

A page holds at most `limit` entries (default `DEFAULT_LIMIT`, at most `MAX_LIMIT`), so a
read from 1970 of a million entries answers with a small response at once. When more
entries remain, the answer carries `next_cursor`: the same call with `cursor` set to it
returns the next page. A cursor is the time (POSIX microseconds) of the page's last entry
and how many entries at that time the page held: the next page starts after them.

`missing_years` lists the closed years the page's span needed that could not be read (see
`PersonFiles.async_read`); the entries of those years are not in the page.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
import re
from typing import Any

from homeassistant.core import ServiceCall, ServiceResponse
from homeassistant.exceptions import ServiceValidationError
import probatio

from ..const import DOMAIN
from ..core.entries import entry_as_dict
from ..core.model import Entry
from ..core.validation import NumberRange
from .access import Rule, async_caller, async_require
from .action_fields import (
    PERSON_FIELD,
    TIME,
    TranslatedSchema,
    coordinator_of,
    number_in,
)
from .const import ATTR_END, ATTR_LIMIT, ATTR_START

ATTR_CURSOR = "cursor"
DEFAULT_LIMIT = 1_000
MAX_LIMIT = 10_000
_CURSOR = re.compile(r"(\d{1,18})\.(\d{1,9})", re.ASCII)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_END_OF_TIME = datetime.max.replace(tzinfo=UTC)


def _whole(value: float) -> int:
    return int(value)


GET_LOG_SCHEMA = TranslatedSchema(
    {
        **PERSON_FIELD,
        probatio.Optional(ATTR_START): TIME,
        probatio.Optional(ATTR_END): TIME,
        probatio.Optional(ATTR_LIMIT, default=DEFAULT_LIMIT): probatio.All(
            number_in(NumberRange(1, MAX_LIMIT, "")), _whole
        ),
        probatio.Optional(ATTR_CURSOR): probatio.All(str, probatio.Length(max=40)),
    }
)


def _cursor(text: str) -> tuple[datetime, int]:
    """Return the time and the entries at it that a cursor says were already given."""
    if (match := _CURSOR.fullmatch(text)) is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="invalid_cursor",
            translation_placeholders={"cursor": text},
        )
    try:
        when = _EPOCH + timedelta(microseconds=int(match[1]))
    except OverflowError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="invalid_cursor",
            translation_placeholders={"cursor": text},
        ) from err
    return when, int(match[2])


def _next_cursor(page: list[Entry], after: datetime | None, skipped: int) -> str:
    """Return the cursor after `page` (which follows `skipped` entries at `after`)."""
    last = page[-1].time
    same = sum(1 for entry in page if entry.time == last)
    if last == after:
        same += skipped
    micros = (last - _EPOCH) // timedelta(microseconds=1)
    return f"{micros}.{same}"


async def async_get_log(call: ServiceCall) -> ServiceResponse:
    """Return one page of the person's entries (the handler of get_log)."""
    coordinator = coordinator_of(call)
    end: datetime = call.data.get(ATTR_END, _END_OF_TIME)
    start: datetime = call.data.get(ATTR_START, coordinator.data.day_start)
    if start > end:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="start_after_end"
        )
    caller = await async_caller(call.hass, call.context)
    async_require(call.hass, caller, coordinator, Rule.HISTORY, when=start)
    limit: int = call.data[ATTR_LIMIT]
    after: datetime | None = None
    skip = 0
    if (cursor := call.data.get(ATTR_CURSOR)) is not None:
        after, skip = _cursor(cursor)
        if after >= start:
            start = after
        else:  # the cursor lies before the range: the page starts at its start
            after, skip = None, 0
    read = await coordinator.files.async_read(start, end, limit=limit + skip)
    # Entries at the cursor's time that earlier pages held come first (time order).
    entries = read.entries
    skipped = 0
    while skipped < skip and skipped < len(entries) and entries[skipped].time == after:
        skipped += 1
    page = entries[skipped : skipped + limit]
    more = len(entries) > skipped + limit or not read.complete
    response: dict[str, Any] = {
        "entries": [entry_as_dict(entry) for entry in page],
        "next_cursor": _next_cursor(page, after, skipped) if more and page else None,
        "missing_years": read.missing_years,
    }
    return response
