"""Reading survey CSVs, checked against an independent recomputation.

The recomputation reads the same file with Python's csv module and applies
the formulas of domain.md section 4 and the band rule of jtbd.h by hand, so
a mistake shared by the C++ reader and scorer would still show.
"""

import csv
import io
import random

import pytest

import jtbd
from conftest import EXAMPLES


def make_long_survey(seed, respondents=40, outcomes=6, blank_rate=0.1):
    """A long-layout survey: respondent, outcome, importance, satisfaction,
    segment (two segments), role (ignored here). Each outcome has its own
    top-box tendencies so the bands and ranks spread out."""
    rng = random.Random(seed)
    tendencies = [(rng.uniform(0.1, 0.95), rng.uniform(0.05, 0.9))
                  for _ in range(outcomes)]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["respondent", "outcome", "importance", "satisfaction",
                     "segment", "role"])
    for r in range(respondents):
        segment = "north" if r % 3 else "south"
        for o, (p_imp, p_sat) in enumerate(tendencies):

            def rating(p):
                if rng.random() < blank_rate:
                    return ""
                return str(rng.choice([4, 5]) if rng.random() < p else
                           rng.choice([1, 2, 3]))

            writer.writerow(["r%02d" % r, "o%d" % o, rating(p_imp),
                             rating(p_sat), segment, "role%d" % (r % 2)])
    return out.getvalue()


def band(importance, satisfaction, opportunity):
    """The band rule of jtbd.h, on unrounded values."""
    if opportunity > 15:
        return "extreme"
    if 12 <= opportunity <= 15:
        return "high"
    if 10 <= opportunity < 12:
        return "underserved"
    if satisfaction > importance:
        return "overserved"
    if importance >= 7.5 and satisfaction >= 7.5:
        return "table_stakes"
    return "appropriately_served"


def recompute(text, segment=None):
    """({outcome: expected fields}, outcome ids by rank) for the rows of
    `segment` (all if None). Ranks follow jtbd's documented order: by
    opportunity, highest first, ties in declaration (first appearance)
    order; equal count ratios give bit-equal doubles, so ties are exact."""
    tallies = {}
    for row in csv.DictReader(io.StringIO(text)):
        if segment is not None and row["segment"] != segment:
            continue
        t = tallies.setdefault(row["outcome"], dict.fromkeys(
            ("n_i", "top_i", "n_s", "top_s", "n_both", "top_both"), 0))
        imp, sat = row["importance"], row["satisfaction"]
        if imp:
            t["n_i"] += 1
            t["top_i"] += int(imp) >= 4
        if sat:
            t["n_s"] += 1
            t["top_s"] += int(sat) >= 4
        if imp and sat:
            t["n_both"] += 1
            t["top_both"] += int(imp) >= 4 and int(sat) >= 4
    expected = {}
    for outcome, t in tallies.items():
        assert t["n_i"] and t["n_s"], "test data must rate every outcome"
        importance = 10.0 * t["top_i"] / t["n_i"]
        satisfaction = 10.0 * t["top_s"] / t["n_s"]
        opportunity = importance + max(importance - satisfaction, 0.0)
        expected[outcome] = dict(
            importance=importance, satisfaction=satisfaction,
            opportunity=opportunity,
            band=band(importance, satisfaction, opportunity),
            importance_count=t["n_i"], importance_top_box_count=t["top_i"],
            satisfaction_count=t["n_s"],
            satisfaction_top_box_count=t["top_s"], both_count=t["n_both"],
            both_top_box_count=t["top_both"])
    # sorted() is stable and `expected` is in first-appearance order.
    ranked = sorted(expected, key=lambda o: -expected[o]["opportunity"])
    for rank, outcome in enumerate(ranked, start=1):
        expected[outcome]["rank"] = rank
    return expected, ranked


def assert_scores_match(scores, expected, ranked):
    assert [s.outcome_id for s in scores] == ranked
    for score in scores:
        want = expected[score.outcome_id]
        for field in ("importance", "satisfaction", "opportunity"):
            assert getattr(score, field) == pytest.approx(
                want[field], rel=1e-12, abs=1e-12), (score.outcome_id, field)
        for field in ("band", "rank", "importance_count",
                      "importance_top_box_count", "satisfaction_count",
                      "satisfaction_top_box_count", "both_count",
                      "both_top_box_count"):
            assert getattr(score, field) == want[field], (score.outcome_id,
                                                          field)


@pytest.mark.parametrize("seed", [7, 2024, 31337])
def test_scores_equal_an_independent_recomputation(tmp_path, seed):
    text = make_long_survey(seed)
    path = tmp_path / "survey.csv"
    path.write_text(text, encoding="utf-8")
    expected, ranked = recompute(text)
    with jtbd.load_csv(path) as study:
        assert study.respondent_count == 40
        assert study.outcome_count == 6
        report = study.score(segment_by="segment")
    assert report.respondent_count == 40
    assert_scores_match(report.outcomes, expected, ranked)
    assert list(report.segments) == ["north", "south"]
    assert {name: segment.respondent_count for name, segment in
            report.segments.items()} == {"north": 26, "south": 14}
    for name in ("north", "south"):
        segment_expected, segment_ranked = recompute(text, name)
        assert_scores_match(report.segments[name].outcomes, segment_expected,
                            segment_ranked)


