# Builds tests/install/consumers (C and C++) with find_package(jtbd 1 CONFIG
# REQUIRED) against the installed tree only, runs both programs, and checks
# that SameMajorVersion refuses a request for jtbd 2 (and for a newer 1.x).
#   cmake -DPREFIX=... -DWORK_DIR=... -DSOURCE_DIR=... -DEXPECTED_TOP=...
#         -DC_COMPILER=... -DCXX_COMPILER=... [-DSANITIZER_ENV=NAME=value;...]
#         -P check_cmake_consumer.cmake
# SANITIZER_ENV reaches the consumer programs only, not the nested cmake.
include(${CMAKE_CURRENT_LIST_DIR}/expect_top.cmake)
set(consumer_source ${SOURCE_DIR}/tests/install/consumers)

function(configure_consumer build_dir want_version result_var output_var)
  file(REMOVE_RECURSE ${build_dir})
  execute_process(
    COMMAND ${CMAKE_COMMAND} -S ${consumer_source} -B ${build_dir}
      -DCMAKE_PREFIX_PATH=${PREFIX}
      -DCMAKE_C_COMPILER=${C_COMPILER} -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
      -DJTBD_WANT_VERSION=${want_version}
      # Nothing but the install prefix may satisfy find_package.
      -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
      -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors
    TIMEOUT 300)
  set(${result_var} ${result} PARENT_SCOPE)
  set(${output_var} "${output}${errors}" PARENT_SCOPE)
endfunction()

set(build ${WORK_DIR}/cmake-1)
configure_consumer(${build} 1 result output)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "find_package(jtbd 1 CONFIG REQUIRED) failed:\n${output}")
endif()
if(NOT output MATCHES "found jtbd 1\\.[0-9]+\\.[0-9]+ in ${PREFIX}/")
  message(FATAL_ERROR "jtbd was not found under ${PREFIX}:\n${output}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${build}
  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors
  TIMEOUT 300)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "building the CMake consumer failed:\n${output}${errors}")
endif()
# The build tree's RPATH points at the installed library: no environment
# but the sanitizer runtime's, if any.
set(RUN_ENV ${SANITIZER_ENV})
jtbd_run_expecting_top("CMake C consumer" ${build}/top_outcomes
  ${SOURCE_DIR}/examples/survey.csv)
jtbd_run_expecting_top("CMake C++ consumer" ${build}/top_outcomes_cpp
  ${SOURCE_DIR}/examples/survey.csv)

foreach(refused 2 1.99)
  configure_consumer(${WORK_DIR}/cmake-${refused} ${refused} result output)
  if(result EQUAL 0)
    message(FATAL_ERROR "find_package(jtbd ${refused}) was satisfied by 1.x")
  endif()
  if(NOT output MATCHES "not accepted:.*jtbdConfig.cmake, version: 1\\.")
    message(FATAL_ERROR "find_package(jtbd ${refused}) failed for another reason:\n${output}")
  endif()
  file(REMOVE_RECURSE ${WORK_DIR}/cmake-${refused})
endforeach()
message(STATUS "find_package(jtbd 1) builds C and C++ consumers; 2 and 1.99 are refused")
