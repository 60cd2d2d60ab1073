"""An app that talks to `jtbd serve` in protobuf: it builds a
jtbd.v1.ScoreRequest with classes protoc generated from the installed .proto
files (on PYTHONPATH as jtbd.v1; not the jtbd binding), POSTs it as
application/x-protobuf and reads the binary jtbd.v1.Report back. Prints what
../consumers/top_outcomes.c prints for the same survey:

    score_request_sidecar.py --url http://127.0.0.1:PORT SURVEY.csv

The survey is examples/survey.csv's wide layout: respondent_id, attribute
columns, then imp_<outcome> and sat_<outcome> (1-5, blank: no answer).
"""

import argparse
import csv
import json
import sys
import urllib.request

from jtbd.v1 import report_pb2, scoring_pb2

MEDIA_TYPE = "application/x-protobuf"
TIMEOUT = 60


def build_request(survey):
    request = scoring_pb2.ScoreRequest()
    with open(survey, newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        outcomes = [name[len("imp_"):] for name in header
                    if name.startswith("imp_")]
        for outcome in outcomes:
            request.study.outcomes.add(id=outcome)
        attributes = [name for name in header[1:]
                      if not name.startswith(("imp_", "sat_"))]
        for row in rows:
            values = dict(zip(header, row))
            respondent = request.study.respondents.add(id=row[0])
            for name in attributes:
                respondent.attributes[name] = values[name]
            for outcome in outcomes:
                importance = values["imp_" + outcome]
                satisfaction = values["sat_" + outcome]
                if importance or satisfaction:
                    # 0: no answer.
                    respondent.answers.add(
                        outcome_id=outcome,
                        importance=int(importance or 0),
                        satisfaction=int(satisfaction or 0))
    request.options.segment_by = "segment"
    return request


def score(url, request):
    http_request = urllib.request.Request(
        url + "/v1/score", data=request.SerializeToString(),
        headers={"Content-Type": MEDIA_TYPE, "Accept": MEDIA_TYPE})
    with urllib.request.urlopen(http_request, timeout=TIMEOUT) as response:
        content_type = response.headers.get("Content-Type")
        if content_type != MEDIA_TYPE:
            sys.exit("score_request_sidecar: answered %s" % content_type)
        return report_pb2.Report.FromString(response.read())


def band_name(band):
    return report_pb2.Band.Name(band)[len("BAND_"):].lower()


def top_line(name, respondents, s):
    return "%s (%d): %d %s %d/%d %d/%d %.6f %s" % (
        name, respondents, s.rank, s.outcome_id, s.importance_top_box_count,
        s.importance_count, s.satisfaction_top_box_count,
        s.satisfaction_count, s.opportunity, band_name(s.band))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("survey")
    args = parser.parse_args()
    with urllib.request.urlopen(args.url + "/healthz",
                                timeout=TIMEOUT) as response:
        print("jtbd " + json.load(response)["version"])
    report = score(args.url, build_request(args.survey))
    print(top_line("all", report.respondent_count, report.outcomes[0]))
    for segment in report.segments:
        print(top_line(segment.name, segment.respondent_count,
                       segment.outcomes[0]))


if __name__ == "__main__":
    main()
