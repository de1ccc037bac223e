#!/usr/bin/env bash
# The Debian packages the test suite needs, in one place: `make test` and `.ci/run` both call
# this. As root it installs whatever is missing; otherwise it stops at once and names the
# exact command to run, so a missing package is never discovered twenty minutes into a run.
#
#   scripts/install-test-deps.sh              what `make test` needs
#   scripts/install-test-deps.sh --postgresql  also PostgreSQL, for the second pass (.ci/run)
#
# INTAKE_DEPS_HAVE (a command, for tests only) replaces the package check: it is called with
# a package name and succeeds when that package counts as installed.
set -euo pipefail

want_postgresql=0
for arg in "$@"; do
  case "$arg" in
    --postgresql) want_postgresql=1 ;;
    *) echo "install-test-deps: unknown option $arg (use --postgresql or nothing)" >&2; exit 2 ;;
  esac
done

# package -> how to tell it is there (a command, a Python module or the package itself)
have() {
  if [ -n "${INTAKE_DEPS_HAVE:-}" ]; then
    "$INTAKE_DEPS_HAVE" "$1"
    return
  fi
  case "$1" in
    # Debian's Chromium for the browser tests (Playwright drives it; it never downloads one).
    chromium) command -v chromium >/dev/null 2>&1 ;;
    # pdftotext reads the printed theme report back in a browser test.
    poppler-utils) command -v pdftotext >/dev/null 2>&1 ;;
    python3-venv) python3 -c "import ensurepip, venv" >/dev/null 2>&1 ;;
    postgresql) command -v pg_ctlcluster >/dev/null 2>&1 ;;
    # Fonts so Arabic, Chinese and other scripts render in screenshots and axe checks.
    *) dpkg -s "$1" >/dev/null 2>&1 ;;
  esac
}

packages=(chromium fonts-noto-core fonts-noto-cjk poppler-utils python3-venv)
if [ "$want_postgresql" -eq 1 ]; then packages+=(postgresql); fi

missing=()
for package in "${packages[@]}"; do
  have "$package" || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "Test dependencies: all installed (${packages[*]})."
  exit 0
fi

command="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "${INTAKE_DEPS_UID:-$(id -u)}" -ne 0 ]; then
  echo "The tests need Debian packages that are not installed: ${missing[*]}" >&2
  echo "Install them as root, then run this again:" >&2
  echo "  sudo apt-get update && sudo $command" >&2
  exit 1
fi

echo "Installing test dependencies: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086 - the package names are words
apt-get install -y -qq --no-install-recommends ${missing[*]}
