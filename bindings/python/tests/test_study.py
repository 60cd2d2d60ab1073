"""A Study built in code: the Bosch case, errors, rejected batches, lifetime.

The Bosch figures (domain.md section 4): 270 respondents rate "minimize the
likelihood that the cut goes off track"; 200 rate importance 4-5 and 75 rate
satisfaction 4-5, so importance = 10 * 200 / 270 = 7.4074..., satisfaction =
10 * 75 / 270 = 2.7777..., opportunity = 2 * 7.4074... - 2.7777... =
12.0370..., band "high" (12 <= opportunity <= 15).
"""

import array
import gc
import weakref

import pytest

import jtbd

BOSCH_ID = "off-track"
BOSCH_STATEMENT = "Minimize the likelihood that the cut goes off track"
BOSCH_IMPORTANCE = 10.0 * 200 / 270
BOSCH_SATISFACTION = 10.0 * 75 / 270
BOSCH_OPPORTUNITY = 2 * BOSCH_IMPORTANCE - BOSCH_SATISFACTION


def bosch_columns():
    """Parallel answer columns: respondent r rates outcome 0. The first 75
    give importance 5 and satisfaction 4 (top box in both); 125 more give
    importance 4; the rest rate 1-3."""
    respondents = list(range(270))
    outcomes = [0] * 270
    importance = [5] * 75 + [4] * 125 + [3] * 40 + [2] * 20 + [1] * 10
    satisfaction = [4] * 75 + [3] * 100 + [2] * 60 + [1] * 35
    assert sum(1 for v in importance if v >= 4) == 200
    assert sum(1 for v in satisfaction if v >= 4) == 75
    return respondents, outcomes, importance, satisfaction


def new_bosch_study():
    study = jtbd.Study()
    assert study.add_outcome(BOSCH_ID, BOSCH_STATEMENT) == 0
    assert study.add_respondents(270) == 0
    return study


def assert_bosch(report):
    assert report.respondent_count == 270
    assert len(report.outcomes) == 1
    score = report.outcomes[0]
    assert isinstance(score, jtbd.OutcomeScore)
    assert score.outcome_id == BOSCH_ID
    assert score.statement == BOSCH_STATEMENT
    assert score.importance == pytest.approx(7.407407407407407, rel=1e-12)
    assert score.satisfaction == pytest.approx(2.777777777777778, rel=1e-12)
    assert score.opportunity == pytest.approx(12.037037037037036, rel=1e-12)
    assert score.importance == pytest.approx(BOSCH_IMPORTANCE, rel=1e-12)
    assert score.opportunity == pytest.approx(BOSCH_OPPORTUNITY, rel=1e-12)
    assert round(score.opportunity, 1) == 12.0
    assert score.band == "high"
    assert score.rank == 1
    assert score.importance_count == 270
    assert score.importance_top_box_count == 200
    assert score.satisfaction_count == 270
    assert score.satisfaction_top_box_count == 75
    assert score.both_count == 270
    assert score.both_top_box_count == 75
    assert report.segments == {}
    assert report.segments == {}


def test_bosch_from_lists():
    with new_bosch_study() as study:
        study.add_answers(*bosch_columns())
        assert study.outcome_count == 1
        assert study.respondent_count == 270
        assert_bosch(study.score())


def test_bosch_from_arrays():
    respondents, outcomes, importance, satisfaction = bosch_columns()
    with new_bosch_study() as study:
        study.add_answers(array.array("I", respondents),
                          array.array("I", outcomes),
                          array.array("B", importance),
                          array.array("B", satisfaction))
        assert_bosch(study.score())


def test_bosch_from_bytes_and_bytearray():
    respondents, outcomes, importance, satisfaction = bosch_columns()
    with new_bosch_study() as study:
        study.add_answers(range(270), (0,) * 270, bytes(importance),
                          bytearray(satisfaction))
        assert_bosch(study.score())


def test_bosch_from_numpy():
    numpy = pytest.importorskip("numpy")
    respondents, outcomes, importance, satisfaction = bosch_columns()
    with new_bosch_study() as study:
        study.add_answers(numpy.array(respondents, dtype=numpy.uint32),
                          numpy.zeros(270, dtype=numpy.uint32),
                          numpy.array(importance, dtype=numpy.uint8),
                          numpy.array(satisfaction, dtype=numpy.uint8))
        assert_bosch(study.score())


