"""End-to-end tests of the job-map coverage section of `jtbd report
--design FILE` (docs/REPORTS.md): every figure of each step's row, the
step with the most unmet opportunity and the outcome lists equal the
`coverage` of `jtbd score --design FILE --format json` on the same inputs,
written here independently in each language's notation; a design's hostile
texts come out escaped; no design, no section.

Environment: JTBD_CLI (the built `jtbd`), JTBD_SOURCE_DIR (repository root).
"""

import csv
import os

import pytest

from test_landscape_cli import HOSTILE
from test_report_sections_cli import (CLI, DASH, SOURCE_DIR, Rows, as_json,
                                      num, run, run_ok)

DESIGN_DIR = os.path.join(SOURCE_DIR, "tests", "data", "design")
DESIGN = os.path.join(DESIGN_DIR, "design.csv")
SURVEY = os.path.join(DESIGN_DIR, "survey.csv")

pytestmark = pytest.mark.skipif(
    not CLI or not SOURCE_DIR,
    reason="set JTBD_CLI and JTBD_SOURCE_DIR (ctest does)")

UNIVERSAL = {
    "en": {"define": "Define", "locate": "Locate", "prepare": "Prepare",
           "confirm": "Confirm", "execute": "Execute", "monitor": "Monitor",
           "modify": "Modify", "conclude": "Conclude"},
    "fr": {"define": "Définir", "locate": "Localiser", "prepare": "Préparer",
           "confirm": "Confirmer", "execute": "Exécuter",
           "monitor": "Surveiller", "modify": "Modifier",
           "conclude": "Conclure"},
}
READINGS = {
    "en": {"none": "no desired outcome", "under": "every scored outcome "
           "underserved", "over": "every scored outcome overserved",
           "most": "the most unmet opportunity"},
    "fr": {"none": "aucun résultat attendu", "under": "tous les résultats "
           "notés mal servis", "over": "tous les résultats notés trop servis",
           "most": "la plus grande opportunité non satisfaite"},
}


class StepRows(Rows):
    KEYS = Rows.KEYS + ("data-step",)


def coverage_rows(text):
    rows = StepRows()
    rows.feed(text)
    rows.close()
    return rows.rows[("coverage", 0)]


def expected_name(step, lang):
    if step["name"] and step["name"] != step["stepId"]:
        return step["name"]
    return UNIVERSAL[lang].get(step["stepId"], step["stepId"])


def expected_row(step, most_id, lang):
    highest = DASH
    if "maxOpportunity" in step:
        highest = num(step["maxOpportunity"], 1, lang)
        if step.get("topOutcomeId"):
            highest += " " + step["topOutcomeId"]
    return [
        expected_name(step, lang),
        str(step.get("outcomeCount", 0)),
        str(step.get("scoredOutcomeCount", 0)),
        str(step.get("underservedCount", 0)),
        str(step.get("overservedCount", 0)),
        num(step.get("opportunityExcess", 0), 1, lang),
        highest,
    ]


def expected_reading(step, most_id, lang):
    words = READINGS[lang]
    parts = []
    if step.get("outcomeCount", 0) == 0:
        parts.append(words["none"])
    elif step.get("allUnderserved"):
        parts.append(words["under"])
    elif step.get("allOverserved"):
        parts.append(words["over"])
    if step["stepId"] == most_id:
        parts.append(words["most"])
    return parts


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_figure_equals_the_score_json(lang):
    coverage = as_json("score", "--design", DESIGN, SURVEY)["coverage"]
    page = run_ok("report", "--lang", lang, "--design", DESIGN, SURVEY)
    rows = coverage_rows(page)
    most_id = coverage.get("mostOpportunityStepId", "")
    assert most_id == "define"  # the fixture has one, so the test reads it
    assert list(rows) == [step["stepId"] for step in coverage["steps"]]
    for step in coverage["steps"]:
        cells = rows[step["stepId"]]
        assert cells[:7] == expected_row(step, most_id, lang), step["stepId"]
        reading = cells[7]
        for part in expected_reading(step, most_id, lang):
            assert part in reading, (step["stepId"], reading)
        if not expected_reading(step, most_id, lang):
            assert reading == ""
    most = next(s for s in coverage["steps"] if s["stepId"] == most_id)
    sentence = (num(most["opportunityExcess"], 1, lang),
                num(most["maxOpportunity"], 1, lang))
    section = page[page.index('<section id="coverage">'):]
    section = section[:section.index("</section>")]
    for figure in sentence:
        assert figure in section
    assert "<strong>%s</strong>" % expected_name(most, lang) in section
    for ids in (coverage.get("unassignedOutcomeIds", []),
                coverage.get("unscoredOutcomeIds", [])):
        assert ids  # the fixture has both lists
        assert ": " + ", ".join(ids) + "." in section.replace("\u202f", " ")
    summary = page[page.index('<section id="summary">'):]
    summary = summary[:summary.index("</section>")]
    assert "<strong>%s</strong>" % expected_name(most, lang) in summary


def test_no_design_no_section():
    page = run_ok("report", SURVEY)
    assert 'id="coverage"' not in page


def test_hostile_design_texts_are_escaped(tmp_path):
    design = tmp_path / "design.csv"
    with open(design, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["kind", "id", "statement", "job_step"])
        w.writerow(["job", "", HOSTILE[0], ""])
        w.writerow(["step", "s1", HOSTILE[1], ""])
        w.writerow(["step", "s2", HOSTILE[3], ""])
        w.writerow(["outcome", "a", "Minimize the time it takes to plan",
                    "s1"])
        w.writerow(["outcome", "b", "Minimize the time it takes to send",
                    "s2"])
    page = run_ok("report", "--design", str(design), SURVEY)
    section = page[page.index('<section id="coverage">'):]
    section = section[:section.index("</section>")]
    for hostile in (HOSTILE[0], HOSTILE[1], HOSTILE[3]):
        assert hostile not in section
    assert "&lt;script&gt;" in section
    assert "Tom &amp; Jerry" in section
    assert "&quot;&gt;&lt;svg onload=alert(1)&gt;" in section


def test_two_inputs_from_standard_input_are_a_usage_error():
    done = run("report", "--design", "-", "-")
    assert done.returncode == 2
    assert b"--design, not two" in done.stderr
