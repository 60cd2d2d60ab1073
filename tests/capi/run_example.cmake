# Runs an example program and passes only when it exits 0 AND its output
# matches EXPECT (ctest's PASS_REGULAR_EXPRESSION alone ignores the exit code).
#   cmake -DPROGRAM=... -DARGS="a;b" -DEXPECT=regex -P run_example.cmake
execute_process(COMMAND ${PROGRAM} ${ARGS}
  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
message("${output}")
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${PROGRAM} exited with ${result}: ${errors}")
endif()
if(NOT output MATCHES "${EXPECT}")
  message(FATAL_ERROR "${PROGRAM}'s output does not match: ${EXPECT}")
endif()
