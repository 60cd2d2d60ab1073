"""Segmentation from Python: Study.segment(), Segmentation, SegmentModel.

The planted survey is the one of tests/capi/segment_test.cc and
tests/cpp/segment_test.cc, built from the same 64-bit LCG, so the three
faces segment the same answers and must find the same clusters: planted
segment g (100, 60 and 40 respondents) is segment g + 1.
"""

import ctypes
import json
import random

import pytest

import jtbd
from jtbd import _native

RESPONDENTS = 200
OUTCOMES = 12
UNMET_PER_SEGMENT = 4
MASK = 2 ** 64 - 1


class Lcg:
    """Knuth's MMIX LCG; unit() is the top 53 bits of the state."""

    def __init__(self, seed):
        self.state = seed

    def unit(self):
        self.state = (self.state * 6364136223846793005 +
                      1442695040888963407) & MASK
        return (self.state >> 11) * 2.0 ** -53


def rating(rng, top_box_probability):
    top = rng.unit()
    pick = rng.unit()
    if top < top_box_probability:
        return 4 if pick < 0.5 else 5
    return 1 + int(pick * 3)


class PlantedSurvey:
    """Planted segment g's unmet outcomes are o(4g+1)..o(4g+4): importance
    4-5, satisfaction 1-2; other ratings random; about 3 % blank; role
    "carpenter" for 80 % of segment 0 and 20 % of the others."""

    def __init__(self):
        self.study = jtbd.Study()
        for o in range(OUTCOMES):
            self.study.add_outcome("o%d" % (o + 1))
        rng = Lcg(2024)
        self.planted, self.roles = [], []
        self.importance, self.satisfaction = [], []
        rs, os_, is_, ss = [], [], [], []
        for r in range(RESPONDENTS):
            segment = 0 if r < 100 else 1 if r < 160 else 2
            self.planted.append(segment)
            index = self.study.add_respondent("r%d" % r)
            carpenter = rng.unit() < (0.8 if segment == 0 else 0.2)
            self.roles.append("carpenter" if carpenter else "electrician")
            self.study.set_attribute(index, "role", self.roles[-1])
            importance, satisfaction = [], []
            for o in range(OUTCOMES):
                unmet = o // UNMET_PER_SEGMENT == segment
                i = rating(rng, 1.0) if unmet else rating(rng, 0.3)
                s = (1 + (rng.unit() < 0.5)) if unmet else rating(rng, 0.7)
                if rng.unit() < 0.03:
                    i = 0
                if rng.unit() < 0.03:
                    s = 0
                importance.append(i)
                satisfaction.append(s)
                if i == 0 and s == 0:
                    continue
                rs.append(index)
                os_.append(o)
                is_.append(i)
                ss.append(s)
            self.importance.append(importance)
            self.satisfaction.append(satisfaction)
        self.study.add_answers(rs, os_, is_, ss)


@pytest.fixture(scope="module")
def survey():
    planted = PlantedSurvey()
    yield planted
    planted.study.close()


@pytest.fixture(scope="module")
def segmentation(survey):
    result = survey.study.segment(bootstrap=0, threads=2)
    yield result
    result.close()


def test_finds_the_planted_k_and_segments(survey, segmentation):
    assert segmentation.k == 3
    assert segmentation.k_chosen
    assert segmentation.feature == jtbd.SegmentFeature.TOP_BOX_OPPORTUNITY
    assert segmentation.respondent_count == RESPONDENTS
    assert segmentation.unclustered_respondent_count == 0
    assert segmentation.seed == 42 and segmentation.starts == 25
    assert segmentation.outcome_ids == ["o%d" % (o + 1)
                                        for o in range(OUTCOMES)]
    assert segmentation.dropped_outcome_ids == []
    assert [c.k for c in segmentation.candidates] == list(range(2, 9))
    best = max(segmentation.candidates, key=lambda c: c.silhouette)
    assert best.k == 3
    assert segmentation.clusters == [g + 1 for g in survey.planted]
    imputed = sum(1 for r in range(RESPONDENTS) for o in range(OUTCOMES)
                  if survey.importance[r][o] == 0 or
                  survey.satisfaction[r][o] == 0)
    assert segmentation.imputed_feature_count == imputed > 0


