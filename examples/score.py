#!/usr/bin/env python3
"""Scores a survey with the jtbd Python binding and prints the top outcomes.

    PYTHONPATH=bindings/python JTBD_LIBRARY=build/libjtbd.so \
        python3 examples/score.py [SURVEY.csv] [SEGMENT_ATTRIBUTE]

SURVEY.csv defaults to survey.csv next to this script and SEGMENT_ATTRIBUTE
to "segment". Prints the five largest opportunities over all respondents,
then each segment's five largest and the outcomes significantly more
underserved in it than in the rest. Statements come from outcomes.csv beside
the survey when it exists (the wide survey layout carries only outcome ids).
"""

import csv
import os
import sys

import jtbd

TOP = 5


def statements_beside(survey_path):
    """{outcome id: statement} from outcomes.csv next to the survey, if any."""
    path = os.path.join(os.path.dirname(os.path.abspath(survey_path)),
                        "outcomes.csv")
    if not os.path.exists(path):
        return {}
    with open(path, newline="", encoding="utf-8") as file:
        return {row["id"]: row["statement"] for row in csv.DictReader(file)}


def print_ranking(scores, statements):
    # Scores are unrounded; one decimal is for display, as Ulwick does.
    for score in scores[:TOP]:
        statement = score.statement or statements.get(score.outcome_id, "")
        print("  %2d. %-6s opportunity %4.1f  importance %4.1f  "
              "satisfaction %4.1f  %-20s %s" %
              (score.rank, score.outcome_id, score.opportunity,
               score.importance, score.satisfaction, score.band, statement))


def main(argv):
    if len(argv) > 3:
        print("usage: %s [SURVEY.csv] [SEGMENT_ATTRIBUTE]" % argv[0],
              file=sys.stderr)
        return 2
    here = os.path.dirname(os.path.abspath(__file__))
    survey = argv[1] if len(argv) > 1 else os.path.join(here, "survey.csv")
    segment_by = argv[2] if len(argv) > 2 else "segment"

    try:
        # Read and scored in one step, keeping no respondent in memory.
        try:
            report = jtbd.score_survey_file(survey, segment_by=segment_by)
        except jtbd.NotFoundError as error:
            if "segment by" not in str(error):
                raise
            print("(no respondent has a %r attribute: no segments)" %
                  segment_by)
            report = jtbd.score_survey_file(survey)
    except jtbd.Error as error:
        # The message names the file, line and column of bad input.
        print("score.py: %s" % error, file=sys.stderr)
        return 1

    statements = statements_beside(survey)
    print("%s: %d respondents, %d outcomes" %
          (survey, report.respondent_count, len(report.outcomes)))
    print("largest opportunities:")
    print_ranking(report.outcomes, statements)
    for segment in report.segments.values():
        print("\nsegment %s (%d respondents), largest opportunities:" %
              (segment.name, segment.respondent_count))
        print_ranking(segment.outcomes, statements)
        if segment.more_underserved:
            print("  more underserved than in the rest: " +
                  ", ".join(segment.more_underserved))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
