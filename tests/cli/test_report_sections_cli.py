"""End-to-end tests of the sections `jtbd report` adds from other analyses
(docs/REPORTS.md): --interviews (switching forces), --previous (changes
since a previous wave) and --initiatives with --budget (the chosen roadmap).

Every figure of each section is checked against the JSON of the command
that computes it on the same inputs (`jtbd forces`, `jtbd compare`, `jtbd
prioritize --format json`), written here independently in each language's
notation; hostile initiative names, statements and segment names come out
escaped; the flags' misuse is a usage error.

Environment: JTBD_CLI (the built `jtbd`), JTBD_SOURCE_DIR (repository root).
"""

import csv
import html.parser
import json
import os
import subprocess

import pytest

from test_landscape_cli import HOSTILE, hostile_survey
from test_report_cli import check_self_contained

CLI = os.environ.get("JTBD_CLI", "")
SOURCE_DIR = os.environ.get("JTBD_SOURCE_DIR", "")
EXAMPLES = os.path.join(SOURCE_DIR, "examples")
PREVIOUS = os.path.join(EXAMPLES, "survey.csv")
SURVEY = os.path.join(EXAMPLES, "survey_wave2.csv")
OUTCOMES = os.path.join(EXAMPLES, "outcomes.csv")
INTERVIEWS = os.path.join(EXAMPLES, "interviews.csv")
INITIATIVES = os.path.join(EXAMPLES, "initiatives.csv")
NNBSP = "\u202f"
DASH = "\u2013"

pytestmark = pytest.mark.skipif(
    not CLI or not SOURCE_DIR,
    reason="set JTBD_CLI and JTBD_SOURCE_DIR (ctest does)")

FULL = ("--interviews", INTERVIEWS, "--previous", PREVIOUS, "--initiatives",
        INITIATIVES, "--budget", "100", "--outcomes", OUTCOMES, SURVEY)


def run(*args):
    return subprocess.run([CLI, *args], capture_output=True, timeout=300)


def run_ok(*args):
    done = run(*args)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done.stdout.decode("utf-8")


def as_json(*args):
    return json.loads(run_ok(*args, "--format", "json"))


class Rows(html.parser.HTMLParser):
    """Per section id, the rows keyed by their data-* attribute: the text
    of each cell; and each paragraph with an id."""

    KEYS = ("data-force", "data-outcome-id", "data-initiative")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.section = None
        self.rows = {}  # (section, table index) -> {key: [cell text]}
        self.tables = {}
        self.table = None
        self.key = None
        self.cell = None
        self.paragraph = None
        self.paragraphs = {}
        self.text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "section":
            self.section = attrs.get("id")
            self.tables[self.section] = -1
        elif tag == "table":
            self.tables[self.section] += 1
            self.table = (self.section, self.tables[self.section])
        elif tag == "tr":
            self.key = next((attrs[k] for k in self.KEYS if k in attrs), None)
            if self.key is not None:
                self.rows.setdefault(self.table, {})[self.key] = []
        elif tag == "td" and self.key is not None:
            self.cell = []
        elif tag == "p" and attrs.get("id"):
            self.paragraph = attrs["id"]
            self.paragraphs[self.paragraph] = []

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.rows[self.table][self.key].append("".join(self.cell))
            self.cell = None
        elif tag == "tr":
            self.key = None
        elif tag == "p":
            self.paragraph = None

    def handle_data(self, data):
        self.text.append(data)
        if self.cell is not None:
            self.cell.append(data)
        if self.paragraph is not None:
            self.paragraphs[self.paragraph].append(data)


def parse(text):
    rows = Rows()
    rows.feed(text)
    rows.close()
    return rows


def num(value, decimals, lang):
    """The number as the report writes it, from Python's own formatting."""
    text = "{:,.{}f}".format(value, decimals)
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]
    if lang == "fr":
        text = text.replace(",", NNBSP).replace(".", ",")
    return text


def pct(share, lang):
    percent = share * 100
    whole = abs(percent - round(percent)) < 1e-9
    text = num(percent, 0 if whole else 1, lang)
    return text + (NNBSP + "%" if lang == "fr" else "%")


def pval(p, lang):
    return "< " + num(0.001, 3, lang) if p < 0.001 else num(p, 3, lang)


