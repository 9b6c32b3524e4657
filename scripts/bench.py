"""Benchmarks of mTOR Balance inside a real, in-process Home Assistant (run: scripts/bench).

Every Home Assistant figure comes from a `HomeAssistant` instance with a temporary
configuration directory and real storage files, created by the test plugin's
`async_test_home_assistant` (the instance every test of this repository runs in). Histories
are written straight into the person's storage file with the row format of store.py. Times are
wall-clock (`time.perf_counter`); each figure is the median over repeated runs with its spread
(p10-p90 with 10 or more samples, min-max below that).

Clock-driven paths (the scale's hold time, a simulated day) run on a simulated clock: Home
Assistant's `utcnow` and the event helper's time sources are patched, and due timers are run
at once, as the test plugin's `async_fire_time_changed` does.
"""

from __future__ import annotations

import argparse
import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Iterator, Sequence
import contextlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time as dtime, timedelta
import functools
import gc
import json
import logging
import os
from pathlib import Path
import platform
import random
import statistics
import sys
import tempfile
import time
import timeit
import tracemalloc
from types import SimpleNamespace
from typing import Any, cast
from unittest.mock import patch
from zoneinfo import ZoneInfo

from homeassistant import const as ha_const, loader
from homeassistant.const import EVENT_STATE_CHANGED
from homeassistant.core import Event, EventStateChangedData, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er, event as event_helper
from homeassistant.helpers.json import save_json
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
from homeassistant.util.async_ import get_scheduled_timer_handles
from pytest_homeassistant_custom_component.common import (  # type: ignore[import-untyped]
    MockConfigEntry,
    async_test_home_assistant,
)

from custom_components.mtor_balance.const import (
    DOMAIN,
)
from custom_components.mtor_balance.core.foods import FoodTable
from custom_components.mtor_balance.core.history import (
    by_year,
    closable,
    open_period_start,
    summarize,
)
from custom_components.mtor_balance.core.log import IntakeLog
from custom_components.mtor_balance.core.model import DayType, Entry, Source
from custom_components.mtor_balance.core.planner import Suggestion, suggest_next_meal
from custom_components.mtor_balance.core.record import PersonRecord
from custom_components.mtor_balance.core.state import PersonState, person_state
from custom_components.mtor_balance.person.food_table import (
    FOOD_TABLE,
    FOOD_TABLE_PATH,
    async_food_index,
)
from custom_components.mtor_balance.person.household import async_get_household
from custom_components.mtor_balance.person.options import profile_from_options
from custom_components.mtor_balance.person.store import (
    PersonStore,
    entry_to_row,
)
from custom_components.mtor_balance.scales.registry import PROTOCOLS

TIME_ZONE = "Europe/Stockholm"
SCALE = "sensor.kitchen_scale"
UNFOLLOWED = "sensor.other_scale"
SCALE_ATTRIBUTES = {"unit_of_measurement": "g", "device_class": "weight"}
PERSON = "Bench"  # entity ids sensor.bench_...
LEUCINE_TODAY = "sensor.bench_leucine_today"
FOOD_SELECT = "select.bench_food"
OPTIONS: dict[str, Any] = {
    "body_mass_kg": 80.0,
    "age_group": "adult",
    "fast_goal_h": 16.0,
    "window_mode": "fixed",
    "window_start": "08:00:00",
    "window_length_h": 10.0,
    "leucine_target_g": 2.5,
    "protein_target_g": 128.0,
    "day_start": "00:00:00",
    "log_mode": "on_removal",
    "plan": dict.fromkeys(("mon", "tue", "wed", "thu", "fri", "sat", "sun"), "normal"),
}
HISTORIES = {"0 years": 0.0, "1 year": 1.0, "10 years": 10.0, "30 years": 30.0}
SEARCH_QUERIES = (
    "cottage cheese",
    "keso",
    "chicken breast",
    "kycklingbröst",
    "egg",
    "milk",
    "beef ground",
    "b",
    "salmon raw",
    "xyzzy",
)
# The meals of a simulated day: (local time, ((food id, grams), ...)). Weighed foods are
# the person's Food select choices in turn (their ids here are not used).
ACTION_MEALS = (
    (dtime(8, 0), (("01012", 250.0),)),
    (dtime(12, 30), (("05064", 150.0),)),
    (dtime(18, 0), (("15237", 200.0),)),
)
WEIGHED_MEALS = (
    (dtime(8, 0), (("", 200.0), ("", 100.0), ("", 60.0))),
    (dtime(12, 30), (("", 150.0), ("", 180.0), ("", 80.0))),
    (dtime(18, 30), (("", 160.0), ("", 120.0), ("", 40.0))),
)
SETUP_FRESH = "Set-up of one person, fresh Home Assistant instance"
SETUP_RELOAD = "Set-up of one person on reload (integration already set up)"
SCALE_PATH = "Scale (weight sensor) path"
PARSE = "Bluetooth notification parse"
SEARCH = "Food search (8,867 foods)"
PLANNER = "Meal planner and state (pure core, per recompute)"
ACTIONS = "Actions"
STORAGE = "Storage, 10 years of history (open period and closed years)"
WRITES = "State writes (state_changed events of the person's entities)"
IMPORT = "A big import (import_log of a CSV file, 200,000 rows over 30 years)"
SECTIONS = (
    SETUP_FRESH,
    SETUP_RELOAD,
    SCALE_PATH,
    PARSE,
    SEARCH,
    PLANNER,
    ACTIONS,
    STORAGE,
    WRITES,
    IMPORT,
)
# The scale's hold time is 2 s and the follower looks again 0.1 s later.
HOLD = timedelta(seconds=3)


@dataclass
class Settings:
    """How many times each figure is measured."""

    instances: int  # fresh Home Assistant instances per history size (set-up)
    reloads: int  # unload/set-up cycles per instance
    updates: int  # weight states per batch
    batches: int
    latency: int  # settle -> Leucine today samples
    actions: int  # log_food calls per history size
    saves: int


FULL = Settings(
    instances=6, reloads=6, updates=5000, batches=9, latency=12, actions=10, saves=7
)
QUICK = Settings(
    instances=3, reloads=3, updates=2000, batches=5, latency=5, actions=5, saves=3
)


