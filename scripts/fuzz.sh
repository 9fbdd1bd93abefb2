#!/usr/bin/env bash
# Fuzzing with libFuzzer (issue 16): builds the targets of fuzz/ with clang (ASan + UBSan), replays
# every input of fuzz/regressions/<target>/ (inputs that once failed: each is a test), then runs
# each target for FUZZ_SECONDS (default 20) from its kept corpus fuzz/corpus/<target>/. Fails on
# any crash, sanitizer report, leak, timeout (10 s an input) or memory over 2 GB; the failing input
# is copied to fuzz/regressions/<target>/ to be fixed and committed.
#   scripts/fuzz.sh                         # every target (make test runs this)
#   FUZZ_SECONDS=600 scripts/fuzz.sh xlsx   # one target, longer
#   KEEP_NEW=1 scripts/fuzz.sh              # also merge the new inputs that add coverage into the kept corpus
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${FUZZ_BUILD:-build-fuzz}
seconds=${FUZZ_SECONDS:-20}
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
  if ! "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
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
  echo "fuzz: $target: $runs inputs in $seconds s, kept corpus $(find "fuzz/corpus/$target" -type f | wc -l) files, $found new"
  if [[ "${KEEP_NEW:-}" == 1 && $found -gt 0 ]]; then
    # Only the inputs that add coverage join the kept corpus.
    "$bin" -merge=1 -timeout=10 -rss_limit_mb=2048 "fuzz/corpus/$target" "$work/$target" >"$work/$target-merge.log" 2>&1
    echo "fuzz: $target: kept corpus now $(find "fuzz/corpus/$target" -type f | wc -l) files"
  fi
done
