# -DJTBD_SANITIZE=address,undefined | address | undefined | thread: every
# target (libjtbd.so, the CLI, the tests) built instrumented, so that a
# finding fails the test that triggers it. Included before any target.
#
# Sets JTBD_SANITIZER_ENV: the environment (a CMake list of NAME=value) a
# test needs when an uninstrumented program (python3, php, a consumer built
# without sanitizers) loads the instrumented libjtbd.so: the runtime first
# through LD_PRELOAD, and the options that make findings fatal. Empty
# without sanitizers.
#
# Sets JTBD_SANITIZER_TEST_ENV: what every test gets, instrumented programs
# run directly by ctest included (one NAME=value; empty unless TSan, whose
# suppressions must reach every process): jtbd_sanitize_directory_tests()
# adds it to the tests of the calling directory, jtbd_gtest() to the
# discovered GoogleTest cases.

set(JTBD_SANITIZE "" CACHE STRING
  "Sanitizers: address,undefined | address | undefined | thread (empty: none)")
set(JTBD_SANITIZER_ENV "")
set(JTBD_SANITIZER_TEST_ENV "")

# Appends JTBD_SANITIZER_TEST_ENV to the environment of every test added so
# far in the calling directory (a no-op without it).
function(jtbd_sanitize_directory_tests)
  if(NOT JTBD_SANITIZER_TEST_ENV)
    return()
  endif()
  get_property(tests DIRECTORY PROPERTY TESTS)
  if(tests)
    set_property(TEST ${tests} APPEND PROPERTY ENVIRONMENT
      "${JTBD_SANITIZER_TEST_ENV}")
  endif()
endfunction()

set(_jtbd_sanitize_choices "address,undefined" "address" "undefined" "thread")
if(JTBD_SANITIZE STREQUAL "" AND DEFINED JTBD_FUZZ_SANITIZE)
  # A fuzz build (JtbdFuzz.cmake) is always instrumented.
  set(JTBD_SANITIZE ${JTBD_FUZZ_SANITIZE})
endif()
if(JTBD_SANITIZE STREQUAL "")
  return()
endif()
if(NOT JTBD_SANITIZE IN_LIST _jtbd_sanitize_choices)
  message(FATAL_ERROR "JTBD_SANITIZE=${JTBD_SANITIZE}: expected one of "
    "address,undefined | address | undefined | thread (or empty)")