@dataclass
class Row:
    """One line of the table."""

    section: str
    name: str
    unit: str  # "ms", "us", "MB", "writes", "x"
    samples: list[float]
    goal: float | None = None  # the figure must stay below (or at most at) this
    note: str = ""

    @property
    def median(self) -> float:
        """Return the median of the samples."""
        return statistics.median(self.samples)

    @property
    def spread(self) -> tuple[str, float, float]:
        """Return ("p10-p90", p10, p90) for 10 or more samples, else ("min-max", ...)."""
        ordered = sorted(self.samples)
        if len(ordered) >= 10:
            deciles = statistics.quantiles(ordered, n=10, method="inclusive")
            return "p10-p90", deciles[0], deciles[-1]
        return "min-max", ordered[0], ordered[-1]

    @property
    def met(self) -> bool | None:
        """Return whether the median meets the goal (None without a goal)."""
        return None if self.goal is None else self.median <= self.goal


@dataclass
class Results:
    """Everything measured, in table order."""

    rows: list[Row] = field(default_factory=list)
    facts: dict[str, str] = field(default_factory=dict)

    def add(self, row: Row) -> Row:
        """Append a row and return it."""
        self.rows.append(row)
        return row


def _ms(seconds: float) -> float:
    return seconds * 1000.0


# --- the simulated clock ------------------------------------------------------------------


class SimClock:
    """Home Assistant's clock, moved by hand; due timers run when it moves.

    Runs the timers of `async_track_point_in_utc_time` (due at their expected timestamp) and
    of `async_call_later` (due at the simulated time they were first seen plus their delay).
    Other timers (the Bluetooth stack's own) are left alone.
    """

    def __init__(self, hass: HomeAssistant, now: datetime) -> None:
        """Start the clock at `now` (it moves only with `advance`)."""
        self.hass = hass
        self.now = now
        self._due: dict[asyncio.TimerHandle, float] = {}

    def utcnow(self) -> datetime:
        """Return the simulated time."""
        return self.now

    def timestamp(self) -> float:
        """Return the simulated time as a POSIX timestamp."""
        return self.now.timestamp()

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        """Make Home Assistant read this clock while the context is open."""
        with (
            patch.object(dt_util, "utcnow", self.utcnow),
            patch.object(event_helper, "time_tracker_utcnow", self.utcnow),
            patch.object(event_helper, "time_tracker_timestamp", self.timestamp),
            # Point-in-time timers are armed with time.time(): on this clock they stay in
            # the loop's schedule (where `advance` finds them) instead of being due at once.
            patch.object(event_helper, "time", SimpleNamespace(time=self.timestamp)),
        ):
            yield

    def _register(self) -> None:
        loop_now = self.hass.loop.time()
        for handle in get_scheduled_timer_handles(self.hass.loop):
            if handle.cancelled() or handle in self._due:
                continue
            job = getattr(handle, "_callback", None)
            if isinstance(job, event_helper._TrackPointUTCTime):  # noqa: SLF001
                self._due[handle] = job.expected_fire_timestamp
            elif job is event_helper._run_async_call_action:  # noqa: SLF001
                self._due[handle] = self.timestamp() + handle.when() - loop_now

    async def advance(self, delta: timedelta) -> None:
        """Move the clock forward by `delta`, running the timers that become due."""
        await self.advance_to(self.now + delta)

    async def advance_to(self, when: datetime) -> None:
        """Move the clock forward to `when`, stopping at every timer due on the way.

        The clock stands at each timer's due time while it runs, as in a real run.
        """
        target = when.timestamp()
        while True:
            await self.hass.async_block_till_done()
            self._register()
            for handle in [h for h in self._due if h.cancelled()]:
                del self._due[handle]
            next_at = min(
                (at for at in self._due.values() if at <= target), default=None
            )
            if next_at is None:
                self.now = max(self.now, when)
                return
            at = datetime.fromtimestamp(next_at, UTC)
            if at.timestamp() < next_at:  # never a hair early (Home Assistant re-arms)
                at += timedelta(microseconds=1)
            self.now = max(self.now, at)
            stamp = self.timestamp()
            for handle in sorted(
                (h for h, at in self._due.items() if at <= stamp),
                key=lambda h: self._due[h],
            ):
                del self._due[handle]
                if not handle.cancelled():
                    handle._run()  # noqa: SLF001
                    handle.cancel()


# --- Home Assistant instances -------------------------------------------------------------


@contextlib.contextmanager
def _no_http_server() -> Iterator[None]:
    with (
        patch("homeassistant.components.http.HomeAssistantHTTP.async_bind"),
        patch("homeassistant.components.http.HomeAssistantHTTP.start"),
    ):
        yield


@contextlib.asynccontextmanager
async def home_assistant(config_dir: Path) -> AsyncIterator[HomeAssistant]:
    """Yield a running Home Assistant on `config_dir` with custom integrations enabled.

    Like the tests' instances (the test plugin's `disable_http_server`), it serves no HTTP:
    `http`, set up for bluetooth's dependencies, would bind port 8123 on every address and
    fail while scripts/develop (or any Home Assistant) runs on this machine.
    """
    with _no_http_server():
        async with async_test_home_assistant(config_dir=str(config_dir)) as instance:
            hass = cast("HomeAssistant", instance)
            hass.data.pop(loader.DATA_CUSTOM_COMPONENTS, None)
            await hass.config.async_set_time_zone(TIME_ZONE)
            try:
                yield hass
            finally:
                await hass.async_block_till_done()
                await hass.async_stop(force=True)


def person_entry(entry_id: str, *, scale: bool = True) -> Any:
    """Return the config entry of the person "Bench" (not yet added)."""
    options = dict(OPTIONS)
    if scale:
        options["scale_entity"] = SCALE
    return MockConfigEntry(
        domain=DOMAIN,
        title=PERSON,
        unique_id=entry_id,
        data={"name": PERSON},
        options=options,
        entry_id=entry_id,
    )


async def add_person(hass: HomeAssistant, entry_id: str) -> Any:
    """Add the person with the kitchen scale and set them up."""
    hass.states.async_set(SCALE, "0", SCALE_ATTRIBUTES)
    entry = person_entry(entry_id)
    entry.add_to_hass(hass)
    if not await hass.config_entries.async_setup(entry.entry_id):
        raise RuntimeError(f"{entry_id} did not set up")
    await hass.async_block_till_done()
    return entry


async def select_food(hass: HomeAssistant, choice: int = 0) -> str:
    """Select the person's `choice`-th food choice; return its name."""
    state = hass.states.get(FOOD_SELECT)
    assert state is not None
    options = list(state.attributes["options"])
    option = str(options[choice % len(options)])
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": FOOD_SELECT, "option": option},
        blocking=True,
    )
    return option