def test_bosch_from_numpy_of_other_types_is_converted():
    numpy = pytest.importorskip("numpy")
    respondents, outcomes, importance, satisfaction = bosch_columns()
    with new_bosch_study() as study:
        study.add_answers(numpy.array(respondents, dtype=numpy.int64),
                          numpy.zeros(270, dtype=numpy.int32),
                          numpy.array(importance, dtype=numpy.int16),
                          numpy.array(satisfaction)[::1].astype(float)
                          .astype(numpy.uint64))
        assert_bosch(study.score())


def test_answers_in_several_batches_and_named_respondents():
    respondents, outcomes, importance, satisfaction = bosch_columns()
    with jtbd.Study() as study:
        study.add_outcome(BOSCH_ID, BOSCH_STATEMENT)
        for number in range(270):
            assert study.add_respondent("r%03d" % number) == number
        study.add_answers(respondents[:100], outcomes[:100],
                          importance[:100], satisfaction[:100])
        study.add_answers(respondents[100:], outcomes[100:],
                          importance[100:], satisfaction[100:])
        assert_bosch(study.score())


def test_no_answer_is_not_counted():
    # 3 respondents: importance 5, 0 (no answer), 2; satisfaction 0, 4, 4.
    with jtbd.Study() as study:
        study.add_outcome("o1")
        study.add_respondents(3)
        study.add_answers([0, 1, 2], [0, 0, 0], [5, 0, 2], [0, 4, 4])
        score = study.score().outcomes[0]
    assert score.importance_count == 2
    assert score.importance_top_box_count == 1
    assert score.importance == pytest.approx(5.0, rel=1e-12)
    assert score.satisfaction_count == 2
    assert score.satisfaction == pytest.approx(10.0, rel=1e-12)
    assert score.opportunity == pytest.approx(5.0, rel=1e-12)
    assert score.both_count == 1  # respondent 2 only
    assert score.both_top_box_count == 0
    assert score.band == "overserved"


def test_other_scale():
    # 1-7, top box from 6: importance 7, 6, 5, 1 -> 2 of 4 -> 5.0.
    with jtbd.Study(scale=(1, 7), top_box=6) as study:
        study.add_outcome("o1")
        study.add_respondents(4)
        study.add_answers([0, 1, 2, 3], [0] * 4, [7, 6, 5, 1], [7, 1, 2, 3])
        score = study.score().outcomes[0]
        assert score.importance == pytest.approx(5.0, rel=1e-12)
        assert score.satisfaction == pytest.approx(2.5, rel=1e-12)
        with pytest.raises(jtbd.InvalidArgumentError) as caught:
            study.add_answers([0], [0], [8], [1])
        assert "importance[0] = 8" in caught.value.message


def test_segments_built_in_code():
    with jtbd.Study() as study:
        study.add_outcome("o1", "first")
        study.add_outcome("o2", "second")
        study.add_respondents(4)
        for respondent, segment in enumerate(["b", "a", "b", ""]):
            if segment:
                study.set_attribute(respondent, "segment", segment)
        # o1: importance 5,5,1,1 satisfaction 1,1,1,1 ; o2: all 3s.
        study.add_answers([0, 1, 2, 3] * 2, [0] * 4 + [1] * 4,
                          [5, 5, 1, 1] + [3] * 4, [1] * 4 + [3] * 4)
        report = study.score(segment_by="segment")
    assert list(report.segments) == ["a", "b"]
    assert {name: segment.respondent_count for name, segment in
            report.segments.items()} == {"a": 1, "b": 2}
    overall = {s.outcome_id: s for s in report.outcomes}
    assert overall["o1"].importance == pytest.approx(5.0, rel=1e-12)
    assert overall["o1"].opportunity == pytest.approx(10.0, rel=1e-12)
    assert overall["o1"].band == "underserved"
    assert overall["o1"].rank == 1
    assert overall["o2"].rank == 2
    a = {s.outcome_id: s for s in report.segments["a"].outcomes}
    b = {s.outcome_id: s for s in report.segments["b"].outcomes}
    assert a["o1"].importance == pytest.approx(10.0, rel=1e-12)
    assert a["o1"].opportunity == pytest.approx(20.0, rel=1e-12)
    assert a["o1"].band == "extreme"
    assert b["o1"].importance == pytest.approx(5.0, rel=1e-12)
    assert b["o1"].importance_count == 2
    assert [s.outcome_id for s in report.segments["b"].outcomes] == ["o1",
                                                                  "o2"]


def test_unknown_segment_attribute_is_not_found():
    with new_bosch_study() as study:
        study.add_answers(*bosch_columns())
        with pytest.raises(jtbd.NotFoundError) as caught:
            study.score(segment_by="region")
    assert caught.value.code == 5
    assert caught.value.code_name == "NOT_FOUND"
    assert "region" in caught.value.message


