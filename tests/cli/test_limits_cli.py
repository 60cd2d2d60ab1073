"""The CLI's resource-limit flags (--max-columns, --max-record-bytes,
--max-outcomes, --max-respondents, --max-request-bytes, --max-json-depth),
which bind the survey and the label map, survey map and outcome
descriptions read with it, their --help, and the answer to running out of
memory: exit 1 with a message, never a crash.

Environment: JTBD_CLI (the built `jtbd`)."""

import os
import resource
import subprocess

import pytest

CLI = os.environ.get("JTBD_CLI", "")

pytestmark = pytest.mark.skipif(not CLI, reason="set JTBD_CLI (ctest does)")

WIDE = ("respondent_id,imp_a,sat_a,imp_b,sat_b\n"
        "r1,4,3,5,2\n"
        "r2,3,3,4,4\n")


def run(*args, stdin=None, preexec_fn=None):
    done = subprocess.run([CLI, *args], input=stdin, capture_output=True,
                          timeout=120, preexec_fn=preexec_fn)
    return (done.returncode, done.stdout.decode("utf-8"),
            done.stderr.decode("utf-8", errors="replace"))


@pytest.fixture
def wide(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text(WIDE)
    return str(path)


@pytest.mark.parametrize("command", ["score", "inspect", "segment"])
def test_each_limit_flag_at_and_past_the_value(wide, command):
    extra = ["--bootstrap", "0"] if command == "score" else []
    # (flag, the file's own need, what one less refuses, and where)
    cases = [("--max-columns", 5, "field 5 of the record", "line 1, column 5"),
             ("--max-respondents", 2, "respondent 2", "line 3"),
             ("--max-outcomes", 2, "the header's 2 outcomes", "line 1"),
             ("--max-record-bytes", 37, "the record, over 36 bytes",
              "line 1, column 5")]
    for flag, at, what, where in cases:
        if command == "score":  # at the limit: read and scored
            code, out, err = run(command, *extra, flag, str(at), wide)
            assert code == 0, err
            assert "2 respondents" in out
        code, out, err = run(command, *extra, flag, str(at - 1), wide)
        assert code == 1, (flag, err)
        if command != "inspect":  # inspect shows what it found before
            assert out == ""
        assert err.startswith("jtbd: " + wide + ": " + where), err
        assert what in err
        assert "exceeds the limit" in err
        assert flag in err, "the message names the flag that raises it"


def test_bad_limit_values_are_usage_errors(wide):
    for value in ["0", "-1", "many", ""]:
        code, _, err = run("score", "--max-columns", value, wide)
        assert code == 2, err
        assert "--max-columns needs a whole number of at least 1" in err


def test_out_of_memory_exits_1_with_a_message(tmp_path):
    # An 80 MB quoted field of "" pairs: unescaping it allocates 40 MB more.
    path = tmp_path / "quotes.csv"
    with open(path, "w") as f:
        f.write("respondent_id,imp_a,sat_a\n")
        f.write('"' + '""' * 40000000 + '",3,3\n')
    if "san" in os.environ.get("LD_PRELOAD", ""):
        pytest.skip("sanitizers manage the address space themselves")
    outcomes = set()
    # From too little memory for anything to enough for all: every run
    # either succeeds or refuses cleanly.
    for megabytes in [40, 60, 80, 100, 120, 150, 180, 250, 400]:
        cap = megabytes << 20

        def cap_memory(cap=cap):
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

        code, _, err = run("score", "--bootstrap", "0",
                           "--max-record-bytes", "1000000000", str(path),
                           preexec_fn=cap_memory)
        assert code in (0, 1), (megabytes, code, err)
        if code == 1:
            assert err.startswith("jtbd: "), err
        if "RESOURCE_EXHAUSTED: out of memory" in err:
            outcomes.add("oom")
        elif code == 0:
            outcomes.add("ok")
    assert outcomes == {"oom", "ok"}


LIMIT_FLAGS = ("--max-record-bytes", "--max-columns", "--max-outcomes",
               "--max-respondents", "--max-request-bytes", "--max-json-depth")


@pytest.mark.parametrize("command", ["score", "inspect", "segment"])
def test_help_lists_the_limit_flags_from_one_text(command):
    code, out, err = run(command, "--help")
    assert code == 0, err
    for flag in LIMIT_FLAGS:
        assert "  " + flag + " N" in out, flag
    # The defaults printed are the library's.
    assert "bytes of one CSV record (default: 16 MiB)" in out
    assert "fields of one CSV record (default: 20000)" in out
    assert "outcomes of one study (default: 2000)" in out
    assert "(default, and most: 100)" in out
    # Requests only: the sidecar's.
    assert "--max-bootstrap-resamples" not in out
    # One shared text: the block is the same in every command's help.
    start = out.index("  --max-record-bytes N")
    block = out[start:out.index("(docs/LIMITS.md)", start)]
    _, score_help, _ = run("score", "--help")
    assert block in score_help


def test_new_limit_flags_are_accepted_and_checked(wide):
    code, out, err = run("score", "--bootstrap", "0", "--max-request-bytes",
                         "100", "--max-json-depth", "5", wide)
    assert code == 0, err
    code, _, err = run("score", "--max-json-depth", "101", wide)
    assert code == 2
    assert "max_json_depth is 101; at most 100" in err
    code, _, err = run("score", "--max-bootstrap-resamples", "5", wide)
    assert code == 2
    assert 'unknown option' in err or "--max-bootstrap-resamples" in err


def test_labels_file_obeys_the_read_limits(tmp_path):
    survey = tmp_path / "s.csv"
    survey.write_text("respondent_id,imp_a,sat_a\n"
                      "r1,Great,Fine\nr2,Great,Great\n")
    labels = tmp_path / "labels.csv"
    labels.write_text("label,rating,kind\nGreat,5,\nFine,2,\n")
    code, out, err = run("score", "--bootstrap", "0", "--labels",
                         str(labels), str(survey))
    assert code == 0, err
    # The label map is read before the survey, with the same limits.
    code, out, err = run("score", "--bootstrap", "0", "--labels",
                         str(labels), "--max-columns", "2", str(survey))
    assert code == 1
    assert err.startswith("jtbd: " + str(labels) + ": line 1, column 3"), err
    assert "max_columns = 2" in err
    code, _, err = run("score", "--bootstrap", "0", "--labels", str(labels),
                       "--max-request-bytes", "10", str(survey))
    assert code == 1
    assert "labels.csv: %d bytes exceeds the limit max_request_bytes = 10" \
        % len(labels.read_bytes()) in err
    json_labels = tmp_path / "labels.json"
    json_labels.write_text('{"importance": {"Great": 5}, '
                           '"satisfaction": {"Great": 5, "Fine": 2}}')
    code, _, err = run("score", "--bootstrap", "0", "--labels",
                       str(json_labels), str(survey))
    assert code == 0, err
    code, _, err = run("score", "--bootstrap", "0", "--labels",
                       str(json_labels), "--max-json-depth", "1", str(survey))
    assert code == 1
    assert "labels.json: line 1, column 16" in err
    assert "max_json_depth = 1" in err


def test_outcomes_and_map_files_obey_the_read_limits(tmp_path, wide):
    outcomes = tmp_path / "outcomes.csv"
    outcomes.write_text("id,statement\na,Minimize the time\n")
    code, out, err = run("score", "--bootstrap", "0", "--outcomes",
                         str(outcomes), wide)
    assert code == 0, err
    assert "Minimize the time" in out
    code, out, err = run("score", "--bootstrap", "0", "--outcomes",
                         str(outcomes), "--max-request-bytes", "20", wide)
    assert code == 1
    assert "outcomes.csv: %d bytes exceeds the limit max_request_bytes = 20" \
        % len(outcomes.read_bytes()) in err, err
    survey_map = tmp_path / "map.json"
    code, _, err = run("inspect", "--write-map", str(survey_map), wide)
    assert code == 0, err
    code, _, err = run("score", "--bootstrap", "0", "--map", str(survey_map),
                       wide)
    assert code == 0, err
    code, _, err = run("score", "--bootstrap", "0", "--map", str(survey_map),
                       "--max-json-depth", "1", wide)
    assert code == 1
    assert "map.json: line" in err and "max_json_depth = 1" in err
