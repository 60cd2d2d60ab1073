"""Study.save / Study.load and Aggregate.save / Aggregate.load: round trips,
the golden files of format 1, refusals of damaged files."""

import os

import pytest

import jtbd

GOLDEN = os.path.join(os.environ.get("JTBD_SOURCE_DIR", "."), "tests", "data",
                      "saved")


def small_study():
    study = jtbd.Study()
    study.add_outcome("speed", "Minimize the time it takes to cut")
    study.add_outcome("waste")
    for respondent in ("r1", "r2", "r3"):
        study.add_respondent(respondent)
    study.set_weight(1, 2.0)
    study.add_answers([0, 0, 1, 2], [0, 1, 0, 1], [5, 4, 2, 3], [1, 2, 5, 0])
    return study


def test_study_round_trips_through_a_file(tmp_path):
    path = tmp_path / "study.jtbd"
    with small_study() as study:
        study.save(path)
        with jtbd.Study.load(path) as loaded:
            assert loaded.serialize() == study.serialize()
    assert sorted(os.listdir(tmp_path)) == ["study.jtbd"]  # no temporaries


def test_aggregate_round_trips_through_a_file(tmp_path):
    path = str(tmp_path / "aggregate.jtbd")
    with small_study() as study, study.aggregate() as aggregate:
        aggregate.save(path)
        with jtbd.Aggregate.load(path) as loaded:
            assert loaded.serialize() == aggregate.serialize()


def test_golden_files_of_format_one_load():
    with jtbd.Study.load(os.path.join(GOLDEN, "study_v1.jtbd")) as study:
        report = study.score(bootstrap=0)
    by_id = {score.outcome_id: score for score in report.outcomes}
    # o1: importance 5 (r1), 3 (r2), 4 (r4), 5 (r5), unweighted but r3 (2.5)
    # did not rate it: 3 of 4 in the top box.
    assert by_id["o1"].importance == pytest.approx(7.5, abs=1e-12)
    with jtbd.Aggregate.load(os.path.join(GOLDEN, "aggregate_v1.jtbd")) as a:
        assert a.respondent_count == 5


def test_damaged_files_are_refused_naming_them(tmp_path):
    path = tmp_path / "study.jtbd"
    with small_study() as study:
        study.save(path)
    good = path.read_bytes()
    path.write_bytes(good[:-1])
    with pytest.raises(jtbd.Error) as caught:
        jtbd.Study.load(path)
    assert caught.value.code_name == "DATA_LOSS"
    assert str(path) in str(caught.value)
    assert "truncated" in str(caught.value)

    newer = bytearray(good)
    newer[8] = 2  # file format 2, header checksum now wrong: corrupt
    path.write_bytes(bytes(newer))
    with pytest.raises(jtbd.Error) as caught:
        jtbd.Study.load(path)
    assert caught.value.code_name == "DATA_LOSS"

    with pytest.raises(jtbd.Error) as caught:
        jtbd.Aggregate.load(tmp_path / "missing.jtbd")
    assert caught.value.code_name == "NOT_FOUND"
