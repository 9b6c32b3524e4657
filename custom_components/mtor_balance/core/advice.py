"""The numbers of a suggested meal and the sentences that explain them, in one place.

The Next suggested meal sensor's attributes, the card's websocket view and the assistant's
`get_status` all show the same numbers, rounded the same way, so that every number in a
suggestion can be explained from the suggestion itself: the meal's target from what is
left of the day's target over the meals that still fit, within one meal's largest amount.
`explanation` names the sentences (translation keys under `common`, `advice_*`) and their
numbers; the Home Assistant layer puts them into words in the person's language.
"""

from __future__ import annotations

from .planner import Evidence, Suggestion

type Number = int | float
type Sentence = tuple[str, dict[str, Number]]

# The sentence that says where the meal's target comes from, by the evidence that set it.
_TARGET_SENTENCES = {
    Evidence.MOORE_2015: "advice_target_dose",
    Evidence.MAMEROW_2014: "advice_target_spread",
    Evidence.MORTON_2018: "advice_target_behind",
    Evidence.TROMMELEN_2023: "advice_target_most",
    Evidence.TROMMELEN_2016: "advice_target_pre_sleep",
    Evidence.DEUTZ_2014: "advice_target_low_day",
}


def advice_numbers(suggestion: Suggestion) -> dict[str, Number | bool | None]:
    """Return the suggestion's numbers as shown (g rounded to whole grams, leucine 0.1 g).

    What is left is the rounded target less the rounded intake, so the shown numbers add
    up: `day_protein_target_g` - `day_protein_eaten_g` = `day_protein_remaining_g`.
    """
    day_target = round(suggestion.day_protein_target_g)
    eaten = round(suggestion.day_protein_eaten_g)
    return {
        "target_protein_g": round(suggestion.target_protein_g),
        "target_leucine_g": round(suggestion.target_leucine_g, 1),
        "add_protein_g": suggestion.add_now_g,
        "day_protein_target_g": day_target,
        "day_protein_eaten_g": eaten,
        "day_protein_remaining_g": max(0, day_target - eaten),
        "meals_left": suggestion.meals_left,
        "meal_max_protein_g": round(suggestion.meal_max_protein_g),
        "behind": suggestion.behind,
    }


def explanation(suggestion: Suggestion) -> tuple[Sentence, ...]:
    """Return the sentences that explain the suggestion's amounts, with their numbers.

    What to add now (if anything), where the meal's target comes from, and the day: its
    target, what is eaten and left over how many meals; on a one-meal day whose target one
    meal cannot hold, how much one meal can hold.
    """
    numbers = advice_numbers(suggestion)
    meal = int(numbers["target_protein_g"] or 0)
    day_target = int(numbers["day_protein_target_g"] or 0)
    eaten = int(numbers["day_protein_eaten_g"] or 0)
    left = int(numbers["day_protein_remaining_g"] or 0)
    meals = suggestion.meals_left
    most = int(numbers["meal_max_protein_g"] or 0)
    sentences: list[Sentence] = []
    if suggestion.add_now_g is not None:
        sentences.append(("advice_add", {"add": suggestion.add_now_g, "protein": meal}))
    key = _TARGET_SENTENCES.get(suggestion.target_evidence, "advice_target_dose")
    if key == "advice_target_most" and meals == 1:
        key = "advice_target_one_meal"
    sentences.append(
        (key, {"protein": meal, "left": left, "meals": meals, "most": most})
    )
    if day_target > 0:
        sentences.append(
            (
                "advice_day",
                {"target": day_target, "eaten": eaten, "left": left, "meals": meals},
            )
        )
    if suggestion.behind:
        sentences.append(("advice_behind", {"left": left, "meals": meals}))
    return tuple(sentences)