def amount(value, lang):
    whole = abs(value - round(value)) < 1e-9
    return num(value, 0 if whole else 1, lang)


def interval(low, high, decimals, lang):
    return num(low, decimals, lang) + DASH + num(high, decimals, lang)


@pytest.fixture(scope="module", params=["en", "fr"])
def full(request):
    lang = request.param
    return lang, parse(run_ok("report", "--lang", lang, *FULL))


def test_forces_match_jtbd_forces(full):
    lang, page = full
    forces = as_json("forces", INTERVIEWS)
    rows = page.rows[("forces", 0)]
    comparisons = {c["name"]: c for c in forces["comparisons"]}
    assert list(rows) == [f["name"] for f in forces["forces"]]
    for force in forces["forces"]:
        cells = rows[force["name"]]
        p = force["prevalenceInterval"]
        assert cells[1] == (pct(force["prevalence"], lang) +
                            pct(p["low"], lang) + DASH + pct(p["high"], lang))
        m = force["meanIntensityInterval"]
        assert cells[2] == (num(force["meanIntensity"], 1, lang) +
                            interval(m["low"], m["high"], 1, lang))
        c = comparisons[force["name"]]
        assert cells[3] == num(c["switcherMean"], 1, lang)
        assert cells[4] == num(c["stayerMean"], 1, lang)
        assert cells[5] == pval(c["adjustedPValue"], lang)
    balance = "".join(page.paragraphs["forces-balance"])
    b = forces["balance"]
    for share in (b["agreement"], b["agreementInterval"]["low"],
                  b["agreementInterval"]["high"]):
        assert pct(share, lang) in balance
    model = forces["model"]
    quality = "".join(page.paragraphs["forces-model"])
    assert num(model["auc"], 2, lang) in quality
    assert num(model["brierScore"], 3, lang) in quality
    assert str(model["folds"]) in quality
    weights = page.rows[("forces", 1)]
    for name, weight in model["coefficients"].items():
        i = weight["interval"]
        assert weights[name][1] == (num(weight["estimate"], 2, lang) +
                                    interval(i["low"], i["high"], 2, lang))


def test_wave_changes_match_jtbd_compare(full):
    lang, page = full
    comparison = as_json("compare", PREVIOUS, SURVEY)
    changed = [c for c in comparison["changes"] if c.get("significant")]
    assert changed, "the example waves differ"
    rows = page.rows[("waves", 0)]
    assert list(rows) == [c["outcomeId"] for c in changed]
    for change in changed:
        cells = rows[change["outcomeId"]]
        for column, score in enumerate(
                ("importance", "satisfaction", "opportunity"), start=1):
            s = change[score]
            difference = num(s["difference"], 1, lang)
            if s["difference"] > 0 and difference.strip("0.,"):
                difference = "+" + difference
            assert cells[column] == (
                difference + interval(s["interval"]["low"],
                                      s["interval"]["high"], 1, lang) +
                ("p " if s.get("adjustedPValue", 0) < 0.001 else "p = ") +
                pval(s.get("adjustedPValue", 0), lang))
    text = "".join(page.text)
    assert "%d %s %d" % (len(changed), "of" if lang == "en" else
                         "r\u00e9sultats sur", len(comparison["changes"])) \
        in text


def test_roadmap_matches_jtbd_prioritize(full):
    lang, page = full
    roadmap = as_json("prioritize", "--budget", "100", SURVEY, INITIATIVES)
    rows = page.rows[("roadmap", 0)]
    assert list(rows) == roadmap["selected"]
    results = {r["initiative"]: r for r in roadmap["initiatives"]}
    marginal = {m["initiative"]: m for m in roadmap["marginalValues"]}
    for name in roadmap["selected"]:
        cells = rows[name]
        assert cells[0] == name
        assert cells[1] == amount(results[name]["cost"], lang)
        assert cells[2] == num(marginal[name]["marginalValue"], 1, lang)
        assert cells[3] == pct(results[name]["chosenShare"], lang)
    choice = "".join(page.paragraphs["roadmap-choice"])
    for figure in (amount(roadmap["budget"], lang),
                   amount(roadmap["cost"], lang),
                   num(roadmap["value"], 1, lang)):
        assert figure in choice
    outcomes = page.rows[("roadmap", 1)]
    assert len(outcomes) == len(roadmap["contributions"])
    for c in roadmap["contributions"]:
        cells = outcomes[c["outcomeId"]]
        assert cells[1:4] == [num(c["opportunityBefore"], 1, lang),
                              num(c["opportunityAfter"], 1, lang),
                              num(c["value"], 1, lang)]
        assert cells[4] == ", ".join(c["initiatives"])


