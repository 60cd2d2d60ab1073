"""Switching forces (read_interviews, Interviews.analyze, PropensityModel):
every figure equals `jtbd forces --format json` on the example, predict
equals `jtbd forces --apply`, the model survives save/load and
serialize/parse, and refusals raise jtbd.Error with their position."""

import json
import os
import pathlib
import subprocess

import pytest

import jtbd
from conftest import EXAMPLES, SOURCE_DIR

INTERVIEWS = EXAMPLES / "interviews.csv"
OPEN_DEALS = SOURCE_DIR / "tests" / "data" / "forces" / "open_deals.csv"
NAMES = ("push", "pull", "anxiety", "habit")


def cli(*arguments):
    command = os.environ.get("JTBD_CLI") or str(SOURCE_DIR / "build" / "jtbd")
    if not pathlib.Path(command).exists():
        pytest.skip("the jtbd command is not built")
    done = subprocess.run([command, "forces", *map(str, arguments)],
                          capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def interval(record, expected):
    assert (record.low, record.high) == (expected["low"], expected["high"])


@pytest.fixture(scope="module")
def expected():
    return json.loads(cli("--format", "json", INTERVIEWS))


@pytest.fixture(scope="module")
def report():
    with jtbd.read_interviews(INTERVIEWS) as interviews:
        return interviews.analyze()


def test_report_equals_the_command(report, expected):
    assert report.interview_count == expected["interviewCount"]
    assert report.observation_count == expected["observationCount"]
    assert report.switched_count == expected["switchedCount"]
    assert report.stayed_count == expected["stayedCount"]
    assert report.segment_by == expected.get("segmentBy", "")
    for force, want in zip(report.forces, expected["forces"]):
        assert force.name == want["name"]
        assert force.force == jtbd.Force[want["force"][len("FORCE_"):]]
        assert force.mention_count == want["mentionCount"]
        assert force.prevalence == want["prevalence"]
        interval(force.prevalence_interval, want["prevalenceInterval"])
        assert force.mean_intensity == want["meanIntensity"]
        interval(force.mean_intensity_interval, want["meanIntensityInterval"])
    balance = expected["balance"]
    assert report.balance.mean_balance == balance["meanBalance"]
    assert report.balance.agreement == balance["agreement"]
    interval(report.balance.agreement_interval, balance["agreementInterval"])
    assert (report.balance.positive_switched_count ==
            balance["positiveSwitchedCount"])
    model = expected["model"]
    assert report.model_info.auc == model["auc"]
    assert report.model_info.training_auc == model["trainingAuc"]
    assert report.model_info.brier_score == model["brierScore"]
    assert report.model_info.folds == model["folds"]
    assert report.model_info.seed == int(model["seed"])
    for name in NAMES:
        got = report.model_info.coefficients[name]
        want = model["coefficients"][name]
        assert got.estimate == want["estimate"]
        assert got.standard_error == want["standardError"]
        interval(got.interval, want["interval"])
        assert report.model.coefficients[name] == got
    assert report.model_info.intercept.estimate == (
        model["intercept"]["estimate"])
    segments = {group["value"]: group for group in expected["segments"]}
    assert set(report.segments) == set(segments)
    for value, (count, switched, forces) in report.segments.items():
        assert count == segments[value]["interviewCount"]
        assert switched == segments[value].get("switchedCount", 0)
        for force, want in zip(forces, segments[value]["forces"]):
            assert force.prevalence == want["prevalence"]


def test_renderings_equal_the_command(report):
    assert report.to_json() == cli("--format", "json", INTERVIEWS)
    assert report.to_csv() == cli("--format", "csv", INTERVIEWS)
    assert report.to_table() == cli(INTERVIEWS)
    pb2 = pytest.importorskip("jtbd.v1.forces_pb2")
    message = pb2.ForcesReport.FromString(report.to_protobuf())
    assert message.interview_count == report.interview_count


def test_options_reach_the_analysis():
    with jtbd.read_interviews(INTERVIEWS) as interviews:
        report = interviews.analyze(folds=3, seed=7, confidence=0.9, l2=2)
    expected = json.loads(cli("--format", "json", "--folds", 3, "--seed", 7,
                              "--confidence", 0.9, "--l2", 2, INTERVIEWS))
    assert report.model_info.folds == 3 and report.model_info.seed == 7
    assert report.model_info.auc == expected["model"]["auc"]
    assert report.model.l2_penalty == 2


def test_predict_equals_apply(tmp_path, report):
    path = tmp_path / "model.jtbd"
    cli("--save-model", path, "--format", "csv", INTERVIEWS)
    applied = json.loads(cli("--apply", path, "--format", "json",
                             OPEN_DEALS))["predictions"]
    with jtbd.PropensityModel.load(path) as model, \
            jtbd.read_interviews(OPEN_DEALS, open=True) as deals:
        assert model.coefficients == report.model.coefficients
        assert len(deals) == len(applied)
        for index, (deal, want) in enumerate(zip(deals.interviews, applied)):
            assert deal.id == want["interviewId"]
            assert deal.outcome == jtbd.SwitchOutcome.UNSPECIFIED
            segment = (deals.attribute(index, model.segment_by)
                       if model.segment_by else None)
            got = model.predict(push=deal.push, pull=deal.pull,
                                anxiety=deal.anxiety, habit=deal.habit,
                                segment=segment)
            assert got.probability == want["probability"]
            assert got.log_odds == want["logOdds"]
            for name in NAMES:
                assert got.contributions[name] == (
                    want["contributions"].get(name, 0))
        by_index = model.predict_interviews(deals)
        assert [p.probability for _, p in by_index] == [
            want["probability"] for want in applied]


def test_model_round_trips(tmp_path, report):
    model = report.model
    path = tmp_path / "saved.jtbd"
    model.save(path)
    deal = dict(push=4, pull=3, anxiety=2, habit=1)
    with jtbd.PropensityModel.load(path) as loaded, \
            jtbd.PropensityModel.parse(model.serialize()) as parsed:
        for other in (loaded, parsed):
            assert other.predict(**deal) == model.predict(**deal)
            assert other.serialize() == model.serialize()
    got = model.predict(**deal)
    weights = model.coefficients
    log_odds = model.intercept.estimate + sum(
        deal[name] * weights[name].estimate for name in NAMES)
    assert got.log_odds == pytest.approx(log_odds, abs=1e-12)
    assert got.contributions["pull"] == 3 * weights["pull"].estimate
    assert got.segment == 0


def test_bytes_and_json_interviews_agree(report):
    with jtbd.read_interviews(INTERVIEWS) as interviews:
        data = interviews.serialize()
    with jtbd.parse_interviews(data) as parsed:
        assert parsed.analyze().to_json() == report.to_json()
    pb2 = pytest.importorskip("jtbd.v1.forces_pb2")
    json_format = pytest.importorskip("google.protobuf.json_format")
    message = pb2.SwitchInterviews.FromString(data)
    with jtbd.parse_interviews_json(json_format.MessageToJson(message)) as js:
        assert js.analyze().to_json() == report.to_json()
    text = INTERVIEWS.read_bytes()
    with jtbd.read_interviews_csv(text, "mine.csv") as from_text:
        assert [i.id for i in from_text.interviews][:3] == [
            "INT-001", "INT-002", "INT-003"]


def test_errors_carry_positions():
    bad = "interview,force,intensity,switched\nA,push,3,yes\nA,fear,2,yes\n"
    with pytest.raises(jtbd.InvalidArgumentError,
                       match=r"deals\.csv: line 3, column 2"):
        jtbd.read_interviews_csv(bad, "deals.csv")
    with pytest.raises(jtbd.InvalidArgumentError, match=r"line 2, column 3"):
        jtbd.read_interviews_csv(
            "interview,force,intensity,switched\nA,push,7,yes\n")
    with pytest.raises(jtbd.InvalidArgumentError, match="a scale"):
        jtbd.read_interviews(INTERVIEWS, scale=(1, 7), top_box=6)
    with pytest.raises(jtbd.ResourceExhaustedError, match="line 1"):
        jtbd.read_interviews(INTERVIEWS, limits={"max_record_bytes": 8})
    with pytest.raises(jtbd.NotFoundError, match="no-such.csv"):
        jtbd.read_interviews("no-such.csv")
    with pytest.raises(jtbd.InvalidArgumentError, match="interviews"):
        jtbd.parse_interviews_json('{"interviews": [{"id": ""}]}')
    with jtbd.read_interviews(OPEN_DEALS, open=True) as deals, \
            pytest.raises(jtbd.FailedPreconditionError,
                          match=r"interviews\[0\]"):
        deals.analyze()
    with pytest.raises(jtbd.InvalidArgumentError, match="folds is 1"):
        jtbd.read_interviews(INTERVIEWS).analyze(folds=1)


def test_no_model_when_everyone_switched():
    text = "interview,force,intensity,switched\nA,push,3,1\nB,pull,2,1\n"
    with jtbd.read_interviews_csv(text) as interviews:
        report = interviews.analyze()
    assert report.model is None and report.model_info is None
    assert "switched" in report.model_note


def test_predict_refuses_bad_intensities(report):
    with pytest.raises(ValueError, match="anxiety is 6"):
        report.model.predict(anxiety=6)
    with pytest.raises(TypeError):
        report.model.predict(push="4")
    with pytest.raises(jtbd.InvalidArgumentError):
        jtbd.PropensityModel.parse(b"\x08\x02")
