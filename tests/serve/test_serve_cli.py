"""`jtbd serve` as a process, on a loopback port the kernel picks (--port 0).

Each test starts the server, reads the "listening on" line for the port,
talks HTTP with the standard library, and stops it with SIGTERM. Everything
is bounded by timeouts.
"""

import json
import os
import subprocess
import urllib.error
import urllib.request

import pytest

from sidecar_process import Sidecar, Started

CLI = os.environ["JTBD_CLI"]
SURVEY = os.path.join(os.environ["JTBD_SOURCE_DIR"], "examples", "survey.csv")
TIMEOUT = 30


class Serve(Sidecar):
    def __init__(self, *args, tmp_path):
        super().__init__(CLI, *args, log_path=tmp_path / "serve.log",
                         timeout=TIMEOUT)

    def request(self, path, body=None, content_type=None, token=None,
                method=None):
        headers = {}
        if content_type:
            headers["Content-Type"] = content_type
        if token:
            headers["Authorization"] = "Bearer " + token
        request = urllib.request.Request(self.base + path, data=body,
                                         headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()


@pytest.fixture
def serve(tmp_path):
    started = Started(lambda *args: Serve(*args, tmp_path=tmp_path))
    yield started
    started.kill_running()


def read(path):
    with open(path, "rb") as f:
        return f.read()


def test_csv_answer_is_byte_for_byte_the_cli_json(serve):
    server = serve()
    status, body = server.request("/v1/score?segment_by=segment",
                                  read(SURVEY), "text/csv")
    assert status == 200
    cli = subprocess.run(
        [CLI, "score", "--format", "json", "--segment-by", "segment", SURVEY],
        check=True, capture_output=True, timeout=TIMEOUT).stdout
    assert body == cli
    report = json.loads(body)
    top = report["outcomes"][0]
    # o10 by hand: importance 170 of 176 top box, satisfaction 43 of 179.
    assert top["outcomeId"] == "o10"
    assert top["importance"] == pytest.approx(10 * 170 / 176, abs=1e-12)
    assert top["satisfaction"] == pytest.approx(10 * 43 / 179, abs=1e-12)
    assert [s["name"] for s in report["segments"]] == ["field", "office"]
    assert server.stop() == 0


def test_segment_answer_is_byte_for_byte_the_cli_json(serve):
    server = serve()
    status, body = server.request(
        "/v1/segment?k=3&seed=7&feature=ratings&pca=true&bootstrap=100",
        read(SURVEY), "text/csv")
    assert status == 200, body
    cli = subprocess.run(
        [CLI, "segment", "--format", "json", "--k", "3", "--seed", "7",
         "--feature", "ratings", "--pca", "--bootstrap", "100", SURVEY],
        check=True, capture_output=True, timeout=TIMEOUT).stdout
    assert body == cli
    report = json.loads(body)
    assert report["k"] == 3
    # Every respondent of the example survey is tagged with a segment.
    assert len(report["respondents"]) == 180
    assert server.stop() == 0


def test_json_request(serve):
    server = serve()
    request = {"study": {
        "outcomes": [{"id": "o1"}],
        "respondents": [
            {"id": "r%d" % i,
             "answers": [{"outcomeId": "o1", "importance": imp,
                          "satisfaction": sat}]}
            for i, (imp, sat) in enumerate([(5, 2), (4, 1), (2, 5)])]}}
    status, body = server.request("/v1/score",
                                  json.dumps(request).encode(),
                                  "application/json")
    assert status == 200
    outcome = json.loads(body)["outcomes"][0]
    # 2 of 3 important (6.67), 1 of 3 satisfied (3.33): opportunity 10.
    assert outcome["opportunity"] == pytest.approx(10, abs=1e-12)
    assert outcome["band"] == "BAND_UNDERSERVED"
    assert server.stop() == 0


def benjamini_hochberg(p):
    """R's p.adjust(p, "BH"), written out here independently."""
    m = len(p)
    order = sorted(range(m), key=lambda i: p[i])
    adjusted = [0.0] * m
    running = 1.0
    for rank in range(m - 1, -1, -1):
        running = min(running, m * p[order[rank]] / (rank + 1))
        adjusted[order[rank]] = running
    return adjusted


def test_json_request_with_p_value_adjustment(serve):
    """ScoringOptions.p_value_adjustment reaches POST /v1/score as JSON:
    the report names it and the adjusted p-values are Benjamini-Hochberg's
    over all segments x outcomes."""
    server = serve()
    respondents = []
    for i in range(120):
        group = "abc"[i % 3]
        answers = []
        for o in range(4):
            unmet = "abc".index(group) == o
            imp = 5 if (i * 7 + o) % 10 < (8 if unmet else 5) else 2
            sat = 5 if (i * 3 + o) % 10 < (2 if unmet else 5) else 1
            answers.append({"outcomeId": "o%d" % o, "importance": imp,
                            "satisfaction": sat})
        respondents.append({"id": "r%d" % i, "answers": answers,
                            "attributes": {"group": group}})
    study = {"outcomes": [{"id": "o%d" % o} for o in range(4)],
             "respondents": respondents}
    reports = {}
    for adjustment in ("P_VALUE_ADJUSTMENT_BH", None):
        options = {"segmentBy": "group", "bootstrapResamples": 0}
        if adjustment:
            options["pValueAdjustment"] = adjustment
        status, body = server.request(
            "/v1/score", json.dumps({"study": study, "options": options})
            .encode(), "application/json")
        assert status == 200, body
        reports[adjustment] = json.loads(body)
    bh, holm = reports["P_VALUE_ADJUSTMENT_BH"], reports[None]
    assert bh["pValueAdjustment"] == "P_VALUE_ADJUSTMENT_BH"
    assert holm["pValueAdjustment"] == "P_VALUE_ADJUSTMENT_HOLM"
    tests = [c["opportunityTest"] for s in bh["segments"]
             for c in s["comparisons"] if "opportunityTest" in c]
    assert len(tests) == 12  # 3 segments x 4 outcomes, one family
    expected = benjamini_hochberg([t["pValue"] for t in tests])
    for test, value in zip(tests, expected):
        assert test["adjustedPValue"] == pytest.approx(value, rel=1e-12)
        assert test["adjustedPValue"] <= test["holmAdjustedPValue"]
    found = {s["name"]: s["moreUnderservedOutcomeIds"] for s in bh["segments"]}
    assert found["a"] == ["o0"] and found["b"] == ["o1"] \
        and found["c"] == ["o2"]
    assert server.stop() == 0


def test_csv_with_a_design_is_the_cli_json(serve):
    """?design= carries a study design's text (here the outcomes file, a
    design with the universal job map): the report is `jtbd score --design`'s
    byte for byte, coverage included; a bad design is a 400 with its line
    and column."""
    import urllib.parse
    outcomes = os.path.join(os.environ["JTBD_SOURCE_DIR"], "examples",
                            "outcomes.csv")
    server = serve()
    query = urllib.parse.quote(read(outcomes).decode("utf-8"), safe="")
    status, body = server.request("/v1/score?design=" + query, read(SURVEY),
                                  "text/csv")
    assert status == 200
    cli = subprocess.run(
        [CLI, "score", "--format", "json", "--design", outcomes, SURVEY],
        check=True, capture_output=True, timeout=TIMEOUT).stdout
    assert body == cli
    assert len(json.loads(body)["coverage"]["steps"]) == 8
    bad = urllib.parse.quote("id,statement\n,s\n", safe="")
    status, body = server.request("/v1/score?design=" + bad, read(SURVEY),
                                  "text/csv")
    assert status == 400
    assert json.loads(body)["error"]["message"] == (
        'design: line 2, column 1 ("id"): the outcome id is blank')
    assert server.stop() == 0


def _design_request(design):
    """tests/data/design/survey.csv as a ScoreRequest JSON whose study
    carries `design` (a jtbd.v1.StudyDesign as JSON)."""
    import csv
    path = os.path.join(os.environ["JTBD_SOURCE_DIR"], "tests", "data",
                        "design", "survey.csv")
    with open(path, newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    ids = ["a", "b", "c", "d", "e"]
    respondents = [
        {"id": row["respondent_id"],
         "answers": [{"outcomeId": o, "importance": int(row["imp_" + o]),
                      "satisfaction": int(row["sat_" + o])} for o in ids]}
        for row in rows]
    return json.dumps({"study": {
        "outcomes": [{"id": o} for o in ids], "respondents": respondents,
        "design": design}}).encode()


def test_json_and_protobuf_requests_carry_a_design(serve):
    """ScoreRequest.study.design (issue 14): the report of a JSON or binary
    request has the design and the coverage `jtbd score --design` gives for
    the same survey; a bad design is a 400 naming its field."""
    data = os.path.join(os.environ["JTBD_SOURCE_DIR"], "tests", "data",
                        "design")
    design = json.loads(read(os.path.join(data, "design.json")))
    server = serve()
    status, body = server.request("/v1/score", _design_request(design),
                                  "application/json")
    assert status == 200, body
    report = json.loads(body)
    cli = json.loads(subprocess.run(
        [CLI, "score", "--format", "json", "--design",
         os.path.join(data, "design.json"), os.path.join(data, "survey.csv")],
        check=True, capture_output=True, timeout=TIMEOUT).stdout)
    assert report["coverage"] == cli["coverage"]
    assert report["design"] == cli["design"]
    # By hand (tests/design/design_test.cc): define holds a (20), b (17.5).
    define = report["coverage"]["steps"][0]
    assert define["outcomeCount"] == 2 and define["maxOpportunity"] == 20
    assert report["coverage"]["unscoredOutcomeIds"] == ["f", "g"]

    import sys
    sys.path.insert(0, os.path.join(os.environ["JTBD_SOURCE_DIR"],
                                    "bindings", "python"))
    from google.protobuf import json_format
    from jtbd.v1 import job_pb2, report_pb2, scoring_pb2
    request = json_format.Parse(_design_request(design),
                                scoring_pb2.ScoreRequest())
    status, body = server.request("/v1/score", request.SerializeToString(),
                                  "application/x-protobuf")
    assert status == 200, body
    binary = report_pb2.Report.FromString(body)
    assert binary.coverage == json_format.Parse(
        json.dumps(cli["coverage"]), report_pb2.JobMapCoverage())
    assert binary.design == json_format.Parse(
        json.dumps(cli["design"]), job_pb2.StudyDesign())

    design["outcomes"][1]["id"] = "a"
    status, body = server.request("/v1/score", _design_request(design),
                                  "application/json")
    assert status == 400
    assert json.loads(body)["error"]["message"] == (
        'study.design: outcomes[1].id: outcome "a" is already in the design')
    assert server.stop() == 0


def test_errors_are_json(serve):
    server = serve("--max-body-bytes", "100")
    status, body = server.request(
        "/v1/score", b"respondent,outcome,importance,satisfaction\nr,o,6,1\n",
        "text/csv")
    assert status == 400
    error = json.loads(body)["error"]
    assert error["code"] == "INVALID_ARGUMENT"
    assert "line 2, column 3" in error["message"]
    status, body = server.request("/v1/score", b"x" * 101, "text/csv")
    assert status == 413
    assert json.loads(body)["error"]["code"] == "RESOURCE_EXHAUSTED"
    # No Content-Type: urllib, like curl --data, sends a form post.
    status, body = server.request("/v1/score", read(SURVEY))
    assert status == 415
    assert "text/csv" in json.loads(body)["error"]["message"]
    assert server.request("/nowhere")[0] == 404
    assert server.request("/v1/score")[0] == 405
    status, body = server.request("/healthz")
    assert status == 200
    assert json.loads(body)["status"] == "ok"
    assert server.stop() == 0
    # One access-log line per request, without bodies.
    log = server.log_path.read_text()
    assert "POST /v1/score 400" in log and "GET /healthz 200" in log


def test_token_file(serve, tmp_path):
    token_file = tmp_path / "token"
    token_file.write_text("Zm9vYmFy-42\n")
    server = serve("--token-file", str(token_file))
    small = b"respondent,outcome,importance,satisfaction\nr,o,5,1\n"
    assert server.request("/v1/score", small, "text/csv")[0] == 401
    assert server.request("/v1/score", small, "text/csv",
                          token="Zm9vYmFy-43")[0] == 401
    status, body = server.request("/v1/score", small, "text/csv",
                                  token="Zm9vYmFy-42")
    assert status == 200
    assert json.loads(body)["outcomes"][0]["importance"] == 10
    assert server.request("/healthz")[0] == 200
    assert server.stop() == 0


@pytest.mark.parametrize("args, message", [
    (["--port", "x"], "bad --port"),
    (["--port", "70000"], "bad --port"),
    (["--max-body-bytes", "0"],
     "--max-request-bytes needs a whole number of at least 1, not \"0\" "
     "(given as --max-body-bytes)"),
    (["--max-columns", "x"], "--max-columns needs a whole number"),
    (["--max-json-depth", "101"], "max_json_depth is 101; at most 100"),
    (["--max-bootstrap-resamples", "1000001"],
     "max_bootstrap_resamples is 1000001; at most 1000000"),
    (["--verbose"], "unknown option"),
    (["file.csv"], "serve takes no arguments"),
])
def test_usage_errors(args, message):
    result = subprocess.run([CLI, "serve", *args], capture_output=True,
                            timeout=TIMEOUT)
    assert result.returncode == 2
    assert message in result.stderr.decode()


def test_unreadable_token_file_fails_before_listening(tmp_path):
    result = subprocess.run(
        [CLI, "serve", "--port", "0", "--token-file",
         str(tmp_path / "missing")], capture_output=True, timeout=TIMEOUT)
    assert result.returncode == 1
    assert result.stdout == b""
    assert "missing" in result.stderr.decode()


def test_help():
    result = subprocess.run([CLI, "help", "serve"], capture_output=True,
                            timeout=TIMEOUT, check=True)
    assert b"--token-file" in result.stdout
    assert b"application/x-protobuf" in result.stdout


def test_limit_flags(serve):
    server = serve("--max-request-bytes", "200", "--max-columns", "4",
                   "--max-respondents", "1",
                   "--max-bootstrap-resamples", "2000")
    small = b"respondent,outcome,importance,satisfaction\nr,o,5,1\n"
    assert server.request("/v1/score", small, "text/csv")[0] == 200
    status, body = server.request("/v1/score", b"x" * 201, "text/csv")
    assert status == 413
    assert "max_request_bytes = 200" in json.loads(body)["error"]["message"]
    status, body = server.request(
        "/v1/score", b"respondent,outcome,importance,satisfaction,x\n",
        "text/csv")
    assert status == 413
    assert "max_columns = 4" in json.loads(body)["error"]["message"]
    # Within the size and column limits, over the respondents one.
    two = small + b"s,o,4,2\n"
    status, body = server.request("/v1/score", two, "text/csv")
    assert status == 413
    error = json.loads(body)["error"]
    assert error["code"] == "RESOURCE_EXHAUSTED"
    assert "max_respondents = 1" in error["message"]
    request = {"study": {"outcomes": [{"id": "o"}], "respondents": [
        {"id": "r", "answers": [{"outcomeId": "o", "importance": 5,
                                 "satisfaction": 1}]}]},
               "options": {"bootstrapResamples": 7}}
    status, body = server.request("/v1/score", json.dumps(request).encode(),
                                  "application/json")
    assert status == 200, body
    assert json.loads(body)["bootstrapResamples"] == 7
    request["options"]["bootstrapResamples"] = 2001
    status, body = server.request("/v1/score", json.dumps(request).encode(),
                                  "application/json")
    assert status == 413
    assert ("2001 resamples exceeds the limit max_bootstrap_resamples = 2000"
            in json.loads(body)["error"]["message"])
    assert server.stop() == 0


def test_help_lists_every_limit_flag():
    result = subprocess.run([CLI, "serve", "--help"], capture_output=True,
                            timeout=TIMEOUT)
    assert result.returncode == 0
    text = result.stdout.decode()
    for flag in ("--max-record-bytes", "--max-columns", "--max-outcomes",
                 "--max-respondents", "--max-request-bytes",
                 "--max-json-depth", "--max-bootstrap-resamples",
                 "--max-body-bytes"):
        assert flag + " N" in text, flag
    # The sidecar's own default for bodies.
    assert "a request body\n                           (default: 64 MiB)" \
        in text
