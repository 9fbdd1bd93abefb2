#!/usr/bin/env bash
# Fuzzing with libFuzzer (issue 16): builds the targets of fuzz/ with clang (ASan + UBSan), replays
# every input of fuzz/regressions/<target>/ (inputs that once failed: each is a test), then runs
# each target from its kept corpus fuzz/corpus/<target>/. Fails on any crash, sanitizer report,
# leak, timeout (10 s an input) or memory over 2 GB; the failing input is copied to
# fuzz/regressions/<target>/ to be fixed and committed.
# By default (make test, CI) a run is repeatable: a fixed seed and a fixed count of inputs
# (FUZZ_RUNS, default 200000), so the same commit passes or fails the same way every time. Looking
# for new bugs is a separate, time-bounded run (FUZZ_SECONDS) whose finds join the corpus.
#   scripts/fuzz.sh                                     # every target, repeatable (make test)
#   FUZZ_SECONDS=600 KEEP_NEW=1 scripts/fuzz.sh xlsx    # explore one target, keep what adds coverage
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${FUZZ_BUILD:-build-fuzz}
if [[ -n "${FUZZ_SECONDS:-}" ]]; then
  budget=(-max_total_time="$FUZZ_SECONDS") budget_text="$FUZZ_SECONDS s"
else
  budget=(-seed="${FUZZ_SEED:-1}" -runs="${FUZZ_RUNS:-200000}") budget_text="seed ${FUZZ_SEED:-1}"
fi
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(csv xlsx query json rules)

CC=clang CXX=clang++ cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCHIBO_FUZZ=ON -DCHIBO_BUILD_BENCH=OFF -Wno-dev >/dev/null
cmake --build "$BUILD" -j "${JOBS:-$(nproc)}" --target chibo_fuzzers >/dev/null

work=$(mktemp -d /tmp/chibo-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT
for target in "${targets[@]}"; do
  bin=$BUILD/fuzz/fuzz_$target
  regressions=(fuzz/regressions/"$target"/*)
  if [[ -e "${regressions[0]}" ]]; then
    if ! "$bin" -timeout=10 -rss_limit_mb=2048 "${regressions[@]}" >"$work/$target-regressions.log" 2>&1; then
      tail -40 "$work/$target-regressions.log"
      echo "fuzz: $target: an input of fuzz/regressions/$target/ fails again"
      exit 1
    fi
  fi
  # New inputs go to the first directory (this run's), the kept corpus is only read.
  mkdir -p "$work/$target"
  if ! "$bin" "${budget[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -artifact_prefix="$work/$target-" -print_final_stats=1 \
      "$work/$target" "fuzz/corpus/$target" >"$work/$target.log" 2>&1; then
    tail -60 "$work/$target.log"
    mkdir -p "fuzz/regressions/$target"
    cp "$work/$target"-{crash,leak,timeout,oom}-* "fuzz/regressions/$target/" 2>/dev/null || true
    echo "fuzz: $target failed; the input is in fuzz/regressions/$target/: fix the cause, commit both"
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$target.log" | grep -o '[0-9]*$' || echo '?')
  found=$(find "$work/$target" -type f | wc -l)
  echo "fuzz: $target: $runs inputs ($budget_text), kept corpus $(find "fuzz/corpus/$target" -type f | wc -l) files, $found new"
  if [[ "${KEEP_NEW:-}" == 1 && $found -gt 0 ]]; then
    # Only the inputs that add coverage join the kept corpus.
    "$bin" -merge=1 -timeout=10 -rss_limit_mb=2048 "fuzz/corpus/$target" "$work/$target" >"$work/$target-merge.log" 2>&1
    echo "fuzz: $target: kept corpus now $(find "fuzz/corpus/$target" -type f | wc -l) files"
  fi
done
