#!/usr/bin/env bash
# `make test`: every suite, in stages, each timed; the times are printed at the end (and kept
# in build/test-times.txt) so a slow stage shows at once. Stops at the first failing stage.
#   setup      install what is missing (scripts/setup.sh)
#   build      the release tree and the web UI
#   asan       the unit tests' tree under AddressSanitizer + UBSan, and those tests
#   fuzz       the libFuzzer targets (clang), each replaying its regressions and fuzzing a fixed
#              count of inputs with a fixed seed from its kept corpus (scripts/fuzz.sh)
#   suites     CTest on the release tree: unit, API on SQLite, PostgreSQL and pgbouncer,
#              faults, documents, web lint/unit, browser (the longest first, two at a time)
set -uo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
ASAN_BUILD=${ASAN_BUILD:-build-asan}
JOBS=${JOBS:-$(nproc)}

declare -a names=() seconds=()
started_all=$SECONDS

stage() {
  local name=$1
  shift
  local start=$SECONDS
  echo "== $name"
  if "$@"; then
    names+=("$name")
    seconds+=($((SECONDS - start)))
  else
    local status=$?
    names+=("$name (FAILED)")
    seconds+=($((SECONDS - start)))
    report
    exit "$status"
  fi
}

report() {
  {
    echo "== stage times (s)"
    for i in "${!names[@]}"; do printf '%-22s %5d\n' "${names[$i]}" "${seconds[$i]}"; done
    printf '%-22s %5d\n' "total" $((SECONDS - started_all))
  } | tee "$BUILD/test-times.txt" 2>/dev/null || true
}

build_release() {
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -Wno-dev >/dev/null &&
    cmake --build "$BUILD" -j "$JOBS" &&
    (cd web && npm run --silent build >/dev/null)
}

asan_units() {
  cmake -S . -B "$ASAN_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCHIBO_SANITIZE=ON \
    -DCHIBO_BUILD_BENCH=OFF -Wno-dev >/dev/null &&
    cmake --build "$ASAN_BUILD" -j "$JOBS" --target chibo_unit_tests || return 1
  if (cd "$ASAN_BUILD" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      ctest --output-on-failure -j "$JOBS" -L unit >unit-tests.log 2>&1); then
    echo "asan: unit tests under AddressSanitizer + UBSan: $(grep 'tests passed' "$ASAN_BUILD/unit-tests.log")"
  else
    cat "$ASAN_BUILD/unit-tests.log"
    return 1
  fi
}

suites() {
  (cd "$BUILD" && ctest --output-on-failure -j "$JOBS")
}

stage setup scripts/setup.sh
stage build build_release
stage asan asan_units
stage fuzz scripts/fuzz.sh
stage suites suites
report
