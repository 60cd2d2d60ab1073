# jtbd_run_expecting_top(<label> <command> [args...]): runs a consumer and
# fails unless it exits 0 and prints "jtbd <major>.<minor>.<patch>" followed
# by exactly the lines of expected_top.txt (top outcomes counted by hand).
# The caller sets EXPECTED_TOP (the file) and may set RUN_ENV, a list of
# NAME=value pairs for the command's environment.
function(jtbd_run_expecting_top label)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env ${RUN_ENV} ${ARGN}
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors
    TIMEOUT 120)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${label}: exit ${result}\n${output}\n${errors}")
  endif()
  file(READ ${EXPECTED_TOP} expected)
  if(NOT output MATCHES "^jtbd 1\\.[0-9]+\\.[0-9]+\n(.*)$")
    message(FATAL_ERROR "${label}: no version line first:\n${output}")
  endif()
  if(NOT CMAKE_MATCH_1 STREQUAL expected)
    message(FATAL_ERROR
      "${label}: unexpected output\n--- got\n${CMAKE_MATCH_1}"
      "--- expected (${EXPECTED_TOP})\n${expected}")
  endif()
  message(STATUS "${label}: ok")
endfunction()
