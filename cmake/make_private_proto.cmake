# Writes libjtbd's private copy of one jtbd.v1 schema: the same messages,
# fields and numbers (so the same bytes on the wire and the same JSON), under
# package jtbd.private_v1 and file jtbd/private_v1/<name>.proto.
#   cmake -DINPUT=proto/jtbd/v1/x.proto -DOUTPUT=.../jtbd/private_v1/x.proto
#         -P make_private_proto.cmake
# Why (cmake/JtbdProto.cmake): protobuf keeps one registry of compiled
# schemas per process, and refuses a file or message name registered twice;
# with libjtbd's copy renamed, a host may compile the installed jtbd.v1
# schemas itself and still load libjtbd.
foreach(var INPUT OUTPUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "make_private_proto.cmake needs -D${var}=...")
  endif()
endforeach()

file(READ ${INPUT} text)
# Only the package line and the imports name the package: types are
# referred to unqualified within it. A qualified reference (jtbd.v1.X)
# would not resolve in the copy, and protoc would say so.
string(REGEX MATCHALL "\npackage jtbd\\.v1;" package_lines "\n${text}")
list(LENGTH package_lines package_count)
if(NOT package_count EQUAL 1)
  message(FATAL_ERROR "${INPUT}: expected one line `package jtbd.v1;`")
endif()
string(REGEX REPLACE "(^|\n)package jtbd\\.v1;" "\\1package jtbd.private_v1;"
  text "${text}")
string(REGEX REPLACE "(^|\n)import \"jtbd/v1/" "\\1import \"jtbd/private_v1/"
  text "${text}")
get_filename_component(name ${INPUT} NAME)
file(WRITE ${OUTPUT} "// Generated from jtbd/v1/${name}: libjtbd's private "
  "copy (cmake/make_private_proto.cmake). Do not edit.\n${text}")
