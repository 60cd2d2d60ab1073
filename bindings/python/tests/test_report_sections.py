"""Report.to_html(forces=..., waves=..., roadmap=...): the forces, wave
changes and roadmap sections of the HTML report (figures checked against
each command's JSON in tests/cli/test_report_sections_cli.py); here, that
Python hands the library its results and gets the CLI's bytes."""

import os
import subprocess

import pytest

import jtbd
from conftest import EXAMPLES

SURVEY = EXAMPLES / "survey_wave2.csv"
PREVIOUS = EXAMPLES / "survey.csv"
INTERVIEWS = EXAMPLES / "interviews.csv"
INITIATIVES = EXAMPLES / "initiatives.csv"


@pytest.fixture(scope="module")
def results():
    report = jtbd.score_survey_file(str(SURVEY))
    interviews = jtbd.read_interviews(str(INTERVIEWS))
    forces = interviews.analyze()
    waves = jtbd.compare_survey_files(str(PREVIOUS), str(SURVEY))
    roadmap = jtbd.prioritize(str(SURVEY), str(INITIATIVES), budget=100)
    yield report, forces, waves, roadmap
    for handle in (report, interviews, forces, waves, roadmap):
        handle.close()


def test_each_result_adds_its_section(results):
    report, forces, waves, roadmap = results
    plain = report.to_html()
    assert report.to_html(forces=None) == plain
    only_forces = report.to_html(forces=forces)
    assert '<section id="forces">' in only_forces
    assert '<section id="roadmap">' not in only_forces
    full = report.to_html(forces=forces, waves=waves, roadmap=roadmap)
    for section in ("forces", "waves", "roadmap"):
        assert '<section id="%s">' % section in full
    french = report.to_html(lang="fr", forces=forces, waves=waves,
                            roadmap=roadmap)
    assert "Forces de changement" in french
    assert "<script" not in full.lower()


def test_wrong_or_closed_results_are_refused(results):
    report, forces, waves, roadmap = results
    with pytest.raises(TypeError, match="forces must be a jtbd.ForcesReport"):
        report.to_html(forces=roadmap)
    with pytest.raises(TypeError, match="roadmap must be a jtbd.Roadmap"):
        report.to_html(roadmap=waves)
    closed = jtbd.prioritize(str(SURVEY), str(INITIATIVES), budget=100)
    closed.close()
    with pytest.raises(jtbd.ClosedError):
        report.to_html(roadmap=closed)


def test_same_bytes_as_the_cli(results):
    cli = os.environ.get("JTBD_CLI")
    if not cli:
        pytest.skip("JTBD_CLI not set")
    report, forces, waves, roadmap = results
    for lang in ("en", "fr"):
        done = subprocess.run(
            [cli, "report", "--lang", lang, "--interviews", str(INTERVIEWS),
             "--previous", str(PREVIOUS), "--initiatives", str(INITIATIVES),
             "--budget", "100", str(SURVEY)],
            capture_output=True, check=True)
        assert done.stdout.decode("utf-8") == report.to_html(
            lang=lang, forces=forces, waves=waves, roadmap=roadmap)
