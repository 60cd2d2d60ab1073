# `cmake --install` puts exactly the documented files under a prefix:
#   bin/jtbd, <libdir>/libjtbd.so.1.x with its SONAME and dev links,
#   include/jtbd/{jtbd.h,jtbd.hpp} (nothing generated), the CMake package and
#   pkg-config file under <libdir>, share/jtbd/jtbd_ffi.h for PHP, and the
#   schemas: share/jtbd/proto/jtbd/v1/*.proto as in proto/, and
#   share/jtbd/jtbd_v1.binpb (check_proto_consumer.py uses them).
# A plain C program then builds and runs against that tree alone.
#   cmake -DBUILD_DIR=... -DPREFIX=... -DLIBDIR=lib -DSOURCE_DIR=... -DCC=...
#         -DEXPECTED_TOP=... [-DSANITIZER_ENV=NAME=value;...] -P check_install.cmake
# SANITIZER_ENV: what the consumer program needs in a sanitizer build.
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
  RESULT_VARIABLE result OUTPUT_QUIET ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${result}): ${errors}")
endif()

set(lib ${PREFIX}/${LIBDIR})
foreach(path bin/jtbd include/jtbd/jtbd.h include/jtbd/jtbd.hpp
    ${LIBDIR}/cmake/jtbd/jtbdConfig.cmake
    ${LIBDIR}/cmake/jtbd/jtbdConfigVersion.cmake
    ${LIBDIR}/cmake/jtbd/jtbdTargets.cmake
    ${LIBDIR}/pkgconfig/jtbd.pc
    share/jtbd/jtbd_ffi.h
    share/jtbd/jtbd_v1.binpb)
  if(NOT EXISTS ${PREFIX}/${path})
    message(FATAL_ERROR "missing after install: ${path}")
  endif()
endforeach()
file(READ_SYMLINK ${lib}/libjtbd.so dev_link)
file(READ_SYMLINK ${lib}/libjtbd.so.1 soname_link)
if(NOT dev_link STREQUAL "libjtbd.so.1" OR NOT soname_link MATCHES "^libjtbd\\.so\\.1\\.[0-9]+\\.[0-9]+$")
  message(FATAL_ERROR "unexpected links: libjtbd.so -> ${dev_link}, libjtbd.so.1 -> ${soname_link}")
endif()
if(IS_SYMLINK ${lib}/${soname_link} OR NOT EXISTS ${lib}/${soname_link})
  message(FATAL_ERROR "${soname_link} is not the library file")
endif()
# Only the public headers: generated protobuf code stays private.
file(GLOB_RECURSE headers RELATIVE ${PREFIX}/include ${PREFIX}/include/*)
list(SORT headers)
if(NOT headers STREQUAL "jtbd/jtbd.h;jtbd/jtbd.hpp")
  message(FATAL_ERROR "unexpected installed headers: ${headers}")
endif()
# The schemas exactly as in the source tree.
set(proto_source ${SOURCE_DIR}/proto/jtbd/v1)
set(proto_installed ${PREFIX}/share/jtbd/proto/jtbd/v1)
file(GLOB source_protos RELATIVE ${proto_source} ${proto_source}/*)
file(GLOB installed_protos RELATIVE ${proto_installed} ${proto_installed}/*)
if(NOT source_protos OR NOT installed_protos STREQUAL source_protos)
  message(FATAL_ERROR "installed schemas: ${installed_protos}, "
    "expected: ${source_protos}")
endif()
foreach(proto ${source_protos})
  file(SHA256 ${proto_source}/${proto} source_hash)
  file(SHA256 ${proto_installed}/${proto} installed_hash)
  if(NOT installed_hash STREQUAL source_hash)
    message(FATAL_ERROR "share/jtbd/proto/jtbd/v1/${proto} differs from proto/")
  endif()
endforeach()
# No static archive of the internals, no test or benchmark programs.
file(GLOB_RECURSE installed RELATIVE ${PREFIX} ${PREFIX}/*)
foreach(path ${installed})
  if(path MATCHES "\\.a$|_test$|benchmark")
    message(FATAL_ERROR "installed but not meant to be: ${path}")
  endif()
endforeach()
# The CMake package names its target jtbd::jtbd and exports nothing internal
# (no layer jtbd_<folder>, no generated code, no dependency of the library).
file(READ ${lib}/cmake/jtbd/jtbdTargets.cmake targets)
if(NOT targets MATCHES "add_library\\(jtbd::jtbd SHARED IMPORTED\\)" OR
   targets MATCHES "jtbd_[a-z]|absl|protobuf|httplib")
  message(FATAL_ERROR "jtbdTargets.cmake: unexpected content:\n${targets}")
endif()
# (SameMajorVersion is checked by using it: check_cmake_consumer.cmake.)

execute_process(COMMAND ${PREFIX}/bin/jtbd version
  RESULT_VARIABLE result OUTPUT_VARIABLE version)
if(NOT result EQUAL 0 OR NOT version MATCHES "^jtbd [0-9]+\\.[0-9]+\\.[0-9]+")
  message(FATAL_ERROR "installed jtbd version: ${result} ${version}")
endif()

# The simplest consumer: cc -I<prefix>/include -L<prefix>/lib -ljtbd.
set(consumer ${PREFIX}/../install-consumers/plain_c/top_outcomes)
get_filename_component(consumer ${consumer} ABSOLUTE)
get_filename_component(consumer_dir ${consumer} DIRECTORY)
file(MAKE_DIRECTORY ${consumer_dir})
execute_process(
  COMMAND ${CC} -std=c99 -Wall -Wextra -pedantic -Werror
          -I${PREFIX}/include ${SOURCE_DIR}/tests/install/consumers/top_outcomes.c
          -L${lib} -ljtbd -o ${consumer}
  RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "building a C consumer against the install failed: ${errors}")
endif()
include(${CMAKE_CURRENT_LIST_DIR}/expect_top.cmake)
set(RUN_ENV ${SANITIZER_ENV} LD_LIBRARY_PATH=${lib})
jtbd_run_expecting_top("plain C consumer" ${consumer} ${SOURCE_DIR}/examples/survey.csv)
message(STATUS "install tree under ${PREFIX} is complete; a C consumer runs on it")
