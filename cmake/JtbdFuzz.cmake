# -DJTBD_FUZZ=ON (with -DCMAKE_CXX_COMPILER=clang++): libFuzzer targets
# tests/fuzz/fuzz_*, each with a brief ctest (label "fuzz"). Every target of
# the build is compiled with coverage feedback for libFuzzer
# (-fsanitize=fuzzer-no-link) and, unless JTBD_SANITIZE says otherwise,
# with AddressSanitizer and UBSan (JtbdSanitize.cmake, included next).
# Included before any target.

option(JTBD_FUZZ "Build the libFuzzer targets (needs Clang)" OFF)
if(NOT JTBD_FUZZ)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "JTBD_FUZZ=ON needs Clang with libFuzzer "
    "(-DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang), "
    "not ${CMAKE_CXX_COMPILER_ID}")
endif()
if(DEFINED JTBD_SANITIZE AND NOT JTBD_SANITIZE STREQUAL ""
   AND NOT JTBD_SANITIZE STREQUAL "address,undefined")
  message(FATAL_ERROR "JTBD_FUZZ=ON runs under address,undefined; "
    "JTBD_SANITIZE=${JTBD_SANITIZE} is not supported with it")
endif()
# Read by JtbdSanitize.cmake when JTBD_SANITIZE is empty.
set(JTBD_FUZZ_SANITIZE "address,undefined")
add_compile_options(-fsanitize=fuzzer-no-link)
# libFuzzer's default seconds per target for the brief ctests.
set(JTBD_FUZZ_SECONDS 10 CACHE STRING "Seconds each fuzz_* ctest fuzzes")
