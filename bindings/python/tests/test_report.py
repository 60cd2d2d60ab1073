"""Report rendering and the bytes-in, bytes-out entry points.

The binding uses only the standard library, so ScoreRequest messages are
encoded here by hand (a Study is length-delimited field 1, ScoringOptions
field 2 with segment_by as its field 1).
"""

import csv
import io
import json

import pytest

import jtbd
from test_study import (BOSCH_ID, BOSCH_IMPORTANCE, BOSCH_OPPORTUNITY,
                        BOSCH_SATISFACTION, bosch_columns, new_bosch_study)


def varint(value):
    out = bytearray()
    while True:
        low, value = value & 0x7F, value >> 7
        if value:
            out.append(low | 0x80)
        else:
            out.append(low)
            return bytes(out)


def length_delimited(field, payload):
    return varint(field << 3 | 2) + varint(len(payload)) + payload


def score_request_bytes(study_bytes, segment_by=None):
    request = length_delimited(1, study_bytes)
    if segment_by:
        request += length_delimited(
            2, length_delimited(1, segment_by.encode("utf-8")))
    return request


@pytest.fixture
def bosch_report():
    with new_bosch_study() as study:
        study.add_answers(*bosch_columns())
        with study.score() as report:
            yield report


@pytest.fixture
def segmented_study():
    """Four respondents: a (segment x) 5/1, b (y) 4/4, c (x) 2/5, d (none)
    3/3 rating one outcome."""
    with jtbd.Study() as study:
        study.add_outcome("o1", "Minimize the time, it takes")
        for respondent, segment in zip("abcd", ["x", "y", "x", ""]):
            index = study.add_respondent(respondent)
            if segment:
                study.set_attribute(index, "segment", segment)
        study.add_answers([0, 1, 2, 3], [0] * 4, [5, 4, 2, 3], [1, 4, 5, 3])
        yield study


def test_json_is_the_protobuf_json_of_the_report(bosch_report):
    document = json.loads(bosch_report.to_json())
    (outcome,) = document["outcomes"]
    assert outcome["outcomeId"] == BOSCH_ID
    assert outcome["importance"] == pytest.approx(BOSCH_IMPORTANCE, 1e-12)
    assert outcome["satisfaction"] == pytest.approx(BOSCH_SATISFACTION,
                                                    1e-12)
    assert outcome["opportunity"] == pytest.approx(BOSCH_OPPORTUNITY, 1e-12)
    assert outcome["band"] == "BAND_HIGH"
    assert outcome["importanceCount"] == 270
    assert outcome["satisfactionTopBoxCount"] == 75
    assert document["respondentCount"] == 270


def test_csv_rows_carry_unrounded_scores(bosch_report):
    rows = list(csv.DictReader(io.StringIO(bosch_report.to_csv())))
    assert len(rows) == 1
    assert rows[0]["outcome_id"] == BOSCH_ID
    assert float(rows[0]["opportunity"]) == pytest.approx(BOSCH_OPPORTUNITY,
                                                          rel=1e-12)
    assert rows[0]["band"] == "high"


def test_table_rounds_to_one_decimal(bosch_report):
    table = bosch_report.to_table()
    assert BOSCH_ID in table
    assert "12.0" in table and "7.4" in table and "2.8" in table


def test_segmented_report_in_python_json_and_csv(segmented_study):
    report = segmented_study.score(segment_by="segment")
    assert list(report.segments) == ["x", "y"]
    assert [(s.name, s.respondent_count, s.rest_respondent_count)
            for s in report.segments.values()] == [("x", 2, 2), ("y", 1, 3)]
    assert report.respondent_count == 4
    x = report.segments["x"].outcomes[0]
    assert (x.importance, x.satisfaction, x.opportunity) == pytest.approx(
        (5.0, 5.0, 5.0), rel=1e-12)
    y = report.segments["y"].outcomes[0]
    assert (y.importance, y.satisfaction) == pytest.approx((10.0, 10.0))
    # Opportunity 10 is underserved (10 <= opportunity < 12), which jtbd.h
    # checks before table stakes.
    assert y.band == "underserved"
    document = json.loads(report.to_json())
    assert [s["name"] for s in document["segments"]] == ["x", "y"]
    assert document["segments"][0]["outcomes"][0]["importanceCount"] == 2
    rows = list(csv.DictReader(io.StringIO(report.to_csv())))
    assert [r["segment"] for r in rows] == ["", "x", "y"]
    assert rows[0]["statement"] == "Minimize the time, it takes"


def test_render_formats_agree(bosch_report):
    assert bosch_report.render(jtbd.Format.JSON) == (
        bosch_report.to_json().encode("utf-8"))
    assert bosch_report.render(jtbd.Format.PROTOBUF) == (
        bosch_report.to_protobuf())
    with pytest.raises(jtbd.InvalidArgumentError):
        bosch_report.render(jtbd.Format.UNSPECIFIED)


def test_score_request_equals_scoring_the_study(segmented_study):
    report = segmented_study.score(segment_by="segment")
    request = score_request_bytes(segmented_study.serialize(), "segment")
    assert jtbd.score_request(request) == report.to_protobuf()
    assert jtbd.score_request(bytearray(request)) == report.to_protobuf()
    plain = score_request_bytes(segmented_study.serialize())
    assert jtbd.score_request(plain) == segmented_study.score().to_protobuf()


def test_score_request_json_by_hand():
    request = {
        "study": {
            "outcomes": [{"id": "o1", "statement": "s"}],
            "scale": {"min": 1, "max": 5, "topBoxMin": 4},
            "respondents": [
                {"id": "a", "attributes": {"segment": "x"},
                 "answers": [{"outcomeId": "o1", "importance": 5,
                              "satisfaction": 1}]},
                {"id": "b", "attributes": {"segment": "y"},
                 "answers": [{"outcomeId": "o1", "importance": 2,
                              "satisfaction": 4}]},
                {"id": "c", "attributes": {"segment": "x"},
                 "answers": [{"outcomeId": "o1", "importance": 4}]},
            ],
        },
        "options": {"segmentBy": "segment"},
        "someFutureField": 1,  # unknown fields are ignored
    }
    document = json.loads(jtbd.score_request_json(json.dumps(request)))
    (outcome,) = document["outcomes"]
    # importance 2 of 3 top box; satisfaction 1 of 2.
    assert outcome["importance"] == pytest.approx(20.0 / 3, rel=1e-12)
    assert outcome["satisfaction"] == pytest.approx(5.0, rel=1e-12)
    assert outcome["opportunity"] == pytest.approx(20.0 / 3 * 2 - 5.0,
                                                   rel=1e-12)
    assert outcome["satisfactionCount"] == 2
    assert [s["name"] for s in document["segments"]] == ["x", "y"]
    x_outcome = document["segments"][0]["outcomes"][0]
    assert x_outcome["importance"] == pytest.approx(10.0, rel=1e-12)
    assert x_outcome["band"] == "BAND_EXTREME"


def test_bad_requests_raise():
    with pytest.raises(jtbd.InvalidArgumentError):
        jtbd.score_request(b"\xff\xff\xff\xff")
    with pytest.raises(jtbd.InvalidArgumentError):
        jtbd.score_request_json("{not json")
    with pytest.raises(TypeError):
        jtbd.score_request("a str is not bytes")
