"""None means "the library's default": the binding sets only the options a
caller gave and passes NULL when there are none, so no default of jtbd.h is
restated in Python. The setters are watched through the bound library,
whose functions are plain attributes."""

import pytest

import jtbd
from jtbd import _native


@pytest.fixture
def calls(monkeypatch):
    """Records every call of a jtbd_*_set_* / *_add_*_question function and
    the options argument of the scoring, reading and segmenting calls."""
    lib = _native.library()
    made = []

    def watch(name, record_arguments):
        function = getattr(lib, name)

        def watched(*arguments):
            made.append((name, record_arguments(arguments)))
            return function(*arguments)

        watched.c_function = function.c_function
        monkeypatch.setattr(lib, name, watched)

    for name in dir(lib):
        if name.startswith(("jtbd_score_options_set", "jtbd_read_options_set",
                            "jtbd_segment_options_set", "jtbd_limits_set",
                            "jtbd_study_set_scale",
                            "jtbd_aggregate_set_scale")):
            watch(name, lambda arguments: arguments[1:])
    for name in ("jtbd_study_score", "jtbd_aggregate_score",
                 "jtbd_study_segment"):
        watch(name, lambda arguments: arguments[1] is None)
    for name in ("jtbd_study_read_csv", "jtbd_aggregate_read_csv",
                 "jtbd_score_request_json_with_limits"):
        watch(name, lambda arguments: arguments[0] is None)
    return made


def small_study():
    study = jtbd.Study()
    study.add_outcome("o1")
    study.add_respondents(4)
    study.add_answers([0, 1, 2, 3], [0] * 4, [5, 4, 2, 3], [1, 4, 5, 3])
    study.set_attribute(0, "segment", "x")
    study.set_attribute(1, "segment", "x")
    study.set_attribute(2, "segment", "y")
    study.set_attribute(3, "segment", "y")
    return study


def test_nothing_given_sends_null_options(calls):
    with small_study() as study:
        report = study.score()
        assert calls == [("jtbd_study_score", True)]
        # What the library chose by itself.
        assert report.confidence_level == 0.95
        assert report.bootstrap_resamples == 2000
        assert (report.scale, report.top_box) == ((1, 5), 4)
        del calls[:]
        with study.aggregate() as aggregate:
            aggregate.score()
        assert calls == [("jtbd_aggregate_score", True)]
        del calls[:]
        study.segment(k=2)
        assert calls == [("jtbd_segment_options_set_k", (2,)),
                         ("jtbd_study_segment", False)]
        del calls[:]
        study.segment()
        assert calls == [("jtbd_study_segment", True)]
    del calls[:]
    jtbd.read_csv("respondent_id,imp_a,sat_a\nr1,4,3\n").close()
    jtbd.read_aggregate("respondent_id,imp_a,sat_a\nr1,4,3\n").close()
    jtbd.score_request_json('{"study": {}}')
    assert calls == [("jtbd_study_read_csv", True),
                     ("jtbd_aggregate_read_csv", True),
                     ("jtbd_score_request_json_with_limits", True)]
    del calls[:]
    jtbd.Study().close()
    assert calls == []


def test_only_the_options_given_are_set(calls):
    with small_study() as study:
        study.score(segment_by="segment", seed=7)
        assert calls == [
            ("jtbd_score_options_set_segment_by", (b"segment", 7)),
            ("jtbd_score_options_set_seed", (7,)),
            ("jtbd_study_score", False)]
        del calls[:]
        study.score(method="olsen", screening=jtbd.Screening(min_ratings=3))
        assert calls == [
            ("jtbd_score_options_set_method", (jtbd.ScoreMethod.OLSEN,)),
            ("jtbd_score_options_set_screening", (1, 0)),
            ("jtbd_score_options_set_screening_min_ratings", (3,)),
            ("jtbd_study_score", False)]
        del calls[:]
        study.segment(bootstrap=0, feature="rating")
        assert calls == [
            ("jtbd_score_options_set_bootstrap_resamples", (0,)),
            ("jtbd_segment_options_set_score_options", calls[1][1]),
            ("jtbd_segment_options_set_feature",
             (jtbd.SegmentFeature.RATING_OPPORTUNITY,)),
            ("jtbd_study_segment", False)]
    del calls[:]
    jtbd.read_csv("respondent_id,imp_a,sat_a\nr1,4,3\n", scale=(1, 7),
                  top_box=6, limits={"max_columns": 3}).close()
    assert calls == [("jtbd_limits_set", (jtbd.Limit.COLUMNS, 3)),
                     ("jtbd_read_options_set_scale", (1, 7, 6)),
                     ("jtbd_read_options_set_limits", calls[2][1]),
                     ("jtbd_study_read_csv", False)]
    del calls[:]
    jtbd.score_request_json('{"study": {}}', limits={"max_outcomes": 4})
    assert calls == [("jtbd_limits_set", (jtbd.Limit.OUTCOMES, 4)),
                     ("jtbd_score_request_json_with_limits", False)]


def test_signatures_hold_no_default_but_none():
    import inspect  # pylint: disable=import-outside-toplevel
    functions = [jtbd.Study.score, jtbd.Study.segment, jtbd.Aggregate.score,
                 jtbd.Study.__init__, jtbd.Aggregate.__init__, jtbd.load_csv,
                 jtbd.read_csv, jtbd.load_aggregate, jtbd.read_aggregate,
                 jtbd.score_request, jtbd.score_request_json]
    for function in functions:
        for parameter in inspect.signature(function).parameters.values():
            if parameter.default is inspect.Parameter.empty or \
                    parameter.name == "source_name":
                continue
            assert parameter.default is None, (function, parameter)
    for field in jtbd.Screening.__dataclass_fields__.values():
        assert field.default in (None, False), field