# --- histories ----------------------------------------------------------------------------


def make_history(foods: FoodTable, years: float, end: datetime) -> list[Entry]:
    """Return `years` of realistic entries (about 8.2 a day) ending the day before `end`.

    Three meals a day of two or three common foods each, and a supplement on one day in five.
    """
    rng = random.Random(f"history {years}")
    common = foods.common()
    tz = ZoneInfo(TIME_ZONE)
    last_day = end.astimezone(tz).date()
    entries: list[Entry] = []
    for back in range(round(365.25 * years), 0, -1):
        day = last_day - timedelta(days=back)
        for hour, parts in ((7.5, 2), (12.5, 3), (18.5, 3)):
            meal = datetime.combine(day, dtime(), tz) + timedelta(
                hours=hour + rng.uniform(-0.75, 0.75)
            )
            for part in range(parts):
                food = rng.choice(common)
                grams = round(rng.uniform(20.0, 250.0), 1)
                nutrients = food.portion(grams)
                entries.append(
                    Entry(
                        id=f"{rng.getrandbits(128):032x}",
                        time=(meal + timedelta(minutes=3 * part)).astimezone(UTC),
                        name=food.name,
                        protein_g=round(nutrients.protein_g, 3),
                        leucine_g=round(nutrients.leucine_g, 3),
                        kcal=round(nutrients.kcal, 1),
                        leucine_estimated=nutrients.leucine_estimated,
                        source=Source.SCALE if rng.random() < 0.7 else Source.ACTION,
                        food_id=food.id,
                        grams=grams,
                    )
                )
        if rng.random() < 0.2:
            entries.append(
                Entry(
                    id=f"{rng.getrandbits(128):032x}",
                    time=(datetime.combine(day, dtime(16), tz)).astimezone(UTC),
                    name="Leucine powder",
                    protein_g=0.0,
                    leucine_g=3.0,
                    kcal=12.0,
                    leucine_estimated=False,
                    source=Source.ACTION,
                )
            )
    return entries


async def write_history(
    config_dir: Path, entry_id: str, entries: Sequence[Entry], now: datetime
) -> None:
    """Store a person's history as the integration keeps it, with its own store.

    The open entries go to the person's file and the closed years to their files, exactly
    as a person who logged `entries` up to `now` has them on disk.
    """
    async with home_assistant(config_dir) as hass:
        store = PersonStore(hass, entry_id)
        closed = closable(IntakeLog(list(entries)), now)
        years = by_year(closed)
        for year, group in years.items():
            await store.async_save_year(year, group)
        gone = {entry.id for entry in closed}
        record = PersonRecord.create(
            FoodTable(),
            entries=[entry for entry in entries if entry.id not in gone],
            history={year: summarize(group) for year, group in years.items()},
        )
        await store.async_save(record)


def write_one_file(config_dir: Path, entry_id: str, entries: Sequence[Entry]) -> Path:
    """Write a log as version 1 kept it (one file, indented), to measure its migration."""
    key = f"{DOMAIN}.{entry_id}"
    path = config_dir / ".storage" / key
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "version": 1,
        "minor_version": 2,
        "key": key,
        "data": {
            "entries": [entry_to_row(entry) for entry in entries],
            "day_types": {},
            "selected_food": None,
            "favorites": [],
            "custom_foods": [],
        },
    }
    save_json(str(path), payload)  # as Home Assistant's Store wrote it: indented
    return path


def _entry_id(label: str) -> str:
    return "bench_" + label.replace(" ", "_")


# --- the benchmarks -----------------------------------------------------------------------


async def bench_setup(config_dir: Path, settings: Settings, results: Results) -> None:
    """Entry set-up in fresh instances and on reload, against a core integration (sun)."""
    fresh: dict[str, list[float]] = {label: [] for label in HISTORIES}
    reload: dict[str, list[float]] = {label: [] for label in HISTORIES}
    sun_fresh: list[float] = []
    sun_reload: list[float] = []
    dependencies: list[float] = []
    for instance in range(settings.instances + 1):  # instance 0 warms up (imports)
        for label in HISTORIES:
            async with home_assistant(config_dir) as hass:
                began = time.perf_counter()
                # mTOR Balance depends on bluetooth_adapters (and so bluetooth); Home
                # Assistant sets those up before it (stage 1), so they are not counted.
                assert await async_setup_component(hass, "bluetooth_adapters", {})
                await hass.async_block_till_done()
                dependencies.append(time.perf_counter() - began)

                sun = MockConfigEntry(domain="sun", title="Sun")
                sun.add_to_hass(hass)
                began = time.perf_counter()
                assert await hass.config_entries.async_setup(sun.entry_id)
                sun_time = time.perf_counter() - began
                await hass.async_block_till_done()

                hass.states.async_set(SCALE, "0", SCALE_ATTRIBUTES)
                person = person_entry(_entry_id(label))
                person.add_to_hass(hass)
                began = time.perf_counter()
                assert await hass.config_entries.async_setup(person.entry_id)
                person_time = time.perf_counter() - began
                await hass.async_block_till_done()
                if instance:
                    fresh[label].append(person_time)
                    sun_fresh.append(sun_time)

                for _ in range(settings.reloads if instance else 1):
                    for entry, times in ((person, reload[label]), (sun, sun_reload)):
                        assert await hass.config_entries.async_unload(entry.entry_id)
                        await hass.async_block_till_done()
                        gc.collect()
                        began = time.perf_counter()
                        assert await hass.config_entries.async_setup(entry.entry_id)
                        elapsed = time.perf_counter() - began
                        await hass.async_block_till_done()
                        if instance:
                            times.append(elapsed)

    section = SETUP_FRESH
    results.add(
        Row(
            section,
            "baseline: core `sun` entry",
            "ms",
            [_ms(s) for s in sun_fresh],
            note="integration + entry, no dependencies",
        )
    )
    for label in HISTORIES:
        row = results.add(
            Row(
                section,
                f"mtor_balance, {label} of history",
                "ms",
                [_ms(s) for s in fresh[label]],
                goal=50.0 if label == "10 years" else None,
                note="integration + entry + food table",
            )
        )
        row.note += (
            f"; {row.median / statistics.median(_ms(s) for s in sun_fresh):.1f}x sun"
        )
    section = SETUP_RELOAD
    results.add(
        Row(section, "baseline: core `sun` entry", "ms", [_ms(s) for s in sun_reload])
    )
    sun_median = statistics.median(_ms(s) for s in sun_reload)
    for label in HISTORIES:
        row = results.add(
            Row(
                section,
                f"mtor_balance, {label} of history",
                "ms",
                [_ms(s) for s in reload[label]],
            )
        )
        row.note = f"{row.median / sun_median:.1f}x sun"
    results.facts["dependencies"] = (
        f"setting up the dependencies bluetooth_adapters + bluetooth first: median "
        f"{_ms(statistics.median(dependencies)):.1f} ms (not counted above)"
    )


