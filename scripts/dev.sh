#!/usr/bin/env bash
# The project's two entry points, used by the README and by CI:
#   scripts/dev.sh sample   install what is missing, build, run quarry-extract on the bundled sample article
#   scripts/dev.sh test     install what is missing, build with g++ (Release) and clang++ (address and
#                           undefined-behaviour sanitizers), warnings as errors, run the whole test suite
#                           through ctest in both, then the thread-sanitizer, fuzzing and packaging checks
# Both are idempotent and quick when nothing is missing or stale. Build trees live under build/.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ clang pkg-config python3 libre2-dev libutfcpp-dev doctest-dev libbenchmark-dev
          nlohmann-json3-dev libcli11-dev libclang-rt-14-dev pybind11-dev python3-dev python3-dask
          python3-distributed)
jobs=$(nproc 2>/dev/null || echo 2)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "quarry: installing missing Debian packages: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      echo "quarry: cannot install packages without root rights. Please run:" >&2
      echo "  sudo apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

# configure_and_build DIR COMPILER [cmake args...]
configure_and_build() {
  local dir=$1 cxx=$2
  shift 2
  cmake -S . -B "$dir" -DCMAKE_CXX_COMPILER="$cxx" "$@" >"$dir.configure.log" 2>&1 ||
    { cat "$dir.configure.log"; exit 1; }
  cmake --build "$dir" -j "$jobs"
}

run_sample() {
  mkdir -p build
  configure_and_build build/release g++ -DCMAKE_BUILD_TYPE=Release -DQUARRY_BUILD_TESTS=OFF \
    -DQUARRY_BUILD_BENCHMARKS=OFF >/dev/null
  build/release/examples/quarry-extract examples/data/sample.txt
}

run_tests() {
  mkdir -p build
  local werror=(-DQUARRY_WERROR=ON -DQUARRY_BUILD_TESTS=ON -DQUARRY_BUILD_EXAMPLES=ON -DQUARRY_BUILD_BENCHMARKS=ON)
  echo "== g++, Release, warnings as errors, with the Python module"
  # Debian's interpreter, which the packages above serve, whatever python3 comes first on PATH
  configure_and_build build/gcc g++ -DCMAKE_BUILD_TYPE=Release "${werror[@]}" -DQUARRY_BUILD_PYTHON=ON \
    -DPython3_EXECUTABLE=/usr/bin/python3
  ctest --test-dir build/gcc --output-on-failure -j "$jobs"
  # clang++ with warnings as errors is the sanitizer build below (check-sanitizers.sh): one clang build
  # serves both, which keeps the whole run within CI's budget on two cores.
  for extra in scripts/check-*.sh; do
    [ -e "$extra" ] || continue
    echo "== $extra"
    bash "$extra"
  done
  echo "quarry: all checks passed"
}

case "${1:-}" in
  sample) install_missing; run_sample ;;
  test) install_missing; run_tests ;;
  *) echo "usage: scripts/dev.sh sample|test" >&2; exit 2 ;;
esac
