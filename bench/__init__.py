"""Benchmarks: each module measures ttn-lw-codegen against a peer in the same run."""
