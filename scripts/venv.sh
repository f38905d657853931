# Sourced by ./run and ./test: make .venv with Python 3.11+ and install Kinerja into it.
# Re-installs only when pyproject.toml changed since the last install.
kinerja_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      command -v "$candidate"; return 0
    fi
  done
  echo "Kinerja needs Python 3.11 or newer; none was found on PATH." >&2
  return 1
}

kinerja_pip() {  # pip, without the notes this machine's index configuration prints for every package
  .venv/bin/python -m pip "$@" 2> >(grep -v '^WARNING: Location .* is ignored' >&2)
}

kinerja_venv() {  # $1: the extras to install, e.g. "test"
  local extras="${1:-}" stamp=".venv/.installed${extras:+-$extras}"
  if [ ! -x .venv/bin/python ]; then
    "$(kinerja_python)" -m venv .venv
    kinerja_pip install --quiet --upgrade pip
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "Installing Kinerja and its dependencies into .venv ..."
    kinerja_pip install --quiet --editable ".${extras:+[$extras]}"
    touch "$stamp"
  fi
}
