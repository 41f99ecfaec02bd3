# Sourced by the dev scripts: make sure a venv exists with this project and its test tools.
# Reinstalls only when pyproject.toml changed since the last install. TTN_LW_PYTHON and
# TTN_LW_VENV choose another interpreter and venv (dev/test-pythons); the default is
# python3 and .venv/.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${TTN_LW_VENV:-$repo/.venv}"
stamp="$venv/.installed-pyproject"
if [ ! -x "$venv/bin/python" ]; then
  "${TTN_LW_PYTHON:-python3}" -m venv "$venv"
fi
if ! cmp -s "$repo/pyproject.toml" "$stamp" 2>/dev/null; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$repo[test,bench]"
  cp "$repo/pyproject.toml" "$stamp"
fi
export PATH="$venv/bin:$PATH"
cd "$repo"
