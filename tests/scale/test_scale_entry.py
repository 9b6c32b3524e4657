"""Native Bluetooth scales as their own config entries, with the real bluetooth integration.

Advertisements go through habluetooth's manager (phcc's `enable_bluetooth` plus a fake proxy
scanner); only `establish_connection` is replaced, by the `FakeConnector` of the connection
tests. Discovery, the flows, setup, entities, tare and a person weighing on the scale run for
real.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import (
    SOURCE_BLUETOOTH,
    SOURCE_IGNORE,
    SOURCE_USER,
    ConfigEntryState,
)
from homeassistant.const import STATE_UNAVAILABLE, STATE_UNKNOWN, Platform
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.helpers.device_registry import format_mac
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion

from custom_components.mtor_balance.config_flow import MtorBalanceConfigFlow
from custom_components.mtor_balance.const import (
    CONF_KIND,
    DOMAIN,
    KIND_SCALE,
)
from custom_components.mtor_balance.diagnostics import (
    async_get_config_entry_diagnostics,
)
from custom_components.mtor_balance.scale import connection
from custom_components.mtor_balance.scale.connection import (
    ScaleConnection,
    ScaleConnectionError,
    ScaleNotConnectedError,
    TareNotSupportedError,
)
from custom_components.mtor_balance.scale.const import (
    CONF_ADDRESS,
    CONF_PROTOCOL,
)
from custom_components.mtor_balance.scales import (
    bookoo,
    decent,
    etekcity_esn00,
    etekcity_luminary,
)
from custom_components.mtor_balance.scales.reading import ScaleProtocol

from ..bluetooth_helpers import (
    SCALE_ADDRESS,
    FakeProxyScanner,
    make_service_info,
    register_proxy_scanner,
)
from ..common import async_add_person, person_entry
from ..scales.vectors import (
    DECENT_18_G_STABLE,
    DECENT_LED_RESPONSE_BATTERY_87,
    ESN00_MINUS_523_G_SETTLED,
)
from .fake_ble import FakeConnector

ESN00_NAME = "Etekcity Nutrition Scale"
ESN00_UUIDS = (etekcity_esn00.PROTOCOL.service_uuid,)
WEIGHT = "sensor.etekcity_nutrition_scale_weight"
TARE = "button.etekcity_nutrition_scale_tare"
OTHER_ADDRESS = "AA:BB:CC:DD:EE:02"
THIRD_ADDRESS = "AA:BB:CC:DD:EE:03"
NOW = "2026-11-02 11:00:00+00:00"


def esn00_frame(tenths: int, *, negative: bool = False, stable: bool = True) -> bytes:
    """Return an ESN00 measurement frame of `tenths` tenths of a gram."""
    body = bytes(
        [0xD0, 0x05, int(negative), tenths >> 8, tenths & 0xFF, 0x00, int(stable)]
    )
    return etekcity_esn00.HEADER + body + bytes([sum(body) & 0xFF])


@dataclass
class Scales:
    """A test Home Assistant with bluetooth, a proxy hearing the scales, and the fake edge."""

    hass: HomeAssistant
    proxy: FakeProxyScanner
    connector: FakeConnector

    async def advertise(
        self,
        protocol: ScaleProtocol = etekcity_esn00.PROTOCOL,
        name: str = ESN00_NAME,
        address: str = SCALE_ADDRESS,
    ) -> None:
        """The scale advertises once and the proxy hears it."""
        self.proxy.advertise(address, name, service_uuids=(protocol.service_uuid,))
        await self.hass.async_block_till_done()

    async def discover(self) -> None:
        """Wait for the discovery flows the advertisements started (background tasks).

        Only before a scale is set up: its connection is a background task that never ends.
        """
        await self.hass.async_block_till_done(wait_background_tasks=True)

    async def notify(self, protocol: ScaleProtocol, data: bytes) -> None:
        """The connected scale sends one notification."""
        self.connector.client.notify(protocol.notify_uuid, data)
        await self.hass.async_block_till_done()

    async def add(
        self,
        protocol: ScaleProtocol = etekcity_esn00.PROTOCOL,
        name: str = ESN00_NAME,
        address: str = SCALE_ADDRESS,
    ) -> MockConfigEntry:
        """Add a scale entry and set it up."""
        entry = scale_entry(protocol, name, address)
        entry.add_to_hass(self.hass)
        assert await self.hass.config_entries.async_setup(entry.entry_id)
        await self.hass.async_block_till_done()
        return entry


def scale_entry(
    protocol: ScaleProtocol = etekcity_esn00.PROTOCOL,
    name: str = ESN00_NAME,
    address: str = SCALE_ADDRESS,
) -> MockConfigEntry:
    """Return a scale config entry (not yet added to hass)."""
    return MockConfigEntry(
        domain=DOMAIN,
        title=name,
        unique_id=address,
        data={
            CONF_KIND: KIND_SCALE,
            CONF_ADDRESS: address,
            CONF_PROTOCOL: protocol.key,
        },
    )


@pytest.fixture
async def scales(
    hass: HomeAssistant, enable_bluetooth: None, freezer: FrozenDateTimeFactory
) -> AsyncGenerator[Scales]:
    freezer.move_to(NOW)
    proxy, remove_proxy = register_proxy_scanner(hass)
    connector = FakeConnector()
    with (
        patch.object(connection, "establish_connection", connector),
        patch.object(connection, "COMMAND_REPEAT_SPACING_S", 0),
    ):
        yield Scales(hass, proxy, connector)
        for entry in hass.config_entries.async_entries(DOMAIN):
            if entry.state is ConfigEntryState.LOADED:
                await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()
    remove_proxy()


# Discovery and the config flow


async def test_a_discovered_scale_is_offered_and_confirming_adds_it(
    hass: HomeAssistant, scales: Scales
) -> None:
    await scales.advertise()
    await scales.discover()

    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert len(flows) == 1
    assert flows[0]["context"]["source"] == SOURCE_BLUETOOTH
    assert flows[0]["context"]["title_placeholders"] == {"name": ESN00_NAME}
    assert flows[0]["step_id"] == "bluetooth_confirm"

    result = await hass.config_entries.flow.async_configure(flows[0]["flow_id"], {})
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == ESN00_NAME
    assert result["data"] == {
        CONF_KIND: KIND_SCALE,
        CONF_ADDRESS: SCALE_ADDRESS,
        CONF_PROTOCOL: "etekcity_esn00",
    }
    entry = result["result"]
    assert entry.unique_id == SCALE_ADDRESS
    assert entry.state is ConfigEntryState.LOADED
    # The scale was heard a moment ago, so it connects at once.
    assert len(scales.connector.calls) == 1
    assert hass.states.get(WEIGHT).state == STATE_UNKNOWN
    assert hass.states.get(TARE) is not None
    # The ESN00 reports no battery level.
    assert hass.states.get("sensor.etekcity_nutrition_scale_battery") is None


async def test_the_confirm_form_names_the_scale_and_its_model(
    hass: HomeAssistant, scales: Scales
) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": SOURCE_BLUETOOTH},
        data=make_service_info(name="Decent Scale", address=OTHER_ADDRESS),
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "bluetooth_confirm"
    assert result["description_placeholders"] == {
        "name": "Decent Scale",
        "model": "Decent Espresso Decent Scale",
    }


@pytest.mark.parametrize(
    ("name", "uuids"),
    [
        ("Test Scale", ()),
        # The ESN00 and the Luminary share the name; without a service UUID it is a guess.
        (ESN00_NAME, ()),
    ],
)
async def test_an_unsupported_device_is_not_offered(
    hass: HomeAssistant, scales: Scales, name: str, uuids: tuple[str, ...]
) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": SOURCE_BLUETOOTH},
        data=make_service_info(name=name, service_uuids=uuids),
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "not_supported"


async def test_a_configured_scale_is_not_offered_again(
    hass: HomeAssistant, scales: Scales
) -> None:
    await scales.add()
    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": SOURCE_BLUETOOTH},
        data=make_service_info(name=ESN00_NAME, service_uuids=ESN00_UUIDS),
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def test_a_bookoo_scale_set_up_in_core_is_left_to_core(
    hass: HomeAssistant, scales: Scales
) -> None:
    MockConfigEntry(
        domain="bookoo",
        unique_id=format_mac(SCALE_ADDRESS),
        data={CONF_ADDRESS: SCALE_ADDRESS},
    ).add_to_hass(hass)
    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": SOURCE_BLUETOOTH},
        data=make_service_info(name="BOOKOO_SC 1234"),
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_handled_by_core"


async def test_a_bookoo_scale_core_does_not_have_is_added_natively(
    hass: HomeAssistant, scales: Scales
) -> None:
    # Ignored in core, and a different scale set up in core: neither counts.
    MockConfigEntry(
        domain="bookoo", unique_id=format_mac(SCALE_ADDRESS), source=SOURCE_IGNORE
    ).add_to_hass(hass)
    MockConfigEntry(domain="bookoo", unique_id=format_mac(OTHER_ADDRESS)).add_to_hass(
        hass
    )
    result = await hass.config_entries.flow.async_init(
        DOMAIN,
        context={"source": SOURCE_BLUETOOTH},
        data=make_service_info(name="BOOKOO_SC 1234"),
    )
    assert result["step_id"] == "bluetooth_confirm"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"][CONF_PROTOCOL] == bookoo.PROTOCOL.key


async def test_the_user_picks_a_scale_from_those_in_range(
    hass: HomeAssistant, scales: Scales
) -> None:
    await scales.advertise()  # the ESN00
    await scales.discover()
    await scales.add(decent.PROTOCOL, "Decent Scale", OTHER_ADDRESS)  # configured
    await scales.advertise(decent.PROTOCOL, "Decent Scale", OTHER_ADDRESS)
    scales.proxy.advertise(THIRD_ADDRESS, "Test Scale")  # not a scale
    MockConfigEntry(
        domain="bookoo", unique_id=format_mac("AA:BB:CC:DD:EE:04")
    ).add_to_hass(hass)
    await scales.advertise(bookoo.PROTOCOL, "BOOKOO_SC", "AA:BB:CC:DD:EE:04")

    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.MENU
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "scale"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "scale"
    selector = result["data_schema"].schema[CONF_ADDRESS]
    assert [option["value"] for option in selector.config["options"]] == [SCALE_ADDRESS]

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_ADDRESS: SCALE_ADDRESS}
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == ESN00_NAME
    assert result["data"][CONF_PROTOCOL] == "etekcity_esn00"
    # The discovery flow of the same scale is gone with it.
    assert hass.config_entries.flow.async_progress_by_handler(DOMAIN) == []


async def test_no_scale_in_range_aborts(hass: HomeAssistant, scales: Scales) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "scale"}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "no_devices_found"


async def test_a_scale_has_no_options_and_nothing_to_reconfigure(
    hass: HomeAssistant, scales: Scales
) -> None:
    entry = await scales.add()
    assert not MtorBalanceConfigFlow.async_supports_options_flow(entry)
    assert MtorBalanceConfigFlow.async_supports_options_flow(person_entry())

    result = await entry.start_reconfigure_flow(hass)
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "scale_not_reconfigurable"


# Setup, entities and the connection


async def test_readings_become_weight_states_with_the_settled_flag(
    hass: HomeAssistant, scales: Scales
) -> None:
    await scales.advertise()
    entry = await scales.add()
    protocol = etekcity_esn00.PROTOCOL

    await scales.notify(protocol, ESN00_MINUS_523_G_SETTLED)
    state = hass.states.get(WEIGHT)
    assert float(state.state) == -523.0
    assert state.attributes["settled"] is True
    assert state.attributes["unit_of_measurement"] == "g"
    assert state.attributes["device_class"] == "weight"
    assert state.attributes["state_class"] == "measurement"

    await scales.notify(protocol, esn00_frame(1523, stable=False))
    state = hass.states.get(WEIGHT)
    assert float(state.state) == 152.3
    assert state.attributes["settled"] is False

    # One device per scale, found by its Bluetooth address.
    device = dr.async_get(hass).async_get_device_by_connection(
        (dr.CONNECTION_BLUETOOTH, SCALE_ADDRESS), entry.entry_id
    )
    assert device is not None
    assert device.manufacturer == "Etekcity"
    assert device.model == protocol.model
    assert device.name == ESN00_NAME
    registry_entry = er.async_get(hass).async_get(WEIGHT)
    assert registry_entry.unique_id == f"{format_mac(SCALE_ADDRESS)}_weight"
    assert registry_entry.config_entry_id == entry.entry_id


async def test_a_disconnect_makes_the_entities_unavailable_until_it_reconnects(
    hass: HomeAssistant, scales: Scales
) -> None:
    await scales.advertise()
    await scales.add()
    await scales.notify(etekcity_esn00.PROTOCOL, esn00_frame(500))
    assert hass.states.get(WEIGHT).state == "50.0"

    scales.connector.client.drop_link()
    await hass.async_block_till_done()
    assert hass.states.get(WEIGHT).state == STATE_UNAVAILABLE
    assert hass.states.get(TARE).state == STATE_UNAVAILABLE

    await scales.advertise()  # switched on again
    assert len(scales.connector.calls) == 2
    assert hass.states.get(WEIGHT).state == "50.0"  # the last reading, until a new one
    assert hass.states.get(TARE).state != STATE_UNAVAILABLE
    await scales.notify(etekcity_esn00.PROTOCOL, esn00_frame(0))
    assert hass.states.get(WEIGHT).state == "0.0"


async def test_a_scale_that_is_off_still_sets_up_and_connects_when_switched_on(
    hass: HomeAssistant, scales: Scales
) -> None:
    entry = await scales.add()
    assert entry.state is ConfigEntryState.LOADED
    assert scales.connector.calls == []
    assert hass.states.get(WEIGHT).state == STATE_UNAVAILABLE

    await scales.advertise()
    assert hass.states.get(WEIGHT).state == STATE_UNKNOWN

    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.NOT_LOADED
    assert scales.connector.client.disconnect_calls == 1
    assert hass.states.get(WEIGHT).state == STATE_UNAVAILABLE


async def test_tare_writes_the_protocols_tare_command(
    hass: HomeAssistant, scales: Scales
) -> None:
    await scales.advertise()
    await scales.add()
    await hass.services.async_call(
        "button", "press", {"entity_id": TARE}, blocking=True
    )
    assert scales.connector.client.writes == [
        (etekcity_esn00.PROTOCOL.write_uuid, etekcity_esn00.TARE_COMMAND, False)
    ]


@pytest.mark.parametrize(
    ("error", "raised", "key"),
    [
        (TareNotSupportedError("no"), ServiceValidationError, "tare_not_supported"),
        (ScaleNotConnectedError("off"), HomeAssistantError, "scale_not_connected"),
        (ScaleConnectionError("lost"), HomeAssistantError, "scale_command_failed"),
    ],
)
async def test_a_tare_that_cannot_be_sent_says_why(
    hass: HomeAssistant,
    scales: Scales,
    error: Exception,
    raised: type[Exception],
    key: str,
) -> None:
    await scales.advertise()
    await scales.add()
    with (
        patch.object(ScaleConnection, "async_tare", side_effect=error),
        pytest.raises(raised) as caught,
    ):
        await hass.services.async_call(
            "button", "press", {"entity_id": TARE}, blocking=True
        )
    assert caught.value.translation_key == key


async def test_a_scale_without_tare_has_no_tare_button_and_battery_is_reported(
    hass: HomeAssistant, scales: Scales
) -> None:
    await scales.advertise(etekcity_luminary.PROTOCOL, ESN00_NAME, OTHER_ADDRESS)
    await scales.add(etekcity_luminary.PROTOCOL, "Luminary", OTHER_ADDRESS)
    assert hass.states.get("sensor.luminary_weight") is not None
    assert hass.states.get("button.luminary_tare") is None

    await scales.advertise(decent.PROTOCOL, "Decent Scale")
    await scales.add(decent.PROTOCOL, "Decent Scale")
    await scales.notify(decent.PROTOCOL, DECENT_LED_RESPONSE_BATTERY_87)
    await scales.notify(decent.PROTOCOL, DECENT_18_G_STABLE)
    assert hass.states.get("sensor.decent_scale_weight").state == "18.0"
    battery = hass.states.get("sensor.decent_scale_battery")
    assert battery.state == "87"
    assert battery.attributes["device_class"] == "battery"
    assert (
        er.async_get(hass).async_get(battery.entity_id).entity_category == "diagnostic"
    )


async def test_an_unknown_protocol_is_a_setup_error(
    hass: HomeAssistant, scales: Scales
) -> None:
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="Future scale",
        unique_id=SCALE_ADDRESS,
        data={
            CONF_KIND: KIND_SCALE,
            CONF_ADDRESS: SCALE_ADDRESS,
            CONF_PROTOCOL: "nope",
        },
    )
    entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(entry.entry_id)
    assert entry.state is ConfigEntryState.SETUP_ERROR


async def test_scale_diagnostics(hass: HomeAssistant, scales: Scales) -> None:
    await scales.advertise()
    entry = await scales.add()
    assert (await async_get_config_entry_diagnostics(hass, entry))[
        "last_reading"
    ] is None
    await scales.notify(etekcity_esn00.PROTOCOL, ESN00_MINUS_523_G_SETTLED)
    diagnostics = await async_get_config_entry_diagnostics(hass, entry)
    assert diagnostics == {
        "entry": {"data": dict(entry.data)},
        "protocol": "etekcity_esn00",
        "available": True,
        "supports_tare": True,
        "battery": None,
        "last_reading": {"grams": -523.0, "stable": True},
    }


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
@pytest.mark.parametrize("platform", [Platform.BUTTON, Platform.SENSOR])
async def test_scale_entities_and_diagnostics_snapshot(
    hass: HomeAssistant,
    scales: Scales,
    platform: Platform,
    entity_registry: er.EntityRegistry,
    device_registry: dr.DeviceRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    # The Decent Scale has every entity a scale can have: weight, battery and tare.
    await scales.advertise(decent.PROTOCOL, "Decent Scale")
    with patch("custom_components.mtor_balance.scale.PLATFORMS", (platform,)):
        entry = await scales.add(decent.PROTOCOL, "Decent Scale")
    await scales.notify(decent.PROTOCOL, DECENT_LED_RESPONSE_BATTERY_87)
    await scales.notify(decent.PROTOCOL, DECENT_18_G_STABLE)

    await snapshot_platform(hass, entity_registry, snapshot, entry.entry_id)
    device = dr.async_entries_for_config_entry(device_registry, entry.entry_id)
    assert device == snapshot(name="device")
    assert await async_get_config_entry_diagnostics(hass, entry) == snapshot(
        name="diagnostics"
    )


# A person weighing on the native scale


async def _entries(hass: HomeAssistant) -> list[dict[str, Any]]:
    response = await hass.services.async_call(
        DOMAIN, "get_log", {}, blocking=True, return_response=True
    )
    assert isinstance(response, dict)
    return response["entries"]


async def test_a_person_weighing_on_the_native_scale_logs_the_portion(
    hass: HomeAssistant, scales: Scales, freezer: FrozenDateTimeFactory
) -> None:
    await scales.advertise()
    scale = await scales.add()
    protocol = etekcity_esn00.PROTOCOL
    await scales.notify(protocol, esn00_frame(0))
    await async_add_person(hass, "Erik", scale_entity=WEIGHT)
    await hass.services.async_call(
        "select",
        "select_option",
        {"entity_id": "select.erik_food", "option": "Cottage cheese"},
        blocking=True,
    )

    async def weigh(tenths: int, seconds: int = 3) -> None:
        # The ESN00 repeats its reading a few times a second.
        for _ in range(seconds * 2):
            await scales.notify(protocol, esn00_frame(tenths))
            freezer.tick(timedelta(seconds=0.5))
            async_fire_time_changed(hass)
            await hass.async_block_till_done()

    await weigh(1523)
    assert hass.states.get("sensor.erik_portion").state == "152.3"
    assert await _entries(hass) == []

    await weigh(0)
    entries = await _entries(hass)
    assert [(e["food"], e["grams"], e["source"]) for e in entries] == [
        ("01012", 152.3, "scale")
    ]

    # The actions are for people: naming the scale is refused.
    with pytest.raises(ServiceValidationError) as caught:
        await hass.services.async_call(
            DOMAIN,
            "get_log",
            {"config_entry_id": scale.entry_id},
            blocking=True,
            return_response=True,
        )
    assert caught.value.translation_key == "not_a_person"


async def test_a_refresh_keeps_the_reading_and_removing_the_scale_leaves_people_alone(
    hass: HomeAssistant, scales: Scales
) -> None:
    await scales.advertise()
    entry = await scales.add()
    await scales.notify(etekcity_esn00.PROTOCOL, esn00_frame(250))
    await entry.runtime_data.coordinator.async_refresh()  # what update_entity asks for
    await hass.async_block_till_done()
    assert hass.states.get(WEIGHT).state == "25.0"

    with patch(
        "custom_components.mtor_balance.person.PersonStore.async_remove"
    ) as remove_person_data:
        await hass.config_entries.async_remove(entry.entry_id)
        await hass.async_block_till_done()
    remove_person_data.assert_not_called()
    assert hass.states.get(WEIGHT) is None
