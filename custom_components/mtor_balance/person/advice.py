"""The next suggested meal explained in words, in a person's language.

`core/advice.py` names the sentences and their numbers; their texts are translations under
`common` (`advice_*`), so the assistant's `get_status` reads the same numbers as the
Next suggested meal sensor's attributes, in English or Swedish.
"""

from __future__ import annotations

from collections.abc import Mapping

from homeassistant.core import HomeAssistant
from homeassistant.helpers.translation import async_get_translations

from ..const import DOMAIN
from ..core.advice import explanation
from ..core.planner import Suggestion

_PREFIX = f"component.{DOMAIN}.common."


def explanation_in(texts: Mapping[str, str], suggestion: Suggestion) -> str:
    """Return the sentences that explain `suggestion`, from translated `texts`."""
    sentences = []
    for key, numbers in explanation(suggestion):
        text = texts.get(_PREFIX + key)
        if text is not None:
            sentences.append(
                text.format(**{name: f"{value:g}" for name, value in numbers.items()})
            )
    return " ".join(sentences)


async def async_explanation(
    hass: HomeAssistant, language: str, suggestion: Suggestion
) -> str:
    """Return the explanation of `suggestion` in `language`."""
    texts = await async_get_translations(hass, language, "common", [DOMAIN])
    return explanation_in(texts, suggestion)
