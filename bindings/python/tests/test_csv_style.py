"""Report.to_csv's spreadsheet options (jtbd_csv_restyle) and its
formula-safe cells, checked with Python's csv module."""

import csv
import io
import re

import pytest

import jtbd

NUMBER = re.compile(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")


@pytest.fixture(scope="module")
def report():
    aggregate = jtbd.Aggregate()
    aggregate.add_outcome("o1", "=HYPERLINK(\"http://evil\",\"x\")")
    aggregate.add_outcome("o2", "Minimize the time it takes, in minutes")
    # Flat, row-major: respondent by respondent, outcome by outcome.
    aggregate.add_respondents([5, 4, 4, 2, 2, 5, 5, 5],
                              [1, 2, 2, 4, 3, 1, 5, 2])
    return aggregate.score(bootstrap=0)


def rows(text, delimiter=","):
    return list(csv.reader(io.StringIO(text, newline=""),
                           delimiter=delimiter))


def test_statements_cannot_run_as_formulas(report):
    table = rows(report.to_csv())
    statements = {row[2]: row[3] for row in table[1:]}
    assert statements["o1"] == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert statements["o2"] == "Minimize the time it takes, in minutes"


def test_french_spreadsheet_style_matches_the_canonical_cells(report):
    canonical = rows(report.to_csv())
    french_text = report.to_csv(decimal_comma=True, bom=True)
    assert french_text.startswith("\ufeff")
    french = rows(french_text[1:], ";")
    assert len(french) == len(canonical)
    converted = 0
    for want_row, got_row in zip(canonical, french):
        for want, got in zip(want_row, got_row):
            if NUMBER.match(want) and "." in want:
                assert float(got.replace(",", ".")) == float(want)
                converted += 1
            else:
                assert got == want
    assert converted > 5


def test_tab_separator(report):
    assert rows(report.to_csv(separator="\t"), "\t") == rows(report.to_csv())


def test_impossible_styles_are_refused(report):
    with pytest.raises(jtbd.Error, match="decimal comma"):
        report.to_csv(separator=",", decimal_comma=True)
    with pytest.raises(jtbd.Error, match="separator 124"):
        report.to_csv(separator="|")
    with pytest.raises(ValueError):
        report.to_csv(separator=";;")
