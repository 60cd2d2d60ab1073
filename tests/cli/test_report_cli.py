"""End-to-end tests of `jtbd report`, the self-contained HTML report
(docs/REPORTS.md).

The HTML is parsed (html.parser) and its figures checked against the scores
`jtbd score --format json` prints for the same file: the ranked table's
order and numbers (one decimal, English "16.9" and French "16,9"), the
summary's underserved and overserved outcomes (the bands) and the segments
that differ (more_underserved_outcome_ids). It must hold no script and
reference nothing outside itself; hostile statements and segment names come
out escaped. Its exact bytes are golden files (tests/golden/cases.txt); the
rendering in Chromium is check_chromium_render.py.

Environment: JTBD_CLI (the built `jtbd`), JTBD_SOURCE_DIR (repository root).
"""

import html.parser
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET

import pytest

from test_landscape_cli import HOSTILE, hostile_survey

CLI = os.environ.get("JTBD_CLI", "")
SOURCE_DIR = os.environ.get("JTBD_SOURCE_DIR", "")
SURVEY = os.path.join(SOURCE_DIR, "examples", "survey.csv")
OUTCOMES = os.path.join(SOURCE_DIR, "examples", "outcomes.csv")
NNBSP = "\u202f"

pytestmark = pytest.mark.skipif(
    not CLI or not SOURCE_DIR,
    reason="set JTBD_CLI and JTBD_SOURCE_DIR (ctest does)")


def run_ok(*args):
    done = subprocess.run([CLI, *args], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    return done.stdout.decode("utf-8")


def scores(*args):
    return json.loads(run_ok("score", "--format", "json", *args))


class Page(html.parser.HTMLParser):
    """Tags and attributes, the ranked table's rows, lists by class."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.stack = []
        self.rows = {}  # section id -> [[cell text]]
        self.lists = {}  # list class -> [item text]
        self.section = None
        self.cell = None
        self.item = None
        self.list_class = None
        self.text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "section":
            self.section = attrs.get("id")
        elif tag == "tr" and "data-outcome-id" in attrs:
            self.rows.setdefault(self.section, []).append([])
        elif tag == "td" and self.section and self.rows.get(self.section):
            self.cell = []
        elif tag in ("ol", "ul"):
            self.list_class = attrs.get("class")
        elif tag == "li":
            self.item = []

    def handle_endtag(self, tag):
        if tag == "td" and self.cell is not None:
            self.rows[self.section][-1].append("".join(self.cell))
            self.cell = None
        elif tag == "li" and self.item is not None:
            self.lists.setdefault(self.list_class, []).append(
                "".join(self.item))
            self.item = None

    def handle_data(self, data):
        self.text.append(data)
        if self.cell is not None:
            self.cell.append(data)
        if self.item is not None:
            self.item.append(data)


def parse(text):
    page = Page()
    page.feed(text)
    page.close()
    return page


def report(*args):
    text = run_ok("report", *args)
    return text, parse(text)


ARGS = ("--segment-by", "segment", "--outcomes", OUTCOMES, SURVEY)


def check_self_contained(text, page):
    assert "<script" not in text.lower()
    for tag, attrs in page.tags:
        assert tag not in ("script", "link", "img", "iframe", "object",
                           "embed", "base", "form", "foreignobject"), tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("src", "href", "xlink:href", "action"):
                assert (value or "").startswith("#"), (tag, name, value)
    assert not re.search(r"url\(", text)
    assert not re.search(r"https?://", text)
    assert "@import" not in text and "@font-face" not in text


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_ranked_table_matches_the_scores(lang):
    text, page = report("--lang", lang, *ARGS)
    data = scores(*ARGS)
    check_self_contained(text, page)
    rows = page.rows["ranking"]
    assert len(rows) == len(data["outcomes"])
    point = "," if lang == "fr" else "."
    for row, o in zip(rows, data["outcomes"]):
        rank, outcome, imp, sat, opp, band, answers = row
        assert rank == str(o["rank"])
        assert o["outcomeId"] in outcome and o["statement"] in outcome
        for cell, key in ((imp, "importance"), (sat, "satisfaction"),
                          (opp, "opportunity")):
            interval = o[key + "Interval"]
            want = "%.1f%.1f\u2013%.1f" % (o[key], interval["low"],
                                           interval["high"])
            assert cell == want.replace(".", point), (cell, want)
        assert answers == "%d / %d" % (o["importanceCount"],
                                       o["satisfactionCount"])
    assert ('<html lang="%s">' % lang) in text


def test_summary_names_the_underserved_overserved_and_differing_segments():
    _, page = report(*ARGS)
    data = scores(*ARGS)
    underserved = [o for o in data["outcomes"] if o["band"] in
                   ("BAND_EXTREME", "BAND_HIGH", "BAND_UNDERSERVED")][:5]
    items = page.lists["underserved"]
    assert len(items) == len(underserved) > 0
    for item, o in zip(items, underserved):
        assert o["statement"] in item and "%.1f" % o["opportunity"] in item
    overserved = [o for o in data["outcomes"]
                  if o["band"] == "BAND_OVERSERVED"][:5]
    assert len(page.lists.get("overserved", [])) == len(overserved)
    differing = [s for s in data["segments"] if s["moreUnderservedOutcomeIds"]]
    items = page.lists.get("segment-differences", [])
    assert len(items) == sum(len(s["moreUnderservedOutcomeIds"])
                             for s in differing)
    text = "".join(page.text)
    for segment in differing:
        assert "In segment %s (%d respondents)" % (
            segment["name"], segment["respondentCount"]) in text


def test_landscapes_are_inline_svg_that_parses():
    text, _ = report(*ARGS)
    svgs = re.findall(r"<svg .*?</svg>", text, re.S)
    assert len(svgs) == 2  # all respondents, then by segment
    for svg in svgs:
        ET.fromstring(svg)


def test_french_has_no_english_fixed_text():
    text, page = report("--lang", "fr", *ARGS)
    body = "".join(page.text)
    for english in ("Summary", "Outcomes ranked", "Warnings", "respondents",
                    "Opportunity landscape", "Overserved"):
        assert english not in body, english
    for french in ("Synth\u00e8se", "Mises en garde", "Paysage des opportunit"):
        assert french in body
    assert "95" + NNBSP + "%" in body


def test_hostile_texts_are_escaped(tmp_path):
    survey, outcomes = hostile_survey(tmp_path)
    for lang in ("en", "fr"):
        text, page = report("--lang", lang, "--segment-by", "segment",
                            "--outcomes", str(outcomes), str(survey))
        check_self_contained(text, page)
        body = "".join(page.text)
        for hostile in HOSTILE:
            assert hostile in body, hostile
        assert "&lt;script&gt;" in text


def test_output_file_and_usage(tmp_path):
    out = tmp_path / "r.html"
    assert run_ok("report", "-o", str(out), SURVEY) == ""
    assert out.read_text(encoding="utf-8") == run_ok("report", SURVEY)
    done = subprocess.run([CLI, "report", "--lang", "xx", SURVEY],
                          capture_output=True)
    assert done.returncode == 2
