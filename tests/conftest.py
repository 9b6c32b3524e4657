"""Fixtures shared by the tests.

Pure tests (tests/core, tests/scales) need no Home Assistant; every test that asks for `hass`
gets the custom integrations enabled.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any
from unittest.mock import patch

from homeassistant.helpers import storage
import pytest
from pytest_homeassistant_custom_component.syrupy import HomeAssistantSnapshotExtension
from syrupy.assertion import SnapshotAssertion

# Importing the package at collection time makes Home Assistant's loader find this
# repository's custom_components instead of the test plugin's own testing_config.
from custom_components.mtor_balance.const import DOMAIN  # noqa: F401
from custom_components.mtor_balance.person.store import _CompactStore

# The real Home Assistant process of the crash and browser tests.
from .real_hass import real_hass_factory  # noqa: F401


@pytest.fixture(autouse=True)
def _enable_custom_integrations(request: pytest.FixtureRequest) -> None:
    # The recorder's database must be prepared before `hass` exists: ask for it first.
    if "recorder_mock" in request.fixturenames:
        request.getfixturevalue("recorder_db_url")
    if "hass" in request.fixturenames:
        request.getfixturevalue("enable_custom_integrations")


@pytest.fixture(autouse=True)
def _person_files_in_mock_storage(hass_storage: dict[str, Any]) -> Generator[None]:
    """Where a test mocks storage, people's compact files go to the mock like any Store's.

    The compact writer overrides Store's `_async_write_data`, which the harness patches on
    Store only; without this it would write into the harness's own folder and read the
    mock. Tests that keep real storage (hass_storage -> {}) write real files instead.
    """
    mock_write = storage.Store._async_write_data
    if not hasattr(mock_write, "mock"):  # storage is real in this test
        yield
        return
    with patch.object(_CompactStore, "_async_write_data", mock_write):
        yield


@pytest.fixture
def entity_registry_enabled_by_default() -> Generator[None]:
    """Enable every entity, also those disabled by default (for snapshots)."""
    with patch(
        "homeassistant.helpers.entity.Entity.entity_registry_enabled_default",
        return_value=True,
    ):
        yield


@pytest.fixture
def snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Serialize Home Assistant objects (states, registry entries) without random ids."""
    return snapshot.use_extension(HomeAssistantSnapshotExtension)
