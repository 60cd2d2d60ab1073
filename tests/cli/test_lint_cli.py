"""End-to-end tests of `jtbd lint` (docs/STATEMENTS.md, issue 14).

Offsets are checked independently here: every part's and finding's
[begin, end) must cut, out of the UTF-8 bytes of the statement's NFC text
(Python's unicodedata), exactly the text the part carries.

Environment: JTBD_CLI (the built `jtbd`), JTBD_SOURCE_DIR (repository root).
"""

import json
import os
import subprocess
import unicodedata

import pytest

CLI = os.environ.get("JTBD_CLI", "")
SOURCE_DIR = os.environ.get("JTBD_SOURCE_DIR", "")

pytestmark = pytest.mark.skipif(
    not CLI or not SOURCE_DIR,
    reason="set JTBD_CLI and JTBD_SOURCE_DIR (ctest does)")

SOUND = ("Minimize the time it takes to verify the accuracy of an invoice "
         "when it arrives from a new supplier\n"
         "Cut a piece of wood in a straight line\n"
         "Minimiser la probabilit\u00e9 qu\u2019un paiement soit envoy\u00e9 "
         "sur le mauvais compte\n")


def run(*args, stdin=None):
    """Runs jtbd; returns (exit code, stdout text, stderr text)."""
    data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    done = subprocess.run([CLI, "lint", *args], input=data,
                          capture_output=True, timeout=60)
    return (done.returncode, done.stdout.decode("utf-8"),
            done.stderr.decode("utf-8", errors="replace"))


def lint_json(*args, stdin=None):
    code, out, err = run("--format", "json", *args, stdin=stdin)
    assert code in (0, 1), err
    return code, json.loads(out)


def check_offsets(statement):
    raw = statement["text"].encode("utf-8")
    assert statement["text"] == unicodedata.normalize("NFC",
                                                      statement["text"])
    spans = [v for k, v in statement["parts"].items() if isinstance(v, dict)]
    spans += [f["span"] for f in statement["findings"]]
    for span in spans:
        begin, end = span["begin"], span["end"]
        assert raw[begin:end].decode("utf-8") == span["text"], span


def test_sound_statements_exit_0(tmp_path):
    path = tmp_path / "sound.txt"
    path.write_text(SOUND, encoding="utf-8")
    code, report = lint_json(str(path))
    assert code == 0
    assert [s["text"] for s in report["statements"]] == SOUND.splitlines()
    for s in report["statements"]:
        assert s["findings"] == []
        check_offsets(s)
    first = report["statements"][0]
    assert first["kind"] == "STATEMENT_KIND_OUTCOME"
    assert first["language"] == "STATEMENT_LANGUAGE_ENGLISH"
    parts = first["parts"]
    assert parts["direction"]["text"] == "Minimize"
    assert parts["metric"]["text"] == "the time it takes to"
    assert parts["metric"]["begin"] == 9 and parts["metric"]["end"] == 29
    assert parts["object"]["text"] == "verify the accuracy of an invoice"
    assert parts["clarifier"]["text"] == ("when it arrives from a new "
                                          "supplier")
    assert report["statements"][1]["kind"] == "STATEMENT_KIND_JOB"
    assert report["statements"][2]["language"] == "STATEMENT_LANGUAGE_FRENCH"


def test_findings_exit_1_with_rule_severity_message_suggestion():
    code, report = lint_json("-", stdin="Reduce the time it takes to pay\n"
                             "Minimize errors when billing\n")
    assert code == 1
    first, second = report["statements"]
    assert [f["rule"] for f in first["findings"]] == ["JTBD-L001"]
    finding = first["findings"][0]
    assert finding["ruleName"] == "non-canonical-direction"
    assert finding["severity"] == "LINT_SEVERITY_WARNING"
    assert "Minimize" in finding["message"]
    assert finding["suggestion"] == "Minimize the time it takes to pay"
    assert [f["rule"] for f in second["findings"]] == ["JTBD-L002"]
    assert second["findings"][0]["severity"] == "LINT_SEVERITY_ERROR"
    assert second["findings"][0]["suggestion"] == (
        "Minimize the number of errors when billing")


