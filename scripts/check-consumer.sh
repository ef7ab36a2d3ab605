#!/usr/bin/env bash
# Packaging as a consumer lives it: install quarry into a temporary prefix with `cmake --install`,
# then, from copies outside the source tree, build and run
#   tests/consumer   find_package(quarry CONFIG REQUIRED) + quarry::quarry
#   test_package     the Conan test package's CMake project, against the same prefix
#   a one-file program compiled with `pkg-config --cflags --libs quarry`
# Run by scripts/dev.sh test after ctest; on its own: bash scripts/check-consumer.sh
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD
cxx=${CXX:-c++}
jobs=2

build=build/consumer-quarry
mkdir -p build
prefix=$(mktemp -d "${TMPDIR:-/tmp}/quarry-prefix.XXXXXX")
work=$(mktemp -d "${TMPDIR:-/tmp}/quarry-consumer.XXXXXX")
trap 'rm -rf "$prefix" "$work"' EXIT

step() { echo "-- check-consumer: $*"; }
# run LOG cmd...: quiet on success, the log on failure
run() {
  local log=$1
  shift
  "$@" >"$log" 2>&1 || { cat "$log"; echo "check-consumer: FAILED: $*" >&2; exit 1; }
}

step "install quarry (tests, examples and benchmarks off) into $prefix"
run "$work/configure.log" cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="$cxx" \
  -DQUARRY_BUILD_TESTS=OFF -DQUARRY_BUILD_EXAMPLES=OFF -DQUARRY_BUILD_BENCHMARKS=OFF -DQUARRY_INSTALL=ON
run "$work/build.log" cmake --build "$build" -j "$jobs"
run "$work/install.log" cmake --install "$build" --prefix "$prefix"
for f in include/quarry/quarry.hpp include/quarry/version.hpp share/quarry/quarryConfig.cmake \
         share/quarry/quarryConfigVersion.cmake share/quarry/quarryTargets.cmake \
         share/quarry/quarry-dependencies.cmake share/pkgconfig/quarry.pc share/doc/quarry/LICENSE; do
  [ -e "$prefix/$f" ] || { echo "check-consumer: FAILED: $f is not installed" >&2; exit 1; }
done
if [ -e "$prefix/lib" ] || [ -e "$prefix/bin" ]; then
  echo "check-consumer: FAILED: a header-only install has lib/ or bin/: $(ls "$prefix")" >&2
  exit 1
fi

# cmake_consumer NAME DIR EXE: copy DIR out of the tree, configure it against the prefix, build, run EXE
cmake_consumer() {
  local name=$1 dir=$2 exe=$3
  step "build $dir against the installed quarry (find_package) and run it"
  cp -R "$dir" "$work/$name"
  rm -rf "$work/$name/build"
  run "$work/$name.configure.log" cmake -S "$work/$name" -B "$work/$name/build" \
    -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$prefix" \
    -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
  # It must have found the quarry just installed, not one elsewhere on the machine.
  local found
  found=$(sed -n 's/^quarry_DIR:PATH=//p' "$work/$name/build/CMakeCache.txt")
  [ "$found" = "$prefix/share/quarry" ] ||
    { echo "check-consumer: FAILED: $name found quarry at '$found', not in $prefix" >&2; exit 1; }
  run "$work/$name.build.log" cmake --build "$work/$name/build" -j "$jobs"
  "$work/$name/build/$exe"
}

cmp -s tests/consumer/main.cpp test_package/test_package.cpp ||
  { echo "check-consumer: FAILED: test_package/test_package.cpp differs from tests/consumer/main.cpp" >&2; exit 1; }
cmake_consumer consumer tests/consumer consumer
cmake_consumer test_package test_package test_package

step "build a one-file program with pkg-config --cflags --libs quarry"
flags=$(PKG_CONFIG_PATH="$prefix/share/pkgconfig" pkg-config --cflags --libs quarry)
echo "   pkg-config --cflags --libs quarry: $flags"
incdir=$(PKG_CONFIG_PATH="$prefix/share/pkgconfig" pkg-config --variable=includedir quarry)
[ "$(cd "$incdir" && pwd -P)" = "$(cd "$prefix/include" && pwd -P)" ] ||
  { echo "check-consumer: FAILED: quarry.pc points at $incdir, not $prefix/include" >&2; exit 1; }
cp tests/consumer/main.cpp "$work/pc_main.cpp"
# shellcheck disable=SC2086  # the flags are words
run "$work/pkgconfig.log" "$cxx" -o "$work/pc_main" "$work/pc_main.cpp" $flags
"$work/pc_main"

echo "check-consumer: OK (cmake --install, find_package, test_package, pkg-config)"
