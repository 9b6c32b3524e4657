"""Whose weighing it is when people share a scale, and portions that wait for someone.

Pure Python, no Home Assistant imports: one `ScaleShare` per weight sensor, told what the
settled-weight detector saw and who claimed the scale; it answers who holds the portion on
the scale and what happens when it is taken off.

- **One person** on the scale: every weighing is theirs, as if they always claimed it, and
  their selected food stays: the same food weighed twice logs twice.
- **Two or more**: a weighing belongs to whoever claimed the scale for it. A claim is choosing
  a food, "Weigh for me", or logging the portion from the card or a notification; it ends the
  previous person's claim at once, and it lasts its claim window or until the portion it
  claimed is taken off, whichever comes first: a weighing that starts after the claimant's
  portion was taken off is a new portion that is nobody's until someone claims it. Nobody's
  stale claim can log. (Claiming while someone else's portion is on the scale claims the
  next portion: taking theirs off does not end it.)
- A portion belongs to the claimant when it settles (its *holder*) and stays theirs while
  its weight changes. A portion nobody holds goes to the first person who claims while it
  is on the scale; "Weigh for me" takes it over from its holder.
- **Taken off**: a holder who logs on removal, with a food selected, gets it logged. Anything
  else (a holder in button mode, no food, nobody) becomes a *pending portion* (when it was
  weighed, grams) that anyone on the scale can assign to a person and a food, or drop.
  Pending portions are kept for `PENDING_KEEP`.
- A portion logged while on the scale (button, card) is not logged again when it is taken
  off; food added after that is a portion of its own (the weight above what was logged).
- **Eat from a container**: a holder who weighs a container before and after eating gets
  the difference logged (`container_eaten`); lifting the container off is no portion.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

PENDING_KEEP = timedelta(hours=12)  # a breakfast weighed early can be assigned at lunch
PENDING_MAX = 50  # a scale left on, or a cat: the oldest go first
# A tub weighed at breakfast still counts at dinner; one from yesterday does not.
CONTAINER_KEEP = timedelta(hours=12)


@dataclass(frozen=True, slots=True)
class PendingPortion:
    """A weighed portion nobody has logged yet."""

    id: str
    time: datetime  # when it settled on the scale
    grams: float


@dataclass(slots=True)
class OnScale:
    """The portion on the scale now."""

    time: datetime  # when it first settled
    total_g: float  # the settled net weight now
    holder: str | None  # the person it belongs to, None until someone claims it
    logged_g: float = 0.0  # what of it was logged while it stayed on the scale
    reading_g: float | None = None  # what the scale reads with it on (gross)

    @property
    def unlogged_g(self) -> float:
        """Return the grams on the scale not logged yet."""
        return max(0.0, self.total_g - self.logged_g)


@dataclass(frozen=True, slots=True)
class ScaleView:
    """What one person sees of their scale."""

    held_g: float | None = None  # the portion on the scale is theirs (unlogged grams)
    unclaimed_g: float | None = None  # a portion on the scale that nobody holds yet
    held_by: str | None = None  # the name of someone else holding the portion or claim
    # What the scale reads with the portion on: more than its grams after a food was
    # logged from a bowl that stays on, or on a scale whose empty reading is not 0.
    reading_g: float | None = None
    claimed: bool = False  # this person's claim is running (shared scales only)
    shared: bool = False
    pending: tuple[PendingPortion, ...] = ()


@dataclass(frozen=True, slots=True)
class LogPortion:
    """Taking the portion off logs it for `person`."""

    person: str
    grams: float


@dataclass(frozen=True, slots=True)
class KeepPending:
    """Taking the portion off made it pending."""

    portion: PendingPortion


@dataclass(frozen=True, slots=True)
class Removal:
    """What taking the portion off did: its outcome, and whose claim it ended."""

    outcome: LogPortion | KeepPending | None
    claim_ended: str | None = None  # on a shared scale: the claim is used up


class ScaleShare:
    """The people weighing on one scale, its claim, its portion and its pending portions."""

    def __init__(self, min_portion_g: float, keep: timedelta = PENDING_KEEP) -> None:
        """Start with nobody; portions under `min_portion_g` are not worth keeping."""
        self._min_g = min_portion_g
        self._keep = keep
        self._windows: dict[str, timedelta] = {}
        self._claim: tuple[str, datetime] | None = None  # (person, until)
        self.on_scale: OnScale | None = None
        self.pending: list[PendingPortion] = []

    @property
    def keep(self) -> timedelta:
        """Return how long a pending portion is kept."""
        return self._keep

    # --- people ------------------------------------------------------------------------

    @property
    def people(self) -> tuple[str, ...]:
        """Return the people weighing on this scale."""
        return tuple(self._windows)

    @property
    def shared(self) -> bool:
        """Return whether two or more people weigh on this scale (claims then matter)."""
        return len(self._windows) > 1

    def join(self, person: str, claim_window: timedelta) -> None:
        """Add a person (or change their claim window)."""
        self._windows[person] = claim_window

    def leave(self, person: str) -> None:
        """Remove a person: their claim ends and a portion they held is nobody's."""
        self._windows.pop(person, None)
        if self._claim is not None and self._claim[0] == person:
            self._claim = None
        if self.on_scale is not None and self.on_scale.holder == person:
            self.on_scale.holder = None

    # --- claims ------------------------------------------------------------------------

    def claimant(self, now: datetime) -> str | None:
        """Return who a portion settling now belongs to (None: nobody)."""
        if len(self._windows) == 1:
            return next(iter(self._windows))
        if self._claim is not None and now < self._claim[1]:
            return self._claim[0]
        return None

    def claim_until(self, now: datetime) -> datetime | None:
        """Return when the current claim ends (None: no claim, or nobody shares)."""
        if self.shared and self._claim is not None and now < self._claim[1]:
            return self._claim[1]
        return None

    def claim(
        self, person: str, now: datetime, *, take_over: bool = False
    ) -> str | None:
        """Claim the scale for `person`; return the person whose claim this ended.

        An unclaimed portion on the scale becomes theirs; with `take_over` ("Weigh for
        me") so does one that someone else holds, unless all of it is logged already.
        """
        if person not in self._windows:
            raise KeyError(person)
        previous = self.claimant(now) if self.shared else None
        self._claim = (person, now + self._windows[person])
        on_scale = self.on_scale
        if on_scale is not None and (
            on_scale.holder is None
            or (take_over and on_scale.unlogged_g >= self._min_g)
        ):
            on_scale.holder = person
        return previous if previous not in (None, person) else None

    def take(self, person: str, now: datetime) -> float | None:
        """Claim the scale and the portion on it for `person`; return its unlogged grams."""
        self.claim(person, now, take_over=True)
        if self.on_scale is None or self.on_scale.unlogged_g < self._min_g:
            return None
        return round(self.on_scale.unlogged_g, 1)

    def logged_on_scale(self, person: str, grams: float, now: datetime) -> None:
        """Note that `person` logged `grams` of the portion on the scale; renew the claim."""
        if self.on_scale is not None:
            self.on_scale.logged_g += grams
        if person in self._windows:
            self._claim = (person, now + self._windows[person])

    def view(self, person: str, now: datetime, names: Mapping[str, str]) -> ScaleView:
        """Return what `person` sees: their portion, an unclaimed one, who holds it.

        `names` names the people (by their id) for `held_by`.
        """
        on_scale = self.on_scale
        grams = None
        if on_scale is not None and on_scale.unlogged_g >= self._min_g:
            grams = round(on_scale.unlogged_g, 1)
        holder = None if on_scale is None else on_scale.holder
        claimant = self.claimant(now) if self.shared else None
        other = holder if holder is not None else claimant
        return ScaleView(
            held_g=grams if holder == person else None,
            unclaimed_g=grams if holder is None else None,
            reading_g=None if grams is None or on_scale is None else on_scale.reading_g,
            held_by=None if other in (None, person) else names.get(other, other),
            claimed=claimant == person,
            shared=self.shared,
            pending=tuple(self.pending),
        )

    # --- the detector's events ---------------------------------------------------------

    def settled(
        self, now: datetime, total_g: float, reading_g: float | None = None
    ) -> OnScale:
        """Note a settled portion (or its new weight); return what is on the scale.

        `reading_g` is what the scale reads with it on, for a display to compare with.
        """
        if self.on_scale is None:
            self.on_scale = OnScale(now, total_g, self.claimant(now))
        else:
            self.on_scale.total_g = total_g
        self.on_scale.reading_g = reading_g
        return self.on_scale

    def removed(
        self, now: datetime, portion_id: str, logs_on_removal: Callable[[str], bool]
    ) -> Removal:
        """Note the portion was taken off; say whether to log it or keep it pending.

        `logs_on_removal(person)` tells whether that person logs on removal and has a
        food selected. `portion_id` names the pending portion if one is made. On a
        shared scale the claim its holder had is used up: the next weighing is new.
        """
        portion, self.on_scale = self.on_scale, None
        ended = self.claimant(now) if self.shared else None
        if ended is not None and portion is not None and portion.holder == ended:
            self._claim = None
        else:
            ended = None
        if portion is None or portion.unlogged_g < self._min_g:
            return Removal(None, ended)
        grams = round(portion.unlogged_g, 1)
        if portion.holder is not None and logs_on_removal(portion.holder):
            return Removal(LogPortion(portion.holder, grams), ended)
        pending = PendingPortion(portion_id, portion.time, grams)
        self.pending.append(pending)
        del self.pending[:-PENDING_MAX]
        return Removal(KeepPending(pending), ended)

    def lift(self) -> OnScale | None:
        """Note the portion was taken off but is no portion (a container); return it."""
        portion, self.on_scale = self.on_scale, None
        return portion

    # --- pending portions and the clock ------------------------------------------------

    def pop_pending(self, portion_id: str | None = None) -> PendingPortion:
        """Remove and return a pending portion (the latest if no id); KeyError if none."""
        if not self.pending:
            raise KeyError(portion_id)
        if portion_id is None:
            return self.pending.pop()
        for index, portion in enumerate(self.pending):
            if portion.id == portion_id:
                return self.pending.pop(index)
        raise KeyError(portion_id)

    def expire(self, now: datetime) -> tuple[str | None, list[PendingPortion]]:
        """End a claim that ran out and drop old pending portions; return both."""
        ended = None
        if self._claim is not None and now >= self._claim[1]:
            ended = self._claim[0] if self.shared else None
            self._claim = None
        dropped = [p for p in self.pending if now - p.time >= self._keep]
        if dropped:
            self.pending = [p for p in self.pending if now - p.time < self._keep]
        return ended, dropped

    def next_change(self) -> datetime | None:
        """Return the next moment `expire` has something to do (None: nothing waits)."""
        moments = (
            [min(p.time for p in self.pending) + self._keep] if self.pending else []
        )
        if self._claim is not None:
            moments.append(self._claim[1])
        return min(moments, default=None)


@dataclass(frozen=True, slots=True)
class Container:
    """A container's last weight: what is in it, how much, and when it was weighed."""

    food_id: str
    grams: float
    time: datetime


def container_eaten(
    before: Container | None, food_id: str, grams: float, min_g: float, now: datetime
) -> float | None:
    """Return the grams eaten from a container now weighing `grams` (None: nothing).

    Only the same food counts, and only a loss of at least `min_g`: a heavier container
    was refilled, a different food is a new container. A weight older than
    `CONTAINER_KEEP` is not trusted (it may have been eaten from unweighed, or replaced).
    """
    if (
        before is None
        or before.food_id != food_id
        or now - before.time > CONTAINER_KEEP
    ):
        return None
    eaten = before.grams - grams
    return round(eaten, 1) if eaten >= min_g else None
