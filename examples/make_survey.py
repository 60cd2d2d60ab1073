#!/usr/bin/env python3
"""Writes examples/survey.csv and examples/outcomes.csv.

A synthetic but realistic Outcome-Driven Innovation survey for one job,
"Invoice a customer for completed service work", as done by the field staff
(technicians who bill on site) and the office staff (who bill from the back
office) of service businesses. 24 desired outcomes spread over the eight
universal job-map steps, each rated for importance and satisfaction on a 1-5
scale by 180 respondents, with about 1.5 % of answers left blank.

Each segment answers from its own top-box probabilities, chosen so that the
example shows every band (extreme, high, underserved, appropriately served,
overserved, table stakes) and so that the two segments' unmet outcomes
differ: field staff struggle to price and collect on site, office staff to
chase overdue and disputed invoices. The script checks this on what it drew.

Deterministic (seeded); standard library only. Run from anywhere:
    python3 examples/make_survey.py
"""

import csv
import os
import random

SEED = 20240517
BLANK_RATE = 0.015
SEGMENT_SIZES = (("field", 100), ("office", 80))
ROLES = {
    "field": ("technician", "installer", "field supervisor"),
    "office": ("billing clerk", "office manager", "accountant"),
}
COMPANY_SIZES = (("1-10", 0.35), ("11-50", 0.40), ("51-200", 0.25))

# id, job step, statement,
# P(importance top box) and P(satisfaction top box) for field, then office.
OUTCOMES = (
    ("o01", "define", "Minimize the time it takes to determine which "
     "completed work is ready to be invoiced", .55, .50, .60, .45),
    ("o02", "define", "Minimize the likelihood of billing a customer under "
     "the wrong contract terms", .70, .40, .80, .35),
    ("o03", "define", "Minimize the time it takes to decide which payment "
     "terms apply to the customer", .35, .75, .45, .80),
    ("o04", "locate", "Minimize the time it takes to gather the labor hours "
     "spent on the job", .92, .25, .50, .50),
    ("o05", "locate", "Minimize the time it takes to find the current price "
     "of the parts used on the job", .95, .15, .60, .45),
    ("o06", "locate", "Minimize the likelihood that a billable item is "
     "missing from the work record", .92, .15, .90, .25),
    ("o07", "prepare", "Minimize the time it takes to add the line items to "
     "the invoice", .80, .35, .60, .65),
    ("o08", "prepare", "Minimize the number of manual calculations needed to "
     "apply discounts to the invoice", .50, .60, .90, .25),
    ("o09", "prepare", "Minimize the time it takes to attach supporting "
     "photos to the invoice", .30, .70, .35, .75),
    ("o10", "confirm", "Minimize the likelihood that the invoice total "
     "contains an error", .95, .25, .95, .20),
    ("o11", "confirm", "Minimize the time it takes to get the customer's "
     "approval of the charges", .85, .30, .45, .55),
    ("o12", "confirm", "Minimize the likelihood that the customer's billing "
     "address is out of date", .60, .70, .80, .60),
    ("o13", "execute", "Minimize the time it takes to send the invoice to "
     "the customer", .87, .83, .87, .83),
    ("o14", "execute", "Minimize the time it takes to collect payment while "
     "at the customer's site", .95, .10, .30, .40),
    ("o15", "execute", "Minimize the likelihood that the invoice reaches the "
     "wrong contact at the customer", .55, .80, .70, .85),
    ("o16", "monitor", "Minimize the time it takes to know whether the "
     "customer has opened the invoice", .30, .20, .45, .20),
    ("o17", "monitor", "Minimize the time it takes to see which invoices are "
     "overdue", .35, .50, .95, .15),
    ("o18", "monitor", "Minimize the likelihood that a disputed charge goes "
     "unnoticed", .50, .40, .90, .20),
    ("o19", "modify", "Minimize the time it takes to correct a line item "
     "after the invoice is sent", .85, .20, .75, .30),
    ("o20", "modify", "Minimize the number of steps needed to issue a credit "
     "note", .40, .55, .80, .30),
    ("o21", "modify", "Minimize the time it takes to resolve a customer's "
     "question about a charge", .80, .30, .85, .25),
    ("o22", "conclude", "Minimize the time it takes to record a payment "
     "against the invoice", .88, .82, .86, .84),
    ("o23", "conclude", "Minimize the likelihood that a paid invoice is left "
     "open in the books", .60, .85, .85, .80),
    ("o24", "conclude", "Minimize the time it takes to hand the job's "
     "billing record over to accounting", .25, .60, .60, .70),
)


