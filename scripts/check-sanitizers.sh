#!/usr/bin/env bash
# Sanitizers, with clang++ (SANITIZE_CXX overrides):
#   build/asan  -DQUARRY_SANITIZE=address,undefined, the whole test suite through ctest
#   build/tsan  -DQUARRY_SANITIZE=thread, only the multi-threaded tests: every test case whose name contains
#               "threads" (the naming convention that puts a test under ThreadSanitizer); only the test files
#               that hold such cases are compiled (-DQUARRY_TEST_SOURCES), which keeps CI within its budget
# Sanitizer flags reach our own test and example targets only (quarry_developer), never quarry::quarry.
# Run by scripts/dev.sh test after ctest; on its own: bash scripts/check-sanitizers.sh [asan|tsan]
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
which=${1:-all}
mkdir -p build

# configure_and_build DIR SANITIZERS TARGET... (extra cmake arguments in the array cmake_extra)
cmake_extra=()
configure_and_build() {
  local dir=$1 sanitize=$2
  shift 2
  # -O0 (SANITIZE_OPT overrides): a translation unit that runs the whole pipeline compiles in 16 s with
  # ASan at -O0 against 45 s at -O1, and the suite is compiled far more than it runs; the hostile-input
  # tests shrink their inputs in unoptimised builds.
  cmake -S . -B "$dir" -DCMAKE_CXX_COMPILER="${SANITIZE_CXX:-clang++}" -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG="${SANITIZE_OPT:--O0} -g -fno-omit-frame-pointer" \
    -DQUARRY_SANITIZE="$sanitize" -DQUARRY_WERROR=ON -DQUARRY_BUILD_TESTS=ON -DQUARRY_BUILD_EXAMPLES=ON -DQUARRY_BUILD_BENCHMARKS=OFF \
    -DQUARRY_INSTALL=OFF ${cmake_extra[@]+"${cmake_extra[@]}"} >"$dir.configure.log" 2>&1 ||
    { cat "$dir.configure.log"; echo "check-sanitizers: FAILED to configure $dir" >&2; exit 1; }
  local t
  for t in "$@"; do
    cmake --build "$dir" -j "$jobs" --target "$t" >"$dir.build.log" 2>&1 ||
      { grep -E "error|warning" "$dir.build.log" | cut -c1-300 | head -n 30
        echo "check-sanitizers: FAILED to build $t in $dir (log: $dir.build.log)" >&2; exit 1; }
  done
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}

if [ "$which" = all ] || [ "$which" = asan ]; then
  echo "-- check-sanitizers: address,undefined (build/asan), all tests"
  start=$SECONDS
  configure_and_build build/asan address,undefined quarry_tests
  ctest --test-dir build/asan --output-on-failure -j "$jobs" --timeout 300
  echo "-- check-sanitizers: asan done in $((SECONDS - start))s"
fi

if [ "$which" = all ] || [ "$which" = tsan ]; then
  echo "-- check-sanitizers: thread (build/tsan), tests whose names contain 'threads'"
  start=$SECONDS
  threads_files=$(grep -l 'TEST_CASE("[^"]*threads' tests/test_*.cpp | xargs -n1 basename | paste -sd';' -)
  echo "-- check-sanitizers: test files with threads cases: ${threads_files//;/ }"
  cmake_extra=("-DQUARRY_TEST_SOURCES=$threads_files")
  configure_and_build build/tsan thread quarry_tests
  ctest --test-dir build/tsan --output-on-failure -j "$jobs" --timeout 300 -R threads --no-tests=error
  echo "-- check-sanitizers: tsan done in $((SECONDS - start))s"
fi
echo "-- check-sanitizers: passed"
