"""Report.landscape(), Report.to_html() and the notebook hooks
(_repr_svg_, _repr_html_): the library's renderers, which the CLI tests
check figure by figure (tests/cli/test_landscape_cli.py,
test_report_cli.py); here, that Python reaches them with its options and
that the output is the same as the CLI's."""

import os
import re
import subprocess
import xml.etree.ElementTree as ET

import pytest

import jtbd
from conftest import EXAMPLES

SURVEY = EXAMPLES / "survey.csv"
NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def report():
    with jtbd.score_survey_file(str(SURVEY), segment_by="segment") as r:
        yield r


def marks(svg):
    root = ET.fromstring(svg)
    return {(g.get("data-segment"), g.get("data-outcome-id")): g.get("transform")
            for g in root.iter(NS + "g") if g.get("class") == "mark"}


def test_landscape_draws_each_segment_or_the_whole_sample(report):
    by_segment = marks(report.landscape())
    assert {s for s, _ in by_segment} == set(report.segments)
    assert len(by_segment) == sum(len(s.outcomes)
                                  for s in report.segments.values())
    whole = marks(report.landscape(whole_sample=True))
    assert {s for s, _ in whole} == {""}
    assert len(whole) == len(report.outcomes)
    name = sorted(report.segments)[0]
    one = marks(report.landscape(segment=name))
    assert {s for s, _ in one} == {name}
    with pytest.raises(jtbd.NotFoundError):
        report.landscape(segment="no such segment")


def test_landscape_options(report):
    assert "class=\"whisker\"" not in report.landscape()
    assert "class=\"whisker\"" in report.landscape(intervals=True)
    assert ">Surservi<" in report.landscape(lang="fr")
    with pytest.raises(jtbd.InvalidArgumentError, match="language"):
        report.landscape(lang="de")
    with pytest.raises(TypeError):
        report.landscape(intervals="yes")


def test_to_html(report):
    english = report.to_html()
    assert english.startswith("<!DOCTYPE html>\n<html lang=\"en\">")
    french = report.to_html(lang="fr")
    assert "<html lang=\"fr\">" in french and "Synth\u00e8se" in french
    assert "<script" not in english.lower()
    assert "class=\"whisker\"" in english
    assert "class=\"whisker\"" not in report.to_html(intervals=False)


def test_same_bytes_as_the_cli(report):
    cli = os.environ.get("JTBD_CLI")
    if not cli:
        pytest.skip("JTBD_CLI not set")
    for args, text in ((["landscape"], report.landscape()),
                       (["report"], report.to_html())):
        done = subprocess.run([cli, *args, "--segment-by", "segment",
                               str(SURVEY)], capture_output=True, check=True)
        assert done.stdout.decode("utf-8") == text


def test_notebook_hooks(report):
    assert report._repr_svg_() == report.landscape()
    fragment = report._repr_html_()
    assert fragment.startswith("<div class=\"jtbd-report\"")
    assert "<html" not in fragment and "<body" not in fragment
    # Styles stay inside the fragment: every rule is scoped.
    style = re.search(r"<style>(.*?)</style>", fragment, re.S).group(1)
    for rule in re.findall(r"([^{}]+)\{", style):
        assert all(sel.strip().startswith(".jtbd-report")
                   for sel in rule.split(",")), rule
    with jtbd.score_survey_file(str(SURVEY)) as closed:
        pass
    assert closed._repr_svg_() is None and closed._repr_html_() is None
