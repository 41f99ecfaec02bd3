"""A realistic EndDevice in TTS JSON: an active OTAA device as the registries return it."""

from __future__ import annotations

from typing import Any

CHANNELS = [
    {
        "uplink_frequency": str(f),
        "downlink_frequency": str(f),
        "max_data_rate_index": 5,
        "enable_uplink": True,
    }
    for f in (
        868100000,
        868300000,
        868500000,
        867100000,
        867300000,
        867500000,
        867700000,
        867900000,
    )
]
PARAMETERS = {
    "max_eirp": 16,
    "adr_data_rate_index": 5,
    "adr_tx_power_index": 1,
    "adr_nb_trans": 1,
    "adr_ack_limit_exponent": "ADR_ACK_LIMIT_64",
    "adr_ack_delay_exponent": "ADR_ACK_DELAY_32",
    "rx1_delay": 5,
    "rx2_data_rate_index": 3,
    "rx2_frequency": "869525000",
    "max_duty_cycle": "DUTY_CYCLE_2",
    "channels": CHANNELS,
    "ping_slot_frequency": "869525000",
    "beacon_frequency": "869525000",
}
END_DEVICE: dict[str, Any] = {
    "ids": {
        "device_id": "eui-70b3d57ed005a1b2",
        "application_ids": {"application_id": "acme-trackers"},
        "dev_eui": "70B3D57ED005A1B2",
        "join_eui": "70B3D57ED0000001",
        "dev_addr": "260B1C3D",
    },
    "created_at": "2024-03-01T09:15:27.418Z",
    "updated_at": "2024-06-12T17:42:03.961572Z",
    "name": "Tracker 42",
    "description": "Pallet tracker, warehouse B",
    "attributes": {"site": "warehouse-b", "owner": "logistics"},
    "version_ids": {
        "brand_id": "acme",
        "model_id": "tracker-v2",
        "hardware_version": "2.1",
        "firmware_version": "1.4.0",
        "band_id": "EU_863_870",
    },
    "network_server_address": "eu1.cloud.thethings.network",
    "application_server_address": "eu1.cloud.thethings.network",
    "join_server_address": "eu1.cloud.thethings.network",
    "locations": {
        "user": {
            "latitude": 52.37403,
            "longitude": 4.88969,
            "altitude": 3,
            "source": "SOURCE_REGISTRY",
        }
    },
    "supports_join": True,
    "lorawan_version": "MAC_V1_0_3",
    "lorawan_phy_version": "PHY_V1_0_3_REV_A",
    "frequency_plan_id": "EU_863_870_TTN",
    "mac_settings": {
        "adr": {"dynamic": {"margin": 15}},
        "rx2_data_rate_index": 3,
        "rx2_frequency": "869525000",
        "status_time_periodicity": "86400s",
        "status_count_periodicity": 200,
    },
    "mac_state": {
        "current_parameters": PARAMETERS,
        "desired_parameters": {**PARAMETERS, "channels": CHANNELS[:3]},
        "device_class": "CLASS_C",
        "lorawan_version": "MAC_V1_0_3",
        "last_confirmed_downlink_at": "2024-06-12T17:40:00.118Z",
        "last_dev_status_f_cnt_up": 1832,
        "rx_windows_available": True,
    },
    "session": {
        "dev_addr": "260B1C3D",
        "keys": {
            "session_key_id": "AYyY4N7Mdj8n2nO8UbTz4w==",
            "f_nwk_s_int_key": {"key": "8D0D7C42E0DB0C72A5E4CB60E12BBFA3"},
            "nwk_s_enc_key": {"key": "8D0D7C42E0DB0C72A5E4CB60E12BBFA3"},
            "s_nwk_s_int_key": {"key": "8D0D7C42E0DB0C72A5E4CB60E12BBFA3"},
        },
        "last_f_cnt_up": 1891,
        "last_n_f_cnt_down": 212,
        "started_at": "2024-03-01T09:16:02.553Z",
    },
    "battery_percentage": 0.86,
    "downlink_margin": 14,
    "last_dev_status_received_at": "2024-06-12T09:02:44.207Z",
    "power_state": "POWER_BATTERY",
}
