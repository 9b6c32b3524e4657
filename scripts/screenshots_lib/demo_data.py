"""Fill a running Home Assistant with two weeks of mTOR Balance demo data for a person, Anna.

Everything goes through Home Assistant's public APIs, as a user's own scripts would:

1. log in as the demo user (`/auth/login_flow`, then `/auth/token`);
2. add Anna through the config flow (`/api/config/config_entries/flow`);
3. log her meals of the last 14 days with back-dated times (`mtor_balance.log_food`);
4. import the hourly *Leucine today* and *Protein today* statistics that the recorder
   would have compiled had those meals been logged live (`recorder/import_statistics`):
   back-dated log entries change the sensors now, but create no history;
5. create the example dashboard from dashboards/mtor_balance.yaml
   (`lovelace/dashboards/create`, `lovelace/config/save`).

It writes the tokens, in the form Home Assistant's frontend keeps them in localStorage
(`hassTokens`), to a JSON file for the browser.

    .venv/bin/python scripts/screenshots_lib/demo_data.py URL USER PASSWORD DASHBOARD TOKENS_OUT
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
import json
from pathlib import Path
import sys
import time as monotonic_time
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp
from homeassistant.util.yaml import load_yaml_dict

TIME_ZONE = ZoneInfo("Europe/Stockholm")  # config/configuration.yaml's time zone
DAYS = 14
DASHBOARD_URL_PATH = "mtor-balance"
STARTUP_TIMEOUT_S = 300

# Anna, 68, and her goals: 3 g leucine in each of 3 meals, a 14 h overnight fast.
ANNA: dict[str, Any] = {
    "name": "Anna",
    "body_mass_kg": 62,
    "age_group": "older",
    "scale_entity": "sensor.demo_kitchen_scale",
}
ANNA_GOALS: dict[str, Any] = {
    "fast_goal_h": 14,
    "window_mode": "fixed",
    "window_start": "08:00:00",
    "window_length_h": 10,
    "leucine_target_g": 3.0,
    "protein_target_g": 75,
    "day_start": "00:00:00",
    "log_mode": "button",
    "plan": {
        "mon": "normal",
        "tue": "high_protein",
        "wed": "normal",
        "thu": "high_protein",
        "fri": "normal",
        "sat": "normal",
        "sun": "low_protein",
    },
}

# What Anna eats (USDA SR28 ids and grams), in rotation; some meals miss the threshold.
BREAKFASTS: list[list[tuple[str, float]]] = [
    [("01012", 250)],  # cottage cheese
    [("01256", 300)],  # Greek yogurt
    [("01132", 120), ("01012", 100)],  # scrambled egg and cottage cheese
    [("01256", 200)],
    [("01012", 220), ("01040", 20)],  # with Emmental
    [("01132", 150)],
    [("01012", 260)],
]
LUNCHES: list[list[tuple[str, float]]] = [
    [("15237", 160)],  # salmon
    [("05064", 130)],  # chicken breast
    [("15121", 150)],  # tuna
    [("05711", 120)],  # turkey breast
    [("23610", 120)],  # sirloin
]
DINNERS: list[list[tuple[str, float]]] = [
    [("23610", 130)],
    [("05064", 120)],
    [("01012", 150)],
    [("15237", 140)],
    [("17014", 120)],  # leg of lamb
    [("10061", 130)],  # pork tenderloin
]
MEAL_TIMES = (time(8, 15), time(12, 30), time(17, 30))


def demo_meals(now: datetime) -> Iterator[tuple[datetime, str, float]]:
    """Yield (time, food, grams) of the last DAYS days' meals, up to 20 minutes ago."""
    today = now.astimezone(TIME_ZONE).date()
    for days_ago in range(DAYS - 1, -1, -1):
        day = today - timedelta(days=days_ago)
        number = day.toordinal()
        for meal_time, menu in zip(
            MEAL_TIMES, (BREAKFASTS, LUNCHES, DINNERS), strict=True
        ):
            start = datetime.combine(day, meal_time, TIME_ZONE)
            for minutes, (food, grams) in enumerate(menu[number % len(menu)]):
                moment = start + timedelta(minutes=5 * minutes)
                if moment < now - timedelta(minutes=20):
                    yield moment, food, grams