def test_equals_the_c_abi_called_directly(survey, segmentation):
    lib = _native.library()
    options = _native.create(lib.jtbd_segment_options_create)
    score = _native.create(lib.jtbd_score_options_create)
    native = None
    try:
        lib.jtbd_score_options_set_bootstrap_resamples(score, 0)
        lib.jtbd_segment_options_set_score_options(options, score)
        lib.jtbd_segment_options_set_threads(options, 1)
        native = _native.create(lib.jtbd_study_segment, survey.study,
                                options)
        clusters = (ctypes.c_uint32 * RESPONDENTS)()
        lib.jtbd_segmentation_respondent_clusters(native, clusters,
                                                  RESPONDENTS)
        assert list(clusters) == segmentation.clusters
        # One thread here, two in the fixture: the same bytes.
        assert _native.take_buffer(lib.jtbd_segmentation_render, native,
                                   jtbd.Format.PROTOBUF) == \
            segmentation.to_protobuf()
    finally:
        lib.jtbd_segmentation_destroy(native)
        lib.jtbd_score_options_destroy(score)
        lib.jtbd_segment_options_destroy(options)


def test_profiles(survey, segmentation):
    sizes = [100, 60, 40]
    assert [p.cluster for p in segmentation.segments] == [1, 2, 3]
    for profile, size in zip(segmentation.segments, sizes):
        assert profile.respondent_count == size
        assert profile.share == size / 200
        assert 0 < profile.silhouette <= 1
        scores = profile.scores
        name = "segment %d" % profile.cluster
        assert scores.respondent_count == size
        assert scores.segment_by == "cluster"
        assert scores.bootstrap_resamples == 0
        assert list(scores.segments) == [name]
        assert scores.segments[name].rest_respondent_count == 200 - size
        unmet = {"o%d" % ((profile.cluster - 1) * UNMET_PER_SEGMENT + o + 1)
                 for o in range(UNMET_PER_SEGMENT)}
        assert {s.outcome_id for s in scores.outcomes[:4]} == unmet
        assert unmet <= set(scores.segments[name].more_underserved)
    segment_carpenters = sum(1 for r in range(RESPONDENTS)
                             if survey.planted[r] == 0 and
                             survey.roles[r] == "carpenter")
    rest_carpenters = sum(1 for r in range(RESPONDENTS)
                          if survey.planted[r] != 0 and
                          survey.roles[r] == "carpenter")
    role = segmentation.segments[0].overrepresented_attributes[0]
    assert (role.attribute, role.value) == ("role", "carpenter")
    assert (role.segment_count, role.segment_total) == (segment_carpenters,
                                                        100)
    assert (role.rest_count, role.rest_total) == (rest_carpenters, 100)
    assert role.lift == pytest.approx(segment_carpenters / rest_carpenters,
                                      rel=1e-15)
    assert role.test.holm_adjusted_p_value < 0.05


def test_renderings(survey, segmentation):
    report = json.loads(segmentation.to_json())
    assert report["k"] == 3
    assert len(report["respondents"]) == RESPONDENTS
    assert report["respondents"][0] == {"respondentId": "r0", "cluster": 1}
    assert report["respondents"][199] == {"respondentId": "r199",
                                          "cluster": 3}
    assert [s["respondentCount"] for s in report["segments"]] == [100, 60, 40]
    csv = segmentation.to_csv()
    assert csv.startswith("respondent_id,cluster\r\nr0,1\r\n")
    assert csv.count("\r\n") == RESPONDENTS + 1
    assert segmentation.to_table().startswith(
        "Segmentation: 200 respondents clustered into 3 segments")
    with pytest.raises(jtbd.InvalidArgumentError, match="unknown format 9"):
        segmentation.render(9)


def test_model_round_trips_and_tags_respondents(survey, segmentation,
                                                tmp_path):
    with segmentation.model() as model:
        assert model.k == 3
        assert model.outcome_ids == segmentation.outcome_ids
        data = model.serialize()
        path = tmp_path / "segments.jtbd"
        model.save(path)
    assert [p.name for p in tmp_path.iterdir()] == ["segments.jtbd"]
    with jtbd.SegmentModel.parse(data) as parsed:
        assert parsed.serialize() == data
        assert parsed.assign_study(survey.study) == segmentation.clusters
    shuffler = random.Random(5)
    with jtbd.SegmentModel.load(str(path)) as loaded:
        assert loaded.assign_study(survey.study) == segmentation.clusters
        for r in range(0, RESPONDENTS, 11):
            order = list(range(OUTCOMES))
            shuffler.shuffle(order)
            answers = {"o%d" % (o + 1): (survey.importance[r][o],
                                         survey.satisfaction[r][o])
                       for o in order}
            answers["not clustered on"] = (5, 1)
            tag = loaded.assign(answers)
            assert tag.cluster == segmentation.clusters[r]
            assert tag.observed_count == sum(
                1 for o in range(OUTCOMES) if survey.importance[r][o] and
                survey.satisfaction[r][o])
            # The same answers as tuples, reversed: the same placement.
            rows = [(id, i, s) for id, (i, s) in reversed(answers.items())]
            assert loaded.assign(rows) == tag


