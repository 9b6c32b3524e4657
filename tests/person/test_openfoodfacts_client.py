"""The Open Food Facts client against a mocked network: answers, errors, cache, rate limit."""

from __future__ import annotations

import asyncio
from collections.abc import Generator
from typing import Any
from unittest.mock import patch

import aiohttp
from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_get_clientsession
import pytest
from pytest_homeassistant_custom_component.test_util.aiohttp import (  # type: ignore[import-untyped]
    AiohttpClientMocker,
)

from custom_components.mtor_balance.const import (
    VERSION,
)
from custom_components.mtor_balance.core.barcode import InvalidBarcodeError
from custom_components.mtor_balance.core.categories import Category
from custom_components.mtor_balance.core.openfoodfacts_product import (
    LookupFailedError,
    MalformedProductError,
    NoProteinError,
    OpenFoodFactsError,
    ProductNotFoundError,
    RateLimitedError,
)
from custom_components.mtor_balance.person.openfoodfacts_client import (
    DEFAULT_BASE_URL,
    USER_AGENT,
    OpenFoodFactsClient,
)

MILK = "7310865005045"
WHEY = "4006381333931"
URL = f"{DEFAULT_BASE_URL}/api/v2/product/{{}}"


def product(**nutriments: Any) -> dict[str, Any]:
    return {
        "status": 1,
        "code": MILK,
        "product": {
            "product_name": "Milk",
            "product_name_sv": "Mjölk",
            "nutriments": nutriments,
            "categories_tags": ["en:dairies", "en:milks"],
        },
    }


MILK_ANSWER = product(**{"proteins_100g": 3.5, "energy-kcal_100g": 46})


@pytest.fixture
def sleeps() -> Generator[list[float]]:
    """Record the client's rate-limit waits instead of waiting; still yield to the loop."""
    waits: list[float] = []
    real_sleep = asyncio.sleep

    async def fake_sleep(delay: float) -> None:
        waits.append(delay)
        await real_sleep(0)

    with patch(
        "custom_components.mtor_balance.person.openfoodfacts_client.sleep", fake_sleep
    ):
        yield waits


@pytest.fixture
async def client(
    hass: HomeAssistant, aioclient_mock: AiohttpClientMocker, sleeps: list[float]
) -> OpenFoodFactsClient:
    """A client on Home Assistant's shared session, which the mocked network answers."""
    return OpenFoodFactsClient(async_get_clientsession(hass))


async def test_found_with_estimated_leucine(
    client: OpenFoodFactsClient, aioclient_mock: AiohttpClientMocker
) -> None:
    aioclient_mock.get(URL.format(MILK), json=MILK_ANSWER)
    food = await client.async_lookup(MILK)
    assert food.id == f"ean_{MILK}"
    assert (food.name, food.name_sv) == ("Milk", "Mjölk")
    assert food.category is Category.DAIRY
    assert food.protein_g == 3.5
    assert food.kcal == 46.0
    assert food.leucine_g == pytest.approx(3.5 * 0.095, abs=1e-3)
    assert food.leucine_estimated


async def test_found_with_product_leucine(
    client: OpenFoodFactsClient, aioclient_mock: AiohttpClientMocker
) -> None:
    aioclient_mock.get(
        URL.format(WHEY),
        json=product(
            **{"proteins_100g": 80, "l-leucine_100g": 9.1, "energy_100g": 1590}
        ),
    )
    food = await client.async_lookup(WHEY)
    assert food.leucine_g == 9.1
    assert not food.leucine_estimated
    assert food.kcal == pytest.approx(1590 / 4.184, abs=0.1)


async def test_request(
    client: OpenFoodFactsClient, aioclient_mock: AiohttpClientMocker
) -> None:
    aioclient_mock.get(URL.format(MILK), json=MILK_ANSWER)
    await client.async_lookup("731-0865-00504-5")
    assert aioclient_mock.call_count == 1
    method, url, _data, headers = aioclient_mock.mock_calls[0]
    assert method == "GET"
    assert str(url).startswith(f"{DEFAULT_BASE_URL}/api/v2/product/{MILK}?")
    assert url.query["fields"].split(",") == [
        "code",
        "product_name",
        "product_name_sv",
        "nutriments",
        "categories_tags",
    ]
    assert headers["User-Agent"] == USER_AGENT
    assert headers["User-Agent"] == (
        f"mTORBalance/{VERSION} (https://github.com/mtor-balance/mtor_balance)"
    )


