"""Study designs (jtbd.read_design) attached to surveys scored in one step:
Report.coverage, one StepCoverage per step, every number computed by hand in
tests/design/design_test.cc; bad designs raise with their line and column."""

import pytest

import jtbd
from conftest import EXAMPLES, SOURCE_DIR

DATA = SOURCE_DIR / "tests" / "data" / "design"


def test_coverage_of_the_csv_design():
    design = jtbd.read_design(DATA / "design.csv")
    report = jtbd.score_survey_file(DATA / "survey.csv", design=design)
    steps = {step.step_id: step for step in report.coverage}
    assert [step.step_id for step in report.coverage] == [
        "define", "locate", "gather-extras", "execute", "conclude"]
    define = steps["define"]
    assert define.name == "Plan the invoice"
    assert define.universal_step == jtbd.UniversalStep.DEFINE
    assert (define.outcome_count, define.scored_outcome_count,
            define.underserved_count, define.overserved_count) == (2, 2, 2, 0)
    assert define.all_underserved and not define.all_overserved
    assert define.most_opportunity
    assert define.opportunity_excess == pytest.approx(17.5)  # 10 + 7.5
    assert define.max_opportunity == pytest.approx(20.0)
    assert define.top_outcome_id == "a"
    locate = steps["locate"]
    assert locate.all_overserved and locate.overserved_count == 2
    assert locate.max_opportunity == pytest.approx(5.0)
    extras = steps["gather-extras"]
    assert extras.universal_step == jtbd.UniversalStep.CUSTOM
    assert extras.outcome_count == 0 and extras.max_opportunity is None
    execute = steps["execute"]
    assert (execute.outcome_count, execute.scored_outcome_count) == (2, 1)
    assert execute.opportunity_excess == pytest.approx(2.5)
    assert not any(step.most_opportunity for step in report.coverage
                   if step.step_id != "define")


def test_json_design_gives_the_same_coverage():
    csv = jtbd.score_survey_file(DATA / "survey.csv",
                                 design=jtbd.read_design(DATA / "design.csv"))
    json = jtbd.score_survey_file(
        DATA / "survey.csv", design=jtbd.read_design(DATA / "design.json"))
    assert csv.coverage == json.coverage


def test_html_report_draws_the_coverage_the_cli_draws():
    report = jtbd.score_survey_file(
        DATA / "survey.csv", design=jtbd.read_design(DATA / "design.csv"))
    page = report.to_html()
    section = page[page.index('<section id="coverage">'):]
    section = section[:section.index("</section>") + len("</section>")]
    golden = (SOURCE_DIR / "tests" / "data" / "golden" /
              "report_design_html_en.out").read_text(encoding="utf-8")
    assert section in golden
    assert 'id="coverage"' not in jtbd.score_survey_file(
        DATA / "survey.csv").to_html()


def test_no_design_no_coverage():
    assert jtbd.score_survey_file(DATA / "survey.csv").coverage == ()


def test_bad_design_names_line_and_column():
    with pytest.raises(jtbd.InvalidArgumentError) as raised:
        jtbd.read_design(DATA / "bad_step.csv")
    assert 'line 4, column 4 ("job_step")' in str(raised.value)
    with pytest.raises(jtbd.InvalidArgumentError) as raised:
        jtbd.design_from_text("id,statement\n,s\n", "d.csv")
    assert 'd.csv: line 2, column 1 ("id"): the outcome id is blank' in str(
        raised.value)
    with pytest.raises(jtbd.NotFoundError):
        jtbd.read_design(DATA / "no_such_design.csv")


def test_coverage_of_the_example_matches_an_independent_count():
    """The example survey's coverage (the score_design_coverage_table
    golden) recomputed here from the scores and the outcomes file."""
    import csv
    outcomes = EXAMPLES / "outcomes.csv"
    report = jtbd.score_survey_file(EXAMPLES / "survey.csv",
                                    design=jtbd.read_design(outcomes))
    with open(outcomes, newline="", encoding="utf-8") as file:
        step_of = {row["id"]: row["job_step"] for row in csv.DictReader(file)}
    scores = {o.outcome_id: o for o in report.outcomes}
    order = ["define", "locate", "prepare", "confirm", "execute", "monitor",
             "modify", "conclude"]
    assert [step.step_id for step in report.coverage] == order
    excess = {}
    for step in report.coverage:
        mine = [scores[i] for i, s in step_of.items() if s == step.step_id]
        under = [o for o in mine
                 if o.band in ("extreme", "high", "underserved")]
        over = [o for o in mine if o.band == "overserved"]
        assert step.outcome_count == len(mine)
        assert step.scored_outcome_count == len(mine)
        assert step.underserved_count == len(under)
        assert step.overserved_count == len(over)
        assert step.all_underserved == (len(under) == len(mine))
        assert step.all_overserved == (len(over) == len(mine))
        excess[step.step_id] = sum(max(o.opportunity - 10, 0) for o in mine)
        assert step.opportunity_excess == pytest.approx(excess[step.step_id])
        assert step.max_opportunity == max(o.opportunity for o in mine)
    best = max(order, key=lambda s: excess[s])
    assert [s.step_id for s in report.coverage if s.most_opportunity] == [best]


