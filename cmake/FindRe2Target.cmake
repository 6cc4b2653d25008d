# Provides the imported target re2::re2, from RE2's own CMake package when it has one, else from
# its pkg-config file (Debian 12 ships only the latter). Used by the build and by nerkitConfig.cmake.
if(NOT TARGET re2::re2)
  find_package(re2 CONFIG QUIET)
endif()
if(NOT TARGET re2::re2)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(NERKIT_RE2 REQUIRED IMPORTED_TARGET GLOBAL re2)
  add_library(re2::re2 ALIAS PkgConfig::NERKIT_RE2)
endif()
