# Deliberate misuse of the generated client: every marked line must fail type checking
# with the error code after "E:", and nothing else may fail. Checked by test_typing.py.
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
