"""A real Home Assistant process on a temporary configuration, for the tests that need one.

The process is Home Assistant's own entry point (`homeassistant.__main__.main`, what
`.venv/bin/hass` runs) with a temporary configuration directory prepared by
`scripts/hass_config.py` (an owner login, onboarding done, HTTP confirmed on a free port of
127.0.0.1, a long-lived access token) and this repository's integration linked into
`custom_components/`. Two things differ from a plain `hass --config DIR`, both for a fast,
offline start with only requirements_test.txt installed (as in CI):

- `--skip-pip`: nothing is installed at startup;
- Home Assistant's default integrations (backup, hardware, ... whose requirements are
  development requirements only) are not set up, so the launcher empties
  `bootstrap.DEFAULT_INTEGRATIONS` and `bootstrap.CRITICAL_INTEGRATIONS`; a test lists the
  components it needs (`api:` and `config:` for REST, `frontend:` for a browser).

Every wait has a deadline, the process is always killed at the end of the test, and only
127.0.0.1 is used.

The interpreter is this test run's own, unless `MTOR_BALANCE_HASS_PYTHON` names another one:
`scripts/compat` points it at a virtual environment with another Home Assistant release, so
that release runs (and prepares its configuration) while the tests keep the pinned stack.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
import json
import os
from pathlib import Path
import signal
import socket
import subprocess
import sys
import time
from typing import Any
import urllib.error
import urllib.request

import aiohttp
import pytest

ROOT = Path(__file__).resolve().parent.parent
# The Python that runs Home Assistant (see the module docstring).
PYTHON = os.environ.get("MTOR_BALANCE_HASS_PYTHON") or sys.executable
# The release it must report, when set (scripts/compat sets it with the interpreter).
VERSION = os.environ.get("MTOR_BALANCE_HASS_VERSION")
HOST = "127.0.0.1"
STARTUP_TIMEOUT_S = 45.0
REQUEST_TIMEOUT_S = 10.0
SCALE = "sensor.kitchen_scale"
USERNAME = "owner"
PASSWORD = "owner-password-1"  # noqa: S105  (a throw-away test login)


# Home Assistant's entry point without its default integrations (see the module docstring).
LAUNCH = """
import sys

from homeassistant import bootstrap

bootstrap.DEFAULT_INTEGRATIONS.clear()
bootstrap.CRITICAL_INTEGRATIONS.clear()

from homeassistant.__main__ import main

sys.exit(main())
"""

CONFIGURATION = """\
homeassistant:
  name: {name}
  time_zone: Europe/Stockholm
  unit_system: metric
  latitude: 59.33
  longitude: 18.07
  language: {language}
  country: SE
{components}
logger:
  default: warning
"""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


class HassDownError(Exception):
    """Home Assistant is not (or no longer) answering."""


class RefusedError(Exception):
    """Home Assistant answered a request with an error."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(f"{status}: {message}")
        self.status = status
        self.message = message