async def test_timeout_and_base_url_are_used(
    hass: HomeAssistant, aioclient_mock: AiohttpClientMocker
) -> None:
    session = async_get_clientsession(hass)
    client = OpenFoodFactsClient(
        session, base_url="https://world.openfoodfacts.net/", timeout_s=3.0
    )
    aioclient_mock.get(
        f"https://world.openfoodfacts.net/api/v2/product/{MILK}", json=MILK_ANSWER
    )
    with patch.object(
        aiohttp.ClientSession,
        "get",
        autospec=True,
        side_effect=aiohttp.ClientSession.get,
    ) as get:
        await client.async_lookup(MILK)
    assert get.call_args.kwargs["timeout"] == aiohttp.ClientTimeout(total=3.0)
    assert aioclient_mock.call_count == 1


@pytest.mark.parametrize(
    "answer",
    [
        {"status": 0, "status_verbose": "product not found"},
        {"status": 1, "code": MILK},
    ],
)
async def test_not_found_in_the_answer(
    client: OpenFoodFactsClient,
    aioclient_mock: AiohttpClientMocker,
    answer: dict[str, Any],
) -> None:
    aioclient_mock.get(URL.format(MILK), json=answer)
    for _ in range(2):
        with pytest.raises(ProductNotFoundError):
            await client.async_lookup(MILK)
    assert aioclient_mock.call_count == 1  # not-found answers are remembered


async def test_not_found_http_404(
    client: OpenFoodFactsClient, aioclient_mock: AiohttpClientMocker
) -> None:
    aioclient_mock.get(
        URL.format(MILK),
        status=404,
        json={"status": 0, "status_verbose": "product not found"},
    )
    for _ in range(2):
        with pytest.raises(ProductNotFoundError):
            await client.async_lookup(MILK)
    assert aioclient_mock.call_count == 1


async def test_no_protein(
    client: OpenFoodFactsClient, aioclient_mock: AiohttpClientMocker
) -> None:
    aioclient_mock.get(URL.format(MILK), json=product(**{"energy-kcal_100g": 46}))
    for _ in range(2):
        with pytest.raises(NoProteinError):
            await client.async_lookup(MILK)
    assert aioclient_mock.call_count == 1


@pytest.mark.parametrize(
    "exc",
    [
        TimeoutError(),
        aiohttp.ClientConnectionError("no route"),
        aiohttp.ClientPayloadError("truncated"),
    ],
)
async def test_network_errors_are_not_remembered(
    client: OpenFoodFactsClient, aioclient_mock: AiohttpClientMocker, exc: Exception
) -> None:
    aioclient_mock.get(URL.format(MILK), exc=exc)
    with pytest.raises(LookupFailedError) as caught:
        await client.async_lookup(MILK)
    assert caught.value.__cause__ is exc
    aioclient_mock.clear_requests()
    aioclient_mock.get(URL.format(MILK), json=MILK_ANSWER)
    assert (await client.async_lookup(MILK)).protein_g == 3.5
    assert aioclient_mock.call_count == 1


@pytest.mark.parametrize(
    ("status", "error"),
    [
        (429, RateLimitedError),
        (500, LookupFailedError),
        (503, LookupFailedError),
        (301, LookupFailedError),
        (403, LookupFailedError),
    ],
)
async def test_http_errors(
    client: OpenFoodFactsClient,
    aioclient_mock: AiohttpClientMocker,
    status: int,
    error: type[OpenFoodFactsError],
) -> None:
    aioclient_mock.get(URL.format(MILK), status=status, text="Too many requests")
    for _ in range(2):
        with pytest.raises(error):
            await client.async_lookup(MILK)
    assert aioclient_mock.call_count == 2  # errors are not remembered


@pytest.mark.parametrize(
    "body",
    [
        {"text": "<html>Service unavailable</html>"},
        {"text": ""},
        {"content": b"\xff\xfe{"},
        {"json": [MILK_ANSWER]},
        {"json": "product"},
        {"json": {"status": 1, "product": ["Milk"]}},
    ],
)
async def test_malformed_answers_are_not_remembered(
    client: OpenFoodFactsClient,
    aioclient_mock: AiohttpClientMocker,
    body: dict[str, Any],
) -> None:
    aioclient_mock.get(URL.format(MILK), **body)
    for _ in range(2):
        with pytest.raises(MalformedProductError):
            await client.async_lookup(MILK)
    assert aioclient_mock.call_count == 2


