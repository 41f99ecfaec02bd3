# Deliberate misuse of the generated client: every marked line must fail type checking
# with the error code after "E:", and nothing else may fail. Checked by test_typing.py.
from generated.fleet._runtime import AnyMessage
from generated.fleet.tracker import Band, Tracker, TrackerSettings
from generated.fleet.tracker_services import (
    TRACKER_REGISTRY_GET_MASK,
    TRACKER_REGISTRY_SET_MASK,
)

TRACKER_REGISTRY_GET_MASK.validate(["nmae"])  # E: list-item
TRACKER_REGISTRY_SET_MASK.validate(["created_at"])  # E: list-item
TRACKER_REGISTRY_GET_MASK.validate("name")  # E: arg-type
Tracker(name=3)  # E: arg-type
Tracker(nmae="x")  # E: call-arg
Tracker(band="BAND_EU868")  # E: arg-type
Tracker(settings=TrackerSettings(static=Band.BAND_US))  # E: arg-type
Tracker().uplinks = "12"  # E: assignment
Tracker.PATHS.nmae  # E: attr-defined
Tracker.PATHS.name.first  # E: attr-defined
settings: TrackerSettings = AnyMessage.of(Tracker()).unpack(Tracker)  # E: assignment

# The REST clients: keyword arguments are typed, paths checked, replies typed.
from generated.fleet.clients import AsyncClient, Client  # noqa: E402

client = Client("https://thethings.example.com")
client.tracker_registry.get(application_id=1)  # E: arg-type
client.tracker_registry.get(field_mask=["nmae"])  # E: list-item
client.tracker_registry.get(nmae="x")  # E: call-arg
client.tracker_registry.get().nmae  # E: attr-defined
client.tracker_registry.set(tracker=TrackerSettings())  # E: arg-type
client.tracker_registry.nope()  # E: attr-defined
client.tracker_registry.list_all().total().bit_length()  # E: union-attr


async def misuse_async(client: AsyncClient) -> None:
    tracker: Tracker = client.tracker_registry.get()  # E: assignment
    for item in client.tracker_registry.list_all():  # E: attr-defined
        print(item)
