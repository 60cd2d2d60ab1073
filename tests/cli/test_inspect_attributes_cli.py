"""`jtbd inspect` says which attribute columns segment profiles would set
aside (issue 21, item 4): columns whose values are mostly unique (an id, an
e-mail, free text) are never tested as segmenting attributes, and inspect
shows the rule's verdict with the counts it rests on, so a CRM export's
contact fields are visible before anyone segments.

The rule (src/segments/attribute_overrepresentation.h): more than 10
distinct values, and more than half of the respondents who have a value.
Expected verdicts are computed here from the generated file.

Environment: JTBD_CLI (the built `jtbd`).
"""

import os
import subprocess

import pytest

CLI = os.environ.get("JTBD_CLI", "")

pytestmark = pytest.mark.skipif(not CLI, reason="set JTBD_CLI (ctest does)")


def write_survey(path, attributes):
    """A wide survey of len(first column) respondents, one outcome, and
    the given attribute columns {name: [value per respondent]}."""
    names = list(attributes)
    n = len(attributes[names[0]])
    lines = [",".join(["respondent_id", *names, "imp_o1", "sat_o1"])]
    for r in range(n):
        values = [attributes[name][r] for name in names]
        lines.append(",".join([f"r{r}", *values, str(1 + r % 5),
                               str(1 + (r * 3) % 5)]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def attribute_rows(output):
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines)
                 if line.startswith("attributes:"))
    header = lines[start + 1]
    assert header.split()[:5] == ["name", "column", "values", "blank",
                                  "distinct"], header
    verdict_column = header.index("segment profiles")
    rows = {}
    for line in lines[start + 2:]:
        if not line.startswith("  ") or line.startswith("   "):
            break
        cells = line[:verdict_column].split()
        rows[cells[0]] = (int(cells[-3]), int(cells[-2]), int(cells[-1]),
                          line[verdict_column:])
    return rows


def expected(values):
    present = [v for v in values if v]
    distinct = len(set(present))
    set_aside = distinct > 10 and distinct > 0.5 * len(present)
    return len(present), len(values) - len(present), distinct, set_aside


@pytest.mark.parametrize("n,attributes", [
    (30, {
        "email": [f"user{r}@example.com" for r in range(30)],
        "region": ["north", "south", "east"] * 10,
        # 11 distinct of 20 with a value: set aside (11 > 10, 11 > 10).
        "note": [f"n{r % 11}" if r < 20 else "" for r in range(30)],
        # 11 distinct of 22: kept (11 is not more than half of 22).
        "city": [f"c{r % 11}" if r < 22 else "" for r in range(30)],
        # 10 distinct of 10: kept (not more than 10 distinct values).
        "code": [f"k{r}" if r < 10 else "" for r in range(30)],
    }),
])
def test_inspect_names_the_attributes_profiles_set_aside(tmp_path, n,
                                                         attributes):
    survey = tmp_path / "survey.csv"
    write_survey(survey, attributes)
    done = subprocess.run([CLI, "inspect", str(survey)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    rows = attribute_rows(done.stdout)
    assert set(rows) == set(attributes)
    verdicts = {}
    for name, values in attributes.items():
        with_value, blank, distinct, set_aside = expected(values)
        got_values, got_blank, got_distinct, verdict = rows[name]
        assert (got_values, got_blank, got_distinct) == \
            (with_value, blank, distinct), name
        assert verdict.startswith("set aside" if set_aside else "tested"), \
            (name, verdict)
        verdicts[name] = set_aside
    # Not vacuous: both verdicts occur, at both sides of each threshold.
    assert verdicts == {"email": True, "region": False, "note": True,
                        "city": False, "code": False}