def draw_rating(rng, top_box_probability):
    """A 1-5 rating: 4 or 5 with the given probability, else 1-3."""
    if rng.random() < top_box_probability:
        return rng.choice((4, 5))
    return rng.choices((1, 2, 3), weights=(20, 35, 45))[0]


def draw_answer(rng, probability):
    """A rating, or "" for the few blank answers."""
    if rng.random() < BLANK_RATE:
        return ""
    return str(draw_rating(rng, probability))


def make_rows(rng):
    segments = [name for name, size in SEGMENT_SIZES for _ in range(size)]
    rng.shuffle(segments)
    sizes, size_weights = zip(*COMPANY_SIZES)
    rows = []
    for number, segment in enumerate(segments, start=1):
        row = {
            "respondent_id": "r%03d" % number,
            "segment": segment,
            "role": rng.choice(ROLES[segment]),
            "company_size": rng.choices(sizes, weights=size_weights)[0],
        }
        column = 2 if segment == "field" else 4
        for outcome in OUTCOMES:
            importance_p, satisfaction_p = outcome[column + 1:column + 3]
            row["imp_" + outcome[0]] = draw_answer(rng, importance_p)
            row["sat_" + outcome[0]] = draw_answer(rng, satisfaction_p)
        rows.append(row)
    return rows


def band(rows, outcome_id):
    """Ulwick's band of one outcome over the given rows (see report.proto)."""
    def score(prefix):
        answers = [r[prefix + outcome_id] for r in rows if r[prefix + outcome_id]]
        return 10 * sum(int(a) >= 4 for a in answers) / len(answers)
    importance, satisfaction = score("imp_"), score("sat_")
    opportunity = importance + max(importance - satisfaction, 0)
    if opportunity > 15:
        return "extreme"
    if opportunity >= 12:
        return "high"
    if opportunity >= 10:
        return "underserved"
    if satisfaction > importance:
        return "overserved"
    if importance >= 7.5 and satisfaction >= 7.5:
        return "table_stakes"
    return "appropriately_served"


def check(rows):
    """The example must show every band and segments with different needs."""
    overall = {o[0]: band(rows, o[0]) for o in OUTCOMES}
    missing = {"extreme", "high", "underserved", "appropriately_served",
               "overserved", "table_stakes"} - set(overall.values())
    assert not missing, "bands missing overall: %s" % sorted(missing)
    unmet = {}
    for segment, _ in SEGMENT_SIZES:
        members = [r for r in rows if r["segment"] == segment]
        unmet[segment] = {o[0] for o in OUTCOMES
                          if band(members, o[0]) in ("extreme", "high")}
    assert unmet["field"] - unmet["office"], "no field-only unmet outcome"
    assert unmet["office"] - unmet["field"], "no office-only unmet outcome"
    return overall, unmet


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rng = random.Random(SEED)
    rows = make_rows(rng)
    overall, unmet = check(rows)

    fields = ["respondent_id", "segment", "role", "company_size"]
    for outcome in OUTCOMES:
        fields += ["imp_" + outcome[0], "sat_" + outcome[0]]
    with open(os.path.join(here, "survey.csv"), "w", newline="",
              encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)

    with open(os.path.join(here, "outcomes.csv"), "w", newline="",
              encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id", "job_step", "statement"])
        for outcome in OUTCOMES:
            writer.writerow(outcome[:3])

    blanks = sum(1 for r in rows for f in fields[4:] if r[f] == "")
    print("wrote %d respondents x %d outcomes, %d blank answers (%.1f %%)" %
          (len(rows), len(OUTCOMES), blanks,
           100.0 * blanks / (len(rows) * 2 * len(OUTCOMES))))
    for name in sorted(set(overall.values())):
        print("  %-21s %s" % (name, " ".join(
            k for k, v in sorted(overall.items()) if v == name)))
    for segment, ids in unmet.items():
        print("  unmet for %-10s %s" % (segment, " ".join(sorted(ids))))


if __name__ == "__main__":
    main()
