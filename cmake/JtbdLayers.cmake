# The layers of src/, as the folders table of docs/ARCHITECTURE.md draws
# them: its "May include" column is read here at configure time (and again
# whenever that file changes), so the arrows are written down once.
#
#   jtbd_add_layer_libraries(<folder>...)  one static archive jtbd_<folder>
#       per folder, from src/<folder>/*.cc, linking (PUBLIC) what its row
#       names: other folders' archives, `proto` (jtbd_proto_archive),
#       `Abseil`, `httplib`, `jtbd.h` (include/).
#   jtbd_link_layer(<target> <folder> <PUBLIC|PRIVATE>)  the same for a
#       target built otherwise (libjtbd.so from src/capi, the CLI).
#
# Headers are included as "<folder>/<file>.h". With src/ on an include path
# every folder would see every other one, so src/ is on none: each folder
# has an include root of its own, <build>/layers/<folder>/, holding a single
# link <folder> -> src/<folder>, and a target sees a folder's headers only
# through the targets it links. An include of a folder its row does not
# reach (directly or through the folders it names) fails to compile.
# tests/layers checks every target's include path against the table, and
# every #include against the row of its folder.

set(JTBD_LAYERS_TABLE ${PROJECT_SOURCE_DIR}/docs/ARCHITECTURE.md)
set(JTBD_LAYER_ROOTS ${PROJECT_BINARY_DIR}/layers)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${JTBD_LAYERS_TABLE})

# What every layer that names `Abseil` links.
set(JTBD_ABSL_LIBRARIES absl::status absl::statusor absl::strings
  absl::str_format absl::span absl::flat_hash_map absl::flat_hash_set
  absl::int128)
# The names a row may use besides the folders of src/.
set(JTBD_LAYER_OTHER_NAMES proto Abseil httplib jtbd.h nothing)

