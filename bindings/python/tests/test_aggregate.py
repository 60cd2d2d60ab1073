"""Aggregate: the joint count tables, merge, round trip, scoring."""

import array

import pytest

import jtbd
from test_study import (BOSCH_ID, BOSCH_STATEMENT, assert_bosch,
                        bosch_columns, new_bosch_study)

# (importance, satisfaction) -> respondents, from bosch_columns(): 75 rate
# (5, 4); importance 4 pairs with satisfaction 3 (100) and 2 (25); ...
BOSCH_CELLS = {(5, 4): 75, (4, 3): 100, (4, 2): 25, (3, 2): 35, (3, 1): 5,
               (2, 1): 20, (1, 1): 10}


def bosch_study_of(rows):
    """A study of the Bosch respondents at the given positions."""
    respondents, outcomes, importance, satisfaction = bosch_columns()
    study = jtbd.Study()
    study.add_outcome(BOSCH_ID, BOSCH_STATEMENT)
    study.add_respondents(len(rows))
    study.add_answers(range(len(rows)), [0] * len(rows),
                      [importance[r] for r in rows],
                      [satisfaction[r] for r in rows])
    return study


def test_study_aggregate_cells_and_score():
    assert sum(BOSCH_CELLS.values()) == 270
    with new_bosch_study() as study:
        study.add_answers(*bosch_columns())
        aggregate = study.aggregate()
    with aggregate:
        assert aggregate.respondent_count == 270
        assert aggregate.outcome_count == 1
        for importance in range(6):
            for satisfaction in range(6):
                assert aggregate.cell(0, importance, satisfaction) == (
                    BOSCH_CELLS.get((importance, satisfaction), 0))
        assert_bosch(aggregate.score())
        with pytest.raises(jtbd.Error):
            aggregate.cell(0, 6, 1)
        with pytest.raises(jtbd.Error):
            aggregate.cell(1, 1, 1)


def test_merge_of_disjoint_halves_equals_the_whole():
    first = bosch_study_of(range(0, 270, 2))
    second = bosch_study_of(range(1, 270, 2))
    whole = bosch_study_of(range(270))
    with first, second, whole:
        merged = first.aggregate()
        with second.aggregate() as other:
            merged.merge(other)
            assert other.respondent_count == 135
        with merged, whole.aggregate() as expected:
            assert merged.respondent_count == 270
            assert merged.serialize() == expected.serialize()
            assert_bosch(merged.score())


def test_serialize_parse_round_trip_is_exact():
    with bosch_study_of(range(270)) as study, study.aggregate() as aggregate:
        data = aggregate.serialize()
    with jtbd.Aggregate.parse(data) as copy:
        assert copy.serialize() == data
        assert copy.cell(0, 4, 3) == 100
        assert_bosch(copy.score())
    with pytest.raises(jtbd.InvalidArgumentError):
        jtbd.Aggregate.parse(b"\x0b\x0c garbage")


def test_aggregate_built_in_code_from_matrices():
    _, _, importance, satisfaction = bosch_columns()
    with jtbd.Aggregate() as aggregate:
        assert aggregate.add_outcome(BOSCH_ID, BOSCH_STATEMENT) == 0
        aggregate.add_respondents(array.array("B", importance),
                                  bytes(satisfaction))
        assert aggregate.respondent_count == 270
        assert_bosch(aggregate.score())


def test_two_outcome_matrix_rows_are_respondents():
    # Respondent rows: (imp o1, imp o2) and (sat o1, sat o2).
    with jtbd.Aggregate() as aggregate:
        aggregate.add_outcome("o1")
        aggregate.add_outcome("o2")
        aggregate.add_respondents([5, 1, 4, 0, 2, 5], [1, 5, 1, 0, 3, 5])
        assert aggregate.respondent_count == 3
        assert aggregate.cell(0, 5, 1) == 1
        assert aggregate.cell(0, 4, 1) == 1
        assert aggregate.cell(0, 2, 3) == 1
        assert aggregate.cell(1, 0, 0) == 1
        assert aggregate.cell(1, 5, 5) == 1
        scores = {s.outcome_id: s for s in aggregate.score().outcomes}
    assert scores["o1"].importance == pytest.approx(20.0 / 3, rel=1e-12)
    assert scores["o2"].importance == pytest.approx(5.0, rel=1e-12)
    assert scores["o2"].importance_count == 2


