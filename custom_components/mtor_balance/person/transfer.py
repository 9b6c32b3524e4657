"""Actions export_log and import_log: a person's whole log as a file, and back.

What the formats are is `core.transfer`; this module finds the person, reads and writes the
files (off the event loop), and adds what an import finds new in one change of the person
(`PersonCoordinator.async_import_entries`), or nothing at all: a file that cannot be read,
or any row of it that cannot be an entry, is a translated `ServiceValidationError` before
anything is written. A dry run reports what an import would do.

Both actions are for administrators (and automations): they read and write files under the
configuration folder, and an import can add years of history at once. A file to import
must be inside the configuration folder, in this integration's own folder
(`<config>/mtor_balance/`, where exports are written) or in a folder Home Assistant allows
(`allowlist_external_dirs`), and never in a hidden folder such as `.storage`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterable, Iterator
import contextlib
from datetime import UTC, datetime
from functools import partial
import gc
import itertools
from pathlib import Path
from typing import Any

from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
)
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.json import json_bytes
from homeassistant.util import dt as dt_util, slugify
from homeassistant.util.hass_dict import HassKey
import probatio

from ..const import DOMAIN
from ..core.model import Entry
from ..core.transfer import (
    EXPORT_FORMATS,
    FORMAT_CSV,
    IMPORT_FORMATS,
    ImportPlan,
    Limits,
    Parsed,
    Problem,
    TransferError,
    decode,
    export_rows,
    parse,
    plan_import,
    to_csv,
    to_document,
)
from ..core.validation import NumberRange
from .action_fields import (
    MAX_AHEAD,
    MAX_GRAMS,
    MAX_NUTRIENT_G,
    MAX_TEXT,
    PERSON_FIELD,
    TIME,
    TranslatedSchema,
    coordinator_of,
    text_of,
)
from .const import ATTR_END, ATTR_START
from .coordinator import PersonCoordinator
from .store import StorageWriteError, atomic_write

SERVICE_EXPORT_LOG = "export_log"
SERVICE_IMPORT_LOG = "import_log"
ATTR_FORMAT = "format"
ATTR_TO_FILE = "to_file"
ATTR_DATA = "data"
ATTR_FILE = "file"
ATTR_DRY_RUN = "dry_run"

MAX_IMPORT_BYTES = 20 * 1024 * 1024  # ten years of JSON are about 8 MB, of CSV 4 MB
# An export's answer holds at most this many entries (about 3 MB); a bigger export goes
# to a file, written in pieces of EXPORT_PIECE entries, and is answered without them.
EXPORT_RESPONSE_MAX = 10_000
EXPORT_PIECE = 5_000
MAX_PATH = 1024
MAX_KCAL = 9.0 * MAX_GRAMS  # the most grams of pure fat
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)  # entries are stored as POSIX times
REPORT_ROWS = 100  # refused and duplicate rows listed in a report (all are counted)
EXPORT_FOLDER = (DOMAIN, "export")
_BEGINNING = datetime.min.replace(tzinfo=UTC)
_END_OF_TIME = datetime.max.replace(tzinfo=UTC)
# One import of a person at a time: its duplicates are those of the log it is added to.
_IMPORT_LOCKS: HassKey[dict[str, asyncio.Lock]] = HassKey(f"{DOMAIN}_import_locks")

EXPORT_LOG_SCHEMA = TranslatedSchema(
    {
        **PERSON_FIELD,
        probatio.Optional(ATTR_START): TIME,
        probatio.Optional(ATTR_END): TIME,
        probatio.Optional(ATTR_FORMAT, default="json"): probatio.In(EXPORT_FORMATS),
        probatio.Optional(ATTR_TO_FILE, default=False): cv.boolean,
    }
)
IMPORT_LOG_SCHEMA = TranslatedSchema(
    {
        **PERSON_FIELD,
        probatio.Exclusive(ATTR_DATA, "source", required=True): cv.string,
        probatio.Exclusive(ATTR_FILE, "source", required=True): probatio.All(
            cv.string, text_of(MAX_PATH)
        ),
        probatio.Optional(ATTR_FORMAT): probatio.In(IMPORT_FORMATS),
        probatio.Optional(ATTR_DRY_RUN, default=False): cv.boolean,
    }
)


# --- export -------------------------------------------------------------------------------


async def _async_export_log(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    hass = call.hass
    start: datetime | None = call.data.get(ATTR_START)
    end: datetime | None = call.data.get(ATTR_END)
    if start is not None and end is not None and start > end:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="start_after_end"
        )
    read = await coordinator.files.async_read(start or _BEGINNING, end or _END_OF_TIME)
    entries = read.entries
    to_file: bool = call.data[ATTR_TO_FILE]
    if len(entries) > EXPORT_RESPONSE_MAX and not to_file:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="export_too_large",
            translation_placeholders={
                "count": str(len(entries)),
                "max": str(EXPORT_RESPONSE_MAX),
            },
        )
    now = dt_util.now()
    fmt: str = call.data[ATTR_FORMAT]
    # Up to EXPORT_RESPONSE_MAX entries the answer holds the export; a bigger one (only
    # to a file) is written in pieces and answered without its entries.
    export = partial(
        _export,
        entries,
        partial(_food_names, coordinator),
        fmt,
        whole=len(entries) <= EXPORT_RESPONSE_MAX,
        tz=dt_util.get_default_time_zone(),
        person=coordinator.person_name,
        time_zone=hass.config.time_zone,
        now=now,
        start=start,
        end=end,
        missing_years=read.missing_years,
    )
    del read, entries
    response, content = await hass.async_add_executor_job(export)
    if not to_file:
        return response
    name = f"{slugify(coordinator.person_name) or 'person'}-{now.date()}.{fmt}"
    path = hass.config.path(*EXPORT_FOLDER, name)
    try:
        await hass.async_add_executor_job(atomic_write, path, content)
    except StorageWriteError as err:
        raise HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key="export_not_written",
            translation_placeholders={"path": path, "error": str(err.error)},
        ) from err
    response["path"] = path
    return response


def _food_names(
    coordinator: PersonCoordinator, entries: list[Entry]
) -> dict[str, tuple[str, str]]:
    """Return the English and Swedish names of the foods the entries are of."""
    names = {}
    for food_id in {entry.food_id for entry in entries if entry.food_id is not None}:
        if (food := coordinator.record.foods.get(food_id)) is not None:
            names[food_id] = (food.name, food.name_sv or food.name)
    return names


def _export(
    entries: list[Entry],
    food_names: Callable[[list[Entry]], dict[str, tuple[str, str]]],
    fmt: str,
    *,
    whole: bool,
    tz: Any,
    person: str,
    time_zone: str,
    now: datetime,
    start: datetime | None,
    end: datetime | None,
    missing_years: list[int],
) -> tuple[dict[str, Any], Iterator[bytes]]:
    """Return the action's response and the file's content (in the executor).

    `whole`: the response holds the export; otherwise only what describes it, and the
    content is made in pieces of `EXPORT_PIECE` entries while it is written.
    """
    names = food_names(entries)
    if fmt == FORMAT_CSV:
        response: dict[str, Any] = {"format": fmt, "count": len(entries)}
        if whole:
            text = to_csv(export_rows(entries, names.get, tz))
            response["csv"] = text
        response["missing_years"] = missing_years
        # With a byte order mark, spreadsheets read the file as UTF-8 (å, ä, ö).
        pieces = (
            to_csv(
                export_rows(entries[at : at + EXPORT_PIECE], names.get, tz),
                header=at == 0,
            )
            for at in range(0, max(len(entries), 1), EXPORT_PIECE)
        )
        return response, _encoded(itertools.chain(["\ufeff"], pieces))
    document = to_document(
        export_rows(entries, names.get, tz) if whole else [],
        person=person,
        time_zone=time_zone,
        exported_at=now,
        start=start,
        end=end,
        missing_years=missing_years,
    )
    document["count"] = len(entries)
    head = json_bytes({**document, "entries": None})
    head = head[: head.rindex(b"null")]  # the document up to its entries, which end it
    parts = (
        b",".join(
            json_bytes(row)
            for row in export_rows(entries[at : at + EXPORT_PIECE], names.get, tz)
        )
        for at in range(0, len(entries), EXPORT_PIECE)
    )
    if not whole:
        del document["entries"]
    return document, itertools.chain([head, b"["], _joined(parts, b","), [b"]}"])


def _encoded(texts: Iterable[str]) -> Iterator[bytes]:
    return (text.encode() for text in texts)


def _joined(pieces: Iterable[bytes], separator: bytes) -> Iterator[bytes]:
    first = True
    for piece in pieces:
        if not first:
            yield separator
        first = False
        yield piece


# --- import -------------------------------------------------------------------------------


class _CollectorPause:
    """Python's cyclic garbage collector, paused while imports run.

    An import holds up to a million entries, briefly. Each full pass of the collector
    stops every thread, the event loop too, for as long as it takes to visit every object
    of the process: with an import's objects on top of Home Assistant's own, 0.2 s to 2 s
    a pass on a small machine, several passes an import. An import's objects make no
    cycles (reference counting frees them), so the collector is not needed while it runs;
    it resumes, if it ran before, when the last import ends.
    """

    def __init__(self) -> None:
        self._imports = 0
        self._was_enabled = True

    @contextlib.contextmanager
    def __call__(self) -> Iterator[None]:
        if self._imports == 0:
            self._was_enabled = gc.isenabled()
            gc.disable()
        self._imports += 1
        try:
            yield
        finally:
            self._imports -= 1
            if self._imports == 0 and self._was_enabled:
                gc.enable()


_collector_paused = _CollectorPause()


async def _async_import_log(call: ServiceCall) -> ServiceResponse:
    with _collector_paused():
        return await _async_import(call)


async def _async_import(call: ServiceCall) -> ServiceResponse:
    coordinator = coordinator_of(call)
    hass = call.hass
    if (name := call.data.get(ATTR_FILE)) is not None:
        text = await hass.async_add_executor_job(_read_import_file, hass, name)
    else:
        text = call.data[ATTR_DATA]
        if len(text) > MAX_IMPORT_BYTES:
            raise _too_large()
    limits = Limits(
        grams=NumberRange(0.0, MAX_GRAMS, "g"),
        nutrient=NumberRange(0.0, MAX_NUTRIENT_G, "g"),
        kcal=NumberRange(0.0, MAX_KCAL, "kcal"),
        text=MAX_TEXT,
        earliest=EARLIEST,
        latest=dt_util.utcnow() + MAX_AHEAD,
    )
    try:
        parsed = await hass.async_add_executor_job(
            partial(
                parse,
                text,
                call.data.get(ATTR_FORMAT),
                tz=dt_util.get_default_time_zone(),
                limits=limits,
            )
        )
    except TransferError as err:
        raise _file_error(err) from err
    dry_run: bool = call.data[ATTR_DRY_RUN]
    lock = hass.data.setdefault(_IMPORT_LOCKS, {}).setdefault(
        coordinator.config_entry.entry_id, asyncio.Lock()
    )
    async with lock:
        existing = await coordinator.async_entries_between(_BEGINNING, _END_OF_TIME)
        plan = await hass.async_add_executor_job(plan_import, parsed.entries, existing)
        del existing
        # What the report needs of a million rows is found off the event loop too.
        report = await hass.async_add_executor_job(
            partial(_report, parsed, plan, dry_run=dry_run)
        )
        if not dry_run and parsed.refused:
            first = parsed.refused[0]
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="import_rows_refused",
                translation_placeholders={
                    "count": str(len(parsed.refused)),
                    "row": str(first.row),
                    "field": first.field,
                    "reason": first.reason.value,
                },
            )
        if not dry_run and plan.new:
            new = await hass.async_add_executor_job(_entries_of, plan)
            del parsed, plan
            await coordinator.async_import_entries(new)
    return report


def _entries_of(plan: ImportPlan) -> list[Entry]:
    return [entry for _, entry in plan.new]


def _read_import_file(hass: HomeAssistant, name: str) -> str:
    """Return the text of a file to import, if it may be read (in the executor)."""
    config = Path(hass.config.config_dir).resolve()
    path = Path(name)
    resolved = (path if path.is_absolute() else config / path).resolve()
    inside = resolved.is_relative_to(config)
    if (
        not inside
        or any(part.startswith(".") for part in resolved.relative_to(config).parts)
        or not (
            resolved.is_relative_to(config / DOMAIN)
            or hass.config.is_allowed_path(str(resolved))
        )
    ):
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="import_path_not_allowed",
            translation_placeholders={"path": name},
        )
    if not resolved.is_file():
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="import_file_not_found",
            translation_placeholders={"path": name},
        )
    try:
        with resolved.open("rb") as file:
            raw = file.read(MAX_IMPORT_BYTES + 1)
    except OSError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="import_file_unreadable",
            translation_placeholders={"path": name, "error": str(err)},
        ) from err
    if len(raw) > MAX_IMPORT_BYTES:
        raise _too_large()
    try:
        return decode(raw)
    except TransferError as err:
        raise _file_error(err) from err


def _too_large() -> ServiceValidationError:
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="import_too_large",
        translation_placeholders={"max": f"{MAX_IMPORT_BYTES // (1024 * 1024)} MB"},
    )


def _file_error(err: TransferError) -> ServiceValidationError:  # noqa: PLR0911
    """Return the translated error of a file that cannot be imported.

    One return per problem, each key written out (tests/test_translations.py finds them).
    """
    detail = {"detail": err.detail}
    match err.problem:
        case Problem.NOT_TEXT:
            return ServiceValidationError(
                translation_domain=DOMAIN, translation_key="import_not_text"
            )
        case Problem.UNKNOWN_FORMAT:
            return ServiceValidationError(
                translation_domain=DOMAIN, translation_key="import_unknown_format"
            )
        case Problem.BAD_JSON:
            return ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="import_bad_json",
                translation_placeholders=detail,
            )
        case Problem.BAD_CSV:
            return ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="import_bad_csv",
                translation_placeholders=detail,
            )
        case Problem.NOT_AN_EXPORT:
            return ServiceValidationError(
                translation_domain=DOMAIN, translation_key="import_not_an_export"
            )
        case Problem.UNSUPPORTED_VERSION:
            return ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="import_unsupported_version",
                translation_placeholders=detail,
            )
        case Problem.MISSING_COLUMNS:
            return ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="import_missing_columns",
                translation_placeholders=detail,
            )
        case Problem.NO_NUTRIENTS:  # pragma: no branch (the last problem there is)
            return ServiceValidationError(
                translation_domain=DOMAIN, translation_key="import_no_nutrients"
            )


def _report(parsed: Parsed, plan: ImportPlan, *, dry_run: bool) -> dict[str, Any]:
    """Return what an import did (or, in a dry run, would do)."""
    times = [entry.time for _, entry in plan.new]
    return {
        "format": parsed.format,
        "dry_run": dry_run,
        "rows": parsed.rows,
        "new": len(plan.new),
        "added": 0 if dry_run else len(plan.new),
        "duplicates": len(plan.duplicates),
        "refused": len(parsed.refused),
        "refused_rows": [
            {"row": r.row, "field": r.field, "reason": r.reason.value}
            for r in parsed.refused[:REPORT_ROWS]
        ],
        "duplicate_rows": [
            {"row": d.row, "of": d.of} for d in plan.duplicates[:REPORT_ROWS]
        ],
        "first": min(times).isoformat() if times else None,
        "last": max(times).isoformat() if times else None,
    }


# --- registration ------------------------------------------------------------------------

_ACTIONS: tuple[
    tuple[
        str,
        TranslatedSchema,
        Callable[[ServiceCall], Coroutine[Any, Any, ServiceResponse]],
    ],
    ...,
] = (
    (SERVICE_EXPORT_LOG, EXPORT_LOG_SCHEMA, _async_export_log),
    (SERVICE_IMPORT_LOG, IMPORT_LOG_SCHEMA, _async_import_log),
)


# Administrators only: they read and write files and can add years of history.
TRANSFER_ACTIONS = tuple(
    (name, schema, handler, SupportsResponse.OPTIONAL, True)
    for name, schema, handler in _ACTIONS
)
