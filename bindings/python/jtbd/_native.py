"""Finding, loading and binding libjtbd.

The library is loaded on first use, not at import, so `import jtbd` always
works and the error about a missing library comes from the first call that
needs it. Where it is looked for, in order:

  1. $JTBD_LIBRARY, a path to the shared library. When set it is the only
     candidate: an explicit choice that fails is reported, never silently
     replaced by another copy.
  2. libjtbd.so* next to this package (bindings/python/jtbd/), as a wheel
     or an install step would place it.
  3. The system: ctypes.util.find_library("jtbd"), then "libjtbd.so.1"
     through the dynamic loader's own search (LD_LIBRARY_PATH, ld.so.cache).

`set_library_path(path)` picks a file before the first use instead.

Every function of jtbd.h is described once in FUNCTIONS and registered when
the library loads; a missing symbol or another major version is reported
then, as IncompatibleLibraryError, not later as an AttributeError or a crash.
"""

import ctypes
import ctypes.util
import glob
import os
import threading

from . import _constants
from ._errors import Error, IncompatibleLibraryError, LibraryNotFoundError

ENV_VARIABLE = "JTBD_LIBRARY"
PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
SYSTEM_NAMES = ("jtbd",)  # for ctypes.util.find_library
SONAME = "libjtbd.so.1"

# Pointer types of the table. Every pointer the library returns is c_void_p:
# c_char_p would copy library-owned text into bytes and drop the pointer, and
# an undeclared restype would truncate it to a C int.
c_void_p_p = ctypes.POINTER(ctypes.c_void_p)
c_size_t_p = ctypes.POINTER(ctypes.c_size_t)
c_uint8_p = ctypes.POINTER(ctypes.c_uint8)
c_uint32_p = ctypes.POINTER(ctypes.c_uint32)
c_uint64_p = ctypes.POINTER(ctypes.c_uint64)


c_double_p = ctypes.POINTER(ctypes.c_double)


class IntervalStruct(ctypes.Structure):
    """jtbd_interval."""

    _fields_ = [
        ("low", ctypes.c_double),
        ("high", ctypes.c_double),
    ]


class OutcomeScoreStruct(ctypes.Structure):
    """jtbd_outcome_score. Text fields are c_void_p + length: they point into
    the report and are copied out with ctypes.string_at."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("outcome_id", ctypes.c_void_p),
        ("outcome_id_len", ctypes.c_size_t),
        ("statement", ctypes.c_void_p),
        ("statement_len", ctypes.c_size_t),
        ("importance", ctypes.c_double),
        ("satisfaction", ctypes.c_double),
        ("opportunity", ctypes.c_double),
        ("band", ctypes.c_int32),
        ("rank", ctypes.c_uint32),
        ("has", ctypes.c_uint32),
        ("importance_count", ctypes.c_uint64),
        ("importance_top_box_count", ctypes.c_uint64),
        ("satisfaction_count", ctypes.c_uint64),
        ("satisfaction_top_box_count", ctypes.c_uint64),
        ("both_count", ctypes.c_uint64),
        ("both_top_box_count", ctypes.c_uint64),
        ("importance_interval", IntervalStruct),
        ("satisfaction_interval", IntervalStruct),
        ("opportunity_interval", IntervalStruct),
        ("opportunity_delta_interval", IntervalStruct),
        ("opportunity_standard_error", ctypes.c_double),
        ("opportunity_at_least_10_probability", ctypes.c_double),
        ("importance_effective_count", ctypes.c_double),
        ("satisfaction_effective_count", ctypes.c_double),
    ]


c_outcome_score_p = ctypes.POINTER(OutcomeScoreStruct)


class SignificanceTestStruct(ctypes.Structure):
    """jtbd_significance_test."""

    _fields_ = [
        ("z", ctypes.c_double),
        ("p_value", ctypes.c_double),
        ("holm_adjusted_p_value", ctypes.c_double),
    ]


class SegmentComparisonStruct(ctypes.Structure):
    """jtbd_segment_comparison (outcome_id read like OutcomeScoreStruct's)."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("outcome_id", ctypes.c_void_p),
        ("outcome_id_len", ctypes.c_size_t),
        ("has", ctypes.c_uint32),
        ("more_underserved", ctypes.c_uint32),
        ("rest_importance", ctypes.c_double),
        ("rest_satisfaction", ctypes.c_double),
        ("rest_opportunity", ctypes.c_double),
        ("importance_difference", ctypes.c_double),
        ("satisfaction_difference", ctypes.c_double),
        ("opportunity_difference", ctypes.c_double),
        ("importance_test", SignificanceTestStruct),
        ("satisfaction_test", SignificanceTestStruct),
        ("opportunity_test", SignificanceTestStruct),
    ]


