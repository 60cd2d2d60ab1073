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
