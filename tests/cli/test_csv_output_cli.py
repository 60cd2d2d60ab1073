"""Every CSV the jtbd command writes opens safely and correctly in a
spreadsheet (issue 17, item 5), and every command writing a file takes -o
(item 4).

Safety (CSV injection): statements, segment names, respondent ids,
initiative names and interview attributes come from customers and CRMs; a
cell beginning with =, +, -, @, a tab or CR would run as a formula. Each
command's CSV is written from poisoned inputs and every cell is checked:
either it is a plain number, or it does not begin with a trigger.
Spreadsheet styles (--separator, --decimal-comma, --bom) are checked cell
by cell against the canonical CSV with Python's csv module.

Environment: JTBD_CLI (the built `jtbd`), JTBD_SOURCE_DIR (repository root).
"""

import csv
import io
import os
import re
import subprocess

import pytest

CLI = os.environ.get("JTBD_CLI", "")
SOURCE_DIR = os.environ.get("JTBD_SOURCE_DIR", "")
EXAMPLES = os.path.join(SOURCE_DIR, "examples")

pytestmark = pytest.mark.skipif(
    not CLI or not SOURCE_DIR,
    reason="set JTBD_CLI and JTBD_SOURCE_DIR (ctest does)")

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")
PAYLOADS = ['=HYPERLINK("http://evil.example","x")', "@SUM(A1:A9)",
            "+cmd|' /C calc'!A0", "-2+3", "\tTAB"]


def run(*args):
    done = subprocess.run([CLI, *args], capture_output=True, timeout=300)
    return (done.returncode, done.stdout.decode("utf-8"),
            done.stderr.decode("utf-8", errors="replace"))


def run_ok(*args):
    code, out, err = run(*args)
    assert code == 0, err
    return out


def cells(text, delimiter=","):
    return list(csv.reader(io.StringIO(text, newline=""),
                           delimiter=delimiter))


