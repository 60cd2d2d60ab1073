# The install tree and the two ways consumers find it:
#   bin/jtbd, lib/libjtbd.so.1.x (+ SONAME and dev links), include/jtbd/,
#   lib/cmake/jtbd/ (jtbdConfig.cmake, jtbdConfigVersion.cmake, targets
#   exporting jtbd::jtbd), lib/pkgconfig/jtbd.pc, share/jtbd/jtbd_ffi.h
#   (jtbd.h as PHP's FFI parser accepts it), and the schemas:
#   share/jtbd/proto/jtbd/v1/*.proto and share/jtbd/jtbd_v1.binpb (all of
#   them as one descriptor set), which the CMake package and jtbd.pc name.
# Every path uses CMAKE_INSTALL_<dir> (GNUInstallDirs), so a distribution's
# multiarch libdir is honoured throughout.
include(CMakePackageConfigHelpers)

set(JTBD_CMAKE_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/jtbd)
# The schemas, for apps that generate their own classes from them (protoc
# -I <proto dir> jtbd/v1/report.proto) or read them as descriptors.
set(JTBD_PROTO_INSTALL_DIR ${CMAKE_INSTALL_DATADIR}/jtbd/proto)
set(JTBD_DESCRIPTOR_SET_INSTALL_FILE ${CMAKE_INSTALL_DATADIR}/jtbd/jtbd_v1.binpb)
install(FILES ${JTBD_PROTOS} DESTINATION ${JTBD_PROTO_INSTALL_DIR}/jtbd/v1)
install(FILES ${JTBD_DESCRIPTOR_SET} DESTINATION ${CMAKE_INSTALL_DATADIR}/jtbd)

# Consumers in the same build (add_subdirectory) use the same name.
add_library(jtbd::jtbd ALIAS jtbd)

# jtbd links the static layers PRIVATE: a shared library's private
# dependencies are not part of its interface, so the export needs only jtbd.
install(TARGETS jtbd EXPORT jtbdTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS jtbd_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES
  ${PROJECT_SOURCE_DIR}/include/jtbd/jtbd.h
  ${PROJECT_SOURCE_DIR}/include/jtbd/jtbd.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/jtbd)

install(EXPORT jtbdTargets
  NAMESPACE jtbd::
  FILE jtbdTargets.cmake
  DESTINATION ${JTBD_CMAKE_INSTALL_DIR})
configure_package_config_file(
  ${CMAKE_CURRENT_LIST_DIR}/jtbdConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/jtbdConfig.cmake
  INSTALL_DESTINATION ${JTBD_CMAKE_INSTALL_DIR}
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR JTBD_PROTO_INSTALL_DIR
    JTBD_DESCRIPTOR_SET_INSTALL_FILE)
# The C ABI only grows within a major version (jtbd.h, convention 14).
write_basic_package_version_file(
  ${PROJECT_BINARY_DIR}/cmake/jtbdConfigVersion.cmake
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMajorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/cmake/jtbdConfig.cmake
  ${PROJECT_BINARY_DIR}/cmake/jtbdConfigVersion.cmake
  DESTINATION ${JTBD_CMAKE_INSTALL_DIR})

# pkg-config: the prefix is found from the .pc file's own location, so the
# tree works wherever `cmake --install --prefix` put it.
set(JTBD_PC_INSTALL_DIR ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}" OR
   IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}" OR
   IS_ABSOLUTE "${CMAKE_INSTALL_DATADIR}")
  # Absolute directories cannot move with the prefix; state them as given.
  set(JTBD_PC_RELATIVE_PREFIX "")
  set(JTBD_PC_LIBDIR "${CMAKE_INSTALL_FULL_LIBDIR}")
  set(JTBD_PC_INCLUDEDIR "${CMAKE_INSTALL_FULL_INCLUDEDIR}")
  set(JTBD_PC_DATADIR "${CMAKE_INSTALL_FULL_DATADIR}")
else()
  file(RELATIVE_PATH JTBD_PC_RELATIVE_PREFIX
    /jtbd-prefix/${JTBD_PC_INSTALL_DIR} /jtbd-prefix)
  string(REGEX REPLACE "/$" "" JTBD_PC_RELATIVE_PREFIX
    "${JTBD_PC_RELATIVE_PREFIX}")
  set(JTBD_PC_LIBDIR "\${prefix}/${CMAKE_INSTALL_LIBDIR}")
  set(JTBD_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
  set(JTBD_PC_DATADIR "\${prefix}/${CMAKE_INSTALL_DATADIR}")
endif()
configure_file(${CMAKE_CURRENT_LIST_DIR}/jtbd.pc.in
  ${PROJECT_BINARY_DIR}/cmake/jtbd.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/cmake/jtbd.pc
  DESTINATION ${JTBD_PC_INSTALL_DIR})

# jtbd.h for PHP's FFI::cdef, which has no preprocessor: regenerated from the
# header at build time, never edited by hand (cmake/make_ffi_header.cmake).
set(JTBD_FFI_HEADER ${PROJECT_BINARY_DIR}/ffi/jtbd_ffi.h)
add_custom_command(
  OUTPUT ${JTBD_FFI_HEADER}
  COMMAND ${CMAKE_COMMAND}
    -DHEADER=${PROJECT_SOURCE_DIR}/include/jtbd/jtbd.h
    -DOUTPUT=${JTBD_FFI_HEADER}
    -DCC=${CMAKE_C_COMPILER}
    -P ${CMAKE_CURRENT_LIST_DIR}/make_ffi_header.cmake
  DEPENDS ${PROJECT_SOURCE_DIR}/include/jtbd/jtbd.h
    ${CMAKE_CURRENT_LIST_DIR}/make_ffi_header.cmake
  COMMENT "jtbd_ffi.h for PHP FFI"
  VERBATIM)
add_custom_target(jtbd_ffi_header ALL DEPENDS ${JTBD_FFI_HEADER})
install(FILES ${JTBD_FFI_HEADER} DESTINATION ${CMAKE_INSTALL_DATADIR}/jtbd)