c_segment_comparison_p = ctypes.POINTER(SegmentComparisonStruct)


class SolutionScoreStruct(ctypes.Structure):
    """jtbd_solution_score (solution read like OutcomeScoreStruct's text)."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("solution", ctypes.c_void_p),
        ("solution_len", ctypes.c_size_t),
        ("has", ctypes.c_uint32),
        ("count", ctypes.c_uint64),
        ("top_box_count", ctypes.c_uint64),
        ("both_count", ctypes.c_uint64),
        ("satisfaction", ctypes.c_double),
        ("satisfaction_interval", IntervalStruct),
        ("effective_count", ctypes.c_double),
        ("opportunity", ctypes.c_double),
        ("satisfaction_gap", ctypes.c_double),
        ("satisfaction_gap_test", SignificanceTestStruct),
    ]


c_solution_score_p = ctypes.POINTER(SolutionScoreStruct)


class BestSolutionStruct(ctypes.Structure):
    """jtbd_best_solution."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("best_solution", ctypes.c_void_p),
        ("best_solution_len", ctypes.c_size_t),
        ("has", ctypes.c_uint32),
        ("best_solution_gap", ctypes.c_double),
        ("satisfaction_target", ctypes.c_double),
        ("best_solution_gap_test", SignificanceTestStruct),
    ]


c_best_solution_p = ctypes.POINTER(BestSolutionStruct)


class ReportInfoStruct(ctypes.Structure):
    """jtbd_report_info (text fields read like OutcomeScoreStruct's)."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("method", ctypes.c_void_p),
        ("method_len", ctypes.c_size_t),
        ("segment_by", ctypes.c_void_p),
        ("segment_by_len", ctypes.c_size_t),
        ("score_method", ctypes.c_int32),
        ("bootstrap_resamples", ctypes.c_uint32),
        ("confidence_level", ctypes.c_double),
        ("seed", ctypes.c_uint64),
        ("effective_respondent_count", ctypes.c_double),
        ("weighted", ctypes.c_uint32),
        ("scale_min", ctypes.c_int32),
        ("scale_max", ctypes.c_int32),
        ("scale_top_box_min", ctypes.c_int32),
        ("respondent_count", ctypes.c_uint64),
        ("unsegmented_respondent_count", ctypes.c_uint64),
    ]


c_report_info_p = ctypes.POINTER(ReportInfoStruct)


class ScreeningInfoStruct(ctypes.Structure):
    """jtbd_screening_info."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("screened", ctypes.c_uint32),
        ("excluded", ctypes.c_uint32),
        ("has", ctypes.c_uint32),
        ("straight_line_min_ratings", ctypes.c_uint32),
        ("screened_respondent_count", ctypes.c_uint64),
        ("flagged_respondent_count", ctypes.c_uint64),
        ("straight_lining_count", ctypes.c_uint64),
        ("speeding_count", ctypes.c_uint64),
        ("blanks_count", ctypes.c_uint64),
        ("duration_count", ctypes.c_uint64),
        ("speed_median_fraction", ctypes.c_double),
        ("speed_min_seconds", ctypes.c_double),
        ("max_blank_share", ctypes.c_double),
        ("median_duration_seconds", ctypes.c_double),
        ("speed_threshold_seconds", ctypes.c_double),
    ]


c_screening_info_p = ctypes.POINTER(ScreeningInfoStruct)


class ScreenedRespondentStruct(ctypes.Structure):
    """jtbd_screened_respondent (respondent_id read like
    OutcomeScoreStruct's text)."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("respondent_id", ctypes.c_void_p),
        ("respondent_id_len", ctypes.c_size_t),
        ("index", ctypes.c_size_t),
        ("reasons", ctypes.c_uint32),
        ("has_duration", ctypes.c_uint32),
        ("duration_seconds", ctypes.c_double),
        ("blank_share", ctypes.c_double),
    ]


c_screened_respondent_p = ctypes.POINTER(ScreenedRespondentStruct)


class SegmentationInfoStruct(ctypes.Structure):
    """jtbd_segmentation_info."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("k", ctypes.c_uint32),
        ("k_chosen", ctypes.c_uint32),
        ("feature", ctypes.c_int32),
        ("starts", ctypes.c_uint32),
        ("seed", ctypes.c_uint64),
        ("component_count", ctypes.c_size_t),
        ("outcome_count", ctypes.c_size_t),
        ("dropped_outcome_count", ctypes.c_size_t),
        ("candidate_count", ctypes.c_size_t),
        ("respondent_count", ctypes.c_uint64),
        ("unclustered_respondent_count", ctypes.c_uint64),
        ("silhouette_respondent_count", ctypes.c_uint64),
        ("imputed_feature_count", ctypes.c_uint64),
    ]