# ----------------------------------------------------------------- errors


def test_rating_off_the_scale_names_the_array_index():
    respondents, outcomes, importance, satisfaction = bosch_columns()
    importance[2] = 6
    with new_bosch_study() as study:
        with pytest.raises(jtbd.Error) as caught:
            study.add_answers(array.array("I", respondents),
                              array.array("I", outcomes),
                              array.array("B", importance),
                              array.array("B", satisfaction))
    error = caught.value
    assert type(error) is jtbd.InvalidArgumentError
    assert isinstance(error, ValueError)
    assert error.code == 3 and type(error.code) is int
    assert error.code_name == "INVALID_ARGUMENT"
    assert "importance[2] = 6" in error.message
    assert error.function == "jtbd_study_add_answers"
    assert str(error) == "INVALID_ARGUMENT: " + error.message


def test_respondent_out_of_range_names_the_array_index():
    with jtbd.Study() as study:
        study.add_outcome("o1")
        study.add_respondents(2)
        with pytest.raises(jtbd.InvalidArgumentError) as caught:
            study.add_answers([0, 1, 7], [0, 0, 0], [1, 1, 1], [1, 1, 1])
        assert "respondents[2] = 7" in caught.value.message


def test_value_that_does_not_fit_uint8_names_the_index_before_any_call():
    # ctypes would silently store 256 as 0 ("no answer"); the binding must
    # refuse it instead.
    with jtbd.Study() as study:
        study.add_outcome("o1")
        study.add_respondents(3)
        with pytest.raises(jtbd.InvalidArgumentError) as caught:
            study.add_answers([0, 1, 2], [0, 0, 0], [1, 2, 3], [1, 256, 3])
        assert caught.value.code == 3
        assert "satisfaction[1] = 256" in caught.value.message
        with pytest.raises(jtbd.InvalidArgumentError) as caught:
            study.add_answers([0, -1, 2], [0, 0, 0], [1, 2, 3], [1, 2, 3])
        assert "respondents[1] = -1" in caught.value.message
        with pytest.raises(jtbd.InvalidArgumentError) as caught:
            study.add_answers([0], [0], [4.5], [1])
        assert "importance[0] = 4.5" in caught.value.message
        assert study.score().outcomes[0].importance_count == 0


def test_arrays_of_different_lengths_are_refused():
    with new_bosch_study() as study:
        with pytest.raises(jtbd.InvalidArgumentError) as caught:
            study.add_answers([0, 1], [0, 0], [4, 4], [4])
        assert "2, 2, 2 and 1" in caught.value.message


def test_rejected_batch_leaves_the_study_unchanged():
    respondents, outcomes, importance, satisfaction = bosch_columns()
    with new_bosch_study() as study:
        study.add_answers(respondents[:200], outcomes[:200], importance[:200],
                          satisfaction[:200])
        before = study.score()
        before_bytes = study.serialize()
        # The last 70, with one bad rating at the end: all must be refused.
        bad = satisfaction[200:]
        bad[-1] = 9
        with pytest.raises(jtbd.InvalidArgumentError) as caught:
            study.add_answers(respondents[200:], outcomes[200:],
                              importance[200:], bad)
        assert "satisfaction[69] = 9" in caught.value.message
        assert study.serialize() == before_bytes
        assert study.score().outcomes == before.outcomes
        # Had the first 69 been kept, adding them again would be refused as
        # answered twice.
        study.add_answers(respondents[200:], outcomes[200:], importance[200:],
                          satisfaction[200:])
        assert_bosch(study.score())


def test_answering_twice_is_refused():
    with new_bosch_study() as study:
        study.add_answers([0], [0], [5], [5])
        with pytest.raises(jtbd.InvalidArgumentError) as caught:
            study.add_answers([1, 0], [0, 0], [5, 5], [5, 5])
        assert "respondents[1] = 0" in caught.value.message


def test_duplicate_outcome_is_already_exists():
    with jtbd.Study() as study:
        study.add_outcome("o1")
        with pytest.raises(jtbd.AlreadyExistsError) as caught:
            study.add_outcome("o1")
        assert caught.value.code == 6
        assert caught.value.code_name == "ALREADY_EXISTS"
        assert study.outcome_count == 1


