# -DJTBD_UNITY_BUILD=ON: the library's targets (the layers of src/,
# libjtbd.so, the fuzz tree's copy of the C ABI) compiled as unity sources
# (eight .cc files per translation unit), for instrumented trees built from
# scratch (meant for .ci/sanitize, .ci/tsan, .ci/fuzz), where compiling dominates:
# the protobuf, Abseil, gtest and std headers are then parsed and
# instrumented once per batch instead of once per file. OFF by default: the
# plain build (README, .ci/setup) compiles every file on its own, which is
# what catches a file that does not include what it uses. Included before
# any target.
#
# Left out of the batches (SKIP_UNITY_BUILD_INCLUSION, compiled alone):
#   - protoc's sources (cmake/JtbdProto.cmake);
#   - JTBD_UNITY_EXCLUDE below: files whose file-local names (anonymous
#     namespaces, statics) meet another file's of the same target;
#   - the CLI, whose command files each define Fail, Format, TakesValue, and
#     the test programs, whose helpers clash as often (not yet listed).
# Applied by jtbd_unity_targets() once every directory has been added. A
# new clash shows as "redefinition of '{anonymous}::...'" in a
# unity_N_cxx.cxx: list the file here (or give the helper a file-specific
# name). The plain build never sees the difference.

function(jtbd_unity_targets)
  if(NOT JTBD_UNITY_BUILD)
    return()
  endif()
  set(targets jtbd jtbd_capi_fuzz)
  foreach(folder IN LISTS JTBD_LAYER_LIBRARIES)
    list(APPEND targets jtbd_${folder})
  endforeach()
  foreach(target IN LISTS targets)
    if(TARGET ${target})
      # Eight files a batch (CMake's default): a 14-file layer still makes
      # two translation units and the library about 25, so -j2 stays busy.
      set_target_properties(${target} PROPERTIES
        UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
    endif()
  endforeach()
  # Every directory of the build: a source file's properties are per
  # directory, and tests/fuzz compiles src/capi again.
  set(directories ${PROJECT_SOURCE_DIR})
  set(pending ${PROJECT_SOURCE_DIR})
  while(pending)
    list(POP_FRONT pending dir)
    get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
    list(APPEND directories ${subdirs})
    list(APPEND pending ${subdirs})
  endwhile()
  list(TRANSFORM JTBD_UNITY_EXCLUDE PREPEND ${PROJECT_SOURCE_DIR}/ OUTPUT_VARIABLE files)
  set_source_files_properties(${files} DIRECTORY ${directories}
    PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
endfunction()

option(JTBD_UNITY_BUILD
  "Compile the library's targets as unity batches (instrumented trees)" OFF)
set(JTBD_UNITY_EXCLUDE)
if(NOT JTBD_UNITY_BUILD)
  return()
endif()
# Paths relative to the source tree; each repeats a file-local name of an
# earlier file of its target (found by compiling each target's sources as
# one translation unit with -fsyntax-only).
set(JTBD_UNITY_EXCLUDE
  src/capi/jtbd_screening.cc          # ToC(const Report&)
  src/core/segment_comparison.cc      # SetTest, ToProto(Interval)
  src/forces/note_lexicon_fr.cc       # kPush, kPull, kAnxiety, kHabit
  src/render/report_render.cc         # ShortestRoundTrip
  src/render/screening_render.cc      # Percent
  src/render/segmentation_render.cc   # Percent, PValue, Layout
  src/render/wave_comparison_render.cc  # ShortestRoundTrip, Scores
  src/roadmap/lagrangian_bound.cc     # kFirstStepScale
  src/segments/segmentation.cc        # Candidate
  # kJsonMediaType, kCsvMediaType, kUnsupportedMediaType
  src/serve/forces_endpoint.cc
  src/serve/lint_endpoint.cc
  src/serve/prioritize_endpoint.cc
  src/serve/score_endpoint.cc
  src/serve/segment_endpoint.cc
  src/serve/tag_notes_endpoint.cc
)