class SegmentCandidateStruct(ctypes.Structure):
    """jtbd_segment_candidate."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("k", ctypes.c_uint32),
        ("iterations", ctypes.c_uint32),
        ("silhouette", ctypes.c_double),
        ("inertia", ctypes.c_double),
    ]


class SegmentProfileStruct(ctypes.Structure):
    """jtbd_segment_profile."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("cluster", ctypes.c_uint32),
        ("respondent_count", ctypes.c_uint64),
        ("share", ctypes.c_double),
        ("silhouette", ctypes.c_double),
        ("overrepresented_attribute_count", ctypes.c_size_t),
    ]


class AttributeOverrepresentationStruct(ctypes.Structure):
    """jtbd_attribute_overrepresentation (text read like
    OutcomeScoreStruct's)."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("attribute", ctypes.c_void_p),
        ("attribute_len", ctypes.c_size_t),
        ("value", ctypes.c_void_p),
        ("value_len", ctypes.c_size_t),
        ("segment_count", ctypes.c_uint64),
        ("segment_total", ctypes.c_uint64),
        ("rest_count", ctypes.c_uint64),
        ("rest_total", ctypes.c_uint64),
        ("segment_share", ctypes.c_double),
        ("rest_share", ctypes.c_double),
        ("has_lift", ctypes.c_uint32),
        ("lift", ctypes.c_double),
        ("test", SignificanceTestStruct),
    ]


class SegmentAssignmentStruct(ctypes.Structure):
    """jtbd_segment_assignment."""

    _fields_ = [
        ("struct_size", ctypes.c_size_t),
        ("cluster", ctypes.c_uint32),
        ("observed_count", ctypes.c_size_t),
        ("distance", ctypes.c_double),
    ]


c_segmentation_info_p = ctypes.POINTER(SegmentationInfoStruct)
c_segment_candidate_p = ctypes.POINTER(SegmentCandidateStruct)
c_segment_profile_p = ctypes.POINTER(SegmentProfileStruct)
c_attribute_overrepresentation_p = ctypes.POINTER(
    AttributeOverrepresentationStruct)
c_segment_assignment_p = ctypes.POINTER(SegmentAssignmentStruct)
c_char_p_p = ctypes.POINTER(ctypes.c_char_p)


class _ErrorReturn:
    """Marks a function returning jtbd_error*: registered with restype
    c_void_p and the errcheck that turns a non-NULL error into jtbd.Error."""

    def __repr__(self):
        return "ERROR"


ERROR = _ErrorReturn()

_v = ctypes.c_void_p
_size = ctypes.c_size_t
_i32 = ctypes.c_int32
_u32 = ctypes.c_uint32
_u64 = ctypes.c_uint64
_f64 = ctypes.c_double
_text = ctypes.c_char_p  # only ever an argument: text the caller passes in

# (name, argtypes, restype) for every function in include/jtbd/jtbd.h, in the
# header's order. tests/test_table.py checks it against the header both ways.
FUNCTIONS = [
    # version
    ("jtbd_version_number", [], _u32),
    ("jtbd_version_string", [], _v),
    # errors
    ("jtbd_error_code", [_v], _i32),
    ("jtbd_error_message", [_v, c_size_t_p], _v),
    ("jtbd_error_free", [_v], None),
    ("jtbd_code_name", [_i32], _v),
    # buffers
    ("jtbd_buffer_data", [_v], _v),
    ("jtbd_buffer_size", [_v], _size),
    ("jtbd_buffer_free", [_v], None),
    # bands
    ("jtbd_band_name", [_i32], _v),
    # limits
    ("jtbd_limits_create", [c_void_p_p], ERROR),
    ("jtbd_limits_destroy", [_v], None),
    ("jtbd_limits_set", [_v, _i32, _u64], ERROR),
    ("jtbd_limits_get", [_v, _i32, c_uint64_p], ERROR),
    # read options
    ("jtbd_read_options_create", [c_void_p_p], ERROR),
    ("jtbd_read_options_destroy", [_v], None),
    ("jtbd_read_options_set_scale", [_v, _i32, _i32, _i32], ERROR),
    ("jtbd_read_options_set_input_format", [_v, _i32], ERROR),
    ("jtbd_read_options_add_importance_question", [_v, _text, _size], ERROR),
    ("jtbd_read_options_add_satisfaction_question", [_v, _text, _size],
     ERROR),
    ("jtbd_read_options_clear_questions", [_v], ERROR),
    ("jtbd_read_options_set_labels", [_v, _text, _size, _text, _size], ERROR),
    ("jtbd_read_options_set_labels_file", [_v, _text, _size], ERROR),
    ("jtbd_read_options_set_survey_map", [_v, _text, _size, _text, _size],
     ERROR),
    ("jtbd_read_options_set_survey_map_file", [_v, _text, _size], ERROR),
    ("jtbd_read_options_set_weight_column", [_v, _text, _size], ERROR),
    ("jtbd_read_options_set_duration_column", [_v, _text, _size], ERROR),
    ("jtbd_read_options_set_limits", [_v, _v], ERROR),
    # score options
    ("jtbd_score_options_create", [c_void_p_p], ERROR),
    ("jtbd_score_options_destroy", [_v], None),
    ("jtbd_score_options_set_segment_by", [_v, _text, _size], ERROR),
    ("jtbd_score_options_set_confidence_level", [_v, _f64], ERROR),
    ("jtbd_score_options_set_bootstrap_resamples", [_v, _u32], ERROR),
    ("jtbd_score_options_set_seed", [_v, _u64], ERROR),
    ("jtbd_score_options_set_method", [_v, _i32], ERROR),
    ("jtbd_score_options_set_screening", [_v, _u32, _u32], ERROR),
    ("jtbd_score_options_set_screening_min_ratings", [_v, _u32], ERROR),
    ("jtbd_score_options_set_screening_speed_fraction", [_v, _f64], ERROR),
    ("jtbd_score_options_set_screening_min_seconds", [_v, _f64], ERROR),
    ("jtbd_score_options_set_screening_max_blank_share", [_v, _f64], ERROR),
    # study
    ("jtbd_study_create", [c_void_p_p], ERROR),
    ("jtbd_study_destroy", [_v], None),
    ("jtbd_study_set_scale", [_v, _i32, _i32, _i32], ERROR),
    ("jtbd_study_add_outcome", [_v, _text, _size, _text, _size, c_size_t_p],
     ERROR),
    ("jtbd_study_add_respondent", [_v, _text, _size, c_size_t_p], ERROR),
    ("jtbd_study_add_respondents", [_v, _size, c_size_t_p], ERROR),
    ("jtbd_study_set_duration", [_v, _size, _f64], ERROR),
    ("jtbd_study_set_attribute", [_v, _size, _text, _size, _text, _size],
     ERROR),
    ("jtbd_study_set_weight", [_v, _size, _f64], ERROR),
    ("jtbd_study_add_answers",
     [_v, _size, c_uint32_p, c_uint32_p, c_uint8_p, c_uint8_p], ERROR),
    ("jtbd_study_add_solution", [_v, _text, _size, c_size_t_p], ERROR),
    ("jtbd_study_add_solution_answers",
     [_v, _size, c_uint32_p, c_uint32_p, c_uint32_p, c_uint8_p], ERROR),
    ("jtbd_study_solution_count", [_v], _size),
    ("jtbd_study_outcome_count", [_v], _size),
    ("jtbd_study_respondent_count", [_v], _u64),
    ("jtbd_study_score", [_v, _v, c_void_p_p], ERROR),
    ("jtbd_study_create_aggregate", [_v, c_void_p_p], ERROR),
    ("jtbd_study_serialize", [_v, c_void_p_p], ERROR),
    ("jtbd_study_parse", [_v, _size, c_void_p_p], ERROR),
    ("jtbd_study_save_file", [_v, _text, _size], ERROR),
    ("jtbd_study_load_file", [_text, _size, c_void_p_p], ERROR),
    ("jtbd_study_read_csv_file", [_v, _text, _size, c_void_p_p], ERROR),
    ("jtbd_study_read_csv", [_v, _text, _size, _text, _size, c_void_p_p],
     ERROR),
    ("jtbd_study_describe_outcomes_csv_file", [_v, _text, _size], ERROR),
    ("jtbd_study_describe_outcomes_csv", [_v, _text, _size, _text, _size],
     ERROR),
    # report
    ("jtbd_report_destroy", [_v], None),
    ("jtbd_report_respondent_count", [_v], _u64),
    ("jtbd_report_outcome_count", [_v], _size),
    ("jtbd_report_outcome", [_v, _size, c_outcome_score_p], ERROR),
    ("jtbd_report_segment_count", [_v], _size),
    ("jtbd_report_segment_name", [_v, _size, c_void_p_p, c_size_t_p], ERROR),
    ("jtbd_report_segment_respondent_count", [_v, _size, c_uint64_p],
     ERROR),
    ("jtbd_report_segment_outcome", [_v, _size, _size, c_outcome_score_p],
     ERROR),
    ("jtbd_report_segment_comparison",
     [_v, _size, _size, c_segment_comparison_p], ERROR),
    ("jtbd_report_segment_rest_respondent_count", [_v, _size, c_uint64_p],
     ERROR),
    ("jtbd_report_segment_effective_respondent_count",
     [_v, _size, c_double_p], ERROR),
    ("jtbd_report_segment_more_underserved_count", [_v, _size, c_size_t_p],
     ERROR),
    ("jtbd_report_segment_more_underserved_id",
     [_v, _size, _size, c_void_p_p, c_size_t_p], ERROR),
    ("jtbd_report_solution_count", [_v], _size),
    ("jtbd_report_solution_name", [_v, _size, c_void_p_p, c_size_t_p], ERROR),
    ("jtbd_report_outcome_solution", [_v, _size, _size, c_solution_score_p],
     ERROR),
    ("jtbd_report_segment_outcome_solution",
     [_v, _size, _size, _size, c_solution_score_p], ERROR),
    ("jtbd_report_outcome_best_solution", [_v, _size, c_best_solution_p],
     ERROR),
    ("jtbd_report_segment_outcome_best_solution",
     [_v, _size, _size, c_best_solution_p], ERROR),
    ("jtbd_report_get_info", [_v, c_report_info_p], ERROR),
    ("jtbd_report_get_screening", [_v, c_screening_info_p], ERROR),
    ("jtbd_report_screened_count", [_v], _u64),
    ("jtbd_report_screened_respondent",
     [_v, _size, c_screened_respondent_p], ERROR),
    ("jtbd_report_render", [_v, _i32, c_void_p_p], ERROR),
    # aggregate
    ("jtbd_aggregate_create", [c_void_p_p], ERROR),
    ("jtbd_aggregate_destroy", [_v], None),
    ("jtbd_aggregate_set_scale", [_v, _i32, _i32, _i32], ERROR),
    ("jtbd_aggregate_add_outcome", [_v, _text, _size, _text, _size], ERROR),
    ("jtbd_aggregate_outcome_count", [_v], _size),
    ("jtbd_aggregate_respondent_count", [_v], _u64),
    ("jtbd_aggregate_add_respondents", [_v, _size, c_uint8_p, c_uint8_p],
     ERROR),
    ("jtbd_aggregate_add_weighted_respondents",
     [_v, _size, c_uint8_p, c_uint8_p, c_double_p], ERROR),
    ("jtbd_aggregate_merge", [_v, _v], ERROR),
    ("jtbd_aggregate_cell", [_v, _size, _i32, _i32, c_uint64_p], ERROR),
    ("jtbd_aggregate_serialize", [_v, c_void_p_p], ERROR),
    ("jtbd_aggregate_parse", [_v, _size, c_void_p_p], ERROR),
    ("jtbd_aggregate_save_file", [_v, _text, _size], ERROR),
    ("jtbd_aggregate_load_file", [_text, _size, c_void_p_p], ERROR),
    ("jtbd_aggregate_read_csv_file", [_v, _text, _size, c_void_p_p], ERROR),
    ("jtbd_aggregate_read_csv", [_v, _text, _size, _text, _size, c_void_p_p],
     ERROR),
    ("jtbd_aggregate_score", [_v, _v, c_void_p_p], ERROR),
    # bytes in, bytes out
    ("jtbd_score_request", [_v, _size, c_void_p_p], ERROR),
    ("jtbd_score_request_json", [_text, _size, c_void_p_p], ERROR),
    ("jtbd_score_request_with_limits", [_v, _v, _size, c_void_p_p], ERROR),
    ("jtbd_score_request_json_with_limits", [_v, _text, _size, c_void_p_p],
     ERROR),
    # segmentation
    ("jtbd_segment_options_create", [c_void_p_p], ERROR),
    ("jtbd_segment_options_destroy", [_v], None),
    ("jtbd_segment_options_set_feature", [_v, _i32], ERROR),
    ("jtbd_segment_options_set_principal_components", [_v, _u32], ERROR),
    ("jtbd_segment_options_set_k", [_v, _u32], ERROR),
    ("jtbd_segment_options_set_k_range", [_v, _u32, _u32], ERROR),
    ("jtbd_segment_options_set_starts", [_v, _u32], ERROR),
    ("jtbd_segment_options_set_seed", [_v, _u64], ERROR),
    ("jtbd_segment_options_set_threads", [_v, _u32], ERROR),
    ("jtbd_segment_options_set_silhouette_sample_size", [_v, _u32], ERROR),
    ("jtbd_segment_options_set_score_options", [_v, _v], ERROR),
    ("jtbd_study_segment", [_v, _v, c_void_p_p], ERROR),
    ("jtbd_segmentation_destroy", [_v], None),
    ("jtbd_segmentation_get_info", [_v, c_segmentation_info_p], ERROR),
    ("jtbd_segmentation_candidate", [_v, _size, c_segment_candidate_p],
     ERROR),
    ("jtbd_segmentation_outcome_id", [_v, _size, c_void_p_p, c_size_t_p],
     ERROR),
    ("jtbd_segmentation_dropped_outcome_id",
     [_v, _size, c_void_p_p, c_size_t_p], ERROR),
    ("jtbd_segmentation_respondent_cluster", [_v, _size, c_uint32_p], ERROR),
    ("jtbd_segmentation_respondent_clusters", [_v, c_uint32_p, _size],
     ERROR),
    ("jtbd_segmentation_segment_profile", [_v, _u32, c_segment_profile_p],
     ERROR),
    ("jtbd_segmentation_create_segment_report", [_v, _u32, c_void_p_p],
     ERROR),
    ("jtbd_segmentation_segment_attribute",
     [_v, _u32, _size, c_attribute_overrepresentation_p], ERROR),
    ("jtbd_segmentation_render", [_v, _i32, c_void_p_p], ERROR),
    ("jtbd_segmentation_create_model", [_v, c_void_p_p], ERROR),
    # segment model
    ("jtbd_segment_model_parse", [_v, _size, c_void_p_p], ERROR),
    ("jtbd_segment_model_serialize", [_v, c_void_p_p], ERROR),
    ("jtbd_segment_model_save_file", [_v, _text, _size], ERROR),
    ("jtbd_segment_model_load_file", [_text, _size, c_void_p_p], ERROR),
    ("jtbd_segment_model_destroy", [_v], None),
    ("jtbd_segment_model_k", [_v], _u32),
    ("jtbd_segment_model_outcome_count", [_v], _size),
    ("jtbd_segment_model_outcome_id", [_v, _size, c_void_p_p, c_size_t_p],
     ERROR),
    ("jtbd_segment_model_assign",
     [_v, _size, c_char_p_p, c_size_t_p, c_uint8_p, c_uint8_p,
      c_segment_assignment_p], ERROR),
    ("jtbd_segment_model_assign_study", [_v, _v, c_uint32_p, _size], ERROR),
]

_lock = threading.Lock()
_library = None
_library_path = None
_chosen_path = None  # set_library_path()


def _error_check(library):
    """The errcheck of every jtbd_error* function of `library`: NULL is
    success; otherwise read code and message, free the error, raise
    jtbd.Error (the subclass for its code)."""

    def check(result, function, arguments):
        del arguments  # unused; the signature is ctypes'
        if not result:
            return None
        try:
            code = library.jtbd_error_code(result)
            length = ctypes.c_size_t(0)
            text = library.jtbd_error_message(result, ctypes.byref(length))
            message = ctypes.string_at(text, length.value) if text else b""
        finally:
            library.jtbd_error_free(result)
        raise Error(code, message.decode("utf-8", "replace"),
                    function.__name__)

    return check


def _register(library, path):
    """Binds every FUNCTIONS entry on `library` or raises
    IncompatibleLibraryError naming what is missing."""
    missing = [name for name, _, _ in FUNCTIONS if not hasattr(library, name)]
    if missing:
        raise IncompatibleLibraryError(
            "%s is not a compatible libjtbd: it lacks %s (this binding needs "
            "jtbd %d.x; set %s to a matching libjtbd.so)" %
            (path, ", ".join(missing), _constants.VERSION_MAJOR,
             ENV_VARIABLE))
    check = _error_check(library)
    for name, argtypes, restype in FUNCTIONS:
        function = getattr(library, name)
        function.argtypes = argtypes
        if restype is ERROR:
            function.restype = ctypes.c_void_p
            function.errcheck = check
        else:
            function.restype = restype
    number = library.jtbd_version_number()
    if number // 10000 != _constants.VERSION_MAJOR:
        raise IncompatibleLibraryError(
            "%s is libjtbd %d.%d.%d; this binding needs major version %d "
            "(set %s to a matching libjtbd.so)" %
            (path, number // 10000, number // 100 % 100, number % 100,
             _constants.VERSION_MAJOR, ENV_VARIABLE))


def candidates():
    """Where the library is looked for, in order, as (description, path)."""
    override = _chosen_path
    if override is not None:
        return [("set_library_path()", override)]
    from_env = os.environ.get(ENV_VARIABLE)
    if from_env:
        return [("$" + ENV_VARIABLE, from_env)]
    found = []
    # libjtbd.so first, then the SONAME, then any other libjtbd.so.* file.
    beside = sorted(glob.glob(os.path.join(PACKAGE_DIR, "libjtbd.so*")),
                    key=lambda p: (len(os.path.basename(p)), p))
    found.extend(("next to the package", path) for path in beside)
    if not beside:
        found.append(("next to the package",
                      os.path.join(PACKAGE_DIR, "libjtbd.so*")))
    for name in SYSTEM_NAMES:
        system_path = ctypes.util.find_library(name)
        if system_path:
            found.append(('ctypes.util.find_library("%s")' % name,
                          system_path))
        else:
            found.append(('ctypes.util.find_library("%s")' % name, None))
    found.append(("the dynamic loader", SONAME))
    return found


def load_library():
    """Loads and binds the first candidate that loads. Does not cache:
    library() does. Raises LibraryNotFoundError or IncompatibleLibraryError.
    """
    tried = []
    for description, path in candidates():
        if path is None:
            tried.append("%s: nothing found" % description)
            continue
        if "*" in path:
            tried.append("%s: no %s" % (description, path))
            continue
        try:
            library = ctypes.CDLL(path)
        except OSError as error:
            tried.append("%s: %s (%s)" % (description, path, error))
            continue
        _register(library, path)
        return library, path
    raise LibraryNotFoundError(
        "cannot load libjtbd. Set %s to the path of libjtbd.so (for example "
        "build/libjtbd.so), or place libjtbd.so next to the jtbd package, or "
        "install it where the dynamic loader finds it. Tried:\n  %s" %
        (ENV_VARIABLE, "\n  ".join(tried)))


def library():
    """The loaded, bound library; loads it on the first call."""
    global _library, _library_path
    if _library is not None:
        return _library
    with _lock:
        if _library is None:
            loaded, path = load_library()
            _library_path = path
            _library = loaded
    return _library


def is_loaded():
    return _library is not None


def library_path():
    """The path the library was loaded from (loading it if needed)."""
    library()
    return _library_path


def set_library_path(path):
    """Chooses the libjtbd file to load, overriding $JTBD_LIBRARY. Must come
    before the first call that uses the library."""
    global _chosen_path
    with _lock:
        if _library is not None:
            raise RuntimeError(
                "libjtbd is already loaded from %s; set_library_path() must "
                "come before the first use" % _library_path)
        _chosen_path = os.fspath(path)


def string_at(pointer, length=None):
    """Copies library-owned text (never freed by us) into a str."""
    if not pointer:
        return ""
    raw = (ctypes.string_at(pointer) if length is None
           else ctypes.string_at(pointer, length))
    return raw.decode("utf-8")


def take_buffer(buffer):
    """Copies a jtbd_buffer's bytes and frees the buffer."""
    lib = library()
    try:
        size = lib.jtbd_buffer_size(buffer)
        data = lib.jtbd_buffer_data(buffer)
        return ctypes.string_at(data, size) if size and data else b""
    finally:
        lib.jtbd_buffer_free(buffer)
