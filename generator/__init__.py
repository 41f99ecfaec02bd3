"""ttn-lw-codegen: turns a The Things Stack API checkout into a typed Python client package."""