def rewrite(source, target, change):
    with open(source, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    for i, row in enumerate(rows[1:]):
        change(header, i, row)
    with open(target, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    return target


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory):
    d = tmp_path_factory.mktemp("poisoned")

    def survey_change(header, i, row):
        row[header.index("segment")] = PAYLOADS[i % 2]
        row[header.index("respondent_id")] = PAYLOADS[i % len(PAYLOADS)] + \
            str(i)

    def outcomes_change(header, i, row):
        if i < len(PAYLOADS):
            row[header.index("statement")] = PAYLOADS[i] + " statement"

    def initiatives_change(header, i, row):
        # One initiative renamed everywhere it is named.
        for c, cell in enumerate(row):
            if cell == "work_record_sync":
                row[c] = "=work_record_sync"

    def interviews_change(header, i, row):
        # The same segment on every row of an interview.
        number = int(re.sub(r"\D", "", row[header.index("interview")]))
        row[header.index("segment")] = PAYLOADS[number % 2]

    return {
        "survey": rewrite(os.path.join(EXAMPLES, "survey.csv"),
                          d / "survey.csv", survey_change),
        "outcomes": rewrite(os.path.join(EXAMPLES, "outcomes.csv"),
                            d / "outcomes.csv", outcomes_change),
        "initiatives": rewrite(os.path.join(EXAMPLES, "initiatives.csv"),
                               d / "initiatives.csv", initiatives_change),
        "interviews": rewrite(os.path.join(EXAMPLES, "interviews.csv"),
                              d / "interviews.csv", interviews_change),
        "dir": d,
    }


def commands(p):
    """(name, argv) of every command that writes CSV, on poisoned inputs."""
    wave2 = os.path.join(EXAMPLES, "survey_wave2.csv")
    model = str(p["dir"] / "forces.model")
    return [
        ("score", ["score", "--segment-by", "segment", "--bootstrap", "0",
                   "--outcomes", str(p["outcomes"]), str(p["survey"])]),
        ("segment", ["segment", "--k", "3", "--seed", "7", str(p["survey"])]),
        ("compare", ["compare", "--segment-by", "segment", str(p["survey"]),
                     wave2]),
        ("prioritize", ["prioritize", "--budget", "100", "--resamples", "0",
                        "--segment-by", "segment", str(p["survey"]),
                        str(p["initiatives"])]),
        ("forces", ["forces", "--segment-by", "segment", "--save-model",
                    model, str(p["interviews"])]),
        ("forces --apply", ["forces", "--apply", model,
                            str(p["interviews"])]),
    ]


def test_no_cell_of_any_csv_can_run_as_a_formula(poisoned):
    neutralised = 0
    for name, argv in commands(poisoned):
        code, out, err = run(*argv, "--format", "csv")
        assert code == 0, (name, err)
        for r, row in enumerate(cells(out)):
            for c, cell in enumerate(row):
                if cell.startswith(TRIGGERS):
                    assert NUMBER.match(cell), (name, r, c, cell)
                if cell.startswith("'") and cell[1:].startswith(TRIGGERS):
                    neutralised += 1
    # Not vacuous: the payloads reached the CSVs and were neutralised.
    assert neutralised > 50


def test_payloads_survive_as_text(poisoned):
    out = run_ok(*commands(poisoned)[0][1], "--format", "csv")
    segments = {row[0] for row in cells(out)[1:]}
    assert segments == {"", "'" + PAYLOADS[0], "'" + PAYLOADS[1]}
    statements = {row[3] for row in cells(out)[1:]}
    assert "'-2+3 statement" in statements


@pytest.mark.parametrize("style,delimiter", [
    (["--separator", ";"], ";"),
    (["--separator", "tab"], "\t"),
    (["--decimal-comma"], ";"),
    (["--separator=;", "--decimal-comma", "--bom"], ";"),
])
def test_spreadsheet_styles_match_the_canonical_csv(poisoned, style,
                                                    delimiter):
    decimal_comma = "--decimal-comma" in style
    bom = "--bom" in style
    for name, argv in commands(poisoned):
        canonical = cells(run_ok(*argv, "--format", "csv"))
        styled_text = run_ok(*argv, "--format", "csv", *style)
        if bom:
            assert styled_text.startswith("\ufeff"), name
            styled_text = styled_text[1:]
        else:
            assert not styled_text.startswith("\ufeff"), name
        styled = cells(styled_text, delimiter)
        assert len(styled) == len(canonical), name
        changed = 0
        for want_row, got_row in zip(canonical, styled):
            assert len(got_row) == len(want_row), (name, got_row)
            for want, got in zip(want_row, got_row):
                if decimal_comma and NUMBER.match(want) and "." in want:
                    assert got == want.replace(".", ","), (name, want, got)
                    assert float(got.replace(",", ".")) == float(want)
                    changed += 1
                else:
                    assert got == want, (name, want, got)
        if decimal_comma and name in ("score", "compare", "forces"):
            assert changed > 10, name


def test_minus_o_writes_the_file_for_every_command(poisoned, tmp_path):
    for name, argv in commands(poisoned):
        target = tmp_path / (name.replace(" ", "_") + ".csv")
        to_stdout = run_ok(*argv, "--format", "csv")
        assert run_ok(*argv, "--format", "csv", "-o", str(target)) == ""
        assert target.read_bytes().decode("utf-8") == to_stdout, name
        target2 = tmp_path / (name.replace(" ", "_") + "2.csv")
        assert run_ok(*argv, "--format", "csv", "--output=" + str(target2),
                      "--bom") == ""
        assert target2.read_bytes() == b"\xef\xbb\xbf" + \
            to_stdout.encode("utf-8")


@pytest.mark.parametrize("flags,message", [
    (["--bom"], "apply to --format csv only"),
    (["--format", "json", "--separator", ";"], "apply to --format csv only"),
    (["--format", "csv", "--separator", ",", "--decimal-comma"],
     "a decimal comma needs a separator other than ','"),
    (["--format", "csv", "--separator", "|"], "bad --separator"),
    (["--format", "csv", "--bom=yes"], "--bom takes no value"),
    (["--format", "csv", "-o"], "option -o needs a value"),
])
def test_bad_output_options_are_usage_errors(flags, message):
    # Options after the file, so that a trailing -o has no value.
    code, out, err = run("score", os.path.join(EXAMPLES, "survey.csv"),
                         *flags)
    assert code == 2, err
    assert out == ""
    assert message in err, err


def test_an_option_value_is_never_taken_for_an_output_option(tmp_path):
    # "--segment-by -o" names a column "-o"; it is not the output option.
    survey = rewrite(os.path.join(EXAMPLES, "survey.csv"),
                     tmp_path / "s.csv", lambda h, i, row: None)
    code, _, err = run("score", "--segment-by", "-o", str(survey))
    assert code == 1, err
    assert '"-o"' in err, err
