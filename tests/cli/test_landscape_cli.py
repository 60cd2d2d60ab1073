"""End-to-end tests of `jtbd landscape` (docs/REPORTS.md).

The SVG is parsed as XML and every figure in it is checked against the
scores `jtbd score --format json` prints for the same file: each mark's
position (the axes' scale read from the tick marks, importance across and
satisfaction up, 0-10), every region line against its equation (the
diagonal I = S; the opportunity k line I = (S + k) / 2 where I >= S, so
opportunity I + max(I - S, 0) = k at both ends), the whiskers against the
intervals, and the labels against each other (no two overlap). Hostile
statements and segment names come out escaped.

Environment: JTBD_CLI (the built `jtbd`), JTBD_SOURCE_DIR (repository root).
"""

import csv
import json
import os
import random
import re
import subprocess
import xml.etree.ElementTree as ET

import pytest

CLI = os.environ.get("JTBD_CLI", "")
SOURCE_DIR = os.environ.get("JTBD_SOURCE_DIR", "")
SURVEY = os.path.join(SOURCE_DIR, "examples", "survey.csv")
OUTCOMES = os.path.join(SOURCE_DIR, "examples", "outcomes.csv")
NS = "{http://www.w3.org/2000/svg}"

pytestmark = pytest.mark.skipif(
    not CLI or not SOURCE_DIR,
    reason="set JTBD_CLI and JTBD_SOURCE_DIR (ctest does)")

# Two decimals in the SVG: half a hundredth of a pixel of rounding.
PIXEL = 0.0051


def run(*args):
    done = subprocess.run([CLI, *args], capture_output=True, timeout=120)
    return done.returncode, done.stdout, done.stderr.decode("utf-8", "replace")


def run_ok(*args):
    code, out, err = run(*args)
    assert code == 0, err
    assert err == ""
    return out


def scores(*args):
    return json.loads(run_ok("score", "--format", "json", *args))


def landscape(*args):
    svg = run_ok("landscape", *args)
    return svg, ET.fromstring(svg)


class Axes:
    """Pixels <-> scores, from the tick marks at 0 and 10 of each axis."""

    def __init__(self, root):
        ticks = {}
        for line in root.iter(NS + "line"):
            if line.get("class") == "tick":
                axis, value = line.get("data-axis"), int(line.get("data-value"))
                ticks[(axis, value)] = line
        x0 = float(ticks[("x", 0)].get("x1"))
        x10 = float(ticks[("x", 10)].get("x1"))
        y0 = float(ticks[("y", 0)].get("y1"))
        y10 = float(ticks[("y", 10)].get("y1"))
        self.x0, self.kx = x0, (x10 - x0) / 10
        self.y0, self.ky = y0, (y10 - y0) / 10
        assert self.kx > 0 and self.ky < 0  # importance right, satisfaction up
        assert abs(self.kx + self.ky) < 1e-9  # the same scale on both axes

    def x(self, importance):
        return self.x0 + importance * self.kx

    def y(self, satisfaction):
        return self.y0 + satisfaction * self.ky

    def scores_at(self, x, y):
        return (x - self.x0) / self.kx, (y - self.y0) / self.ky


def marks(root):
    found = {}
    for g in root.iter(NS + "g"):
        if g.get("class") != "mark":
            continue
        m = re.fullmatch(r"translate\((\S+) (\S+)\)", g.get("transform"))
        key = (g.get("data-segment"), g.get("data-outcome-id"))
        assert key not in found, key
        found[key] = (float(m.group(1)), float(m.group(2)))
    return found


def scored(outcomes):
    return [o for o in outcomes
            if o["importanceCount"] > 0 and o["satisfactionCount"] > 0]


def check_marks(root, report):
    axes = Axes(root)
    got = marks(root)
    want = {}
    if report.get("segments"):
        for segment in report["segments"]:
            for o in scored(segment["outcomes"]):
                want[(segment["name"], o["outcomeId"])] = o
    else:
        for o in scored(report["outcomes"]):
            want[("", o["outcomeId"])] = o
    assert set(got) == set(want)
    for key, o in want.items():
        x, y = got[key]
        assert abs(x - axes.x(o["importance"])) <= PIXEL, key
        assert abs(y - axes.y(o["satisfaction"])) <= PIXEL, key
    return axes


def test_every_mark_sits_at_its_scores():
    _, root = landscape(SURVEY)
    report = scores(SURVEY)
    check_marks(root, report)
    assert len(marks(root)) == 24


