"""Prints what consumers/top_outcomes.c prints, through the installed jtbd
Python package, plus where the package and the library were loaded from:

    python3 top_outcomes.py SURVEY.csv

Lines after the report: "package <path>" and "library <path>" (the libjtbd
file mapped into this process, read from /proc/self/maps).
"""

import os
import sys

import jtbd


def top_line(name, respondents, s):
    return "%s (%d): %d %s %d/%d %d/%d %.6f %s" % (
        name, respondents, s.rank, s.outcome_id, s.importance_top_box_count,
        s.importance_count, s.satisfaction_top_box_count,
        s.satisfaction_count, s.opportunity, s.band)


def mapped_library():
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1]
            if os.path.basename(path).startswith("libjtbd.so"):
                return path
    return None


def main(survey):
    print("jtbd " + jtbd.version())
    with jtbd.load_csv(survey) as study:
        report = study.score(segment_by="segment")
    print(top_line("all", report.respondent_count, report.outcomes[0]))
    for segment in report.segments.values():
        print(top_line(segment.name, segment.respondent_count,
                       segment.outcomes[0]))
    print("package " + os.path.dirname(os.path.abspath(jtbd.__file__)))
    print("library %s" % mapped_library())


if __name__ == "__main__":
    main(sys.argv[1])