async def bench_scale(
    config_dir: Path,
    foods: FoodTable,
    label: str,
    settings: Settings,
    results: Results,
) -> None:
    """Measure the follower per weight state, settle-to-state latency, log_food, search."""
    entry_id = _entry_id(label)
    async with home_assistant(config_dir) as hass:
        assert await async_setup_component(hass, "bluetooth_adapters", {})
        await add_person(hass, entry_id)
        # A food with leucine, whatever the history made recent (a brewed tea has none,
        # and a portion of it would change no Leucine today state to time).
        person = async_get_household(hass).get(entry_id)
        assert person is not None
        await person.async_select_food("01012")  # cottage cheese
        hass.states.async_set(UNFOLLOWED, "0", SCALE_ATTRIBUTES)
        await hass.async_block_till_done()

        if label == "0 years":
            # A steady load, read 4 times a second by the scale: every state differs (so each
            # is a state_changed event) but stays within the 2 g tolerance, so nothing settles
            # while the batch runs and each state costs the whole follower path.
            values = ("152.3", "152.8", "153.1", "152.6")
            followed: list[float] = []
            unfollowed: list[float] = []
            for batch in range(settings.batches + 1):
                for entity_id, times in ((SCALE, followed), (UNFOLLOWED, unfollowed)):
                    gc.collect()
                    began = time.perf_counter()
                    for index in range(settings.updates):
                        hass.states.async_set(
                            entity_id, values[index & 3], SCALE_ATTRIBUTES
                        )
                    await hass.async_block_till_done()
                    if batch:
                        times.append(
                            (time.perf_counter() - began) / settings.updates * 1e6
                        )
            section = SCALE_PATH
            results.add(
                Row(
                    section,
                    "one weight state, followed by a person (async_set)",
                    "us",
                    followed,
                    goal=200.0,
                )
            )
            results.add(
                Row(
                    section,
                    "one weight state nobody follows (baseline)",
                    "us",
                    unfollowed,
                )
            )
            results.add(
                Row(
                    section,
                    "the follower's share of one weight state",
                    "us",
                    [a - b for a, b in zip(followed, unfollowed, strict=True)],
                )
            )
            await bench_search_action(hass, results)

        await bench_settle_latency(hass, label, settings, results)

        times = []
        for _ in range(settings.actions + 1):
            began = time.perf_counter()
            await hass.services.async_call(
                DOMAIN,
                "log_food",
                {"food": "01012", "grams": 100},
                blocking=True,
                return_response=True,
            )
            times.append(time.perf_counter() - began)
        written = await hass.async_add_executor_job(
            os.path.getsize, PersonStore(hass, entry_id).path
        )
        results.add(
            Row(
                ACTIONS,
                f"log_food, {label} of history (saved before it returns)",
                "ms",
                [_ms(s) for s in times[1:]],
            )
        )
        results.add(
            Row(
                ACTIONS,
                f"bytes written per logged entry, {label} of history",
                "kB",
                [written / 1e3],
                goal=100.0,
                note="the person's file, written whole by each log",
            )
        )


def add_log_food_ratios(results: Results) -> None:
    """Add log_food with history against log_food without (the same run)."""
    medians = {
        row.name.split(", ")[1].split(" of")[0]: row.median
        for row in results.rows
        if row.name.startswith("log_food, ")
    }
    baseline = medians["0 years"]
    for label in HISTORIES:
        if label == "0 years":
            continue
        results.add(
            Row(
                ACTIONS,
                f"log_food, {label} / 0 years",
                "x",
                [medians[label] / baseline],
                goal=1.5 if label in ("10 years", "30 years") else None,
            )
        )


async def bench_settle_latency(
    hass: HomeAssistant, label: str, settings: Settings, results: Results
) -> None:
    """From the settled "taken off" reading to the new Leucine today state."""
    clock = SimClock(hass, dt_util.utcnow())
    changed = asyncio.Event()
    stamp: list[float] = []

    @callback
    def leucine_changed(event: Event[EventStateChangedData]) -> None:
        if event.data["entity_id"] == LEUCINE_TODAY:
            stamp.append(time.perf_counter())
            changed.set()

    latencies: list[float] = []
    unsubscribe = hass.bus.async_listen(EVENT_STATE_CHANGED, leucine_changed)
    try:
        with clock.installed():
            # An empty scale first (logs whatever an earlier benchmark left on it).
            hass.states.async_set(SCALE, "0", SCALE_ATTRIBUTES)
            await clock.advance(HOLD)
            for sample in range(settings.latency + 1):
                hass.states.async_set(SCALE, "152.3", SCALE_ATTRIBUTES)
                await clock.advance(HOLD)
                portion = hass.states.get("sensor.bench_portion")
                assert portion is not None
                assert portion.state == "152.3", portion
                hass.states.async_set(SCALE, "0", SCALE_ATTRIBUTES)
                await hass.async_block_till_done()
                changed.clear()
                stamp.clear()
                began = time.perf_counter()
                await clock.advance(HOLD)  # the tick that confirms "taken off"
                await asyncio.wait_for(changed.wait(), timeout=10)
                if sample:
                    latencies.append(stamp[0] - began)
    finally:
        unsubscribe()
    results.add(
        Row(
            SCALE_PATH,
            f"settled reading -> Leucine today state, {label} of history",
            "ms",
            [_ms(s) for s in latencies],
            note="includes saving the log",
        )
    )


async def bench_search_action(hass: HomeAssistant, results: Results) -> None:
    """Measure the search_foods action with every query, as an automation calls it."""
    # The index is built a few seconds after start-up (or by the first search): build it.
    await async_food_index(hass, hass.data[FOOD_TABLE])
    times: list[float] = []
    for _ in range(20):
        for query in SEARCH_QUERIES:
            began = time.perf_counter()
            await hass.services.async_call(
                DOMAIN,
                "search_foods",
                {"query": query, "limit": 10},
                blocking=True,
                return_response=True,
            )
            times.append(time.perf_counter() - began)
    results.add(
        Row(
            SEARCH,
            f"search_foods action, {len(SEARCH_QUERIES)} queries x 20",
            "ms",
            [_ms(s) for s in times],
            goal=2.0,
        )
    )


