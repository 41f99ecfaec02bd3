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
