"""Prepare a Home Assistant config folder to start without onboarding, on the loopback address.

One tool for everything here that starts a real Home Assistant: `scripts/develop` (config/),
`scripts/screenshots` and the tests that start a real process (crash, browser). With Home
Assistant's own auth, onboarding and HTTP config code it

- creates an owner login (the first user that is not a system user becomes the owner, as in
  onboarding); an existing login keeps its password;
- marks onboarding done;
- stores a confirmed ("stable") HTTP config that listens on one address and port (a YAML
  `http:` block would be migrated into a *pending* config that reverts after 5 minutes);
- with `--token`, prints a long-lived access token of the owner (for REST and websocket).

    .venv/bin/python scripts/hass_config.py CONFIG_DIR --host 127.0.0.1 --port 8123 \
        --username demo --password demo1234 [--name Demo] [--token] [--if-needed]

`--if-needed` first checks the JSON files (without importing Home Assistant, which takes
half a second) and does nothing when all is in place.
"""

from __future__ import annotations

import argparse
import asyncio
from datetime import timedelta
import importlib.util
import json
from pathlib import Path
import runpy
import sys
from typing import Any


def _onboarding_steps() -> list[str]:
    spec = importlib.util.find_spec("homeassistant")
    if spec is None or spec.submodule_search_locations is None:
        sys.exit("hass_config: Home Assistant is not installed")
    package = Path(next(iter(spec.submodule_search_locations)))
    const = package / "components" / "onboarding" / "const.py"
    return list(runpy.run_path(str(const))["STEPS"])


def _load(storage: Path, key: str) -> Any:
    try:
        return json.loads((storage / key).read_text(encoding="utf-8"))["data"]
    except OSError, ValueError, KeyError:
        return None


def missing(config_dir: Path, host: str, port: int, username: str) -> list[str]:
    """Return what is not yet prepared in `config_dir` (empty when all is in place)."""
    storage = config_dir / ".storage"
    problems = []
    provider, auth = (
        _load(storage, "auth_provider.homeassistant"),
        _load(storage, "auth"),
    )
    users = {user.get("username") for user in (provider or {}).get("users", [])}
    if username not in users:
        problems.append(f"login {username!r}")
    if not auth or not any(user.get("is_owner") for user in auth.get("users", [])):
        problems.append("owner user")
    onboarding = _load(storage, "onboarding")
    if not onboarding or not set(_onboarding_steps()) <= set(
        onboarding.get("done", [])
    ):
        problems.append("onboarding done")
    http = _load(storage, "http")
    stable = (http or {}).get("stable", {})
    if (
        not http
        or http.get("pending") is not None
        or not http.get("yaml_migration_done")
        or stable.get("server_host") != [host]
        or stable.get("server_port") != port
    ):
        problems.append(f"HTTP bound to {host}:{port}")
    return problems


async def prepare(
    config_dir: Path,
    *,
    host: str,
    port: int,
    username: str,
    password: str,
    name: str,
    token: bool,
) -> str | None:
    """Write the owner login, onboarding and HTTP config; return a token if asked."""
    # Imported here: the --if-needed check must not pay for importing Home Assistant.
    from homeassistant.auth import auth_manager_from_config  # noqa: PLC0415
    from homeassistant.auth.const import GROUP_ID_ADMIN  # noqa: PLC0415
    from homeassistant.auth.models import (  # noqa: PLC0415
        TOKEN_TYPE_LONG_LIVED_ACCESS_TOKEN,
    )
    from homeassistant.auth.providers.homeassistant import (  # noqa: PLC0415
        HassAuthProvider,
    )
    from homeassistant.components.http.config import HTTPConfigStore  # noqa: PLC0415
    from homeassistant.components.onboarding import (  # noqa: PLC0415
        STORAGE_KEY,
        STORAGE_VERSION,
        OnboardingStorage,
    )
    from homeassistant.config_entries import ConfigEntries  # noqa: PLC0415
    from homeassistant.core import HomeAssistant  # noqa: PLC0415
    from homeassistant.helpers import (  # noqa: PLC0415
        device_registry as dr,
        entity_registry as er,
    )

    # The same setup as `hass --script auth` (homeassistant/scripts/auth.py).
    hass = HomeAssistant(str(config_dir))
    hass.config_entries = ConfigEntries(hass, {})
    await hass.config_entries.async_initialize()
    dr.async_setup(hass)
    await asyncio.gather(dr.async_load(hass), er.async_load(hass))
    hass.auth = await auth_manager_from_config(hass, [{"type": "homeassistant"}], [])
    provider = hass.auth.auth_providers[0]
    assert isinstance(provider, HassAuthProvider)
    await provider.async_initialize()
    known = provider.data.users if provider.data is not None else []
    if username not in {user["username"] for user in known}:
        await provider.async_add_auth(username, password)
    credentials = await provider.async_get_or_create_credentials({"username": username})
    user = (
        None
        if credentials.is_new
        else await hass.auth.async_get_user_by_credentials(credentials)
    )
    if user is None:
        user = await hass.auth.async_create_user(name, group_ids=[GROUP_ID_ADMIN])
        await hass.auth.async_link_user(user, credentials)

    onboarding = OnboardingStorage(hass, STORAGE_VERSION, STORAGE_KEY, private=True)
    data = await onboarding.async_load() or {"done": []}
    steps = _onboarding_steps()
    data["done"] = [
        *data["done"],
        *(step for step in steps if step not in data["done"]),
    ]
    await onboarding.async_save(data)

    http = HTTPConfigStore(hass)
    await http.async_migrate_yaml({"server_host": [host], "server_port": port})
    if http.pending is not None:
        await http.async_promote_pending()

    access_token = None
    if token:
        refresh_token = await hass.auth.async_create_refresh_token(
            user,
            client_name="mTOR Balance tools",
            token_type=TOKEN_TYPE_LONG_LIVED_ACCESS_TOKEN,
            access_token_expiration=timedelta(days=1),
        )
        access_token = hass.auth.async_create_access_token(refresh_token)
    # Not started: a forced stop runs the final write stage that saves the delayed writes.
    await hass.async_stop(force=True)
    return access_token


def main() -> None:
    """Prepare the folder given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("config_dir", type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8123)
    parser.add_argument("--username", default="demo")
    parser.add_argument("--password", default="demo1234")
    parser.add_argument("--name", default="Demo")
    parser.add_argument("--token", action="store_true")
    parser.add_argument("--if-needed", action="store_true")
    args = parser.parse_args()
    if args.if_needed and not args.token:
        problems = missing(args.config_dir, args.host, args.port, args.username)
        if not problems:
            return
        print(f"hass_config: preparing {', '.join(problems)}", file=sys.stderr)

    from homeassistant import runner  # noqa: PLC0415

    token = asyncio.run(
        prepare(
            args.config_dir,
            host=args.host,
            port=args.port,
            username=args.username,
            password=args.password,
            name=args.name,
            token=args.token,
        ),
        loop_factory=runner.create_event_loop,
    )
    if token is not None:
        print(token)
    if problems := missing(args.config_dir, args.host, args.port, args.username):
        sys.exit(f"hass_config: still missing: {', '.join(problems)}")


if __name__ == "__main__":
    main()
