# A plain C build that knows jtbd only through pkg-config:
#   cc top_outcomes.c $(pkg-config --cflags --libs jtbd)
#   cmake -DPREFIX=... -DLIBDIR=... -DWORK_DIR=... -DSOURCE_DIR=...
#         -DEXPECTED_TOP=... -DCC=... -DPKG_CONFIG=... [-DSANITIZER_ENV=...]
#         -P check_pkgconfig_consumer.cmake
# SANITIZER_ENV reaches the consumer program only, not pkg-config or cc.
include(${CMAKE_CURRENT_LIST_DIR}/expect_top.cmake)
set(lib ${PREFIX}/${LIBDIR})
# Only this tree's .pc file: the relocatable prefix must resolve from it.
set(pc_env PKG_CONFIG_LIBDIR=${lib}/pkgconfig PKG_CONFIG_PATH=)

execute_process(COMMAND ${CMAKE_COMMAND} -E env ${pc_env}
    ${PKG_CONFIG} --cflags --libs jtbd
  RESULT_VARIABLE result OUTPUT_VARIABLE flags ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "pkg-config --cflags --libs jtbd failed: ${errors}")
endif()
string(STRIP "${flags}" flags)
if(NOT flags MATCHES "-I[^ ]*/include" OR NOT flags MATCHES "-ljtbd")
  message(FATAL_ERROR "unexpected pkg-config flags: ${flags}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E env ${pc_env}
    ${PKG_CONFIG} --modversion jtbd
  OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT version MATCHES "^1\\.[0-9]+\\.[0-9]+$")
  message(FATAL_ERROR "pkg-config --modversion jtbd: ${version}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E env ${pc_env}
    ${PKG_CONFIG} --atleast-version=2 jtbd
  RESULT_VARIABLE too_new)
if(too_new EQUAL 0)
  message(FATAL_ERROR "pkg-config claims jtbd >= 2")
endif()

separate_arguments(flag_list UNIX_COMMAND "${flags}")
file(MAKE_DIRECTORY ${WORK_DIR}/pkgconfig)
set(program ${WORK_DIR}/pkgconfig/top_outcomes)
execute_process(
  COMMAND ${CC} -std=c99 -Wall -Wextra -pedantic -Werror
    ${SOURCE_DIR}/tests/install/consumers/top_outcomes.c ${flag_list}
    -o ${program}
  RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cc ... $(pkg-config --cflags --libs jtbd) failed: ${errors}")
endif()
set(RUN_ENV ${SANITIZER_ENV} LD_LIBRARY_PATH=${lib})
jtbd_run_expecting_top("pkg-config C consumer" ${program}
  ${SOURCE_DIR}/examples/survey.csv)