def _json_report(report):
    import json
    return json.loads(report.to_json())


def test_report_design_and_lists_match_the_json_report():
    report = jtbd.score_survey_file(
        DATA / "survey.csv", design=jtbd.read_design(DATA / "design.csv"))
    data = _json_report(report)
    coverage, design = data["coverage"], data["design"]
    assert report.uncovered_steps == tuple(coverage["uncoveredStepIds"]) == (
        "gather-extras", "conclude")
    assert report.unassigned_outcomes == tuple(
        coverage["unassignedOutcomeIds"]) == ("g",)
    assert report.unscored_outcomes == tuple(
        coverage["unscoredOutcomeIds"]) == ("f", "g")
    job = report.design.job
    assert job.id == design["job"]["id"] == "invoice"
    assert job.statement == design["job"]["statement"]
    assert job.executor == design["job"]["executor"] == "a field service firm"
    assert job.type == jtbd.JobType.FUNCTIONAL
    assert design["job"]["type"] == "JOB_TYPE_FUNCTIONAL"
    assert (job.step_count, job.outcome_count) == (5, 7)
    assert [s.id for s in report.design.steps] == [
        s["id"] for s in design["job"]["steps"]]
    assert [s.name for s in report.design.steps] == [
        s.get("name", "") for s in design["job"]["steps"]]
    assert [s.outcome_count for s in report.design.steps] == [2, 2, 0, 2, 0]
    assert report.design.steps[0].universal_step == jtbd.UniversalStep.DEFINE
    assert [(o.id, o.statement, o.job_step_id)
            for o in report.design.outcomes] == [
        (o["id"], o.get("statement", ""), o.get("jobStepId", ""))
        for o in design["outcomes"]]
    plain = jtbd.score_survey_file(DATA / "survey.csv")
    assert plain.design is None
    assert plain.uncovered_steps == plain.unassigned_outcomes == ()


def test_a_study_and_an_aggregate_carry_their_design(tmp_path):
    design = jtbd.read_design(DATA / "design.csv")
    reference = jtbd.score_survey_file(DATA / "survey.csv", design=design)
    with jtbd.load_csv(DATA / "survey.csv") as study:
        assert study.design is None
        study.set_design(design)
        assert study.design == reference.design
        with pytest.raises(jtbd.InvalidArgumentError) as raised:
            study.set_design(jtbd.Design(b"id,statement\n,s\n", "bad.csv"))
        assert 'bad.csv: line 2, column 1 ("id")' in str(raised.value)
        assert study.design == reference.design  # unchanged
        report = study.score()
        assert report.coverage == reference.coverage
        assert report.unscored_outcomes == ("f", "g")
        study.save(tmp_path / "study.jtbd")
        with jtbd.Study.load(tmp_path / "study.jtbd") as loaded:
            assert loaded.design == reference.design
            assert loaded.score().coverage == reference.coverage
        study.set_design(None)
        assert study.design is None and study.score().coverage == ()
    with jtbd.load_aggregate(DATA / "survey.csv") as aggregate:
        aggregate.set_design(jtbd.read_design(DATA / "design.json"))
        assert aggregate.score().coverage == reference.coverage
        with jtbd.load_aggregate(DATA / "survey.csv") as other:
            other.set_design(jtbd.read_design(DATA / "outcomes_only.csv"))
            with pytest.raises(jtbd.FailedPreconditionError) as raised:
                aggregate.merge(other)
            assert "two different study designs" in str(raised.value)
        assert aggregate.respondent_count == 4


def test_files_saved_before_designs_still_load():
    with jtbd.Study.load(DATA / "study_before_designs.jtbd") as study:
        assert study.design is None
        assert [o.opportunity for o in study.score().outcomes] == [
            20.0, 17.5, 12.5, 5.0, 0.0]
    with jtbd.Aggregate.load(DATA / "aggregate_before_designs.jtbd") as agg:
        assert agg.design is None and agg.score().coverage == ()