# Reads the table: JTBD_LAYER_FOLDERS (the src/ folders with a row) and, for
# each, JTBD_LAYER_ALLOWS_<folder> (the names of its "May include" cell,
# notes in parentheses dropped).
function(jtbd_read_layer_table)
  file(READ ${JTBD_LAYERS_TABLE} text)
  # CMake lists split on ';' and group on brackets: neither matters here.
  string(REPLACE ";" " " text "${text}")
  string(REPLACE "[" " " text "${text}")
  string(REPLACE "]" " " text "${text}")
  set(header "| Folder | Owns | May include |")
  string(FIND "${text}" "${header}" start)
  if(start EQUAL -1)
    message(FATAL_ERROR "${JTBD_LAYERS_TABLE}: no table headed '${header}'")
  endif()
  string(SUBSTRING "${text}" ${start} -1 text)
  string(FIND "${text}" "\n\n" end)
  string(SUBSTRING "${text}" 0 ${end} text)
  string(REGEX MATCHALL "\n\\| `src/[^`]*` \\|[^\n]*" rows "${text}")

  set(folders)
  foreach(row IN LISTS rows)
    if(NOT row MATCHES "^\n\\| `src/([a-z_]+)/` \\|.*\\|([^|]*)\\|[ \t]*$")
      message(FATAL_ERROR "${JTBD_LAYERS_TABLE}: cannot read the row${row}")
    endif()
    set(folder ${CMAKE_MATCH_1})
    string(REGEX REPLACE "\\([^)]*\\)" "" cell "${CMAKE_MATCH_2}")
    string(REPLACE "," ";" names "${cell}")
    set(allows)
    foreach(name IN LISTS names)
      string(STRIP "${name}" name)
      if(NOT name STREQUAL "nothing")
        list(APPEND allows ${name})
      endif()
    endforeach()
    list(APPEND folders ${folder})
    set(JTBD_LAYER_ALLOWS_${folder} ${allows} PARENT_SCOPE)
    set(allows_${folder} ${allows})
  endforeach()

  # Every name is a folder with a row or one of the other names; every
  # folder of src/ has a row (its sources would be built by nothing).
  list(JOIN JTBD_LAYER_OTHER_NAMES ", " other_names)
  foreach(folder IN LISTS folders)
    foreach(name IN LISTS allows_${folder})
      if(NOT name IN_LIST folders AND NOT name IN_LIST JTBD_LAYER_OTHER_NAMES)
        message(FATAL_ERROR "${JTBD_LAYERS_TABLE}: src/${folder}/ may include "
          "'${name}', which is neither a folder of the table nor one of "
          "${other_names}")
      endif()
    endforeach()
  endforeach()
  file(GLOB entries LIST_DIRECTORIES true RELATIVE ${PROJECT_SOURCE_DIR}/src
    ${PROJECT_SOURCE_DIR}/src/*)
  foreach(entry IN LISTS entries)
    if(IS_DIRECTORY ${PROJECT_SOURCE_DIR}/src/${entry} AND
       NOT entry IN_LIST folders)
      message(FATAL_ERROR "src/${entry}/ has no row in the folders table of "
        "${JTBD_LAYERS_TABLE}: add one saying what it may include")
    endif()
  endforeach()
  set(JTBD_LAYER_FOLDERS ${folders} PARENT_SCOPE)
endfunction()
jtbd_read_layer_table()

# One include root per folder; debug info and coverage data name the
# headers by their place in src/ all the same.
foreach(folder IN LISTS JTBD_LAYER_FOLDERS)
  file(MAKE_DIRECTORY ${JTBD_LAYER_ROOTS}/${folder})
  file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${folder}
    ${JTBD_LAYER_ROOTS}/${folder}/${folder} SYMBOLIC)
  add_compile_options(
    -ffile-prefix-map=${JTBD_LAYER_ROOTS}/${folder}/${folder}=${PROJECT_SOURCE_DIR}/src/${folder})
endforeach()

# The generated protobuf classes, compiled once (jtbd_proto, an object
# library) and archived once, for every layer that names `proto`.
add_library(jtbd_proto_archive STATIC)
target_link_libraries(jtbd_proto_archive PUBLIC jtbd_proto)

function(jtbd_link_layer target folder scope)
  if(NOT folder IN_LIST JTBD_LAYER_FOLDERS)
    message(FATAL_ERROR "jtbd_link_layer(${target}): src/${folder}/ has no "
      "row in ${JTBD_LAYERS_TABLE}")
  endif()
  target_include_directories(${target} ${scope} ${JTBD_LAYER_ROOTS}/${folder})
  foreach(name IN LISTS JTBD_LAYER_ALLOWS_${folder})
    if(name STREQUAL "proto")
      target_link_libraries(${target} ${scope} jtbd_proto_archive)
    elseif(name STREQUAL "Abseil")
      target_link_libraries(${target} ${scope} ${JTBD_ABSL_LIBRARIES})
    elseif(name STREQUAL "httplib")
      target_link_libraries(${target} ${scope} PkgConfig::CPP_HTTPLIB Threads::Threads)
    elseif(name STREQUAL "jtbd.h")
      target_include_directories(${target} ${scope} ${PROJECT_SOURCE_DIR}/include)
    elseif(name IN_LIST JTBD_LAYER_LIBRARIES)
      target_link_libraries(${target} ${scope} jtbd_${name})
    else()
      list(JOIN JTBD_LAYER_LIBRARIES ", " libraries)
      message(FATAL_ERROR "${JTBD_LAYERS_TABLE}: src/${folder}/ may include "
        "src/${name}/, which is not a library (${libraries})")
    endif()
  endforeach()
endfunction()

function(jtbd_add_layer_libraries)
  set(JTBD_LAYER_LIBRARIES ${ARGN} PARENT_SCOPE)
  set(JTBD_LAYER_LIBRARIES ${ARGN})
  foreach(folder IN LISTS ARGN)
    # Globbed: a new file of the folder joins its layer without an edit.
    file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${folder}/*.cc)
    add_library(jtbd_${folder} STATIC ${sources})
    jtbd_link_layer(jtbd_${folder} ${folder} PUBLIC)
  endforeach()
endfunction()
