#!/usr/bin/env python3
"""Writes examples/survey_wave2.csv: the second wave of examples/survey.csv.

The same job and 24 outcomes, asked again a quarter later of 200 new
respondents (110 field, 90 office staff), after two planted changes:
  o14 "collect payment while at the customer's site": a card reader shipped
      to field staff, whose satisfaction top-box probability rises from
      0.10 to 0.60;
  o13 "send the invoice to the customer": a mail-delivery regression, whose
      satisfaction top-box probability falls from 0.83 to 0.40 for everyone.
Everything else answers from the first wave's probabilities
(make_survey.OUTCOMES), so any other change `jtbd compare` reports is noise.

Written in the long layout (one row per respondent and outcome), not the
first wave's wide one: waves are matched by outcome id whatever their
export format.

    jtbd compare examples/survey.csv examples/survey_wave2.csv
    jtbd compare --segment-by segment --format json \\
        examples/survey.csv examples/survey_wave2.csv

Deterministic (seeded); standard library only. Run from anywhere:
    python3 examples/make_second_wave.py
"""

import csv
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_survey  # noqa: E402  (the first wave's outcomes and draws)

SEED = 20240818
SEGMENT_SIZES = (("field", 110), ("office", 90))
# outcome id -> (field, office) satisfaction top-box probability in wave 2.
PLANTED_SATISFACTION = {"o14": (.60, .40), "o13": (.40, .40)}


def make_rows(rng):
    segments = [name for name, size in SEGMENT_SIZES for _ in range(size)]
    rng.shuffle(segments)
    rows = []
    for number, segment in enumerate(segments, start=1):
        respondent = "w2r%03d" % number
        role = rng.choice(make_survey.ROLES[segment])
        column = 2 if segment == "field" else 4
        for outcome in make_survey.OUTCOMES:
            importance_p, satisfaction_p = outcome[column + 1:column + 3]
            planted = PLANTED_SATISFACTION.get(outcome[0])
            if planted is not None:
                satisfaction_p = planted[0 if segment == "field" else 1]
            rows.append({
                "respondent": respondent,
                "segment": segment,
                "role": role,
                "outcome": outcome[0],
                "importance": make_survey.draw_answer(rng, importance_p),
                "satisfaction": make_survey.draw_answer(rng, satisfaction_p),
            })
    return rows


def top_box_share(rows, outcome_id, column, segment=None):
    answers = [r[column] for r in rows if r["outcome"] == outcome_id and
               r[column] and (segment is None or r["segment"] == segment)]
    return sum(int(a) >= 4 for a in answers) / len(answers)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rows = make_rows(random.Random(SEED))
    # The planted changes must show in what was drawn.
    assert top_box_share(rows, "o14", "satisfaction", "field") > 0.45
    assert top_box_share(rows, "o13", "satisfaction") < 0.55
    fields = ["respondent", "segment", "role", "outcome", "importance",
              "satisfaction"]
    with open(os.path.join(here, "survey_wave2.csv"), "w", newline="",
              encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print("wrote %d respondents x %d outcomes (long layout)" %
          (sum(size for _, size in SEGMENT_SIZES), len(make_survey.OUTCOMES)))
    for outcome_id in sorted(PLANTED_SATISFACTION):
        print("  %s satisfaction top box: %.2f overall, %.2f field" % (
            outcome_id, top_box_share(rows, outcome_id, "satisfaction"),
            top_box_share(rows, outcome_id, "satisfaction", "field")))


if __name__ == "__main__":
    main()
