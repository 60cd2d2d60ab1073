"""The binding's declarative table and constants against include/jtbd/jtbd.h.

These tests parse the header itself, so a function, parameter, struct field
or enum value added to (or changed in) jtbd.h without the binding fails here.
They need no library, except the last ones, which compare the library's
names of codes and bands with the Python enums.
"""

import ctypes
import re

import pytest

import jtbd
from jtbd import _native

# `JTBD_EXPORT <type> <name>(<parameters>);`, across lines.
FUNCTION_RE = re.compile(
    r"JTBD_EXPORT\s+(?P<type>[\w\s\*]+?)\s*(?P<name>jtbd_\w+)\s*\("
    r"(?P<params>[^)]*)\)\s*;")
ENUM_RE = re.compile(r"typedef\s+enum\s+(\w+)\s*\{(?P<body>[^}]*)\}")
ENUM_ITEM_RE = re.compile(r"\b(JTBD_\w+)\s*=\s*(\d+)")
STRUCT_RE = re.compile(r"typedef\s+struct\s+(?P<name>jtbd_\w+)\s*\{"
                       r"(?P<body>[^}]*)\}")


def strip_comments(text):
    return re.sub(r"/\*.*?\*/", " ", text, flags=re.S)


def header_functions(header_text):
    """{name: (return type, [parameter types])} with whitespace normalized
    and parameter names dropped."""
    functions = {}
    for match in FUNCTION_RE.finditer(strip_comments(header_text)):
        params = " ".join(match.group("params").split())
        types = []
        if params != "void":
            for param in params.split(","):
                param = param.strip()
                # The last identifier is the parameter's name.
                types.append(
                    re.sub(r"\s*\b\w+$", "", param).replace(" *", "*"))
        return_type = " ".join(match.group("type").split()).replace(" *", "*")
        functions[match.group("name")] = (return_type, types)
    return functions


def c_type_to_ctypes(c_type, is_return):
    """The ctypes type the binding must use for a C type of jtbd.h."""
    if c_type == "jtbd_error*" and is_return:
        return _native.ERROR
    scalars = {
        "void": None,
        "size_t": ctypes.c_size_t,
        "int32_t": ctypes.c_int32,
        "uint32_t": ctypes.c_uint32,
        "uint64_t": ctypes.c_uint64,
        "double": ctypes.c_double,
    }
    if c_type in scalars:
        return scalars[c_type]
    if is_return:
        assert c_type.endswith("*"), c_type
        return ctypes.c_void_p  # never c_char_p: see style.md section 6
    pointers = {
        "const char*": ctypes.c_char_p,  # text in, pointer + length
        "const char**": ctypes.POINTER(ctypes.c_void_p),
        "const void*": ctypes.c_void_p,
        "size_t*": ctypes.POINTER(ctypes.c_size_t),
        "uint64_t*": ctypes.POINTER(ctypes.c_uint64),
        "const uint32_t*": ctypes.POINTER(ctypes.c_uint32),
        "const uint8_t*": ctypes.POINTER(ctypes.c_uint8),
        "double*": ctypes.POINTER(ctypes.c_double),
        "const double*": ctypes.POINTER(ctypes.c_double),
        "jtbd_outcome_score*": ctypes.POINTER(_native.OutcomeScoreStruct),
        "jtbd_segment_comparison*": ctypes.POINTER(
            _native.SegmentComparisonStruct),
        "jtbd_report_info*": ctypes.POINTER(_native.ReportInfoStruct),
        "jtbd_screening_info*": ctypes.POINTER(_native.ScreeningInfoStruct),
        "jtbd_screened_respondent*": ctypes.POINTER(
            _native.ScreenedRespondentStruct),
        "jtbd_solution_score*": ctypes.POINTER(_native.SolutionScoreStruct),
        "jtbd_best_solution*": ctypes.POINTER(_native.BestSolutionStruct),
        "const char* const*": ctypes.POINTER(ctypes.c_char_p),
        "const size_t*": ctypes.POINTER(ctypes.c_size_t),
        "uint32_t*": ctypes.POINTER(ctypes.c_uint32),
        "jtbd_segmentation_info*": ctypes.POINTER(
            _native.SegmentationInfoStruct),
        "jtbd_segment_candidate*": ctypes.POINTER(
            _native.SegmentCandidateStruct),
        "jtbd_segment_profile*": ctypes.POINTER(_native.SegmentProfileStruct),
        "jtbd_attribute_overrepresentation*": ctypes.POINTER(
            _native.AttributeOverrepresentationStruct),
        "jtbd_segment_assignment*": ctypes.POINTER(
            _native.SegmentAssignmentStruct),
    }
    if c_type in pointers:
        return pointers[c_type]
    if re.fullmatch(r"(const )?jtbd_\w+\*", c_type):
        return ctypes.c_void_p  # an opaque handle
    if re.fullmatch(r"jtbd_\w+\*\*", c_type):
        return ctypes.POINTER(ctypes.c_void_p)  # a handle out-parameter
    raise AssertionError("no ctypes mapping for C type %r" % c_type)


