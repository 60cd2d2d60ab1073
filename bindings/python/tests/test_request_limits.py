"""Requests held to limits through the binding: score_request(...,
limits=) and score_request_json(..., limits=), and label maps held to the
read's limits."""

import json

import pytest

import jtbd


def request_json(options):
    """Two respondents, one outcome: importance 5/4, satisfaction 2/4."""
    return json.dumps({
        "study": {
            "outcomes": [{"id": "speed"}],
            "respondents": [
                {"id": "r1", "answers": [{"outcomeId": "speed",
                                          "importance": 5,
                                          "satisfaction": 2}]},
                {"id": "r2", "answers": [{"outcomeId": "speed",
                                          "importance": 4,
                                          "satisfaction": 4}]},
            ],
        },
        "options": options,
    })


def test_no_limits_scores_as_before():
    report = json.loads(jtbd.score_request_json(request_json({})))
    assert report["bootstrapResamples"] == 2000
    # Importance: both of 2 in the top box (4-5) = 10; satisfaction: 1 of 2.
    outcome = report["outcomes"][0]
    assert outcome["importance"] == pytest.approx(10.0)
    assert outcome["satisfaction"] == pytest.approx(5.0)
    assert outcome["opportunity"] == pytest.approx(15.0)
    assert jtbd.score_request_json(request_json({}), limits=None) == \
        jtbd.score_request_json(request_json({}))


def test_bootstrap_resamples_over_the_limit_are_refused():
    request = request_json({"bootstrapResamples": 501})
    with pytest.raises(jtbd.ResourceExhaustedError) as refused:
        jtbd.score_request_json(request,
                                limits={"max_bootstrap_resamples": 500})
    assert ("options.bootstrap_resamples: 501 resamples exceeds the limit "
            "max_bootstrap_resamples = 500") in refused.value.message
    assert "--max-bootstrap-resamples" in refused.value.message
    report = json.loads(jtbd.score_request_json(
        request, limits={"max_bootstrap_resamples": 501}))
    assert report["bootstrapResamples"] == 501
    # The default limit, 100,000, holds without limits= too.
    with pytest.raises(jtbd.ResourceExhaustedError):
        jtbd.score_request_json(request_json({"bootstrapResamples": 100001}))
    with pytest.raises(jtbd.InvalidArgumentError) as refused:
        jtbd.score_request_json(request,
                                limits={"max_bootstrap_resamples": 1000001})
    assert "at most 1000000" in refused.value.message


def test_study_and_size_limits_of_a_request():
    request = request_json({})
    with pytest.raises(jtbd.ResourceExhaustedError) as refused:
        jtbd.score_request_json(request, limits={"max_respondents": 1})
    assert ("the study's 2 respondents exceeds the limit max_respondents = 1"
            in refused.value.message)
    size = len(request.encode("utf-8"))
    jtbd.score_request_json(request, limits={"max_request_bytes": size})
    with pytest.raises(jtbd.ResourceExhaustedError) as refused:
        jtbd.score_request_json(request,
                                limits={"max_request_bytes": size - 1})
    assert "%d bytes exceeds the limit max_request_bytes = %d" % (
        size, size - 1) in refused.value.message
    with pytest.raises(jtbd.ResourceExhaustedError) as refused:
        jtbd.score_request_json(request, limits={"max_json_depth": 5})
    assert "max_json_depth = 5" in refused.value.message


def test_binary_request_with_limits():
    # The binary form of the same request, built by the library itself from
    # a study: score_request refuses it past max_outcomes.
    study = jtbd.read_csv("respondent_id,imp_a,sat_a,imp_b,sat_b\n"
                          "r1,4,3,5,2\n", "w.csv")
    request = b"\x0a" + _varint(len(study.serialize())) + study.serialize()
    report = jtbd.score_request(request, limits={"max_outcomes": 2})
    assert isinstance(report, bytes) and report
    with pytest.raises(jtbd.ResourceExhaustedError) as refused:
        jtbd.score_request(request, limits={"max_outcomes": 1})
    assert ("the study's 2 outcomes exceeds the limit max_outcomes = 1"
            in refused.value.message)


def test_unknown_limit_key_is_a_value_error():
    with pytest.raises(ValueError, match="unknown limit 'max_k'"):
        jtbd.score_request_json(request_json({}), limits={"max_k": 3})


def test_label_map_held_to_the_read_limits():
    survey = ("respondent_id,imp_a,sat_a\n"
              "r1,Very important,Satisfied\n")
    labels = ("label,rating,kind,note\n"
              "Very important,5,importance,x\n"
              "Satisfied,4,satisfaction,y\n")
    study = jtbd.read_csv(survey, "s.csv", labels=labels)
    assert study.respondent_count == 1
    with pytest.raises(jtbd.ResourceExhaustedError) as refused:
        jtbd.read_csv(survey, "s.csv", labels=labels,
                      limits={"max_columns": 3})
    assert refused.value.message.startswith(
        "labels: line 1, column 4: field 4 of the record exceeds the limit "
        "max_columns = 3")


def _varint(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)
