#!/usr/bin/env bash
# Fuzzing: builds the libFuzzer targets (fuzz/fuzz_*.cpp) with clang++ -fsanitize=fuzzer,address,undefined
# into build/fuzz and runs each on the seed corpus (fuzz/corpus) and the saved regressions (fuzz/regressions)
# for FUZZ_SECONDS seconds (default 60; 0 skips the run, not the build). Inputs the fuzzer finds go to
# build/fuzz/corpus-<target>, never into the repository; a crash leaves its input in build/fuzz/artifacts:
# copy it into fuzz/regressions/ so tests/test_hostile_input.cpp and every later run replay it.
# Run by scripts/dev.sh test after ctest; on its own: FUZZ_SECONDS=600 bash scripts/check-fuzz.sh
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
# CI runs a fixed seed (FUZZ_SEED=1 unless set), so that a run can be repeated; a local run is random
# unless FUZZ_SEED is given. Long local runs are what finds new bugs (docs/reliability.md).
seed=${FUZZ_SEED:-}
[ -z "$seed" ] && [ -n "${CI:-}" ] && seed=1
targets=${FUZZ_TARGETS:-"tokenize pipeline"}
jobs=$(nproc 2>/dev/null || echo 2)
build=build/fuzz
mkdir -p "$build/artifacts"

echo "-- check-fuzz: building ${targets} in $build"
# -O1, libFuzzer's usual level: most of the speed of -O2 for much less compile time in CI.
cmake -S . -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g -DNDEBUG" -DQUARRY_BUILD_FUZZERS=ON \
  -DQUARRY_BUILD_TESTS=OFF -DQUARRY_BUILD_EXAMPLES=OFF -DQUARRY_BUILD_BENCHMARKS=OFF -DQUARRY_INSTALL=OFF \
  >"$build.configure.log" 2>&1 || { cat "$build.configure.log"; echo "check-fuzz: FAILED to configure" >&2; exit 1; }
for t in $targets; do
  cmake --build "$build" -j "$jobs" --target "fuzz_$t" >"$build/build-$t.log" 2>&1 ||
    { grep -E "error|warning" "$build/build-$t.log" | cut -c1-300 | head -n 20
      echo "check-fuzz: FAILED to build fuzz_$t (log: $build/build-$t.log)" >&2; exit 1; }
done
if [ "$seconds" -le 0 ]; then
  echo "-- check-fuzz: FUZZ_SECONDS=$seconds: built, not run"
  exit 0
fi

known_bug() {  # known_bug TARGET MESSAGE: whether fuzz/known_bugs.txt lists it
  local target=$1 message=$2 t re
  while IFS=$'\t' read -r t re; do
    case "$t" in ''|'#'*) continue ;; esac
    [ "$t" = "$target" ] && grep -Eq -- "$re" <<<"$message" && return 0
  done <fuzz/known_bugs.txt
  return 1
}

# The targets run side by side, one process each, each for the whole time (on two cores: 60 s of wall
# time, not 120).
for t in $targets; do
  work="$build/corpus-$t"
  mkdir -p "$work"
  seeds=(fuzz/corpus)
  [ -d fuzz/regressions ] && seeds+=(fuzz/regressions)
  rm -f "$build/artifacts/$t-"*
  echo "-- check-fuzz: fuzz_$t for ${seconds}s${seed:+ (seed $seed)}"
  # Fork mode goes on after a finding, so one known bug does not stop the search for others.
  "$build/fuzz/fuzz_$t" ${seed:+-seed=$seed} -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -dict=fuzz/news.dict -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$build/artifacts/$t-" "$work" "${seeds[@]}" >"$build/run-$t.log" 2>&1 &
done
wait

failed=0
for t in $targets; do
  work="$build/corpus-$t"
  log="$build/run-$t.log"
  last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -n 1)
  runs=$(sed -E 's/^#([0-9]+):.*/\1/' <<<"$last")
  cov=$(grep -oE 'cov: [0-9]+' <<<"$last" || true)
  echo "-- check-fuzz: fuzz_$t: ${runs:-?} executions in ${seconds}s, ${cov:-cov: ?}, corpus $(ls "$work" | wc -l) files"
  if ! grep -qE '^#[0-9]+: cov:|INFO: fuzzed for' "$log"; then
    tail -n 40 "$log" | cut -c1-400
    echo "check-fuzz: FAILED: fuzz_$t did not run (log: $log)" >&2
    failed=1
    continue
  fi
  for a in "$build/artifacts/$t-"*; do
    [ -e "$a" ] || continue
    message=$("$build/fuzz/fuzz_$t" "$a" 2>&1 | grep -E 'invariant broken|ERROR: (Address|Undefined|Leak)Sanitizer|runtime error|deadly signal|timeout|out-of-memory' | head -n 1 || true)
    if known_bug "$t" "$message"; then
      echo "-- check-fuzz: known bug (fuzz/known_bugs.txt): $message  [$a]"
    else
      "$build/fuzz/fuzz_$t" "$a" 2>&1 | tail -n 30 | cut -c1-400
      # The input itself, so that a finding on a CI machine can be replayed from its log alone:
      # python3 -c 'import sys; sys.stdout.buffer.write(bytes.fromhex(sys.argv[1]))' HEX > fuzz/regressions/NAME.bin
      echo "-- check-fuzz: the input ($(wc -c <"$a") bytes), as hex (python3's bytes.fromhex turns it back):"
      od -An -v -tx1 "$a" | tr -d ' \n' | head -c 16384 | fold -w 128
      echo
      echo "check-fuzz: FAILED: fuzz_$t: ${message:-crash} -- input $a (replay: $build/fuzz/fuzz_$t $a);" \
           "copy it into fuzz/regressions/ once understood" >&2
      failed=1
    fi
  done
done
[ "$failed" -eq 0 ] || exit 1
echo "-- check-fuzz: passed"
