"""Loads examples/odoo/jtbd_opportunity the way Odoo loads an addon, then
scores a survey through it; no Odoo installation needed (odoo_stub/ stands in
for the few odoo modules the addon imports).

    odoo_host.py --addons-path examples/odoo --addon jtbd_opportunity \
        --survey examples/survey.csv --expected expected_top.txt
    odoo_host.py ... --expect-missing-dependency

As Odoo 16 does: read __manifest__.py with ast.literal_eval, check every
external_dependencies["python"] entry (an installed distribution of that
name, else an importable module) and refuse the addon otherwise, then import
it as odoo.addons.<name> from the addons path. With
--expect-missing-dependency the check must refuse (jtbd not installed).
"""

import argparse
import ast
import base64
import importlib
import importlib.metadata
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BAD_SURVEY = (b"respondent,outcome,importance,satisfaction\n"
              b"r1,o1,5,2\n"
              b"r2,o1,9,1\n")


def fail(message):
    sys.exit("odoo_host: " + message)


def check_python_dependency(name):
    """Odoo's check_python_external_dependency: a distribution, else a
    module; raises as Odoo does when neither is there."""
    try:
        return "distribution %s" % importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        try:
            importlib.import_module(name)
            return "module (no distribution)"
        except ImportError:
            raise Exception("Python library not installed: %s" % name)


def load_addon(addons_path, addon):
    with open(os.path.join(addons_path, addon, "__manifest__.py")) as f:
        manifest = ast.literal_eval(f.read())
    if not manifest.get("installable", True):
        fail("%s is not installable" % addon)
    for dependency in manifest.get("external_dependencies", {}).get(
            "python", []):
        print("external dependency %s: %s"
              % (dependency, check_python_dependency(dependency)))
    import odoo.addons
    odoo.addons.__path__.append(os.path.abspath(addons_path))
    return importlib.import_module("odoo.addons." + addon), manifest


def band_name(band):
    return band[len("BAND_"):].lower()


def top_line(name, respondents, outcome):
    return "%s (%d): %d %s %d/%d %d/%d %.6f %s" % (
        name, respondents, outcome["rank"], outcome["outcomeId"],
        outcome["importanceTopBoxCount"], outcome["importanceCount"],
        outcome["satisfactionTopBoxCount"], outcome["satisfactionCount"],
        outcome["opportunity"], band_name(outcome["band"]))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("--addon", required=True)
    parser.add_argument("--survey")
    parser.add_argument("--expected")
    parser.add_argument("--expect-missing-dependency", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, os.path.join(HERE, "odoo_stub"))

    if args.expect_missing_dependency:
        try:
            load_addon(args.addons_path, args.addon)
        except Exception as error:
            if str(error) != "Python library not installed: jtbd":
                raise
            print("refused as Odoo would: %s" % error)
            return
        fail("the addon loaded although jtbd is not installed")

    load_addon(args.addons_path, args.addon)
    import jtbd
    from odoo import api
    from odoo.exceptions import UserError

    env = api.Environment()
    with open(args.survey, "rb") as f:
        survey_file = base64.b64encode(f.read())
    survey = env["jtbd.survey"].create({
        "name": "survey.csv", "survey_file": survey_file,
        "segment_by": "segment"})
    survey.action_score()
    report = survey.report()
    lines = ["jtbd " + jtbd.version(),
             top_line("all", report["respondentCount"],
                      report["outcomes"][0])]
    for segment in report["segments"]:
        lines.append(top_line(segment["name"], segment["respondentCount"],
                              segment["outcomes"][0]))
    with open(args.expected) as f:
        expected = f.read()
    got = "\n".join(lines[1:]) + "\n"
    print("\n".join(lines))
    if got != expected:
        fail("report lines differ from %s" % args.expected)
    first = report["outcomes"][0]
    if (survey.top_outcome_id, survey.top_opportunity, survey.top_band) != (
            first["outcomeId"], first["opportunity"],
            band_name(first["band"])):
        fail("top fields %r disagree with the report"
             % ((survey.top_outcome_id, survey.top_opportunity,
                 survey.top_band),))

    # A refused file: UserError naming line and column; scores kept.
    survey.write({"survey_file": base64.b64encode(BAD_SURVEY)})
    try:
        survey.action_score()
    except UserError as error:
        message = str(error)
    else:
        fail("a rating of 9 on a 1-5 scale was accepted")
    if not message.startswith("INVALID_ARGUMENT: survey.csv: line 3, "
                              "column 3"):
        fail("unexpected refusal: %s" % message)
    if survey.top_outcome_id != first["outcomeId"]:
        fail("a refused file changed the stored scores")
    print("refused: %s" % message)
    print("odoo-style host: ok")


if __name__ == "__main__":
    main()