def test_header_parses_into_many_functions(header_text):
    functions = header_functions(header_text)
    # A regex gone wrong would make every comparison below vacuous.
    assert len(functions) >= 50
    code = strip_comments(header_text)
    assert code.count("JTBD_EXPORT ") - code.count(
        "define JTBD_EXPORT") == len(functions)
    assert functions["jtbd_study_add_answers"] == ("jtbd_error*", [
        "jtbd_study*", "size_t", "const uint32_t*", "const uint32_t*",
        "const uint8_t*", "const uint8_t*"
    ])
    assert functions["jtbd_version_number"] == ("uint32_t", [])


def test_every_header_function_is_in_the_table_and_vice_versa(header_text):
    in_header = set(header_functions(header_text))
    names = [name for name, _, _ in _native.FUNCTIONS]
    assert len(names) == len(set(names)), "duplicate table entries"
    assert sorted(in_header - set(names)) == [], "missing from the table"
    assert sorted(set(names) - in_header) == [], "not in jtbd.h"


def test_table_types_match_the_header(header_text):
    functions = header_functions(header_text)
    for name, argtypes, restype in _native.FUNCTIONS:
        return_type, param_types = functions[name]
        assert restype is c_type_to_ctypes(return_type, True) or (
            restype == c_type_to_ctypes(return_type, True)), name
        expected = [c_type_to_ctypes(t, False) for t in param_types]
        assert list(argtypes) == expected, name


def test_no_function_returns_c_char_p():
    for name, _, restype in _native.FUNCTIONS:
        assert restype is not ctypes.c_char_p, name


def header_structs(header_text):
    """{struct name: [(field, C type)]} of every typedef struct of jtbd.h
    with a body."""
    structs = {}
    for match in STRUCT_RE.finditer(strip_comments(header_text)):
        fields = []
        for declaration in match.group("body").split(";"):
            declaration = " ".join(declaration.split())
            if declaration:
                c_type, field = declaration.rsplit(" ", 1)
                if field.startswith("*"):
                    c_type, field = c_type + "*", field[1:]
                fields.append((field, c_type.replace(" *", "*")))
        structs[match.group("name")] = fields
    return structs


FIELD_TYPES = {
    "size_t": ctypes.c_size_t,
    "const char*": ctypes.c_void_p,  # read with string_at + length
    "double": ctypes.c_double,
    "int32_t": ctypes.c_int32,
    "uint32_t": ctypes.c_uint32,
    "uint64_t": ctypes.c_uint64,
    "jtbd_interval": _native.IntervalStruct,
    "jtbd_significance_test": _native.SignificanceTestStruct,
}


@pytest.mark.parametrize("struct_name, struct_type, field_count", [
    ("jtbd_outcome_score", _native.OutcomeScoreStruct, 25),
    ("jtbd_interval", _native.IntervalStruct, 2),
    ("jtbd_significance_test", _native.SignificanceTestStruct, 3),
    ("jtbd_segment_comparison", _native.SegmentComparisonStruct, 14),
    ("jtbd_report_info", _native.ReportInfoStruct, 16),
    ("jtbd_screening_info", _native.ScreeningInfoStruct, 16),
    ("jtbd_screened_respondent", _native.ScreenedRespondentStruct, 8),
    ("jtbd_solution_score", _native.SolutionScoreStruct, 13),
    ("jtbd_best_solution", _native.BestSolutionStruct, 7),
    ("jtbd_segmentation_info", _native.SegmentationInfoStruct, 14),
    ("jtbd_segment_candidate", _native.SegmentCandidateStruct, 5),
    ("jtbd_segment_profile", _native.SegmentProfileStruct, 6),
    ("jtbd_attribute_overrepresentation",
     _native.AttributeOverrepresentationStruct, 14),
    ("jtbd_segment_assignment", _native.SegmentAssignmentStruct, 4),
])
def test_struct_matches_the_header(header_text, struct_name, struct_type,
                                   field_count):
    fields = header_structs(header_text)[struct_name]
    assert len(fields) == field_count
    assert [(n, FIELD_TYPES[t]) for n, t in fields] == list(
        struct_type._fields_)


