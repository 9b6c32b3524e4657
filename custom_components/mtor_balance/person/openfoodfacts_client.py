"""Open Food Facts client: look a barcode up and get a food.

Uses Home Assistant's shared aiohttp session (the caller passes it in). Open Food Facts allows
100 product reads a minute per client and asks for a User-Agent naming the app; this client
spaces its requests (waiting, not failing) and asks for each barcode at most once. Data from
Open Food Facts is under the Open Database License (ODbL).
"""

from __future__ import annotations

from asyncio import Lock, get_running_loop, sleep
from collections.abc import Mapping
from http import HTTPStatus
import logging
import math
from typing import Any, Final

import aiohttp

from ..const import VERSION
from ..core.barcode import normalize_barcode
from ..core.categories import Category
from ..core.model import Food
from ..core.openfoodfacts_product import (
    FIELDS,
    LookupFailedError,
    MalformedProductError,
    NoProteinError,
    ProductNotFoundError,
    RateLimitedError,
    food_from_product,
)

_LOGGER = logging.getLogger(__name__)

DEFAULT_BASE_URL: Final = "https://world.openfoodfacts.org"
# 100 product reads a minute.
DEFAULT_MIN_INTERVAL_S: Final = 0.6
DEFAULT_TIMEOUT_S: Final = 10.0
USER_AGENT: Final = (
    f"mTORBalance/{VERSION} (https://github.com/mtor-balance/mtor_balance)"
)

# The answer for a barcode that Open Food Facts does not know (HTTP 404).
_NOT_FOUND: Final[Mapping[str, Any]] = {"status": 0}


class OpenFoodFactsClient:
    """Looks barcodes up in Open Food Facts, politely: spaced requests, each barcode once.

    `async_lookup` raises `InvalidBarcodeError` (a ValueError, before any request) or one of the
    `OpenFoodFactsError` subclasses from `core.openfoodfacts`.
    """

    def __init__(
        self,
        session: aiohttp.ClientSession,
        *,
        base_url: str = DEFAULT_BASE_URL,
        min_interval_s: float = DEFAULT_MIN_INTERVAL_S,
        timeout_s: float = DEFAULT_TIMEOUT_S,
    ) -> None:
        """Use `session` for requests to the Open Food Facts server at `base_url`."""
        self._session = session
        self._base_url = base_url.rstrip("/")
        self._min_interval_s = min_interval_s
        self._timeout = aiohttp.ClientTimeout(total=timeout_s)
        self._lock = Lock()
        self._last_request = -math.inf
        # Answers by barcode: products, and products that do not exist or have no protein.
        # Network errors, rate limiting and malformed answers are not remembered.
        self._answers: dict[str, Mapping[str, Any]] = {}

    async def async_lookup(
        self, barcode: str, fallback_category: Category | None = None
    ) -> Food:
        """Return the food with this barcode.

        The category comes from the product's categories, else `fallback_category`.
        """
        code = normalize_barcode(barcode)
        answer = self._answers.get(code)
        if answer is None:
            async with self._lock:
                # Another lookup of the same barcode may have finished while this one waited.
                answer = self._answers.get(code)
                if answer is None:
                    answer = await self._async_request(code)
        try:
            food = food_from_product(code, answer, fallback_category)
        except ProductNotFoundError, NoProteinError:
            self._answers[code] = answer
            raise
        self._answers[code] = answer
        return food

    async def _async_request(self, code: str) -> Mapping[str, Any]:
        """Fetch the product answer for `code`, no sooner than the minimum interval allows.

        Call with the lock held.
        """
        loop = get_running_loop()
        wait = self._last_request + self._min_interval_s - loop.time()
        if wait > 0:
            await sleep(wait)
        self._last_request = loop.time()
        url = f"{self._base_url}/api/v2/product/{code}"
        try:
            async with self._session.get(
                url,
                params={"fields": ",".join(FIELDS)},
                headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
                timeout=self._timeout,
            ) as response:
                if response.status == HTTPStatus.NOT_FOUND:
                    return _NOT_FOUND
                if response.status == HTTPStatus.TOO_MANY_REQUESTS:
                    raise RateLimitedError("Open Food Facts asks us to slow down")
                if response.status != HTTPStatus.OK:
                    raise LookupFailedError(
                        f"Open Food Facts answered HTTP {response.status}"
                    )
                answer: object = await response.json(content_type=None)
        except (aiohttp.ClientError, TimeoutError) as err:
            _LOGGER.debug("Looking up %s in Open Food Facts failed: %r", code, err)
            raise LookupFailedError(
                f"Could not reach Open Food Facts: {err!r}"
            ) from err
        except ValueError as err:
            raise MalformedProductError(
                "Open Food Facts did not answer with JSON"
            ) from err
        if not isinstance(answer, Mapping):
            raise MalformedProductError(
                "Open Food Facts did not answer with a JSON object"
            )
        return answer
