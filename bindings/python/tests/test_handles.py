"""Typed handles: every opaque jtbd.h type has its own pointer class, so the
wrong object is a TypeError before C is called, never undefined behaviour;
a closed object is a ClosedError; NULL is None where the header allows it.
"""

import ctypes

import pytest

import jtbd
from jtbd import _ffi, _native


@pytest.fixture
def study():
    with jtbd.Study() as study:
        study.add_outcome("o1")
        study.add_respondents(3)
        study.add_answers([0, 1, 2], [0, 0, 0], [5, 4, 2], [2, 1, 4])
        yield study


@pytest.fixture
def report(study):
    with study.score(bootstrap=0) as report:
        yield report


def test_a_report_where_a_study_is_expected_is_a_type_error(study, report):
    lib = _native.library()
    with pytest.raises(TypeError) as caught:
        lib.jtbd_study_outcome_count(report)
    assert str(caught.value) == (
        "jtbd_study_outcome_count() argument 1 (study): expected a "
        "jtbd_study*, not a jtbd.Report (a jtbd_report*)")
    # Through the Python API, where objects meet: a model tagging a report,
    # an aggregate merging a study.
    with study.segment(k=2, bootstrap=0) as segmentation:
        with segmentation.model() as model:
            with pytest.raises(TypeError, match="argument 2 \\(study\\): "
                               "expected a jtbd_study\\*, not a "
                               "jtbd.Report"):
                model.assign_study(report)
            assert len(model.assign_study(study)) == 3
    with study.aggregate() as aggregate:
        with pytest.raises(TypeError, match="expected a jtbd_aggregate\\*, "
                           "not a jtbd.Study"):
            aggregate.merge(study)


def test_raw_pointers_are_typed_too(study, report):
    lib = _native.library()
    raw = report._as_parameter_
    assert isinstance(raw, _ffi.jtbd_report_p)
    assert lib.jtbd_report_outcome_count(raw) == 1
    with pytest.raises(TypeError, match="expected a jtbd_study\\*, not a "
                       "jtbd_report\\*"):
        lib.jtbd_study_outcome_count(raw)
    # An untyped address is refused, not trusted.
    for untyped in (ctypes.c_void_p(raw.value), raw.value):
        with pytest.raises(TypeError, match="expected a jtbd_report\\*"):
            lib.jtbd_report_outcome_count(untyped)
    # Out-parameters are typed as well: a jtbd_report** is no jtbd_study**.
    wrong = _ffi.jtbd_report_p()
    with pytest.raises(TypeError, match="argument 2 \\(out\\)"):
        lib.jtbd_study_create_aggregate(study, ctypes.byref(wrong))
    assert not wrong


def test_other_arguments_keep_their_type_checks(study):
    lib = _native.library()
    with pytest.raises(TypeError,
                       match="jtbd_study_set_weight\\(\\) argument 3 "
                       "\\(weight\\)"):
        lib.jtbd_study_set_weight(study, 0, "heavy")


def test_none_is_null_where_the_header_takes_null(study):
    lib = _native.library()
    # NULL options: the library's defaults.
    pointer = _native.create(lib.jtbd_study_score, study, None)
    assert isinstance(pointer, _ffi.jtbd_report_p) and pointer
    lib.jtbd_report_destroy(pointer)
    lib.jtbd_report_destroy(None)  # destroy accepts NULL
    # Count getters answer 0 for NULL (jtbd.h).
    assert lib.jtbd_study_outcome_count(None) == 0


def test_a_closed_object_is_a_closed_error_not_a_type_error(study):
    lib = _native.library()
    report = study.score(bootstrap=0)
    report.close()
    with pytest.raises(jtbd.ClosedError, match="closed jtbd.Report"):
        lib.jtbd_report_outcome_count(report)
    with pytest.raises(jtbd.ClosedError):
        report.to_json()
    study.close()
    with pytest.raises(jtbd.ClosedError, match="closed jtbd.Study"):
        study.score()


def test_the_pointer_classes_refuse_each_other():
    handles = [value for value in vars(_ffi).values()
               if isinstance(value, type) and
               issubclass(value, _ffi.Pointer) and value is not _ffi.Pointer]
    assert len(handles) >= 10
    for accepting in handles:
        for given in handles:
            pointer = given(1)
            if given is accepting:
                assert accepting.from_param(pointer) is pointer
            else:
                with pytest.raises(TypeError):
                    accepting.from_param(pointer)
