# examples/php: the SuiteCRM and EspoCRM hooks score through PHP's FFI with
# the installed libjtbd.so.1 and the installed, generated jtbd_ffi.h, and
# print the hand-counted top outcomes; a refused file reaches the CRM record
# as an error naming line and column.
#   cmake -DPHP=... -DPREFIX=... -DLIBDIR=... -DSOURCE_DIR=...
#         -DEXPECTED_TOP=... [-DSANITIZER_ENV=NAME=value;...] -P check_php_hooks.cmake
# SANITIZER_ENV: php's environment in a sanitizer build (tests/sanitize).
include(${CMAKE_CURRENT_LIST_DIR}/expect_top.cmake)
if(NOT PHP)
  message(FATAL_ERROR "php not found: install php-cli (bash .ci/setup does)")
endif()
set(lib ${PREFIX}/${LIBDIR})
set(run_hooks ${PHP} -d ffi.enable=1
  ${SOURCE_DIR}/examples/php/run_hooks.php)
# Only the library file: the header is found from it (share/jtbd/).
set(RUN_ENV ${SANITIZER_ENV} JTBD_LIBRARY=${lib}/libjtbd.so.1 --unset=JTBD_FFI_HEADER)
foreach(crm suitecrm espocrm)
  jtbd_run_expecting_top("PHP ${crm} hook" ${run_hooks} ${crm}
    ${SOURCE_DIR}/examples/survey.csv)
endforeach()

execute_process(
  COMMAND ${CMAKE_COMMAND} -E env ${RUN_ENV} ${run_hooks} suitecrm
    ${CMAKE_CURRENT_LIST_DIR}/data/bad_survey.csv
  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors
  TIMEOUT 120)
set(want "error: INVALID_ARGUMENT: bad_survey.csv: line 3, column 3 (\"importance\"): importance 9 is outside the scale 1-5\n")
if(NOT result EQUAL 1 OR NOT output STREQUAL want)
  message(FATAL_ERROR "PHP hook on a bad survey: exit ${result}\n${output}${errors}")
endif()
message(STATUS "PHP hooks: ok")
