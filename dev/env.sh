# Sourced by the dev scripts: make sure .venv exists with this project and its test tools.
# Reinstalls only when pyproject.toml changed since the last install.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$repo/.venv"
stamp="$venv/.installed-pyproject"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! cmp -s "$repo/pyproject.toml" "$stamp" 2>/dev/null; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$repo[test,bench]"
  cp "$repo/pyproject.toml" "$stamp"
fi
export PATH="$venv/bin:$PATH"
cd "$repo"
