# Conan 2 recipe for quarry, a header-only C++20 library.
# From a checkout:  conan create . --build=missing   (builds and runs test_package/)
import os

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.cmake import CMake, CMakeDeps, CMakeToolchain, cmake_layout
from conan.tools.files import copy, rmdir

required_conan_version = ">=2.0"


class QuarryConan(ConanFile):
    name = "quarry"
    version = "0.1.0"  # must equal QUARRY_VERSION_STRING in include/quarry/version.hpp (tests/test_version.cpp)
    description = ("Header-only C++20 extraction of actors, locations, quantities, dates and quotes "
                   "with speakers from English news text")
    license = "MIT"
    homepage = "https://github.com/quarry-nlp/quarry"
    url = "https://github.com/quarry-nlp/quarry"
    topics = ("nlp", "information-extraction", "news", "quotes", "named-entities", "header-only")
    package_type = "header-library"
    settings = "os", "arch", "compiler", "build_type"
    exports_sources = "CMakeLists.txt", "cmake/*", "include/*", "LICENSE", "NOTICE"
    no_copy_source = True

    def layout(self):
        cmake_layout(self)

    def requirements(self):
        # Both are part of quarry's public headers, hence transitive.
        self.requires("re2/20230301", transitive_headers=True)
        self.requires("utfcpp/4.0.5", transitive_headers=True)

    def validate(self):
        check_min_cppstd(self, 20)

    def package_id(self):
        self.info.clear()

    def generate(self):
        tc = CMakeToolchain(self)
        tc.cache_variables["QUARRY_BUILD_TESTS"] = False
        tc.cache_variables["QUARRY_BUILD_EXAMPLES"] = False
        tc.cache_variables["QUARRY_BUILD_BENCHMARKS"] = False
        tc.cache_variables["QUARRY_BUILD_FUZZERS"] = False
        tc.cache_variables["QUARRY_INSTALL"] = True
        tc.generate()
        CMakeDeps(self).generate()

    def build(self):
        # Header-only: configuring checks that the dependencies are found; nothing is compiled.
        cmake = CMake(self)
        cmake.configure()

    def package(self):
        copy(self, "LICENSE", src=self.source_folder, dst=os.path.join(self.package_folder, "licenses"))
        copy(self, "NOTICE", src=self.source_folder, dst=os.path.join(self.package_folder, "licenses"))
        cmake = CMake(self)
        cmake.install()
        # Conan generates the CMake config and the .pc for consumers from package_info().
        rmdir(self, os.path.join(self.package_folder, "share"))

    def package_info(self):
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
        self.cpp_info.set_property("cmake_file_name", "quarry")
        self.cpp_info.set_property("cmake_target_name", "quarry::quarry")
        self.cpp_info.set_property("pkg_config_name", "quarry")
        self.cpp_info.requires = ["re2::re2", "utfcpp::utfcpp"]
