# -DJTBD_COVERAGE=ON: every target built with GCC's --coverage, so that the
# test suite leaves .gcda counters for gcovr (.ci/coverage reads them).
# -O0 keeps line counts faithful to the source.
option(JTBD_COVERAGE "Build with gcov instrumentation for coverage reports" OFF)
if(NOT JTBD_COVERAGE)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  message(FATAL_ERROR "JTBD_COVERAGE needs GCC (gcov), not ${CMAKE_CXX_COMPILER_ID}")
endif()
# Atomic counter updates: k-means and the bootstrap run on several threads,
# and racy counters come out negative, which gcov cannot parse.
add_compile_options(--coverage -fprofile-update=atomic -O0 -g)
add_link_options(--coverage)