def test_bad_scale_is_invalid_argument():
    with pytest.raises(jtbd.InvalidArgumentError):
        jtbd.Study(scale=(5, 1), top_box=4)
    with pytest.raises(jtbd.InvalidArgumentError):
        jtbd.Study(scale=(1, 5), top_box=6)
    with pytest.raises(TypeError):
        jtbd.Study(scale=5, top_box=4)


def test_a_scale_needs_its_top_box_and_none_is_the_library_default():
    # The binding restates no default: a scale without its top box (or the
    # other way round) is refused, and neither is the library's 1-5 scale.
    for arguments in ({"scale": (1, 7)}, {"top_box": 4}):
        with pytest.raises(TypeError, match="scale and top_box go together"):
            jtbd.Study(**arguments)
    with jtbd.Study() as study:
        study.add_outcome("o")
        study.add_respondents(2)
        study.add_answers([0, 1], [0, 0], [4, 3], [5, 1])
        report = study.score(bootstrap=0)
    assert (report.scale, report.top_box) == ((1, 5), 4)
    with pytest.raises(jtbd.InvalidArgumentError, match="6"):
        with jtbd.Study() as study:  # 6 is off the default scale
            study.add_outcome("o")
            study.add_respondents(1)
            study.add_answers([0], [0], [6], [1])


def test_set_attribute_on_a_missing_respondent_fails():
    with jtbd.Study() as study:
        study.add_respondents(1)
        with pytest.raises(jtbd.Error) as caught:
            study.set_attribute(3, "segment", "a")
        assert caught.value.code in (3, 11)
        with pytest.raises(jtbd.OutOfRangeError):
            study.set_attribute(-1, "segment", "a")


def test_error_constructor_picks_the_subclass_and_pickles():
    import pickle
    error = jtbd.Error(9, "no")
    assert type(error) is jtbd.FailedPreconditionError
    assert (error.code, error.code_name, error.message) == (
        9, "FAILED_PRECONDITION", "no")
    unknown = jtbd.Error(99, "odd")
    assert type(unknown) is jtbd.Error
    assert unknown.code_name == "UNKNOWN_CODE"
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is jtbd.FailedPreconditionError
    assert again.message == "no"


# --------------------------------------------------------------- lifetime


def test_context_manager_closes():
    with jtbd.Study() as study:
        assert not study.closed
    assert study.closed
    assert repr(study) == "<jtbd.Study closed>"


def test_use_after_close_raises_a_clear_error():
    study = new_bosch_study()
    study.close()
    study.close()  # idempotent
    for call in (lambda: study.add_outcome("x"),
                 lambda: study.add_answers([0], [0], [1], [1]),
                 lambda: study.score(), lambda: study.serialize(),
                 lambda: study.outcome_count, lambda: study.aggregate(),
                 lambda: study.set_attribute(0, "a", "b")):
        with pytest.raises(jtbd.ClosedError, match="closed jtbd.Study"):
            call()
    with pytest.raises(jtbd.ClosedError):
        with study:
            pass


def test_report_outlives_its_study_and_renders():
    with new_bosch_study() as study:
        study.add_answers(*bosch_columns())
        report = study.score()
    assert study.closed
    assert_bosch(report)
    assert BOSCH_ID in report.to_table()
    with report:
        assert report.to_json()
    assert report.closed
    assert_bosch(report)  # the Python data stays
    with pytest.raises(jtbd.ClosedError):
        report.to_csv()


def test_garbage_collection_releases_the_handle():
    study = jtbd.Study()
    finalizer = study._finalizer
    reference = weakref.ref(study)
    del study
    gc.collect()
    assert reference() is None
    assert not finalizer.alive


def test_serialize_parse_round_trip():
    with new_bosch_study() as study:
        study.add_answers(*bosch_columns())
        data = study.serialize()
    assert isinstance(data, bytes) and len(data) > 270
    with jtbd.Study.parse(data) as copy:
        assert copy.respondent_count == 270
        assert_bosch(copy.score())
        assert copy.serialize() == data
    with jtbd.Study.parse(bytearray(data)) as copy:
        assert copy.outcome_count == 1
    with pytest.raises(jtbd.InvalidArgumentError):
        jtbd.Study.parse(b"\xff\xff\xff not a study")


def test_version():
    assert jtbd.version() == "1.0.0"
    assert jtbd.version_number() == jtbd.VERSION_NUMBER == 10000
    assert jtbd.library_path()


def test_copy_and_pickle_are_refused():
    import copy
    import pickle
    with jtbd.Study() as study:
        with pytest.raises(TypeError, match="serialized bytes"):
            copy.copy(study)
        with pytest.raises(TypeError):
            pickle.dumps(study)
