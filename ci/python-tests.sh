#!/usr/bin/env bash
# Builds the copydesk wheel and runs the Python, Ray and Spark tests, installing everything
# itself on a fresh machine: a venv, maturin, pytest, pinned ray and pyspark. Needs python3
# (>= 3.9, with venv), a Rust toolchain, and Java 17 for the Spark test.
#
#   ci/python-tests.sh            # venv in ${COPYDESK_VENV:-target/py-venv}
#
# Prints pytest's summary; exit status is pytest's.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="${COPYDESK_VENV:-$ROOT/target/py-venv}"
PYTHON="${PYTHON:-python3}"
# Pinned: the versions these tests were written and run against.
MATURIN_VERSION="1.16.0"
PYTEST_VERSION="8.4.2"
RAY_VERSION="2.60.0"
PYSPARK_VERSION="3.5.7"

cd "$ROOT"
started=$(date +%s)
if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
PY="$VENV/bin/python"
"$PY" -m pip install --quiet --upgrade pip
"$PY" -m pip install --quiet \
    "maturin==$MATURIN_VERSION" "pytest==$PYTEST_VERSION" \
    "ray[data]==$RAY_VERSION" "pyspark==$PYSPARK_VERSION"
echo "ci/python-tests: tools installed in $(( $(date +%s) - started )) s"

# The wheel: abi3, the `wheel` profile (release without LTO: builds fast; the Ray test ships
# this very file through runtime_env).
rm -rf target/wheels
"$VENV/bin/maturin" build --profile wheel --quiet --out target/wheels
WHEEL="$(ls target/wheels/copydesk-*.whl | head -1)"
"$PY" -m pip install --quiet --force-reinstall --no-deps "$WHEEL"
echo "ci/python-tests: built and installed $WHEEL at $(( $(date +%s) - started )) s"

export COPYDESK_WHEEL="$ROOT/$WHEEL"
export PYSPARK_PYTHON="$PY"
export PYSPARK_DRIVER_PYTHON="$PY"
export RAY_USAGE_STATS_ENABLED=0
# Run from the tests directory so the package under test is the installed wheel, not ./python.
cd "$ROOT/python/tests"
status=0
"$PY" -m pytest -q -rs -p no:cacheprovider . || status=$?
echo "ci/python-tests: done in $(( $(date +%s) - started )) s (exit $status)"
exit $status