def test_numpy_matrix_is_accepted_without_copy():
    numpy = pytest.importorskip("numpy")
    from jtbd import _arrays
    importance = numpy.array([[5, 1], [4, 0], [2, 5]], dtype=numpy.uint8)
    satisfaction = numpy.array([[1, 5], [1, 0], [3, 5]], dtype=numpy.uint8)
    before = _arrays.copies
    with jtbd.Aggregate() as aggregate:
        aggregate.add_outcome("o1")
        aggregate.add_outcome("o2")
        aggregate.add_respondents(importance, satisfaction)
        assert aggregate.respondent_count == 3
        assert aggregate.cell(0, 2, 3) == 1
    assert _arrays.copies == before


def test_large_batch_counted_on_two_threads_equals_a_plain_count():
    # 20,000 x 60 = 1.2 million answers: above the size at which the bulk
    # add splits respondents over two threads (and its 64-byte validity
    # blocks leave a remainder). Every cell against a count made here.
    import random
    rng = random.Random(5)
    n, m = 20000, 60
    importance = bytes(rng.choice((0, 1, 2, 3, 4, 5, 5, 4)) for _ in range(n * m))
    satisfaction = bytes(rng.choice((0, 1, 2, 3, 4, 5, 1, 2)) for _ in range(n * m))
    expected = [[0] * 36 for _ in range(m)]
    for k in range(n * m):
        expected[k % m][importance[k] * 6 + satisfaction[k]] += 1
    with jtbd.Aggregate() as aggregate:
        for o in range(m):
            aggregate.add_outcome("o%d" % o)
        aggregate.add_respondents(importance, satisfaction)
        aggregate.add_respondents(importance[:m * 7], satisfaction[:m * 7])
        for k in range(m * 7):
            expected[k % m][importance[k] * 6 + satisfaction[k]] += 1
        assert aggregate.respondent_count == n + 7
        for o in (0, 1, 31, 59):
            for i in range(6):
                for s in range(6):
                    assert aggregate.cell(o, i, s) == expected[o][i * 6 + s]


def test_invalid_rating_late_in_a_large_batch_is_named_and_changes_nothing():
    m = 50
    importance = bytearray([3] * (30000 * m))
    satisfaction = bytearray([4] * (30000 * m))
    satisfaction[1234567] = 9
    with jtbd.Aggregate() as aggregate:
        for o in range(m):
            aggregate.add_outcome("o%d" % o)
        with pytest.raises(jtbd.InvalidArgumentError) as caught:
            aggregate.add_respondents(importance, satisfaction)
        assert "satisfaction[1234567] = 9" in caught.value.message
        assert aggregate.respondent_count == 0
        assert aggregate.cell(0, 3, 4) == 0


def test_bad_matrices_are_refused_and_change_nothing():
    with jtbd.Aggregate() as aggregate:
        aggregate.add_outcome("o1")
        aggregate.add_outcome("o2")
        with pytest.raises(jtbd.InvalidArgumentError, match="whole rows"):
            aggregate.add_respondents([1, 2, 3], [1, 2, 3])
        with pytest.raises(jtbd.InvalidArgumentError):
            aggregate.add_respondents([1, 2], [1])
        with pytest.raises(jtbd.InvalidArgumentError) as caught:
            aggregate.add_respondents([1, 2, 3, 4], [1, 2, 7, 4])
        assert "2" in caught.value.message and "7" in caught.value.message
        assert aggregate.respondent_count == 0
        assert aggregate.cell(0, 1, 1) == 0


def test_merge_of_different_outcomes_is_refused():
    with jtbd.Aggregate() as left, jtbd.Aggregate() as right:
        left.add_outcome("a")
        right.add_outcome("b")
        left.add_respondents([5], [5])
        with pytest.raises(jtbd.FailedPreconditionError) as caught:
            left.merge(right)
        assert caught.value.code == 9
        assert left.respondent_count == 1
        with pytest.raises(TypeError):
            left.merge("not an aggregate")


def test_scale_is_fixed_once_respondents_are_added():
    with jtbd.Aggregate(scale=(1, 7), top_box=6) as aggregate:
        aggregate.add_outcome("o1")
        aggregate.add_respondents([7, 5], [6, 1])
        score = aggregate.score().outcomes[0]
        assert score.importance == pytest.approx(5.0, rel=1e-12)
        assert score.satisfaction == pytest.approx(5.0, rel=1e-12)


def test_closed_aggregate_raises():
    aggregate = jtbd.Aggregate()
    aggregate.close()
    with pytest.raises(jtbd.ClosedError, match="closed jtbd.Aggregate"):
        aggregate.respondent_count
    with jtbd.Aggregate() as other:
        with pytest.raises(jtbd.ClosedError):
            other.merge(aggregate)
    assert repr(aggregate) == "<jtbd.Aggregate closed>"