def bench_search(foods: FoodTable, results: Results) -> None:
    """FoodTable.search per query, with the prefix cache emptied before every call."""
    foods.build_index()
    index = getattr(foods, "_index", None)
    cache = getattr(index, "prefix_cache", None)
    for query in SEARCH_QUERIES:
        samples: list[float] = []
        for _ in range(60):
            if isinstance(cache, dict):
                cache.clear()
            began = time.perf_counter()
            found = foods.search(query, language="en", limit=10)
            samples.append(time.perf_counter() - began)
        results.add(
            Row(
                SEARCH,
                f"search {query!r} ({len(found)} hits)",
                "ms",
                [_ms(s) for s in samples],
                goal=2.0,
                note="" if isinstance(cache, dict) else "prefix cache not found: warm",
            )
        )


def bench_planner(
    histories: dict[str, list[Entry]], now: datetime, results: Results
) -> None:
    """Measure the next suggested meal and the whole state with each history.

    At 09:10 and 15:10 of the last day, with a training session every day at 17:00: what a
    recompute of a person costs (the coordinator runs one after every change and at each
    moment the state changes).
    """
    tz = ZoneInfo(TIME_ZONE)
    profile = profile_from_options(
        {**OPTIONS, "training": dict.fromkeys(OPTIONS["plan"], "17:00:00")}
    )
    day = now.astimezone(tz).date()
    baseline: dict[str, float] = {}
    for label, entries in histories.items():
        log = IntakeLog(entries)
        for clock in (dtime(9, 10), dtime(15, 10)):
            moment = datetime.combine(day, clock, tz).astimezone(UTC)

            def suggest(at: datetime = moment, intake: IntakeLog = log) -> Suggestion:
                return suggest_next_meal(intake, profile, now=at, tz=tz)

            def state(at: datetime = moment, intake: IntakeLog = log) -> PersonState:
                return person_state(
                    intake,
                    profile,
                    now=at,
                    tz=tz,
                    day_type=DayType.NORMAL,
                    suggestion=suggest(at, intake),
                    portion=None,
                )

            for name, run in (("suggest_next_meal", suggest), ("person_state", state)):
                number = 200
                runs = timeit.repeat(run, number=number, repeat=15)
                row = results.add(
                    Row(
                        PLANNER,
                        f"{name} at {clock:%H:%M}, {label}",
                        "ms",
                        [_ms(seconds / number) for seconds in runs],
                        goal=1.0,
                    )
                )
                key = f"{name} {clock}"
                if label == "0 years":
                    baseline[key] = row.median
                else:
                    results.add(
                        Row(
                            PLANNER,
                            f"{name} at {clock:%H:%M}, {label} / 0 years",
                            "x",
                            [row.median / baseline[key]],
                            note="same run",
                        )
                    )


def sample_frames() -> dict[str, bytes]:
    """One 152.3 g weight notification per protocol, built from the documented formats."""
    esn00 = bytearray(bytes.fromhex("feefc0a2d005") + bytes([0, 0x05, 0xF3, 0, 1, 0]))
    esn00[-1] = sum(esn00[4:-1]) & 0xFF
    luminary = bytearray(17)
    luminary[0:5] = bytes([0xA5, 0x22, 0x01, 0x0B, 0x00])
    luminary[10:17] = bytes([0, 0xF3, 0x05, 0, 2, 0, 1])
    luminary[5] = (0xFF - sum(luminary)) & 0xFF
    decent = bytearray(bytes([0x03, 0xCE, 0x05, 0xF3, 0, 0, 0]))
    bookoo = bytearray(bytes.fromhex("030b000000002b003b7e2b000064000501000000"))
    for frame in (decent, bookoo):
        check = 0
        for byte in frame[:-1]:
            check ^= byte
        frame[-1] = check
    return {
        "etekcity_esn00": bytes(esn00),
        "etekcity_luminary": bytes(luminary),
        "decent_scale": bytes(decent),
        "bookoo_themis": bytes(bookoo),
    }


def bench_parse(results: Results) -> None:
    """Measure each protocol's parser on a valid weight notification."""
    frames = sample_frames()
    for protocol in PROTOCOLS:
        frame = frames.get(protocol.key)
        if frame is None or protocol.parse(frame) is None:
            results.facts[f"parse {protocol.key}"] = "no sample frame: not measured"
            continue
        reading = protocol.parse(frame)
        assert reading is not None
        assert abs(reading.grams - 152.3) < 0.01, (protocol.key, reading)
        number = 20000
        runs = timeit.repeat(
            functools.partial(protocol.parse, frame),
            number=number,
            repeat=15,
        )
        results.add(
            Row(
                PARSE,
                f"{protocol.name} ({len(frame)} bytes)",
                "us",
                [run / number * 1e6 for run in runs],
                goal=10.0,
            )
        )


