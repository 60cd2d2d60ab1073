"""jtbd.survey: a survey file attached to a record, scored on demand.

The scoring is one call into libjtbd through the jtbd package; the report is
kept as the JSON `jtbd score --format json` prints, and the top outcome is
copied into plain fields for list views and filters.
"""

import base64
import json

import jtbd  # external_dependencies: the addon does not install without it

from odoo import fields, models
from odoo.exceptions import UserError


class JtbdSurvey(models.Model):
    _name = "jtbd.survey"
    _description = "Jobs-to-be-Done survey"

    name = fields.Char(required=True)
    survey_file = fields.Binary(string="Survey CSV", attachment=True)
    segment_by = fields.Char(
        string="Segment by", help="A respondent column, e.g. segment")
    # Empty (0) for jtbd's default scale: 1-5, 4 and 5 top box.
    scale_min = fields.Integer(help="Lowest rating")
    scale_max = fields.Integer(help="Highest rating")
    top_box = fields.Integer(help="Lowest top-box rating")
    report_json = fields.Text(readonly=True)
    top_outcome_id = fields.Char(readonly=True)
    top_opportunity = fields.Float(readonly=True)
    top_band = fields.Char(readonly=True)

    def action_score(self):
        """Scores each survey; a refused file raises UserError naming the
        line and column, and leaves the previous scores in place."""
        for survey in self:
            if not survey.survey_file:
                raise UserError("%s: attach a survey CSV first" % survey.name)
            data = base64.b64decode(survey.survey_file)
            scale = {}
            if survey.scale_min or survey.scale_max or survey.top_box:
                scale = {"scale": (survey.scale_min, survey.scale_max),
                         "top_box": survey.top_box}
            try:
                with jtbd.read_csv(data, source_name=survey.name,
                                   **scale) as study:
                    with study.score(
                            segment_by=survey.segment_by or None) as report:
                        report_json = report.to_json()
                        top = report.outcomes[0] if report.outcomes else None
            except jtbd.Error as error:
                raise UserError("%s: %s" % (error.code_name, error.message))
            survey.write({
                "report_json": report_json,
                "top_outcome_id": top.outcome_id if top else False,
                "top_opportunity": top.opportunity if top else 0.0,
                "top_band": top.band if top else False,
            })
        return True

    def report(self):
        """The stored report as a dict (jtbd.v1.Report's JSON mapping)."""
        self.ensure_one()
        return json.loads(self.report_json) if self.report_json else {}
