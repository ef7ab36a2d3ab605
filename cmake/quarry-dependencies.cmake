# Finds quarry's dependencies: used by the build and, installed beside quarryConfig.cmake, by consumers.
# Works with Debian's packages (RE2 through pkg-config only, utfcpp 3.2), vcpkg, Conan and upstream.

# Stops with a message: inside find_package(quarry) it marks quarry not found; in the build it is fatal.
macro(_quarry_missing_dependency msg)
  if(DEFINED CMAKE_FIND_PACKAGE_NAME)
    set(${CMAKE_FIND_PACKAGE_NAME}_NOT_FOUND_MESSAGE "${msg}")
    set(${CMAKE_FIND_PACKAGE_NAME}_FOUND FALSE)
    return()
  endif()
  message(FATAL_ERROR "${msg}")
endmacro()

# RE2: the CMake config of vcpkg, Conan and upstream gives re2::re2; Debian 12 ships only re2.pc.
if(NOT TARGET re2::re2)
  find_package(re2 CONFIG QUIET)
endif()
if(NOT TARGET re2::re2)
  find_package(PkgConfig QUIET)
  if(PkgConfig_FOUND)
    pkg_check_modules(QUARRY_RE2 QUIET IMPORTED_TARGET GLOBAL re2)
  endif()
  if(TARGET PkgConfig::QUARRY_RE2)
    # A real imported target, not an ALIAS, so the name re2::re2 is the same everywhere.
    add_library(re2::re2 INTERFACE IMPORTED GLOBAL)
    set_target_properties(re2::re2 PROPERTIES INTERFACE_LINK_LIBRARIES PkgConfig::QUARRY_RE2)
  else()
    _quarry_missing_dependency("quarry needs RE2: install libre2-dev (Debian), or re2 through vcpkg or Conan")
  endif()
endif()

# utfcpp: Debian's 3.2 config defines utf8::cpp without a guard, so look only when it is missing.
if(NOT TARGET utf8::cpp)
  find_package(utf8cpp CONFIG QUIET)
endif()
if(NOT TARGET utf8::cpp AND TARGET utf8cpp)
  add_library(utf8::cpp INTERFACE IMPORTED GLOBAL)
  set_target_properties(utf8::cpp PROPERTIES INTERFACE_LINK_LIBRARIES utf8cpp)
endif()
if(NOT TARGET utf8::cpp)
  _quarry_missing_dependency("quarry needs utfcpp: install libutfcpp-dev (Debian), or utfcpp through vcpkg or Conan")
endif()