def test_segments_get_marks_colours_and_shapes_of_their_own():
    svg, root = landscape("--segment-by", "segment", SURVEY)
    report = scores("--segment-by", "segment", SURVEY)
    check_marks(root, report)
    keys = [g for g in root.iter(NS + "g") if g.get("class") == "series-key"]
    names = [g.get("data-segment") for g in keys]
    assert names == [s["name"] for s in report["segments"]]
    styles = {(g.find(NS + "path").get("d"), g.find(NS + "path").get("fill"))
              for g in keys}
    shapes = {d for d, _ in styles}
    colours = {fill for _, fill in styles}
    assert len(shapes) == len(keys) and len(colours) == len(keys)
    # Each segment's marks wear its key's shape and colour.
    key_style = {g.get("data-segment"): (g.find(NS + "path").get("d"),
                                         g.find(NS + "path").get("fill"))
                 for g in keys}
    for g in root.iter(NS + "g"):
        if g.get("class") == "mark":
            path = g.find(NS + "path")
            assert (path.get("d"), path.get("fill")) == \
                key_style[g.get("data-segment")]


def opportunity(i, s):
    return i + max(i - s, 0)


def test_region_lines_follow_their_equations():
    _, root = landscape(SURVEY)
    axes = Axes(root)
    lines = {}
    for line in root.iter(NS + "line"):
        if line.get("class") == "region-line":
            key = line.get("data-line") or int(line.get("data-opportunity"))
            ends = [axes.scores_at(float(line.get("x1")), float(line.get("y1"))),
                    axes.scores_at(float(line.get("x2")), float(line.get("y2")))]
            lines[key] = sorted(ends, key=lambda p: p[1])
    assert set(lines) == {"diagonal", 10, 12, 15}
    (i1, s1), (i2, s2) = lines["diagonal"]
    assert (i1, s1, i2, s2) == pytest.approx((0, 0, 10, 10), abs=1e-3)
    want = {10: (5, 0, 10, 10), 12: (6, 0, 10, 8), 15: (7.5, 0, 10, 5)}
    for k, ends in want.items():
        (i1, s1), (i2, s2) = lines[k]
        assert (i1, s1, i2, s2) == pytest.approx(ends, abs=1e-3)
        for i, s in lines[k]:
            assert i >= s - 1e-3  # the lines hold only where I >= S
            assert opportunity(i, s) == pytest.approx(k, abs=2e-3)
    # Region names: overserved above the diagonal, underserved past the
    # opportunity-10 line.
    names = {}
    for text in root.iter(NS + "text"):
        if text.get("class") == "region-name":
            names[text.text] = axes.scores_at(float(text.get("x")),
                                              float(text.get("y")))
    i, s = names["Overserved"]
    assert s > i
    i, s = names["Underserved"]
    assert i > s and opportunity(i, s) > 10


def test_whiskers_span_the_intervals():
    _, root = landscape("--intervals", SURVEY)
    report = scores(SURVEY)
    axes = check_marks(root, report)
    whiskers = {}
    for line in root.iter(NS + "line"):
        if line.get("class") == "whisker":
            whiskers[(line.get("data-outcome-id"), line.get("data-axis"))] = line
    for o in scored(report["outcomes"]):
        h = whiskers[(o["outcomeId"], "importance")]
        assert float(h.get("x1")) == pytest.approx(
            axes.x(o["importanceInterval"]["low"]), abs=PIXEL)
        assert float(h.get("x2")) == pytest.approx(
            axes.x(o["importanceInterval"]["high"]), abs=PIXEL)
        assert float(h.get("y1")) == pytest.approx(
            axes.y(o["satisfaction"]), abs=PIXEL)
        v = whiskers[(o["outcomeId"], "satisfaction")]
        assert float(v.get("y1")) == pytest.approx(
            axes.y(o["satisfactionInterval"]["low"]), abs=PIXEL)
        assert float(v.get("y2")) == pytest.approx(
            axes.y(o["satisfactionInterval"]["high"]), abs=PIXEL)
        assert float(v.get("x1")) == pytest.approx(
            axes.x(o["importance"]), abs=PIXEL)
    assert len(whiskers) == 2 * len(scored(report["outcomes"]))


def label_boxes(root):
    """The labels' boxes as the renderer estimates them (0.6 em a glyph)."""
    boxes = []
    for text in root.iter(NS + "text"):
        if text.get("class") == "label":
            x, y = float(text.get("x")), float(text.get("y"))
            width = len(text.text) * 11 * 0.6
            boxes.append((x, y - 10, x + width, y + 3, text.text))
    return boxes


