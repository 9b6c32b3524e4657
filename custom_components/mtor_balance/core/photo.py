"""A photo of a portion, identified: what a model said, resolved to foods of the table.

Pure Python, no Home Assistant imports. A model (Home Assistant's AI Task) answers a small
structure (`ANSWER_FIELDS`); `read_answer` reads it or says it is none. What it names is
never trusted as free text: each name goes through the same resolver as voice and search
(`FoodLibrary.resolve`, then `FoodLibrary.search`), and only foods of the person's table are
offered: the best match first, then up to two alternatives. A plate of several foods is
offered as its parts with the grams split by the model's shares, marked estimated.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
import math
from typing import Any

from .foods import FoodLibrary
from .model import Food

ALTERNATIVES = 2  # offered after the best match
MAX_PARTS = 6  # of a plate; more is no portion of a plate
MAX_NAME = 100

# The structure asked for, with what each field means (the task's instructions say it).
ANSWER_FIELDS: dict[str, str] = {
    "name": "the food's name in {language}, as a kitchen would call it",
    "name_en": "the food's name in English",
    "preparation": "how it is prepared (raw, boiled, fried, baked...), or empty",
    "confidence": "how sure you are that this is the food, from 0 to 1",
    "parts": (
        "for a plate of several foods: each food with name, name_en and share "
        "(its part of the weight, 0 to 1); else an empty list"
    ),
}


@dataclass(frozen=True, slots=True)
class Part:
    """One food of a plate, as the model named it, and its share of the weight."""

    name: str
    name_en: str
    share: float


@dataclass(frozen=True, slots=True)
class Answer:
    """What the model said the photo shows."""

    name: str
    name_en: str
    preparation: str
    confidence: float
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True, slots=True)
class Candidate:
    """A food of the table offered for the portion, and the grams it would be logged as."""

    food: Food
    grams: float
    estimated: bool = False  # a plate's part: grams split by the model's share


@dataclass(frozen=True, slots=True)
class Identification:
    """The portion's candidates (best first), or a plate's parts; and what was said."""

    grams: float
    answer: Answer
    candidates: tuple[Candidate, ...] = ()
    parts: tuple[Candidate, ...] = ()  # a plate: log all of them, each estimated
    resolved: Food | None = None  # the one food the answer names, if exactly one

    @property
    def found(self) -> bool:
        """Return whether any food of the table was found."""
        return bool(self.candidates or self.parts)


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())[:MAX_NAME]
    return text or None


def _share(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    share = float(value)
    return share if math.isfinite(share) and 0 < share <= 1 else None


def read_answer(data: Any) -> Answer | None:
    """Return the model's answer, or None if it is no answer (nonsense, no name)."""
    if not isinstance(data, Mapping):
        return None
    name = _text(data.get("name"))
    name_en = _text(data.get("name_en"))
    if name is None and name_en is None:
        return None
    confidence = data.get("confidence")
    if isinstance(confidence, bool) or not isinstance(confidence, int | float):
        confidence = 0.0
    confidence = (
        min(1.0, max(0.0, float(confidence))) if math.isfinite(confidence) else 0.0
    )
    parts: list[Part] = []
    raw_parts = data.get("parts")
    if isinstance(raw_parts, list):
        for raw in raw_parts[:MAX_PARTS]:
            if not isinstance(raw, Mapping):
                continue
            part_name = _text(raw.get("name"))
            part_en = _text(raw.get("name_en"))
            share = _share(raw.get("share"))
            if (part_name or part_en) is None or share is None:
                continue
            parts.append(
                Part(part_name or part_en or "", part_en or part_name or "", share)
            )
    return Answer(
        name=name or name_en or "",
        name_en=name_en or name or "",
        preparation=_text(data.get("preparation")) or "",
        confidence=confidence,
        parts=tuple(parts) if len(parts) > 1 else (),
    )


def _names(
    name: str, name_en: str, preparation: str, language: str
) -> list[tuple[str, str]]:
    """Return the texts to look up, with their language, most specific first."""
    texts = []
    if preparation:
        texts += [
            (f"{name} {preparation}", language),
            (f"{name_en} {preparation}", "en"),
        ]
    texts += [(name, language), (name_en, "en")]
    return texts


def _matches(
    library: FoodLibrary, name: str, name_en: str, preparation: str, language: str
) -> tuple[list[Food], Food | None]:
    """Return the foods the names name, and the one food they resolve to.

    Resolved foods come first, then search hits. The one food is None when the names
    resolve to none, or to different foods.
    """
    resolved: list[Food] = []
    texts = _names(name, name_en, preparation, language)
    for text, lang in texts:
        if (food := library.resolve(text, lang)) is not None and food not in resolved:
            resolved.append(food)
    found = list(resolved)
    for text, lang in texts:
        for food in library.search(text, language=lang, limit=ALTERNATIVES + 1):
            if food not in found:
                found.append(food)
    return found, resolved[0] if len(resolved) == 1 else None


def identify(
    library: FoodLibrary, answer: Answer, grams: float, language: str
) -> Identification:
    """Return the foods of the table the answer names, for a portion of `grams`."""
    matches, resolved = _matches(
        library, answer.name, answer.name_en, answer.preparation, language
    )
    candidates = tuple(Candidate(food, grams) for food in matches[: ALTERNATIVES + 1])
    parts: list[tuple[Food, float]] = []
    for part in answer.parts:
        part_matches, _ = _matches(library, part.name, part.name_en, "", language)
        if part_matches:
            parts.append((part_matches[0], part.share))
    total = sum(share for _food, share in parts)
    plate = tuple(
        Candidate(food, round(grams * share / total, 1), estimated=True)
        for food, share in parts
    )
    if len(plate) > 1:
        return Identification(grams, answer, candidates, plate)
    return Identification(grams, answer, candidates, resolved=resolved)


def auto_food(identification: Identification, logged: Collection[str]) -> Food | None:
    """Return the food to log without a tap, or None.

    That is when the answer resolves to exactly one food, one the person has logged
    before (`logged`: their food ids), and is no plate.
    """
    food = identification.resolved
    if identification.parts or food is None or food.id not in logged:
        return None
    return food
