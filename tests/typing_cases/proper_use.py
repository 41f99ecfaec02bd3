# The same calls, used properly: this file must type-check cleanly (test_typing.py).
from generated.fleet import _runtime
from generated.fleet.tracker import (
    Band,
    Tracker,
    TrackerSettings,
    TrackerSettings_StaticMode,
)
from generated.fleet.tracker_services import (
    TRACKER_REGISTRY_GET_MASK,
    TRACKER_REGISTRY_SET_MASK,
)

TRACKER_REGISTRY_GET_MASK.validate(["name", Tracker.PATHS.ids.dev_eui])
TRACKER_REGISTRY_GET_MASK.validate(_runtime.ALL)
TRACKER_REGISTRY_SET_MASK.validate(["settings.mode.static.spreading_factor"])
tracker = Tracker(name="x", band=Band.BAND_EU868)
tracker.settings = TrackerSettings(
    static=TrackerSettings_StaticMode(spreading_factor=7)
)
tracker.uplinks = 12
path: str = Tracker.PATHS.settings.mode.dynamic.limits.max
decoded: Tracker = Tracker.from_json(tracker.to_json())
unpacked: Tracker = _runtime.AnyMessage.of(tracker).unpack(Tracker)


def rest_clients() -> None:
    from generated.fleet.clients import Client
    from generated.fleet.tracker_services import TRACKER_REGISTRY_SET_MASK

    with Client("https://thethings.example.com", api_key="NNSXS.X") as client:
        tracker: Tracker = client.tracker_registry.get(
            application_id="app1",
            tracker_id="t1",
            field_mask=[Tracker.PATHS.name, "settings.mode.dynamic.margin"],
        )
        client.tracker_registry.set(
            tracker=tracker,
            field_mask=TRACKER_REGISTRY_SET_MASK.paths_from(tracker),
        )
        names = [t.name for t in client.tracker_registry.list_all(application_id="a")]
        total: int | None = client.tracker_registry.list_all().total()
        for event in client.events.stream():
            print(event, names, total)


async def async_rest_clients() -> None:
    from generated.fleet.clients import AsyncClient

    async with AsyncClient("https://thethings.example.com") as client:
        tracker: Tracker = await client.tracker_registry.get(tracker_id="t1")
        async for item in client.tracker_registry.list_all():
            print(item, tracker)
        async with client.events.stream() as stream:
            async for event in stream:
                print(event)