@dataclass
class Hass:
    """One configuration directory, and the Home Assistant process running on it."""

    config_dir: Path
    port: int
    token: str
    process: subprocess.Popen[bytes] | None = None
    starts: int = 0

    @property
    def log(self) -> str:
        path = self.config_dir / "home-assistant.log"
        return (
            path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
        )

    def start(self) -> float:
        """Start Home Assistant; return the seconds until it is RUNNING."""
        assert self.process is None
        self.starts += 1
        began = time.monotonic()
        output = (self.config_dir / f"process-{self.starts}.out").open("wb")
        with output:
            self.process = subprocess.Popen(  # noqa: S603
                [
                    PYTHON,
                    "-c",
                    LAUNCH,
                    "--config",
                    str(self.config_dir),
                    "--skip-pip",
                ],
                stdout=output,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                cwd=self.config_dir,
            )
        deadline = began + STARTUP_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(
                    f"Home Assistant exited with {self.process.returncode}:\n"
                    f"{self._tail()}"
                )
            with contextlib.suppress(HassDownError):
                config = self.get("/api/config", timeout=1.0)
                if config["state"] == "RUNNING":
                    assert config["version"] == (VERSION or config["version"]), config
                    return time.monotonic() - began
            time.sleep(0.1)
        pytest.fail(
            f"Home Assistant did not start in {STARTUP_TIMEOUT_S} s:\n{self._tail()}"
        )

    def kill(self) -> None:
        """SIGKILL the process (no shutdown, no final writes) and reap it."""
        if self.process is None:
            return
        process, self.process = self.process, None
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    def _tail(self, lines: int = 60) -> str:
        output = ""
        for path in sorted(self.config_dir.glob("process-*.out")):
            output += path.read_text(encoding="utf-8", errors="replace")
        return "\n".join((self.log or output).splitlines()[-lines:])

    def request(
        self,
        method: str,
        path: str,
        body: Any = None,
        timeout: float = REQUEST_TIMEOUT_S,
        *,
        missing_ok: bool = False,
        allow_error: bool = False,
    ) -> Any:
        """Call the REST API; return the decoded JSON answer (None for a 404 if allowed).

        With `allow_error`, an error answer raises RefusedError instead of failing.
        """
        request = urllib.request.Request(
            f"http://{HOST}:{self.port}{path}",
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={
                "Authorization": f"Bearer {self.token}",
                "Content-Type": "application/json",
            },
        )
        # No proxy: the environment's proxy settings must not reroute 127.0.0.1.
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(request, timeout=timeout) as response:
                return json.loads(response.read() or b"null")
        except urllib.error.HTTPError as err:
            if missing_ok and err.code == 404:
                return None
            detail = err.read().decode(errors="replace")
            if allow_error:
                raise RefusedError(err.code, detail) from err
            pytest.fail(f"{method} {path} -> {err.code}: {detail}")
        except (OSError, TimeoutError) as err:
            raise HassDownError(str(err)) from err

    def post_refused(self, path: str, body: Any) -> tuple[int, str]:
        """Call the REST API expecting an error; return its status and message."""
        try:
            answer = self.request("POST", path, body, allow_error=True)
        except RefusedError as err:
            return err.status, err.message
        pytest.fail(f"POST {path} was not refused: {answer}")

    def ws(self, message: dict[str, Any]) -> Any:
        """Send one websocket command as the owner; return its result."""
        return asyncio.run(self._ws(message))

    async def _ws(self, message: dict[str, Any]) -> Any:
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(
                f"http://{HOST}:{self.port}/api/websocket", timeout=REQUEST_TIMEOUT_S
            ) as socket_,
        ):
            await socket_.receive_json()  # auth_required
            await socket_.send_json({"type": "auth", "access_token": self.token})
            assert (await socket_.receive_json())["type"] == "auth_ok"
            await socket_.send_json({"id": 1, **message})
            while (answer := await socket_.receive_json())["id"] != 1:
                pass
            assert answer["success"], answer
            return answer["result"]

    def get(
        self, path: str, timeout: float = REQUEST_TIMEOUT_S, *, missing_ok: bool = False
    ) -> Any:
        return self.request("GET", path, timeout=timeout, missing_ok=missing_ok)

    def post(self, path: str, body: Any = None) -> Any:
        return self.request("POST", path, {} if body is None else body)

    def state(self, entity_id: str) -> str | None:
        """Return the entity's state, or None while it does not exist."""
        found = self.get(f"/api/states/{entity_id}", timeout=2.0, missing_ok=True)
        return None if found is None else str(found["state"])

    def wait_for(
        self, what: str, check: Callable[[], bool], timeout: float = 15.0
    ) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if check():
                return
            time.sleep(0.02)
        pytest.fail(f"timed out after {timeout} s waiting for {what}:\n{self._tail()}")

    def log_entries(self) -> list[dict[str, Any]]:
        since = (datetime.now(UTC) - timedelta(days=2)).isoformat()
        response = self.post(
            "/api/services/mtor_balance/get_log?return_response", {"start": since}
        )
        return list(response["service_response"]["entries"])

    def set_scale(self, grams: str) -> None:
        self.post(
            f"/api/states/{SCALE}",
            {
                "state": grams,
                "attributes": {"unit_of_measurement": "g", "device_class": "weight"},
            },
        )


@pytest.fixture
def real_hass_factory(tmp_path: Path) -> Iterator[Callable[..., Hass]]:
    """Make prepared configuration directories; every process is killed afterwards."""
    made: list[Hass] = []

    def make(
        name: str = "Real Home Assistant",
        components: str = "api:\nconfig:",
        language: str = "en",
    ) -> Hass:
        config_dir = tmp_path / f"config{len(made)}"
        (config_dir / "custom_components").mkdir(parents=True)
        (config_dir / "custom_components" / "mtor_balance").symlink_to(
            ROOT / "custom_components" / "mtor_balance", target_is_directory=True
        )
        port = _free_port()
        (config_dir / "configuration.yaml").write_text(
            CONFIGURATION.format(name=name, components=components, language=language),
            encoding="utf-8",
        )
        prepared = subprocess.run(  # noqa: S603
            [
                PYTHON,
                str(ROOT / "scripts" / "hass_config.py"),
                str(config_dir),
                "--host",
                HOST,
                "--port",
                str(port),
                "--username",
                USERNAME,
                "--password",
                PASSWORD,
                "--name",
                "Owner",
                "--token",
            ],
            capture_output=True,
            check=False,
            timeout=60,
            text=True,
        )
        assert prepared.returncode == 0, prepared.stderr
        hass = Hass(config_dir, port, prepared.stdout.strip().splitlines()[-1])
        made.append(hass)
        return hass

    try:
        yield make
    finally:
        for hass in made:
            hass.kill()