endif()
if(NOT CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  message(FATAL_ERROR "JTBD_SANITIZE needs GCC or Clang, not ${CMAKE_CXX_COMPILER_ID}")
endif()

set(_jtbd_sanitize_flags -fsanitize=${JTBD_SANITIZE})
if(JTBD_SANITIZE MATCHES "undefined")
  # A UBSan report must fail the test, not scroll by.
  list(APPEND _jtbd_sanitize_flags -fno-sanitize-recover=undefined)
endif()
if(JTBD_SANITIZE STREQUAL "thread")
  # Debian's protobuf is not instrumented, but its headers add fields to
  # MapFieldBase when __SANITIZE_THREAD__ is defined: our code and the
  # library would disagree on the layout (a crash in every map). Races are
  # found without it.
  list(APPEND _jtbd_sanitize_flags -U__SANITIZE_THREAD__)
  # What code may test instead (a test that must skip under TSan).
  add_compile_definitions(JTBD_SANITIZE_THREAD=1)
endif()
# Sanitizer reports need frames; -O1 keeps the suite fast enough. -g1
# (after the build type's -g, so it wins) keeps the line tables reports
# print and drops the type and variable descriptions they never use: a
# fifth less compile time and objects half the size (a C ABI test file:
# 5.2 s and 4.7 MB with -g, 4.2 s and 2.2 MB with -g1), in the two
# sanitizer builds CI makes from scratch.
add_compile_options(${_jtbd_sanitize_flags} -O1 -g1 -fno-omit-frame-pointer)
add_link_options(-fsanitize=${JTBD_SANITIZE})

# GCC links the shared runtime into libjtbd.so; Clang links its static
# runtime into executables only and leaves a shared library's sanitizer
# symbols to the process, which src/capi's -Wl,--no-undefined would refuse:
# -z undefs, given among the libraries (after that option), lifts it.
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  link_libraries(-Wl,-z,undefs)
  # A C program (tests/capi/c_api_test.c, examples/score.c) is linked with
  # the C half of the runtime, but the C++ library it loads needs the C++
  # half too (UBSan's vptr checks: __ubsan_vptr_type_cache), and that half
  # the C++ ABI library.
  add_link_options($<$<LINK_LANGUAGE:C>:-fsanitize-link-c++-runtime>
                   $<$<LINK_LANGUAGE:C>:-lstdc++>)
endif()

# The runtime an uninstrumented process must preload before libjtbd.so.
if(JTBD_SANITIZE MATCHES "address")
  set(_jtbd_runtime_gnu libasan.so)
  set(_jtbd_runtime_clang libclang_rt.asan-x86_64.so)
elseif(JTBD_SANITIZE STREQUAL "thread")
  set(_jtbd_runtime_gnu libtsan.so)
  set(_jtbd_runtime_clang libclang_rt.tsan-x86_64.so)
else()
  set(_jtbd_runtime_gnu libubsan.so)
  set(_jtbd_runtime_clang libclang_rt.ubsan_standalone-x86_64.so)
endif()
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  set(_jtbd_runtime ${_jtbd_runtime_clang})
else()
  set(_jtbd_runtime ${_jtbd_runtime_gnu})
endif()
execute_process(
  COMMAND ${CMAKE_CXX_COMPILER} -print-file-name=${_jtbd_runtime}
  OUTPUT_VARIABLE JTBD_SANITIZER_RUNTIME
  OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT IS_ABSOLUTE "${JTBD_SANITIZER_RUNTIME}" OR NOT EXISTS "${JTBD_SANITIZER_RUNTIME}")
  message(FATAL_ERROR "JTBD_SANITIZE=${JTBD_SANITIZE}: ${CMAKE_CXX_COMPILER} "
    "does not know where ${_jtbd_runtime} is (got '${JTBD_SANITIZER_RUNTIME}')")
endif()

# TSan reads its suppressions (tests/sanitize/tsan.supp: uninstrumented
# libraries only, never a jtbd frame) from TSAN_OPTIONS, in every process:
# the same value for hosts and for instrumented tests, so that a test that
# gets both environments sees one setting.
get_filename_component(JTBD_TSAN_SUPPRESSIONS
  ${CMAKE_CURRENT_LIST_DIR}/../tests/sanitize/tsan.supp ABSOLUTE)
set(_jtbd_tsan_options
  "TSAN_OPTIONS=halt_on_error=1:suppressions=${JTBD_TSAN_SUPPRESSIONS}")
if(JTBD_SANITIZE STREQUAL "thread")
  set(JTBD_SANITIZER_TEST_ENV "${_jtbd_tsan_options}")
endif()

# An interpreter leaks on purpose at exit, and its frames sit under every
# allocation it makes through ctypes, so a suppression by module would hide
# ours too: leaks are checked by the instrumented test programs instead.
# JTBD_SANITIZE lets a test skip what instrumentation distorts (memory or
# time measurements).
set(JTBD_SANITIZER_ENV
  "JTBD_SANITIZE=${JTBD_SANITIZE}"
  "LD_PRELOAD=${JTBD_SANITIZER_RUNTIME}"
  "ASAN_OPTIONS=detect_leaks=0"
  "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
  "${_jtbd_tsan_options}")
message(STATUS "jtbd: sanitizers ${JTBD_SANITIZE}; uninstrumented hosts preload ${JTBD_SANITIZER_RUNTIME}")
