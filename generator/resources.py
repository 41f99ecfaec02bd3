"""Where the templates and the verbatim runtime modules are, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

# In a source checkout (or an editable install) the templates are at the repository's top;
# a wheel carries them inside the package (see pyproject.toml).
_HERE = Path(__file__).resolve().parent
TEMPLATES = next(
    (
        d
        for d in (_HERE / "templates", _HERE.parent / "templates")
        if (d / "module.py.j2").is_file()
    ),
    _HERE.parent / "templates",
)
# Hand-written, copied verbatim: the data layer, and the HTTP layer the clients share.
RUNTIME_SOURCES = (TEMPLATES / "_runtime.py", TEMPLATES / "_http.py")
GENERATOR = _HERE
