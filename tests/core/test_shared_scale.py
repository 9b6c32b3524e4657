"""Whose weighing it is on a shared scale (pure core), with properties over random days."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings, strategies as st

from custom_components.mtor_balance.core.shared_scale import (
    PENDING_KEEP,
    KeepPending,
    LogPortion,
    Removal,
    ScaleShare,
)

T0 = datetime(2026, 11, 2, 7, 0, tzinfo=UTC)
WINDOW = timedelta(minutes=3)


def _share(*people: str) -> ScaleShare:
    share = ScaleShare(min_portion_g=2.0)
    for person in people:
        share.join(person, WINDOW)
    return share


def _everyone(_person: str) -> bool:
    return True


def test_the_only_person_always_holds_the_scale() -> None:
    share = _share("anna")
    assert share.claimant(T0) == "anna"
    share.settled(T0, 150.0)
    assert share.removed(T0, "p1", _everyone).outcome == LogPortion("anna", 150.0)
    assert share.expire(T0 + timedelta(days=1)) == (None, [])


def test_a_claim_holds_for_its_window_and_the_next_claim_ends_it() -> None:
    share = _share("anna", "bo")
    assert share.claimant(T0) is None
    assert share.claim("anna", T0) is None
    assert share.claimant(T0 + WINDOW - timedelta(seconds=1)) == "anna"
    assert share.claimant(T0 + WINDOW) is None
    assert share.claim("bo", T0 + timedelta(minutes=1)) == "anna"
    assert share.claim("bo", T0 + timedelta(minutes=2)) is None  # renewing: nobody ends
    assert share.expire(T0 + timedelta(minutes=5)) == ("bo", [])


def test_a_portion_stays_with_its_holder_while_its_weight_changes() -> None:
    share = _share("anna", "bo")
    share.claim("anna", T0)
    share.settled(T0, 100.0)
    share.claim("bo", T0 + timedelta(seconds=30))  # Bo claims while Anna's bowl is on
    share.settled(T0 + timedelta(seconds=40), 140.0)
    assert share.view("bo", T0, {"anna": "Anna"}).held_by == "Anna"
    removal = share.removed(T0 + timedelta(minutes=1), "p", _everyone)
    assert removal.outcome == LogPortion("anna", 140.0)


def test_an_unclaimed_portion_goes_to_the_first_claim() -> None:
    share = _share("anna", "bo")
    share.settled(T0, 80.0)
    view = share.view("anna", T0, {})
    assert (view.held_g, view.unclaimed_g) == (None, 80.0)
    share.claim("bo", T0 + timedelta(seconds=5))
    assert share.view("bo", T0, {}).held_g == 80.0
    assert share.view("anna", T0, {"bo": "Bo"}).held_by == "Bo"


def test_in_a_shared_kitchen_a_portion_taken_off_uses_up_the_claim() -> None:
    share = _share("anna", "bo")
    share.claim("bo", T0)
    share.settled(T0 + timedelta(seconds=10), 50.0)
    removal = share.removed(T0 + timedelta(seconds=20), "p1", _everyone)
    assert removal == Removal(LogPortion("bo", 50.0), claim_ended="bo")
    # A minute later, well inside Bo's claim window, someone weighs without claiming:
    # it is a new portion and nobody's until someone claims it.
    share.settled(T0 + timedelta(minutes=1), 200.0)
    assert share.view("bo", T0 + timedelta(minutes=1), {}).unclaimed_g == 200.0
    removal = share.removed(T0 + timedelta(minutes=2), "p2", _everyone)
    assert isinstance(removal.outcome, KeepPending)
    assert removal.claim_ended is None


def test_alone_at_the_scale_every_weighing_stays_yours() -> None:
    share = _share("anna")
    for minute in (0, 1):
        share.settled(T0 + timedelta(minutes=minute), 100.0)
        removal = share.removed(T0 + timedelta(minutes=minute), "p", _everyone)
        assert removal == Removal(LogPortion("anna", 100.0), claim_ended=None)


def test_weigh_for_me_takes_over_a_portion_someone_else_holds() -> None:
    share = _share("anna", "bo")
    share.claim("anna", T0)
    share.settled(T0, 120.0)
    share.claim("bo", T0 + timedelta(seconds=5))  # choosing a food does not take it
    assert share.view("bo", T0, {"anna": "Anna"}).held_by == "Anna"
    assert share.claim("bo", T0 + timedelta(seconds=6), take_over=True) is None
    view = share.view("bo", T0 + timedelta(seconds=6), {"anna": "Anna"})
    assert (view.held_g, view.held_by) == (120.0, None)
    assert share.view("anna", T0, {"bo": "Bo"}).held_by == "Bo"


def test_a_claim_made_while_someone_elses_bowl_is_on_is_for_the_next_portion() -> None:
    share = _share("anna", "bo")
    share.settled(T0, 90.0)
    share.take("anna", T0)
    share.logged_on_scale("anna", 90.0, T0)  # Anna logged her bowl from the card
    share.claim("bo", T0 + timedelta(seconds=5), take_over=True)  # nothing left to take
    removal = share.removed(T0 + timedelta(seconds=10), "p", _everyone)
    assert removal == Removal(None, claim_ended=None)
    share.settled(T0 + timedelta(seconds=20), 40.0)
    assert share.view("bo", T0 + timedelta(seconds=20), {}).held_g == 40.0


def test_what_nobody_logs_waits_and_can_be_taken_or_dropped() -> None:
    share = _share("anna", "bo")
    share.settled(T0, 80.0)
    outcome = share.removed(T0 + timedelta(seconds=20), "p1", _everyone).outcome
    assert isinstance(outcome, KeepPending)
    assert outcome.portion.time == T0  # when it was weighed
    share.settled(T0 + timedelta(minutes=1), 60.0)
    share.removed(T0 + timedelta(minutes=2), "p2", _everyone)
    assert share.pop_pending().id == "p2"
    assert share.pop_pending("p1").grams == 80.0
    for missing in (None, "p1"):
        try:
            share.pop_pending(missing)
        except KeyError:
            continue
        raise AssertionError(missing)


def test_a_holder_who_does_not_log_on_removal_leaves_it_waiting() -> None:
    share = _share("anna")
    share.settled(T0, 150.0)
    outcome = share.removed(T0, "p1", lambda _person: False).outcome
    assert isinstance(outcome, KeepPending)
    assert share.pending == [outcome.portion]


def test_logged_on_the_scale_is_not_logged_again_but_what_is_added_is() -> None:
    share = _share("anna")
    share.settled(T0, 150.0)
    assert share.take("anna", T0) == 150.0
    share.logged_on_scale("anna", 150.0, T0)
    assert share.take("anna", T0) is None
    share.settled(T0 + timedelta(seconds=30), 151.0)  # noise, under 2 g
    assert share.view("anna", T0, {}).held_g is None
    share.settled(T0 + timedelta(seconds=40), 200.0)
    assert share.view("anna", T0, {}).held_g == 50.0
    assert share.removed(T0, "p", _everyone).outcome == LogPortion("anna", 50.0)


def test_old_waiting_portions_expire_and_the_clock_knows_when() -> None:
    share = _share("anna", "bo")
    assert share.next_change() is None
    share.settled(T0, 80.0)
    share.removed(T0, "p1", _everyone)
    assert share.next_change() == T0 + PENDING_KEEP
    share.claim("anna", T0 + timedelta(hours=1))
    assert share.next_change() == T0 + timedelta(hours=1) + WINDOW
    ended, dropped = share.expire(T0 + PENDING_KEEP)
    assert ended == "anna"
    assert [portion.id for portion in dropped] == ["p1"]
    assert share.next_change() is None


def test_leaving_ends_the_claim_and_frees_the_portion() -> None:
    share = _share("anna", "bo", "cem")
    share.claim("anna", T0)
    share.settled(T0, 80.0)
    share.leave("anna")
    assert share.claimant(T0) is None
    assert share.view("bo", T0, {}).unclaimed_g == 80.0
    try:
        share.claim("anna", T0)
    except KeyError:
        return
    raise AssertionError("a person who left cannot claim")


# --- properties over random sequences ---------------------------------------------------

PEOPLE = ("anna", "bo", "cem")
steps = st.lists(
    st.tuples(
        st.sampled_from(["claim", "settle", "remove", "take", "tick"]),
        st.sampled_from(PEOPLE),
        st.floats(min_value=0, max_value=500, allow_nan=False),
        st.integers(min_value=0, max_value=400),  # seconds later
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(steps, st.integers(min_value=1, max_value=3))
def test_every_gram_weighed_is_logged_once_or_waits_and_one_person_holds_it(
    sequence: list[tuple[str, str, float, int]], people: int
) -> None:
    share = _share(*PEOPLE[:people])
    now = T0
    logged: dict[str, float] = {}
    weighed = 0.0  # the grams of each portion when it left the scale, or was taken
    expired = 0.0  # pending grams nobody assigned in time
    for number, (action, person, grams, later) in enumerate(sequence):
        now += timedelta(seconds=later)
        if person not in share.people:
            continue
        if action == "claim":
            share.claim(person, now)
        elif action == "settle":
            share.settled(now, grams)
        elif action == "take":
            if (taken := share.take(person, now)) is not None:
                share.logged_on_scale(person, taken, now)
                logged[person] = logged.get(person, 0.0) + taken
                weighed += taken
        elif action == "remove":
            on_scale = share.on_scale
            unlogged = 0.0 if on_scale is None else round(on_scale.unlogged_g, 1)
            claimant = share.claimant(now) if share.shared else None
            held = on_scale is not None and on_scale.holder == claimant
            removal = share.removed(now, f"p{number}", _everyone)
            outcome = removal.outcome
            # On a shared scale a portion taken off uses up its holder's claim.
            assert removal.claim_ended == (claimant if held else None)
            if held:
                assert share.claimant(now) is None
            if isinstance(outcome, LogPortion):
                # Only its holder gets it, and only if someone held it.
                assert on_scale is not None
                assert outcome.person == on_scale.holder
                logged[outcome.person] = logged.get(outcome.person, 0.0) + outcome.grams
                weighed += outcome.grams
            elif isinstance(outcome, KeepPending):
                assert on_scale is not None
                assert on_scale.holder is None  # everyone logs on removal here
                assert outcome.portion.grams == unlogged
                weighed += unlogged
            else:
                assert unlogged < 2.0
        else:
            _ended, dropped = share.expire(now)
            expired += sum(portion.grams for portion in dropped)
        # At most one person holds the scale's portion at any moment.
        holders = [p for p in share.people if share.view(p, now, {}).held_g is not None]
        assert len(holders) <= 1
    waiting = sum(portion.grams for portion in share.pending)
    assert abs(sum(logged.values()) + waiting + expired - weighed) < 1e-6