def test_assign_errors_name_the_index(segmentation):
    with segmentation.model() as model:
        with pytest.raises(jtbd.InvalidArgumentError,
                           match=r'outcome_ids\[2\] "o1" repeats '
                           r'outcome_ids\[0\]'):
            model.assign([("o1", 5, 1), ("o2", 5, 1), ("o1", 4, 2)])
        with pytest.raises(jtbd.InvalidArgumentError,
                           match=r"importance\[1\] = 9 is not on the model's "
                           r"scale"):
            model.assign([("o1", 5, 1), ("o2", 9, 1)])
        with pytest.raises(jtbd.InvalidArgumentError,
                           match=r"satisfaction\[0\] is 300"):
            model.assign([("o1", 5, 300)])
        with pytest.raises(jtbd.FailedPreconditionError, match="no outcome"):
            model.assign({"o1": (5, 0)})
        with pytest.raises(jtbd.FailedPreconditionError, match="no outcome"):
            model.assign([])
    with pytest.raises(jtbd.ClosedError):
        model.assign({"o1": (5, 1)})


def test_bad_models_and_files_are_refused(segmentation, tmp_path):
    with pytest.raises(jtbd.InvalidArgumentError,
                       match="not a serialized jtbd.v1.SegmentModel"):
        jtbd.SegmentModel.parse(b"\xff\xff\xff\xff not a model")
    missing = tmp_path / "missing.jtbd"
    with pytest.raises(jtbd.NotFoundError, match=str(missing)):
        jtbd.SegmentModel.load(missing)
    path = tmp_path / "model.jtbd"
    with segmentation.model() as model:
        model.save(path)
    data = path.read_bytes()
    path.write_bytes(data[:-1])
    with pytest.raises(jtbd.DataLossError, match=str(path) + ": truncated"):
        jtbd.SegmentModel.load(path)
    path.write_bytes(data[:32] + b"\x00" + data[33:])
    with pytest.raises(jtbd.DataLossError, match="corrupt"):
        jtbd.SegmentModel.load(path)


def test_options(survey):
    with pytest.raises(jtbd.InvalidArgumentError, match="k = 1"):
        survey.study.segment(k=1)
    with pytest.raises(jtbd.InvalidArgumentError, match="max_k = 3"):
        survey.study.segment(k_range=(5, 3))
    with pytest.raises(jtbd.InvalidArgumentError, match="unknown feature"):
        survey.study.segment(feature="demographics")
    with pytest.raises(jtbd.InvalidArgumentError, match="confidence"):
        survey.study.segment(confidence=1.5)
    with survey.study.segment(k=4, feature="rating-opportunity",
                              principal_components=True, seed=9, starts=5,
                              bootstrap=0) as given:
        assert given.k == 4 and not given.k_chosen
        assert [c.k for c in given.candidates] == [4]
        assert given.feature == jtbd.SegmentFeature.RATING_OPPORTUNITY
        assert given.component_count >= 2
        assert (given.seed, given.starts) == (9, 5)
        with given.model() as model:
            assert model.assign_study(survey.study) == given.clusters
    with survey.study.segment(k_range=(2, 3), bootstrap=0) as ranged:
        assert [c.k for c in ranged.candidates] == [2, 3]
        assert ranged.k == 3


def test_too_few_respondents():
    with jtbd.Study() as study:
        study.add_outcome("o1")
        study.add_outcome("o2")
        first = study.add_respondents(3)
        study.add_answers([first, first + 1, first + 2], [0, 1, 0],
                          [5, 1, 2], [1, 5, 4])
        with pytest.raises(jtbd.FailedPreconditionError):
            study.segment(k=5)
