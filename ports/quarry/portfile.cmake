# Header-only: nothing is compiled, so only the release configuration is installed.
set(VCPKG_BUILD_TYPE release)

# This overlay builds the quarry checkout it lives in (ports/quarry is two levels below the root).
# To build another checkout, set QUARRY_SOURCE_DIR and let it through vcpkg's clean environment:
#   VCPKG_KEEP_ENV_VARS=QUARRY_SOURCE_DIR QUARRY_SOURCE_DIR=/path/to/quarry vcpkg install quarry --overlay-ports=...
# In the vcpkg registry the same port fetches a release instead:
#   vcpkg_from_github(OUT_SOURCE_PATH SOURCE_PATH REPO quarry-nlp/quarry REF "v${VERSION}" SHA512 <sha512> HEAD_REF main)
if(DEFINED ENV{QUARRY_SOURCE_DIR})
    file(TO_CMAKE_PATH "$ENV{QUARRY_SOURCE_DIR}" SOURCE_PATH)
else()
    get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../.." ABSOLUTE)
endif()
if(NOT EXISTS "${SOURCE_PATH}/include/quarry/quarry.hpp")
    message(FATAL_ERROR "quarry sources not found at ${SOURCE_PATH}; set QUARRY_SOURCE_DIR (see the comment above)")
endif()

vcpkg_cmake_configure(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        -DQUARRY_BUILD_TESTS=OFF
        -DQUARRY_BUILD_EXAMPLES=OFF
        -DQUARRY_BUILD_BENCHMARKS=OFF
        -DQUARRY_BUILD_FUZZERS=OFF
        -DQUARRY_INSTALL=ON
)
vcpkg_cmake_install()
# quarry installs its CMake package to share/quarry already, where vcpkg wants it.
vcpkg_cmake_config_fixup(CONFIG_PATH share/quarry)
vcpkg_fixup_pkgconfig()

file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/debug")
# LICENSE and NOTICE go into the copyright file; the copies under share/doc are not needed.
file(REMOVE_RECURSE "${CURRENT_PACKAGES_DIR}/share/doc")

file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE" "${SOURCE_PATH}/NOTICE")
