# `cmake --install` puts exactly the documented files under a prefix, and a
# plain C program builds and runs against that tree alone.
#   cmake -DBUILD_DIR=... -DPREFIX=... -DSOURCE_DIR=... -DCC=... -P check_install.cmake
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
  RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${result}")
endif()

include(GNUInstallDirs)
set(lib ${PREFIX}/${CMAKE_INSTALL_LIBDIR})
foreach(path bin/jtbd include/jtbd/jtbd.h include/jtbd/jtbd.hpp)
  if(NOT EXISTS ${PREFIX}/${path})
    message(FATAL_ERROR "missing after install: ${path}")
  endif()
endforeach()
file(READ_SYMLINK ${lib}/libjtbd.so dev_link)
file(READ_SYMLINK ${lib}/libjtbd.so.1 soname_link)
if(NOT dev_link STREQUAL "libjtbd.so.1" OR NOT soname_link MATCHES "^libjtbd\\.so\\.1\\.[0-9]+\\.[0-9]+$")
  message(FATAL_ERROR "unexpected links: libjtbd.so -> ${dev_link}, libjtbd.so.1 -> ${soname_link}")
endif()
# Only the public headers: generated protobuf code stays private.
file(GLOB_RECURSE headers RELATIVE ${PREFIX}/include ${PREFIX}/include/*)
list(SORT headers)
if(NOT headers STREQUAL "jtbd/jtbd.h;jtbd/jtbd.hpp")
  message(FATAL_ERROR "unexpected installed headers: ${headers}")
endif()

execute_process(COMMAND ${PREFIX}/bin/jtbd version
  RESULT_VARIABLE result OUTPUT_VARIABLE version)
if(NOT result EQUAL 0 OR NOT version MATCHES "^jtbd [0-9]+\\.[0-9]+\\.[0-9]+")
  message(FATAL_ERROR "installed jtbd version: ${result} ${version}")
endif()

set(consumer ${PREFIX}/consumer)
execute_process(
  COMMAND ${CC} -std=c99 -Wall -Wextra -pedantic -Werror
          -I${PREFIX}/include ${SOURCE_DIR}/examples/score.c
          -L${lib} -ljtbd -o ${consumer}
  RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "building a C consumer against the install failed: ${errors}")
endif()
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${lib}
          ${consumer} ${SOURCE_DIR}/examples/survey.csv segment
  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors)
if(NOT result EQUAL 0 OR NOT output MATCHES "segment field")
  message(FATAL_ERROR "the installed consumer failed (${result}): ${errors}")
endif()
message(STATUS "install tree under ${PREFIX} is complete; a C consumer runs on it")