async def bench_storage(
    config_dir: Path, history: list[Entry], settings: Settings, results: Results
) -> None:
    """Measure the files of 10 years: saving, loading at set-up, closing a month, memory."""
    now = dt_util.utcnow()
    entry_id = "bench_storage"
    await write_history(config_dir, entry_id, history, now)
    table = FoodTable()
    async with home_assistant(config_dir) as hass:
        store = PersonStore(hass, entry_id)
        record = await store.async_load(table)
        saves: list[float] = []
        for _ in range(settings.saves + 1):
            began = time.perf_counter()
            await store.async_save(record)
            saves.append(time.perf_counter() - began)
        person_size = await hass.async_add_executor_job(os.path.getsize, store.path)
        year_paths = sorted(Path(store.path).parent.glob(f"{store.key}.[0-9]*"))
        year_sizes = [path.stat().st_size for path in year_paths]
        loads: list[float] = []
        for _ in range(settings.saves + 1):
            began = time.perf_counter()
            await store.async_load(table)
            loads.append(time.perf_counter() - began)

        # Closing a month: this year's file read, merged and written once a month.
        year = now.year
        closes: list[float] = []
        for _ in range(settings.saves + 1):
            began = time.perf_counter()
            entries = await store.async_load_year(year)
            assert entries is not None, f"the bench's year {year} cannot be read"
            await store.async_save_year(year, entries)
            closes.append(time.perf_counter() - began)
        month = [
            entry for entry in history if open_period_start(now) <= entry.time < now
        ]

        gc.collect()
        tracemalloc.start()
        base, _ = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        held = await store.async_load(table)
        gc.collect()
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del held

    section = STORAGE
    results.add(
        Row(
            section,
            "save of the person's file (what every change writes)",
            "ms",
            [_ms(s) for s in saves[1:]],
        )
    )
    results.add(
        Row(section, "person's file size (the open period)", "kB", [person_size / 1e3])
    )
    results.add(
        Row(
            section,
            f"closed years: {len(year_sizes)} files, largest",
            "kB",
            [max(year_sizes) / 1e3],
            note=f"{sum(year_sizes) / 1e6:.2f} MB in all, written once a month at most",
        )
    )
    results.add(
        Row(
            section,
            "closing a month (this year's file read, merged, written)",
            "ms",
            [_ms(s) for s in closes[1:]],
        )
    )
    results.add(
        Row(
            section,
            "closing a month, per entry of a month (amortized)",
            "kB",
            [max(year_sizes) / 1e3 / max(1, len(month) // 2)],
            note="this year's file once a month, over a month of entries",
        )
    )
    results.add(
        Row(
            section,
            "load + decode at set-up (the person's file only)",
            "ms",
            [_ms(s) for s in loads[1:]],
        )
    )
    results.add(
        Row(
            section,
            "memory held after loading (tracemalloc)",
            "MB",
            [(current - base) / 1e6],
        )
    )
    results.add(
        Row(
            section,
            "peak memory while loading (tracemalloc)",
            "MB",
            [(peak - base) / 1e6],
            goal=40.0,
        )
    )


async def bench_migration(
    config_dir: Path, history: list[Entry], results: Results
) -> None:
    """Measure the one-off migration of a version 1 file (one file holding ten years)."""
    table = FoodTable()
    migrate_id = "bench_migrate"
    migrations: list[float] = []
    migration_peak = 0.0
    for attempt in range(2):
        write_one_file(config_dir, migrate_id, history)
        async with home_assistant(config_dir) as hass:
            store = PersonStore(hass, migrate_id)
            gc.collect()
            if attempt:
                tracemalloc.start()
                base, _ = tracemalloc.get_traced_memory()
            began = time.perf_counter()
            migrated = await store.async_load(table)
            migrations.append(time.perf_counter() - began)
            if attempt:
                _, peak_migration = tracemalloc.get_traced_memory()
                tracemalloc.stop()
                migration_peak = (peak_migration - base) / 1e6
            assert len(migrated.log) + sum(
                summary.count for summary in migrated.history.values()
            ) == len(history)
            await store.async_remove()

    results.add(
        Row(
            STORAGE,
            "one-off migration of a version 1 file of 10 years",
            "ms",
            [_ms(migrations[0])],
            note=f"peak memory {migration_peak:.0f} MB (tracemalloc, second run)",
        )
    )


async def bench_day(
    config_dir: Path, foods: FoodTable, results: Results, *, weighed: bool
) -> None:
    """Count the state writes of one person's entities over a simulated day.

    Three meals: logged with the log_food action (one food each), or weighed on the scale
    (three foods each, picked in the Food select). The simulated clock stops at every
    moment a timer is due, as Home Assistant's clock would.
    """
    tz = ZoneInfo(TIME_ZONE)
    day = date(2026, 11, 3)  # a Tuesday, no daylight saving change
    start = datetime.combine(day, dtime(), tz).astimezone(UTC)
    entry_id = "bench_day_weighed" if weighed else "bench_day_action"
    await write_history(config_dir, entry_id, make_history(foods, 1.0, start), start)
    meals = WEIGHED_MEALS if weighed else ACTION_MEALS
    due = {datetime.combine(day, at, tz).astimezone(UTC): parts for at, parts in meals}
    counts: Counter[str] = Counter()
    async with home_assistant(config_dir) as hass:
        clock = SimClock(hass, start - timedelta(minutes=10))
        with clock.installed():
            assert await async_setup_component(hass, "bluetooth_adapters", {})
            entry = await add_person(hass, entry_id)
            await clock.advance_to(start)
            entities = {
                registered.entity_id
                for registered in er.async_entries_for_config_entry(
                    er.async_get(hass), entry.entry_id
                )
            }

            @callback
            def count(event: Event[EventStateChangedData]) -> None:
                if event.data["entity_id"] in entities:
                    counts[event.data["entity_id"]] += 1

            unsubscribe = hass.bus.async_listen(EVENT_STATE_CHANGED, count)
            choice = 0
            for meal_time in [*sorted(due), start + timedelta(days=1)]:
                # Every clock-driven update on the way runs at its own moment.
                await clock.advance_to(meal_time)
                for food_id, grams in due.get(meal_time, ()):
                    if not weighed:
                        await hass.services.async_call(
                            DOMAIN,
                            "log_food",
                            {"food": food_id, "grams": grams},
                            blocking=True,
                        )
                        continue
                    choice += 1
                    await select_food(hass, choice)
                    hass.states.async_set(SCALE, str(grams), SCALE_ATTRIBUTES)
                    await clock.advance(HOLD)
                    hass.states.async_set(SCALE, "0", SCALE_ATTRIBUTES)
                    await clock.advance(HOLD)
            unsubscribe()
            logged = await hass.services.async_call(
                DOMAIN,
                "get_log",
                {"start": start.isoformat()},
                blocking=True,
                return_response=True,
            )
    entries = cast("dict[str, list[Any]]", logged)["entries"]
    assert len(entries) == sum(len(parts) for _, parts in meals), entries
    top = ", ".join(
        f"{entity_id.split('.', 1)[1].removeprefix('bench_')} {number}"
        for entity_id, number in counts.most_common(3)
    )
    how = "3 foods each, weighed on the scale" if weighed else "1 food each, log_food"
    results.add(
        Row(
            WRITES,
            f"per person per simulated day, 3 meals of {how}",
            "writes",
            [float(sum(counts.values()))],
            goal=300.0,
            note=f"most: {top}",
        )
    )
    results.facts["day, " + how] = ", ".join(
        f"{entity_id.removeprefix(entity_id.split('.')[0] + '.bench_')} {number}"
        for entity_id, number in sorted(counts.items())
    )


async def bench_photo(config_dir: Path, settings: Settings, results: Results) -> None:
    """From the settled reading to the photo's candidates (issue 24, person/photo.py).

    The kitchen camera's snapshot goes through Home Assistant's AI Task to a model that
    answers at once ("keso"); what is measured is everything but the model's own time.
    """
    from homeassistant.components import camera  # noqa: PLC0415
    from homeassistant.components.ai_task import (  # noqa: PLC0415
        AITaskEntity,
        AITaskEntityFeature,
        GenDataTask,
        GenDataTaskResult,
    )
    from homeassistant.components.ai_task.const import (  # noqa: PLC0415
        DATA_COMPONENT as AI_TASKS,
    )
    from homeassistant.components.camera.const import (  # noqa: PLC0415
        DATA_COMPONENT as CAMERAS,
    )
    from homeassistant.components.conversation import ChatLog  # noqa: PLC0415

    from custom_components.mtor_balance.person import photo  # noqa: PLC0415

    class PhotoModel(AITaskEntity):
        _attr_name = "Photo model"
        _attr_supported_features = (
            AITaskEntityFeature.GENERATE_DATA | AITaskEntityFeature.SUPPORT_ATTACHMENTS
        )

        async def _async_generate_data(
            self, task: GenDataTask, chat_log: ChatLog
        ) -> GenDataTaskResult:
            answer = {"name": "keso", "name_en": "cottage cheese", "preparation": ""}
            return GenDataTaskResult(
                conversation_id=chat_log.conversation_id,
                data={**answer, "confidence": 0.9, "parts": []},
            )

    class PhotoCamera(camera.Camera):
        _attr_name = "Photo kitchen"

        async def async_camera_image(
            self, width: int | None = None, height: int | None = None
        ) -> bytes | None:
            return b"\xff\xd8\xff\xe0 bench photo \xff\xd9"

    async with home_assistant(config_dir) as hass:
        assert await async_setup_component(hass, "bluetooth_adapters", {})
        assert await async_setup_component(hass, "homeassistant", {})
        assert await async_setup_component(hass, "ai_task", {})
        assert await async_setup_component(hass, "camera", {})
        await hass.data[AI_TASKS].async_add_entities([PhotoModel()])
        await hass.data[CAMERAS].async_add_entities([PhotoCamera()])
        hass.states.async_set(SCALE, "0", SCALE_ATTRIBUTES)
        entry = MockConfigEntry(
            domain=DOMAIN,
            title=PERSON,
            unique_id="bench_photo",
            data={"name": PERSON},
            options={
                **OPTIONS,
                "scale_entity": SCALE,
                "photo_ai_task": "ai_task.photo_model",
                "photo_camera": "camera.photo_kitchen",
            },
            entry_id="bench_photo",
        )
        entry.add_to_hass(hass)
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done()
        clock = SimClock(hass, dt_util.utcnow())
        identified = asyncio.Event()
        stamp: list[float] = []

        @callback
        def candidates(event: Event) -> None:
            stamp.append(time.perf_counter())
            identified.set()

        unsubscribe = hass.bus.async_listen(photo.EVENT_IDENTIFIED, candidates)
        latencies: list[float] = []
        try:
            with clock.installed():
                for sample in range(settings.latency + 1):
                    hass.states.async_set(SCALE, "150", SCALE_ATTRIBUTES)
                    await hass.async_block_till_done()
                    identified.clear()
                    stamp.clear()
                    began = time.perf_counter()
                    await clock.advance(HOLD)  # the tick that confirms "settled"
                    await asyncio.wait_for(identified.wait(), timeout=10)
                    if sample:
                        latencies.append(stamp[0] - began)
                    hass.states.async_set(SCALE, "0", SCALE_ATTRIBUTES)
                    await clock.advance(HOLD)
        finally:
            unsubscribe()
    results.add(
        Row(
            SCALE_PATH,
            "settled reading -> photo candidates (camera snapshot, AI Task)",
            "ms",
            [_ms(s) for s in latencies],
            goal=300,
            note="plus the model's own time; this model answers at once",
        )
    )


# --- output -------------------------------------------------------------------------------


IMPORT_ROWS = 200_000
TICK = 0.005  # the probe of the event loop wakes every 5 ms


def _rss_mb() -> float:
    """Return this process's resident memory (MB) from /proc."""
    with Path("/proc/self/statm").open(encoding="ascii") as file:
        return int(file.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _import_csv(rows: int, end: datetime) -> str:
    """Return our CSV of `rows` entries over the 30 years before `end`."""
    start = end - timedelta(days=365 * 30)
    step = (end - timedelta(days=62) - start) / rows
    lines = ["time,name,protein_g,leucine_g,grams"]
    lines += [
        f"{(start + step * n).isoformat()},Food {n % 97},{10 + n % 30},{1 + n % 3},"
        f"{100 + n % 200}"
        for n in range(rows)
    ]
    return "\n".join(lines) + "\n"


async def _longest_hold(hass: HomeAssistant, work: Any) -> tuple[float, float, float]:
    """Return the longest event-loop hold (s) while `work` runs, its time and peak RSS.

    A probe sleeps TICK again and again; a hold is how much later than TICK it wakes.
    """
    stop = asyncio.Event()
    longest = 0.0
    peak = _rss_mb()

    async def probe() -> None:
        nonlocal longest, peak
        while not stop.is_set():
            before = time.perf_counter()
            await asyncio.sleep(TICK)
            longest = max(longest, time.perf_counter() - before - TICK)
            peak = max(peak, _rss_mb())

    task = hass.async_create_background_task(probe(), "bench_probe")
    began = time.perf_counter()
    await work()
    took = time.perf_counter() - began
    stop.set()
    await task
    return longest, took, peak


async def bench_import(config_dir: Path, results: Results) -> None:
    """Measure an import of IMPORT_ROWS rows: the event loop's longest hold, RSS growth.

    The baseline is the same probe while the same Home Assistant idles as long as the
    import took: what the machine and Home Assistant hold the loop for by themselves.
    """
    entry_id = "bench_import"
    text = _import_csv(IMPORT_ROWS, dt_util.utcnow())
    folder = config_dir / DOMAIN
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "import.csv").write_text(text, encoding="utf-8")
    size = len(text.encode()) / 1e6
    del text
    async with home_assistant(config_dir) as hass:
        await add_person(hass, entry_id)
        gc.collect()
        before = _rss_mb()
        report: dict[str, Any] = {}

        async def do_import() -> None:
            response = await hass.services.async_call(
                DOMAIN,
                "import_log",
                {"config_entry_id": entry_id, "file": f"{DOMAIN}/import.csv"},
                blocking=True,
                return_response=True,
            )
            report.update(response or {})
            await hass.async_block_till_done()

        hold, took, peak = await _longest_hold(hass, do_import)
        assert report.get("added") == IMPORT_ROWS, report

        async def idle() -> None:
            await asyncio.sleep(min(took, 10.0))

        idle_hold, _, _ = await _longest_hold(hass, idle)
        gc.collect()
        after = _rss_mb()

        async def read_log() -> None:
            await hass.services.async_call(
                DOMAIN,
                "get_log",
                {"config_entry_id": entry_id, "start": "1970-01-01T00:00:00+00:00"},
                blocking=True,
                return_response=True,
            )

        read_hold, read_took, _ = await _longest_hold(hass, read_log)

    section = IMPORT
    results.add(
        Row(
            section,
            "baseline: longest event-loop hold while idle",
            "ms",
            [_ms(idle_hold)],
            note=f"over {min(took, 10.0):.0f} s",
        )
    )
    results.add(
        Row(
            section,
            "longest event-loop hold during the import",
            "ms",
            [_ms(hold)],
            goal=100.0,
            note=f"{hold / max(idle_hold, 1e-6):.1f}x idle; the import took {took:.1f} s "
            f"({size:.1f} MB)",
        )
    )
    results.add(
        Row(
            section,
            "RSS growth, peak during the import",
            "MB",
            [peak - before],
            note=f"{after - before:.0f} MB held after it (gc)",
        )
    )
    results.add(
        Row(
            section,
            "get_log from 1970 after it (first page), longest hold",
            "ms",
            [_ms(read_hold)],
            goal=100.0,
            note=f"answered in {_ms(read_took):.0f} ms",
        )
    )


def machine() -> dict[str, str]:
    """Describe the machine the benchmark runs on."""
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    load = "n/a"
    with contextlib.suppress(OSError, AttributeError):
        load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    return {
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "OS": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "Home Assistant": ha_const.__version__,
        "load average at start": load,
    }


def _format(value: float, unit: str) -> str:
    if unit == "writes":
        return f"{value:.0f}"
    if unit == "MB":
        return f"{value:.2f} MB"
    if unit == "us":
        return f"{value:.2f} µs"
    if unit == "kB":
        return f"{value:.1f} kB"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:.2f} ms" if value < 100 else f"{value:.0f} ms"


def render(results: Results, machine_info: dict[str, str], seconds: float) -> str:
    """Return the results as a plain-text table."""
    lines = ["", "Machine: " + ", ".join(f"{k}: {v}" for k, v in machine_info.items())]
    header = ("Measure", "Median", "Spread", "n", "Goal", "Met", "Note")
    table: list[tuple[str, ...]] = []
    section = ""
    for row in results.rows:
        if row.section != section:
            section = row.section
            table.append((f"[{section}]", "", "", "", "", "", ""))
        kind, low, high = row.spread
        spread = (
            ""
            if len(row.samples) == 1
            else f"{_format(low, row.unit)} - {_format(high, row.unit)} ({kind})"
        )
        goal = "" if row.goal is None else f"<= {_format(row.goal, row.unit)}"
        met = {None: "", True: "yes", False: "NO"}[row.met]
        table.append(
            (
                "  " + row.name,
                _format(row.median, row.unit),
                spread,
                str(len(row.samples)),
                goal,
                met,
                row.note,
            )
        )
    widths = [max(len(r[i]) for r in [header, *table]) for i in range(len(header))]
    lines.extend(
        "  ".join(
            cell.ljust(width) for cell, width in zip(row_text, widths, strict=True)
        ).rstrip()
        for row_text in [header, tuple("-" * w for w in widths), *table]
    )
    lines.extend(f"- {key}: {value}" for key, value in results.facts.items())
    lines.append(f"Benchmark run time: {seconds:.0f} s")
    return "\n".join(lines)


async def run(settings: Settings) -> Results:
    """Run every benchmark."""
    results = Results()
    phases: dict[str, float] = {}
    began = time.perf_counter()

    def done(phase: str) -> None:
        nonlocal began
        phases[phase] = time.perf_counter() - began
        began = time.perf_counter()

    foods = FoodTable.load(FOOD_TABLE_PATH)
    bench_parse(results)
    bench_search(foods, results)
    done("parse+search")
    with tempfile.TemporaryDirectory(prefix="mtor-bench-") as directory:
        config_dir = Path(directory)
        now = dt_util.utcnow()
        histories = {
            label: make_history(foods, years, now) for label, years in HISTORIES.items()
        }
        for label, entries in histories.items():
            await write_history(config_dir, _entry_id(label), entries, now)
        results.facts["histories"] = ", ".join(
            f"{label}: {len(entries):,} entries" for label, entries in histories.items()
        )
        done("histories")
        bench_planner(histories, now, results)
        done("planner")
        await bench_setup(config_dir, settings, results)
        done("set-up")
        for label in HISTORIES:
            await bench_scale(config_dir, foods, label, settings, results)
        add_log_food_ratios(results)
        done("scale+actions")
        await bench_storage(config_dir, histories["10 years"], settings, results)
        await bench_migration(config_dir, histories["10 years"], results)
        done("storage")
        await bench_day(config_dir, foods, results, weighed=False)
        await bench_day(config_dir, foods, results, weighed=True)
        done("days")
        await bench_photo(config_dir, settings, results)
        done("photo")
        await bench_import(config_dir, results)
        done("import")
    results.rows.sort(key=lambda row: SECTIONS.index(row.section))
    results.facts["seconds per part"] = ", ".join(
        f"{phase} {seconds:.0f}" for phase, seconds in phases.items()
    )
    return results


def main() -> int:
    """Run the benchmarks and print the table; exit 1 if a goal is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    info = machine()
    began = time.perf_counter()
    results = asyncio.run(run(QUICK if args.quick else FULL))
    seconds = time.perf_counter() - began
    print(render(results, info, seconds))
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "machine": info,
                    "seconds": seconds,
                    "rows": [
                        {
                            "section": row.section,
                            "name": row.name,
                            "unit": row.unit,
                            "median": row.median,
                            "spread": row.spread,
                            "n": len(row.samples),
                            "goal": row.goal,
                            "met": row.met,
                            "note": row.note,
                        }
                        for row in results.rows
                    ],
                    "facts": results.facts,
                },
                indent=2,
            ),
            encoding="utf-8",
        )
    return 1 if any(row.met is False for row in results.rows) else 0


if __name__ == "__main__":
    sys.exit(main())