def test_every_header_struct_has_a_ctypes_struct(header_text):
    assert sorted(header_structs(header_text)) == [
        "jtbd_attribute_overrepresentation", "jtbd_best_solution",
        "jtbd_interval", "jtbd_outcome_score", "jtbd_report_info",
        "jtbd_screened_respondent", "jtbd_screening_info",
        "jtbd_segment_assignment", "jtbd_segment_candidate",
        "jtbd_segment_comparison", "jtbd_segment_profile",
        "jtbd_segmentation_info", "jtbd_significance_test",
        "jtbd_solution_score"]


def test_outcome_score_is_the_1_0_struct():
    # Fields are only ever appended after 1.0 (jtbd.h convention 14): the
    # 1.0 struct starts with these, the respondent counts 64-bit.
    names = [name for name, _ in _native.OutcomeScoreStruct._fields_]
    assert names[:17] == [
        "struct_size", "outcome_id", "outcome_id_len", "statement",
        "statement_len", "importance", "satisfaction", "opportunity", "band",
        "rank", "has", "importance_count", "importance_top_box_count",
        "satisfaction_count", "satisfaction_top_box_count", "both_count",
        "both_top_box_count"]
    assert _native.OutcomeScoreStruct.importance_count.size == 8


def header_enum(header_text, enum_name):
    for match in ENUM_RE.finditer(strip_comments(header_text)):
        if match.group(1) == enum_name:
            return {
                name: int(value)
                for name, value in ENUM_ITEM_RE.findall(match.group("body"))
            }
    raise AssertionError("enum %s not in jtbd.h" % enum_name)


@pytest.mark.parametrize("enum_name, prefix, python_enum", [
    ("jtbd_code", "JTBD_", jtbd.Code),
    ("jtbd_band", "JTBD_BAND_", jtbd.Band),
    ("jtbd_format", "JTBD_FORMAT_", jtbd.Format),
    ("jtbd_input_format", "JTBD_INPUT_FORMAT_", jtbd.InputFormat),
    ("jtbd_score_method", "JTBD_SCORE_METHOD_", jtbd.ScoreMethod),
    ("jtbd_score_has", "JTBD_SCORE_HAS_", jtbd.ScoreHas),
    ("jtbd_comparison_has", "JTBD_COMPARISON_HAS_", jtbd.ComparisonHas),
    ("jtbd_segment_feature", "JTBD_SEGMENT_FEATURE_", jtbd.SegmentFeature),
])
def test_enum_values_equal_the_python_constants(header_text, enum_name,
                                                prefix, python_enum):
    in_header = header_enum(header_text, enum_name)
    assert len(in_header) >= 3
    in_python = {prefix + member.name: int(member) for member in python_enum}
    assert in_python == in_header


def test_version_macros_equal_the_python_constants(header_text):
    for part in ("MAJOR", "MINOR", "PATCH"):
        match = re.search(r"#define JTBD_VERSION_%s (\d+)" % part,
                          header_text)
        assert int(match.group(1)) == getattr(jtbd, "VERSION_" + part)
    assert jtbd.VERSION_NUMBER == 10000


def test_library_code_names_equal_the_python_enum():
    lib = _native.library()
    for code in jtbd.Code:
        name = _native.string_at(lib.jtbd_code_name(int(code)))
        assert name == code.name
    assert _native.string_at(lib.jtbd_code_name(99)) == "UNKNOWN_CODE"


def test_library_band_names_equal_the_python_enum():
    lib = _native.library()
    for band in jtbd.Band:
        name = _native.string_at(lib.jtbd_band_name(int(band)))
        assert name == band.name.lower()
    assert _native.string_at(lib.jtbd_band_name(99)) == "unspecified"


def test_every_table_function_is_bound_with_its_types():
    lib = _native.library()
    for name, argtypes, restype in _native.FUNCTIONS:
        function = getattr(lib, name)
        assert function.argtypes == tuple(argtypes) or list(
            function.argtypes) == list(argtypes), name
        if restype is _native.ERROR:
            assert function.restype is ctypes.c_void_p, name
            assert function.errcheck is not None, name
        else:
            assert function.restype is restype, name