def test_summary_names_each_section(full):
    lang, page = full
    text = "".join(page.text)
    if lang == "en":
        for words in ("Switching: 28 of 40", "Since the previous wave",
                      "Chosen roadmap: parts_price_feed"):
            assert words in text, words
        for title in ("Switching forces", "Changes since the previous wave"):
            assert title in text
    else:
        for words in ("Changement" + NNBSP + ": 28 des 40",
                      "Depuis la vague pr\u00e9c\u00e9dente",
                      "Feuille de route retenue" + NNBSP + ": parts_price_feed"):
            assert words in text, words
        for english in ("Switching forces", "Chosen roadmap", "Switchers",
                        "Initiative\u00a0", "Opportunity lost"):
            assert english not in text, english


def hostile_initiatives(path):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["initiative", "cost", "outcome", "target_satisfaction"])
        for i, name in enumerate(HOSTILE):
            w.writerow([name, 10 + i, "o%d" % (i % 4 + 1), 9])


def test_hostile_names_are_escaped(tmp_path):
    survey, outcomes = hostile_survey(tmp_path)
    initiatives = tmp_path / "initiatives.csv"
    hostile_initiatives(initiatives)
    for lang in ("en", "fr"):
        text = run_ok("report", "--lang", lang, "--segment-by", "segment",
                      "--outcomes", str(outcomes), "--previous", str(survey),
                      "--initiatives", str(initiatives), "--budget", "100",
                      "--interviews", INTERVIEWS, str(survey))
        page = parse(text)
        from test_report_cli import parse as parse_page
        check_self_contained(text, parse_page(text))
        body = "".join(page.text)
        for hostile in HOSTILE:
            assert hostile in body, hostile
        assert "<script>" not in text
        assert list(page.rows[("roadmap", 0)]) == \
            [n for n in HOSTILE if n in page.rows[("roadmap", 0)]]


@pytest.mark.parametrize("args,message", [
    (("--initiatives", INITIATIVES, SURVEY), "--initiatives needs --budget"),
    (("--budget", "10", SURVEY), "go with --initiatives"),
    (("--previous", PREVIOUS, "-"), "not standard input"),
    (("--interviews", "-", SURVEY), "not standard input"),
    (("--initiatives", INITIATIVES, "--budget", "-1", SURVEY), "bad --budget"),
])
def test_misuse_is_a_usage_error(args, message):
    done = run("report", *args)
    assert done.returncode == 2
    assert message in done.stderr.decode("utf-8")


def test_bad_section_input_names_the_file(tmp_path):
    bad = tmp_path / "interviews.csv"
    bad.write_text("interview,force,intensity,switched\nA,push,9,yes\n",
                   encoding="utf-8")
    done = run("report", "--interviews", str(bad), SURVEY)
    assert done.returncode == 1
    assert str(bad) in done.stderr.decode("utf-8")
    assert done.stdout == b""


def test_output_options_shared_by_report_landscape_and_tag_notes(tmp_path):
    """-o/--output parsed by output_options for these three too:
    "--output=FILE" works, CSV options are refused."""
    notes = tmp_path / "notes.txt"
    notes.write_text("The old tool kept crashing, we had enough.\n",
                     encoding="utf-8")
    for command, source in (("report", SURVEY), ("landscape", SURVEY),
                            ("tag-notes", str(notes))):
        out = tmp_path / (command + ".out")
        assert run_ok(command, "--output=" + str(out), source) == ""
        assert out.read_text(encoding="utf-8") == run_ok(command, source)
        done = run(command, "--bom", source)
        assert done.returncode == 2, command
        assert b"--format csv only" in done.stderr
        done = run(command, "-o", "", source)
        assert done.returncode == 2, command