def test_decomposed_accents_and_no_break_spaces_count_nfc_bytes():
    text = ("Minimiser le temps ne\u0301cessaire pour\u00a0savoir si une "
            "pie\u0300ce est en stock")
    code, report = lint_json("--lang", "fr", "-", stdin=text + "\n")
    assert code == 0
    (statement,) = report["statements"]
    assert statement["text"] == unicodedata.normalize("NFC", text)
    check_offsets(statement)
    metric = statement["parts"]["metric"]
    assert metric["text"] == "le temps n\u00e9cessaire pour"
    assert metric["begin"] == len("Minimiser ".encode("utf-8"))


def test_duplicates_name_the_earlier_statement():
    code, report = lint_json("-", stdin=(
        "Minimize the time it takes to locate a file\n"
        "\n"
        "minimize the time it takes to locate a file.\n"))
    assert code == 1
    assert len(report["statements"]) == 2  # the blank line is no statement
    (finding,) = report["statements"][1]["findings"]
    assert finding["rule"] == "JTBD-L008"
    assert finding["relatedStatement"] == 0


def test_table_output():
    code, out, _ = run("-", stdin="Increase revenue\nPay a supplier on time\n")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "1. Increase revenue"
    assert lines[1].startswith("   error JTBD-L007 not-a-need: ")
    assert lines[2] == "2. Pay a supplier on time"
    assert lines[3] == "   ok"
    assert lines[-1] == "2 statements: 1 error, 0 warnings, 0 info"


def test_outcomes_csv_keeps_ids(tmp_path):
    path = tmp_path / "outcomes.csv"
    path.write_text("id,statement,job_step\n"
                    "o1,Minimize the likelihood that the cut goes off track,"
                    "execute\n"
                    "o2,,execute\n"
                    "o3,\"Minimize the time and cost of a cut\",prepare\n",
                    encoding="utf-8")
    code, report = lint_json("--outcomes", str(path))
    assert code == 1
    assert [s["id"] for s in report["statements"]] == ["o1", "o3"]
    assert report["statements"][0]["findings"] == []
    assert [f["rule"] for f in report["statements"][1]["findings"]] == [
        "JTBD-L003"]


def test_user_solution_words(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("Acme Books\n", encoding="utf-8")
    text = "Minimize the time it takes to file an invoice in acme books\n"
    assert lint_json("-", stdin=text)[0] == 0
    code, report = lint_json("--solution-words", str(words), "-", stdin=text)
    assert code == 1
    (finding,) = report["statements"][0]["findings"]
    assert finding["rule"] == "JTBD-L005"
    assert finding["span"]["text"] == "acme books"


def test_invalid_utf8_is_refused_with_file_line_column(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Pay a supplier on time\nCut a \xff piece\n")
    code, out, err = run(str(path))
    assert code == 2
    assert out == ""
    assert err == "jtbd: %s:2:7: the line is not valid UTF-8\n" % path


def test_outcomes_csv_errors_name_line_and_column(tmp_path):
    path = tmp_path / "outcomes.csv"
    path.write_text("id,statement\no1,Pay on time\no1,Pay again\n",
                    encoding="utf-8")
    code, out, err = run("--outcomes", str(path))
    assert code == 2 and out == ""
    assert err.startswith("jtbd: %s:3:1: outcome" % path), err


@pytest.mark.parametrize("args,expected", [
    (["--lang", "de", "-"], "bad --lang \"de\""),
    (["--format", "csv", "-"], "bad --format \"csv\""),
    ([], "no input file given"),
    (["a", "b"], "more than one input file"),
])
def test_usage_errors_exit_2(args, expected):
    code, out, err = run(*args, stdin="")
    assert code == 2
    assert out == ""
    assert expected in err


def test_empty_input_is_bad_input():
    code, _, err = run("-", stdin="\n  \n")
    assert code == 2
    assert err == "jtbd: <stdin>:2:1: no statements: every line is blank\n"


def test_help():
    code, out, _ = run("--help")
    assert code == 0 and out.startswith("Usage: jtbd lint")
    done = subprocess.run([CLI, "--help"], capture_output=True, timeout=60)
    assert b"\n  lint        check job statements" in done.stdout
