"""Resource limits through the binding: the limits= keyword of the read
functions, and an allocation failure provoked for real in a child process
whose address space is capped (RESOURCE_EXHAUSTED, not a crash)."""

import os
import subprocess
import sys

import pytest

import jtbd
from conftest import BINDING_DIR

WIDE = ("respondent_id,imp_a,sat_a,imp_b,sat_b\n"
        "r1,4,3,5,2\n"
        "r2,3,3,4,4\n")


def test_limits_at_the_value_pass_and_one_below_refuses():
    study = jtbd.read_csv(WIDE, "w.csv",
                          limits={"max_columns": 5, "max_respondents": 2,
                                  "max_outcomes": 2, "max_record_bytes": 37})
    assert study.respondent_count == 2
    with pytest.raises(jtbd.ResourceExhaustedError) as refused:
        jtbd.read_csv(WIDE, "w.csv", limits={"max_columns": 4})
    assert refused.value.message.startswith(
        "w.csv: line 1, column 5: field 5 of the record exceeds the limit "
        "max_columns = 4; raise it with")
    with pytest.raises(jtbd.ResourceExhaustedError) as refused:
        jtbd.read_aggregate(WIDE, "w.csv", limits={"max_respondents": 1})
    assert refused.value.message.startswith(
        "w.csv: line 3: respondent 2 exceeds the limit max_respondents = 1")
    # The header, 37 bytes without its line break, is the longest record.
    with pytest.raises(jtbd.ResourceExhaustedError) as refused:
        jtbd.read_csv(WIDE, "w.csv", limits={"max_record_bytes": 36})
    assert "line 1, column 5" in refused.value.message
    assert "max_record_bytes = 36" in refused.value.message


def test_bad_limits_are_refused_naming_them():
    with pytest.raises(ValueError, match="unknown limit 'columns'"):
        jtbd.read_csv(WIDE, limits={"columns": 4})
    with pytest.raises(jtbd.InvalidArgumentError, match="max_outcomes is 0"):
        jtbd.read_csv(WIDE, limits={"max_outcomes": 0})
    with pytest.raises(ValueError, match="max_columns must be an integer"):
        jtbd.read_csv(WIDE, limits={"max_columns": 2.5})
    with pytest.raises(jtbd.InvalidArgumentError, match="at most 100"):
        jtbd.read_csv(WIDE, limits={"max_json_depth": 101})


def test_survey_map_json_depth_and_size_follow_the_limits():
    survey_map = '{"format": "SURVEY_FORMAT_WIDE", ' \
                 '"respondentIdColumn": "respondent_id", "outcomes": [' \
                 '{"id": "a", "importanceColumn": "imp_a", ' \
                 '"satisfactionColumn": "sat_a"}]}'
    # The outcome's "{" is the first bracket at depth 3 (1-based column).
    column = survey_map.index("[{") + 2
    # Depth 3: the object, the outcomes array, an outcome.
    jtbd.read_csv(WIDE, survey_map=survey_map, limits={"max_json_depth": 3})
    with pytest.raises(jtbd.ResourceExhaustedError) as refused:
        jtbd.read_csv(WIDE, survey_map=survey_map,
                      limits={"max_json_depth": 2})
    assert refused.value.message.startswith(
        "survey map: line 1, column %d: the nesting of JSON objects and "
        "arrays exceeds the limit max_json_depth = 2" % column)
    with pytest.raises(jtbd.ResourceExhaustedError, match="max_request_bytes"):
        jtbd.read_csv(WIDE, survey_map=survey_map,
                      limits={"max_request_bytes": len(survey_map) - 1})
    deep = '{"x": ' + "[" * 1000000 + "]" * 1000000 + "}"
    with pytest.raises(jtbd.ResourceExhaustedError, match="max_json_depth"):
        jtbd.read_csv(WIDE, survey_map=deep)


CHILD = r"""
import resource, sys
sys.path.insert(0, sys.argv[1])
import jtbd
study = jtbd.Study()
with open("/proc/self/statm") as statm:
    pages = int(statm.read().split()[0])
cap = pages * resource.getpagesize() + (256 << 20)
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
try:
    study.add_respondents(4000000000)
except jtbd.ResourceExhaustedError as error:
    print("RESOURCE_EXHAUSTED", error)
    sys.exit(0)
print("no error")
sys.exit(3)
"""


@pytest.mark.skipif("asan" in os.environ.get("LD_PRELOAD", "") or
                    "tsan" in os.environ.get("LD_PRELOAD", ""),
                    reason="sanitizers manage the address space themselves")
def test_allocation_failure_is_resource_exhausted_not_a_crash():
    done = subprocess.run([sys.executable, "-c", CHILD, str(BINDING_DIR)],
                          capture_output=True, timeout=60, env=os.environ)
    assert done.returncode == 0, (done.returncode, done.stdout, done.stderr)
    assert done.stdout.startswith(b"RESOURCE_EXHAUSTED")
