"""The CLI's resource-limit flags (--max-columns, --max-record-bytes,
--max-outcomes, --max-respondents) and its answer to running out of memory:
exit 1 with a message, never a crash.

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