def test_bands_of_the_recomputation_cover_several_cases():
    # Guards the test above against data too uniform to test the band rule.
    bands = set()
    for seed in (7, 2024, 31337):
        expected, _ = recompute(make_long_survey(seed))
        bands.update(e["band"] for e in expected.values())
    assert len(bands) >= 3


def test_read_csv_from_memory_equals_load_csv(tmp_path):
    text = make_long_survey(5)
    path = tmp_path / "s.csv"
    path.write_text(text, encoding="utf-8")
    with jtbd.read_csv(text) as from_text, \
            jtbd.read_csv(text.encode("utf-8"), "b.csv") as from_bytes, \
            jtbd.load_csv(str(path)) as from_file:
        expected = from_file.score().outcomes
        assert from_text.score().outcomes == expected
        assert from_bytes.score().outcomes == expected


def test_wide_layout_and_another_scale():
    # 1-7 scale, top box from 6. o1 importance 7, 6, 5 -> 2 of 3.
    text = ("respondent_id,team,imp_o1,sat_o1\n"
            "a,x,7,1\n"
            "b,y,6,7\n"
            "c,x,5,\n")
    with jtbd.read_csv(text, scale=(1, 7), top_box=6) as study:
        report = study.score(segment_by="team")
    score = report.outcomes[0]
    assert score.importance == pytest.approx(20.0 / 3, rel=1e-12)
    assert score.satisfaction == pytest.approx(5.0, rel=1e-12)
    assert score.satisfaction_count == 2
    assert {name: segment.respondent_count for name, segment in
            report.segments.items()} == {"x": 2, "y": 1}
    with pytest.raises(jtbd.InvalidArgumentError) as caught:
        jtbd.read_csv(text, "seven.csv")  # 7 is off the default 1-5 scale
    assert "seven.csv" in caught.value.message
    assert "line 2" in caught.value.message


def test_bad_csv_names_source_line_and_column():
    text = ("respondent,outcome,importance,satisfaction\n"
            "r1,o1,4,5\n"
            "r2,o1,x,5\n")
    with pytest.raises(jtbd.InvalidArgumentError) as caught:
        jtbd.read_csv(text, source_name="bad.csv")
    message = caught.value.message
    assert caught.value.code == 3
    assert "bad.csv" in message and "line 3" in message
    assert "column 3" in message


def test_missing_file_is_not_found(tmp_path):
    with pytest.raises(jtbd.NotFoundError) as caught:
        jtbd.load_csv(tmp_path / "absent.csv")
    assert "absent.csv" in caught.value.message


def example_survey():
    path = EXAMPLES / "survey.csv"
    if not path.exists():
        pytest.skip("examples/survey.csv is not there yet")
    return path


def test_example_survey_has_two_segments():
    with jtbd.load_csv(example_survey()) as study:
        report = study.score(segment_by="segment")
        assert study.respondent_count == report.respondent_count
    assert report.respondent_count >= 150
    assert len(report.outcomes) >= 20
    assert len(report.segments) == 2
    assert sum(segment.respondent_count
               for segment in report.segments.values()) == (
        report.respondent_count)
    for scores in (s.outcomes for s in report.segments.values()):
        assert sorted(s.outcome_id for s in scores) == sorted(
            s.outcome_id for s in report.outcomes)
    ranks = [s.rank for s in report.outcomes]
    assert ranks == sorted(ranks) and ranks[0] == 1
    opportunities = [s.opportunity for s in report.outcomes]
    assert opportunities == sorted(opportunities, reverse=True)


def test_example_survey_equals_a_recomputation_of_its_wide_layout():
    path = example_survey()
    with open(path, newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    # Reshape wide -> long and reuse the long recomputation.
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["respondent", "outcome", "importance", "satisfaction",
                     "segment"])
    outcomes = [c[4:] for c in rows[0] if c.startswith("imp_")]
    for row in rows:
        for outcome in outcomes:
            writer.writerow([row["respondent_id"], outcome,
                             row["imp_" + outcome], row["sat_" + outcome],
                             row["segment"]])
    expected, ranked = recompute(out.getvalue())
    with jtbd.load_csv(path) as study:
        report = study.score(segment_by="segment")
    assert len(report.segments) == 2
    assert_scores_match(report.outcomes, expected, ranked)
    for name, scores in ((n, s.outcomes)
                         for n, s in report.segments.items()):
        assert_scores_match(scores, *recompute(out.getvalue(), name))
