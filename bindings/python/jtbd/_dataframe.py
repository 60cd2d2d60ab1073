"""Report.to_dataframe(): the rows and columns of the CSV rendering
(src/render/report_render.cc, RenderCsv) as a pandas DataFrame, built from
the report's records so that it holds the exact doubles and works after
close(). tests/test_dataframe.py compares it with to_csv() cell by cell."""

import math
import operator

# (column, value of an OutcomeScore) in RenderCsv's order; None becomes NaN.
_COLUMNS = tuple((name, operator.attrgetter(name)) for name in (
    "rank", "outcome_id", "statement", "importance", "satisfaction",
    "opportunity", "band", "importance_count", "importance_top_box_count",
    "satisfaction_count", "satisfaction_top_box_count", "both_count",
    "both_top_box_count")) + (
    ("importance_low", lambda s: _low(s.importance_interval)),
    ("importance_high", lambda s: _high(s.importance_interval)),
    ("satisfaction_low", lambda s: _low(s.satisfaction_interval)),
    ("satisfaction_high", lambda s: _high(s.satisfaction_interval)),
    ("opportunity_low", lambda s: _low(s.opportunity_interval)),
    ("opportunity_high", lambda s: _high(s.opportunity_interval)),
    ("opportunity_se", operator.attrgetter("opportunity_standard_error")),
    ("p_opportunity_at_least_10",
     operator.attrgetter("opportunity_at_least_10_probability")),
)

# Only in reports with competing solutions, then two columns per solution.
_SOLUTION_COLUMNS = (
    ("best_solution", operator.attrgetter("best_solution")),
    ("best_solution_gap", operator.attrgetter("best_solution_gap")),
    ("best_solution_gap_p", lambda s: None if s.best_solution_gap_test is
     None else s.best_solution_gap_test.p_value),
    ("satisfaction_target", operator.attrgetter("satisfaction_target")),
)


def _low(interval):
    return None if interval is None else interval.low


def _high(interval):
    return None if interval is None else interval.high


def _solution_columns(k, name):
    def satisfaction(score):
        solution = score.solutions[k]
        return solution.satisfaction if solution.count else None

    return (("satisfaction:" + name, satisfaction),
            ("count:" + name, lambda score: score.solutions[k].count))


def columns(report):
    """[(column name, value of an OutcomeScore)] of the report's CSV, after
    its first column, segment."""
    result = list(_COLUMNS)
    if report.solutions:
        result.extend(_SOLUTION_COLUMNS)
        for k, name in enumerate(report.solutions):
            result.extend(_solution_columns(k, name))
    return result


def report_frame(report):
    try:
        import pandas  # pylint: disable=import-outside-toplevel
    except ImportError as error:
        raise ImportError(
            "Report.to_dataframe() needs pandas, which is not installed "
            "(Debian: apt-get install python3-pandas; else pip install "
            "pandas)") from error
    rows = [("", score) for score in report.outcomes]
    for segment in report.segments.values():
        rows.extend((segment.name, score) for score in segment.outcomes)
    data = {"segment": [name for name, _ in rows]}
    for column, value in columns(report):
        cells = [value(score) for _, score in rows]
        if any(cell is None for cell in cells):
            cells = [math.nan if cell is None else cell for cell in cells]
        data[column] = cells
    return pandas.DataFrame(data, columns=list(data))