def hourly_statistics(
    entries: list[dict[str, Any]], key: str, first_day: date, until: datetime
) -> list[dict[str, Any]]:
    """Return the hourly statistics of a daily total (state class total, daily last_reset).

    Each hour has the day's total at its end (`state`), the running sum of every increase
    (`sum`) and the start of its day (`last_reset`), as the recorder compiles them.
    """
    stats: list[dict[str, Any]] = []
    hour = datetime.combine(first_day, time(0), TIME_ZONE).astimezone(UTC)
    running = 0.0
    day_total = 0.0
    day_start: datetime | None = None
    pending = sorted(
        (datetime.fromisoformat(entry["time"]), float(entry[key])) for entry in entries
    )
    while hour + timedelta(hours=1) <= until:
        end = hour + timedelta(hours=1)
        local_day = datetime.combine(
            hour.astimezone(TIME_ZONE).date(), time(0), TIME_ZONE
        )
        if day_start != local_day:
            day_start, day_total = local_day, 0.0
        while pending and pending[0][0] < end:
            _, amount = pending.pop(0)
            day_total += amount
            running += amount
        stats.append(
            {
                "start": hour.isoformat(),
                "state": round(day_total, 3),
                "sum": round(running, 3),
                "last_reset": day_start.astimezone(UTC).isoformat(),
            }
        )
        hour = end
    return stats


class Demo:
    """A session with Home Assistant's REST and websocket APIs."""

    def __init__(self, session: aiohttp.ClientSession, url: str) -> None:
        """Talk to Home Assistant at `url`."""
        self.session = session
        self.url = url.rstrip("/")
        self.client_id = f"{self.url}/"
        self.tokens: dict[str, Any] = {}
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._ws_id = 0

    @property
    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens['access_token']}"}

    async def wait_until_up(self) -> None:
        """Wait until Home Assistant answers HTTP requests."""
        deadline = monotonic_time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            try:
                async with self.session.get(f"{self.url}/manifest.json") as response:
                    if response.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            if monotonic_time.monotonic() > deadline:
                sys.exit(f"demo_data: Home Assistant did not start at {self.url}")
            await asyncio.sleep(1)

    async def log_in(self, username: str, password: str) -> None:
        """Log in with the login flow, as the frontend does, and get tokens."""
        redirect_uri = f"{self.url}/?auth_callback=1"
        async with self.session.post(
            f"{self.url}/auth/login_flow",
            json={
                "client_id": self.client_id,
                "handler": ["homeassistant", None],
                "redirect_uri": redirect_uri,
            },
        ) as response:
            flow = await self._json(response)
        async with self.session.post(
            f"{self.url}/auth/login_flow/{flow['flow_id']}",
            json={
                "client_id": self.client_id,
                "username": username,
                "password": password,
            },
        ) as response:
            result = await self._json(response)
        if result.get("type") != "create_entry":
            sys.exit(f"demo_data: logging in as {username!r} failed: {result}")
        async with self.session.post(
            f"{self.url}/auth/token",
            data={
                "grant_type": "authorization_code",
                "code": result["result"],
                "client_id": self.client_id,
            },
        ) as response:
            tokens = await self._json(response)
        self.tokens = {
            **tokens,
            "hassUrl": self.url,
            "clientId": self.client_id,
            "expires": int(monotonic_time.time() * 1000) + tokens["expires_in"] * 1000,
        }

    async def rest(self, method: str, path: str, payload: Any = None) -> Any:
        """Call the REST API and return its JSON answer."""
        async with self.session.request(
            method, f"{self.url}{path}", json=payload, headers=self._headers
        ) as response:
            return await self._json(response)

    async def ws(self, message: dict[str, Any]) -> Any:
        """Send one websocket command and return its result."""
        if self._ws is None:
            self._ws = await self.session.ws_connect(f"{self.url}/api/websocket")
            await self._ws.receive_json()  # auth_required
            await self._ws.send_json(
                {"type": "auth", "access_token": self.tokens["access_token"]}
            )
            if (answer := await self._ws.receive_json())["type"] != "auth_ok":
                sys.exit(f"demo_data: websocket authentication failed: {answer}")
        self._ws_id += 1
        await self._ws.send_json({**message, "id": self._ws_id})
        while True:
            answer = await self._ws.receive_json()
            if answer.get("id") == self._ws_id and answer["type"] == "result":
                if not answer["success"]:
                    sys.exit(f"demo_data: {message['type']} failed: {answer['error']}")
                return answer["result"]

    async def close(self) -> None:
        """Close the websocket."""
        if self._ws is not None:
            await self._ws.close()

    async def add_person(self) -> str:
        """Add Anna through the config flow; return her config entry id."""
        deadline = monotonic_time.monotonic() + STARTUP_TIMEOUT_S
        while True:  # the config flow works once the integrations have loaded
            async with self.session.post(
                f"{self.url}/api/config/config_entries/flow",
                json={"handler": "mtor_balance", "show_advanced_options": False},
                headers=self._headers,
            ) as response:
                if response.status == 200:
                    flow = await response.json()
                    break
            if monotonic_time.monotonic() > deadline:
                sys.exit("demo_data: the mTOR Balance config flow did not start")
            await asyncio.sleep(1)
        # The flow may start with a menu (a person or a scale) and goes on with forms:
        # answer each one with the fields of Anna's that it asks for.
        path = f"/api/config/config_entries/flow/{flow['flow_id']}"
        answers = {**ANNA, **ANNA_GOALS}
        step = flow
        for _ in range(5):
            if step.get("type") == "create_entry":
                return str(step["result"]["entry_id"])
            if step.get("type") == "menu" and "person" in step["menu_options"]:
                step = await self.rest("POST", path, {"next_step_id": "person"})
            elif step.get("type") == "form" and not step.get("errors"):
                fields = {field["name"] for field in step["data_schema"]}
                data = {key: value for key, value in answers.items() if key in fields}
                step = await self.rest("POST", path, data)
            else:
                break
        sys.exit(f"demo_data: adding Anna failed at: {step}")

    async def wait_for_state(self, entity_id: str) -> None:
        """Wait until an entity has a state."""
        for _ in range(120):
            async with self.session.get(
                f"{self.url}/api/states/{entity_id}", headers=self._headers
            ) as response:
                if response.status == 200:
                    return
            await asyncio.sleep(0.5)
        sys.exit(f"demo_data: {entity_id} did not appear")

    @staticmethod
    async def _json(response: aiohttp.ClientResponse) -> Any:
        if response.status >= 400:
            sys.exit(
                f"demo_data: {response.method} {response.url.path} answered"
                f" {response.status}: {await response.text()}"
            )
        return await response.json()


