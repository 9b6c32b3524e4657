"""Fixtures shared by the tests.

Pure tests (tests/core, tests/scales) need no Home Assistant; every test that asks for `hass`
gets the custom integrations enabled.
"""

from __future__ import annotations

from collections.abc import Generator
from unittest.mock import patch

import pytest
from pytest_homeassistant_custom_component.syrupy import HomeAssistantSnapshotExtension
from syrupy.assertion import SnapshotAssertion

# Importing the package at collection time makes Home Assistant's loader find this
# repository's custom_components instead of the test plugin's own testing_config.
from custom_components.mtor_balance.const import DOMAIN  # noqa: F401

# The real Home Assistant process of the crash and browser tests.
from .real_hass import real_hass_factory  # noqa: F401


@pytest.fixture(autouse=True)
def _enable_custom_integrations(request: pytest.FixtureRequest) -> None:
    # The recorder's database must be prepared before `hass` exists: ask for it first.
    if "recorder_mock" in request.fixturenames:
        request.getfixturevalue("recorder_db_url")
    if "hass" in request.fixturenames:
        request.getfixturevalue("enable_custom_integrations")


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