async def test_invalid_barcode_makes_no_request(
    client: OpenFoodFactsClient, aioclient_mock: AiohttpClientMocker
) -> None:
    with pytest.raises(InvalidBarcodeError):
        await client.async_lookup("7310865005046")
    with pytest.raises(InvalidBarcodeError):
        await client.async_lookup("../../api/v2/search")
    assert aioclient_mock.call_count == 0


async def test_cache(
    client: OpenFoodFactsClient, aioclient_mock: AiohttpClientMocker
) -> None:
    aioclient_mock.get(URL.format(MILK), json=product(proteins_100g=3.5))
    first = await client.async_lookup(MILK)
    second = await client.async_lookup(f" {MILK[:7]} {MILK[7:]} ")
    assert first == second
    assert aioclient_mock.call_count == 1


async def test_cache_keeps_the_fallback_category_per_lookup(
    client: OpenFoodFactsClient, aioclient_mock: AiohttpClientMocker
) -> None:
    answer = product(proteins_100g=20.0)
    answer["product"]["categories_tags"] = ["en:snacks"]
    aioclient_mock.get(URL.format(MILK), json=answer)
    assert (await client.async_lookup(MILK)).category is Category.OTHER
    food = await client.async_lookup(MILK, Category.FISH)
    assert food.category is Category.FISH
    assert food.leucine_g == pytest.approx(1.6)
    assert aioclient_mock.call_count == 1


async def test_rate_limit_spaces_requests(
    hass: HomeAssistant, aioclient_mock: AiohttpClientMocker, sleeps: list[float]
) -> None:
    client = OpenFoodFactsClient(async_get_clientsession(hass), min_interval_s=60.0)
    aioclient_mock.get(URL.format(MILK), json=MILK_ANSWER)
    aioclient_mock.get(URL.format(WHEY), json=MILK_ANSWER)
    await client.async_lookup(MILK)
    assert sleeps == []  # the first request goes at once
    await client.async_lookup(WHEY)
    assert len(sleeps) == 1
    assert 59.0 < sleeps[0] <= 60.0
    await client.async_lookup(MILK)  # from the cache: no request, no wait
    assert len(sleeps) == 1
    assert aioclient_mock.call_count == 2


async def test_default_rate_limit_is_100_a_minute(
    client: OpenFoodFactsClient,
    aioclient_mock: AiohttpClientMocker,
    sleeps: list[float],
) -> None:
    aioclient_mock.get(URL.format(MILK), json=MILK_ANSWER)
    aioclient_mock.get(URL.format(WHEY), json=MILK_ANSWER)
    await client.async_lookup(MILK)
    await client.async_lookup(WHEY)
    assert len(sleeps) == 1
    assert 0.5 < sleeps[0] <= 0.6


async def test_no_wait_once_the_interval_has_passed(
    hass: HomeAssistant, aioclient_mock: AiohttpClientMocker, sleeps: list[float]
) -> None:
    client = OpenFoodFactsClient(async_get_clientsession(hass), min_interval_s=0.0)
    aioclient_mock.get(URL.format(MILK), json=MILK_ANSWER)
    aioclient_mock.get(URL.format(WHEY), json=MILK_ANSWER)
    await client.async_lookup(MILK)
    await client.async_lookup(WHEY)
    assert sleeps == []


async def test_failed_requests_count_for_the_rate_limit(
    hass: HomeAssistant, aioclient_mock: AiohttpClientMocker, sleeps: list[float]
) -> None:
    client = OpenFoodFactsClient(async_get_clientsession(hass), min_interval_s=60.0)
    aioclient_mock.get(URL.format(MILK), exc=TimeoutError())
    with pytest.raises(LookupFailedError):
        await client.async_lookup(MILK)
    with pytest.raises(LookupFailedError):
        await client.async_lookup(MILK)
    assert len(sleeps) == 1


async def test_concurrent_lookups_of_one_barcode_make_one_request(
    hass: HomeAssistant, aioclient_mock: AiohttpClientMocker, sleeps: list[float]
) -> None:
    client = OpenFoodFactsClient(async_get_clientsession(hass), min_interval_s=60.0)
    aioclient_mock.get(URL.format(MILK), json=MILK_ANSWER)
    aioclient_mock.get(URL.format(WHEY), json=MILK_ANSWER)
    await client.async_lookup(MILK)
    # The first lookup waits for the interval holding the lock; the others wait for the lock.
    foods = await asyncio.gather(*(client.async_lookup(WHEY) for _ in range(3)))
    assert len(set(foods)) == 1
    assert aioclient_mock.call_count == 2
    assert len(sleeps) == 1
