"""Check scripts/develop's configuration on a Home Assistant release for 5 minutes and more.

`scripts/compat --develop` runs this with the compat environment's interpreter in
MTOR_BALANCE_HASS_PYTHON. Like scripts/develop, it prepares a copy of config/ with
scripts/hass_config.py (demo login, onboarding done, a confirmed HTTP config on 127.0.0.1)
and starts the full Home Assistant (default integrations included) on it, on a free port so
that a running scripts/develop is not disturbed. Home Assistant reverts a *pending* HTTP
config after 5 minutes; this checks that the server still answers on 127.0.0.1 after
`MTOR_BALANCE_DEVELOP_SECONDS` (330 by default), that it listens on 127.0.0.1 only, and
that the log has no error from mTOR Balance or the HTTP server.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
STARTUP_TIMEOUT_S = 180.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def _answers(port: int) -> bool:
    """Tell whether Home Assistant's HTTP server answers (any status) on HOST:port."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(f"http://{HOST}:{port}/manifest.json", timeout=3):
            return True
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False


def _listeners(port: int) -> set[str]:
    """Return the local addresses listening on `port` (IPv4 and IPv6), from /proc/net."""
    found: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text(encoding="ascii").splitlines()[1:]:
                fields = line.split()
                address, _, hex_port = fields[1].partition(":")
                if int(hex_port, 16) == port and fields[3] == "0A":  # LISTEN
                    found.add(_address(address))
    return found


def _address(hex_address: str) -> str:
    if len(hex_address) == 8:
        return socket.inet_ntop(socket.AF_INET, bytes.fromhex(hex_address)[::-1])
    words = bytes.fromhex(hex_address)
    native = b"".join(words[i : i + 4][::-1] for i in range(0, 16, 4))
    return socket.inet_ntop(socket.AF_INET6, native)


def _prepare(python: str, config: Path, port: int) -> None:
    (config / "custom_components").mkdir(parents=True)
    (config / "custom_components" / "mtor_balance").symlink_to(
        ROOT / "custom_components" / "mtor_balance", target_is_directory=True
    )
    shutil.copy(ROOT / "config" / "configuration.yaml", config / "configuration.yaml")
    (config / "automations.yaml").write_text("[]\n", encoding="utf-8")
    (config / "scripts.yaml").write_text("{}\n", encoding="utf-8")
    subprocess.run(
        [
            python,
            str(ROOT / "scripts" / "hass_config.py"),
            str(config),
            *("--host", HOST, "--port", str(port)),
            *("--username", "demo", "--password", "demo1234", "--name", "Demo"),
        ],
        check=True,
        timeout=120,
    )


def main() -> int:
    """Run the check; return the exit status."""
    python = os.environ.get("MTOR_BALANCE_HASS_PYTHON") or sys.executable
    seconds = float(os.environ.get("MTOR_BALANCE_DEVELOP_SECONDS", "330"))
    port = _free_port()
    config = Path(tempfile.mkdtemp(prefix="mtor-compat-develop-"))
    problems: list[str] = []
    _prepare(python, config, port)
    print(
        f"compat: develop's configuration on port {port}, {seconds:.0f} s", flush=True
    )
    began = time.monotonic()
    with (config / "hass.out").open("wb") as output:
        process = subprocess.Popen(
            [python, "-m", "homeassistant", "--config", str(config), "--skip-pip"],
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        while not _answers(port):
            if (
                process.poll() is not None
                or time.monotonic() - began > STARTUP_TIMEOUT_S
            ):
                problems.append("Home Assistant did not start serving HTTP")
                break
            time.sleep(1)
        else:
            print(f"compat: serving after {time.monotonic() - began:.0f} s", flush=True)
            while time.monotonic() - began < seconds:
                if process.poll() is not None or not _answers(port):
                    problems.append(
                        f"not answering after {time.monotonic() - began:.0f} s"
                    )
                    break
                time.sleep(10)
            listening = _listeners(port)
            print(
                f"compat: after {time.monotonic() - began:.0f} s: answers "
                f"{_answers(port)}, listening on {sorted(listening)}",
                flush=True,
            )
            if listening != {HOST}:
                problems.append(f"listens on {sorted(listening)}, not {HOST} only")
            stored = json.loads((config / ".storage" / "http").read_text("utf-8"))
            print(f"compat: .storage/http {json.dumps(stored.get('data'))}", flush=True)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    log = config / "home-assistant.log"
    text = log.read_text("utf-8", errors="replace") if log.exists() else ""
    errors = [
        line
        for line in text.splitlines()
        if " ERROR " in line and ("mtor_balance" in line or "components.http" in line)
    ]
    problems += errors
    for problem in problems:
        print(f"compat: develop: {problem}", file=sys.stderr)
    if problems:
        print(f"compat: the configuration is kept in {config}", file=sys.stderr)
        return 1
    shutil.rmtree(config, ignore_errors=True)
    print("compat: develop's configuration passed", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
