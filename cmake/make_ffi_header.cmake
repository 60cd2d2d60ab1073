# Writes jtbd.h as PHP's FFI::cdef accepts it: declarations only, no
# preprocessor lines, no extern "C", no export attributes.
#   cmake -DHEADER=jtbd.h -DOUTPUT=jtbd_ffi.h -DCC=cc -P make_ffi_header.cmake
# The C preprocessor does the work: the standard includes are dropped first
# (FFI knows size_t and the <stdint.h> types, and must not see libc's
# typedefs), then `cc -E -P` resolves the guards and the __cplusplus blocks
# and expands JTBD_EXPORT, whose __attribute__ is defined away.
foreach(var HEADER OUTPUT CC)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "make_ffi_header.cmake needs -D${var}=...")
  endif()
endforeach()

file(READ ${HEADER} text)
string(REGEX REPLACE "#[ \t]*include[^\n]*" "" text "${text}")
get_filename_component(output_dir ${OUTPUT} DIRECTORY)
file(MAKE_DIRECTORY ${output_dir})
set(stripped ${OUTPUT}.in.h)
file(WRITE ${stripped} "${text}")
execute_process(
  COMMAND ${CC} -E -P -x c -std=c99 "-D__attribute__(x)=" ${stripped}
  RESULT_VARIABLE result
  OUTPUT_VARIABLE declarations
  ERROR_VARIABLE errors)
file(REMOVE ${stripped})
if(NOT result EQUAL 0)
  message(FATAL_ERROR "preprocessing ${HEADER} failed: ${errors}")
endif()

# Blank lines left where comments and directives were.
string(REGEX REPLACE "\n[ \t]*(\n[ \t]*)+" "\n" declarations "${declarations}")
string(REGEX REPLACE "\n ([^ ])" "\n\\1" declarations "${declarations}")
string(STRIP "${declarations}" declarations)
# What PHP's parser would reject must not get through unnoticed.
if(declarations MATCHES "(#|extern|__attribute__|JTBD_EXPORT)")
  message(FATAL_ERROR "${OUTPUT}: \"${CMAKE_MATCH_1}\" survived preprocessing")
endif()
if(NOT declarations MATCHES "jtbd_version_number")
  message(FATAL_ERROR "${OUTPUT}: no declarations found in ${HEADER}")
endif()
file(WRITE ${OUTPUT}.tmp
  "/* Generated from jtbd.h by cmake/make_ffi_header.cmake for PHP's\n"
  " * FFI::cdef (no preprocessor). Do not edit: change jtbd.h. */\n"
  "${declarations}\n")
# Only a real change touches the file (and what depends on it).
configure_file(${OUTPUT}.tmp ${OUTPUT} COPYONLY)
file(REMOVE ${OUTPUT}.tmp)