def test_labels_never_overlap_and_long_statements_get_a_numbered_legend():
    _, root = landscape("--outcomes", OUTCOMES, SURVEY)
    report = scores("--outcomes", OUTCOMES, SURVEY)
    boxes = label_boxes(root)
    for a in range(len(boxes)):
        for b in range(a + 1, len(boxes)):
            p, q = boxes[a], boxes[b]
            assert not (p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and
                        q[1] < p[3]), (p, q)
    # Statements are long: numbers on the chart, the statements below.
    legend = {t.get("data-outcome-id"): " ".join(t.itertext())
              for t in root.iter(NS + "text")
              if t.get("class") == "legend-entry"}
    assert set(legend) == {o["outcomeId"] for o in scored(report["outcomes"])}
    for rank, o in enumerate(report["outcomes"], 1):
        entry = legend[o["outcomeId"]]
        assert entry.split()[0] == str(rank)
        assert " ".join(o["statement"].split()) in " ".join(entry.split())
    numbers = {b[4] for b in boxes}
    assert numbers <= {str(n) for n in range(1, 25)}


def test_short_ids_label_their_marks_directly():
    _, root = landscape(SURVEY)
    labels = {t.get("data-outcome-id"): t.text for t in root.iter(NS + "text")
              if t.get("class") == "label"}
    assert labels and all(labels[k] == k for k in labels)
    assert not [t for t in root.iter(NS + "text")
                if t.get("class") == "legend-entry"]


def test_same_input_same_bytes_and_output_file(tmp_path):
    first = run_ok("landscape", "--segment-by", "segment", SURVEY)
    out = tmp_path / "out.svg"
    assert run_ok("landscape", "--segment-by", "segment", "-o", str(out),
                  SURVEY) == b""
    assert out.read_bytes() == first
    assert first.startswith(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg")


def test_french_texts():
    svg, root = landscape("--lang", "fr", SURVEY)
    names = {t.text for t in root.iter(NS + "text")
             if t.get("class") == "region-name"}
    assert names == {"Surservi", "Sous-servi", "Correctement servi"}


def test_usage_and_data_errors():
    code, _, err = run("landscape")
    assert code == 2 and "missing the survey FILE" in err
    code, _, err = run("landscape", "--lang", "de", SURVEY)
    assert code == 2 and "unknown language" in err
    code, _, err = run("landscape", "--segment-by", "nope", SURVEY)
    assert code == 1 and err.startswith("jtbd: ")
    code, out, _ = run("landscape", "--help")
    assert code == 0 and b"--intervals" in out


HOSTILE = [
    '<script>alert("x")</script>',
    'Tom & Jerry "quoted" \'single\'',
    'javascript:alert(1)',
    '"><svg onload=alert(1)>',
]


def hostile_survey(tmp_path):
    rng = random.Random(17)
    survey = tmp_path / "survey.csv"
    outcomes = tmp_path / "outcomes.csv"
    ids = ["o1", "o2", "o3", "o4"]
    with open(survey, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["respondent_id", "segment"] +
                   [p + i for i in ids for p in ("imp_", "sat_")])
        for r in range(80):
            w.writerow(["r%d" % r, HOSTILE[r % len(HOSTILE)]] +
                       [rng.randint(1, 5) for _ in range(2 * len(ids))])
    with open(outcomes, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "statement"])
        for i, text in zip(ids, HOSTILE):
            w.writerow([i, text])
    return survey, outcomes


def assert_no_active_content(root):
    for element in root.iter():
        assert not element.tag.endswith("script")
        assert not element.tag.endswith("foreignObject")
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name.endswith("href"):
                assert "javascript:" not in value


def test_hostile_statements_and_segment_names_are_escaped(tmp_path):
    survey, outcomes = hostile_survey(tmp_path)
    for args in ([], ["--segment-by", "segment"], ["--intervals"]):
        svg, root = landscape("--outcomes", str(outcomes), *args, str(survey))
        assert b"<script" not in svg.lower()
        assert b"<svg onload" not in svg  # only as escaped text
        assert_no_active_content(root)
        # The texts survive, as text: the parser gives them back whole.
        texts = " ".join("".join(t.itertext()) for t in root.iter(NS + "text"))
        titles = " ".join(t.text or "" for t in root.iter(NS + "title"))
        for hostile in HOSTILE:
            assert hostile in texts or hostile in titles, hostile
        if args:
            segments = {g.get("data-segment") for g in root.iter(NS + "g")
                        if g.get("class") == "mark"}
            if args[0] == "--segment-by":
                assert segments == set(HOSTILE)
