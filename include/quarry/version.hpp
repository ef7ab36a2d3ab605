// quarry/version.hpp: the one place the library's version is written.
// CMake reads it from here (project(VERSION)), and a test checks vcpkg/Conan agree.
#pragma once

#define QUARRY_VERSION_MAJOR 0
#define QUARRY_VERSION_MINOR 1
#define QUARRY_VERSION_PATCH 0
#define QUARRY_VERSION_STRING "0.1.0"

namespace quarry {
inline namespace v0 {
inline constexpr int version_major = QUARRY_VERSION_MAJOR;
inline constexpr int version_minor = QUARRY_VERSION_MINOR;
inline constexpr int version_patch = QUARRY_VERSION_PATCH;
inline constexpr const char* version_string = QUARRY_VERSION_STRING;
}  // namespace v0
}  // namespace quarry