async def seed(
    url: str, username: str, password: str, dashboard: dict[str, Any]
) -> dict[str, Any]:
    """Log in, add Anna with her meals and statistics, and create the dashboard.

    Return the tokens, as the frontend keeps them.
    """
    async with aiohttp.ClientSession() as session:
        demo = Demo(session, url)
        await demo.wait_until_up()
        await demo.log_in(username, password)

        entry_id = await demo.add_person()
        await demo.wait_for_state("sensor.anna_leucine_today")
        now = datetime.now(UTC)
        # Newest first: logging the old meals first would make Fasting hours jump to
        # two weeks for a moment, and its history graph would show that.
        for moment, food, grams in reversed(list(demo_meals(now))):
            await demo.rest(
                "POST",
                "/api/services/mtor_balance/log_food",
                {
                    "config_entry_id": entry_id,
                    "food": food,
                    "grams": grams,
                    "time": moment.isoformat(),
                },
            )
        await demo.rest(
            "POST",
            "/api/services/select/select_option",
            {"entity_id": "select.anna_food", "option": "Cottage cheese"},
        )
        log = await demo.rest(
            "POST",
            "/api/services/mtor_balance/get_log?return_response",
            {
                "config_entry_id": entry_id,
                "start": (now - timedelta(days=DAYS + 1)).isoformat(),
            },
        )
        entries = log["service_response"]["entries"]
        first_day = now.astimezone(TIME_ZONE).date() - timedelta(days=DAYS - 1)
        this_hour = now.replace(minute=0, second=0, microsecond=0)
        for entity_id, key in (
            ("sensor.anna_leucine_today", "leucine_g"),
            ("sensor.anna_protein_today", "protein_g"),
        ):
            await demo.ws(
                {
                    "type": "recorder/import_statistics",
                    "metadata": {
                        "has_mean": False,
                        "mean_type": 0,
                        "has_sum": True,
                        "name": None,
                        "source": "recorder",
                        "statistic_id": entity_id,
                        "unit_class": "mass",
                        "unit_of_measurement": "g",
                    },
                    "stats": hourly_statistics(entries, key, first_day, this_hour),
                }
            )

        await demo.ws(
            {
                "type": "lovelace/dashboards/create",
                "url_path": DASHBOARD_URL_PATH,
                "title": dashboard.get("title", "mTOR Balance"),
                "icon": "mdi:scale-balance",
                "show_in_sidebar": True,
                "require_admin": False,
                "mode": "storage",
            }
        )
        await demo.ws(
            {
                "type": "lovelace/config/save",
                "url_path": DASHBOARD_URL_PATH,
                "config": dashboard,
            }
        )
        await demo.close()
        print(
            f"demo_data: Anna has {len(entries)} log entries over {DAYS} days;"
            f" dashboard at {url}/{DASHBOARD_URL_PATH}"
        )
        return demo.tokens


def main() -> None:
    """Run `seed` with the command line arguments."""
    url, username, password, dashboard, tokens_out = sys.argv[1:6]
    config = load_yaml_dict(dashboard)
    tokens = asyncio.run(seed(url, username, password, config))
    Path(tokens_out).write_text(json.dumps(tokens), encoding="utf-8")


if __name__ == "__main__":
    main()
