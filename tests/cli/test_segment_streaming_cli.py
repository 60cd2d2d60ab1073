"""`jtbd score --segment-by` streams rows into per-segment aggregates.

Its output must be byte for byte what the Study route gives (the library's
jtbd_study_read_csv_file + jtbd_study_score + jtbd_report_render, reached
through the Python binding), in every format; its memory must not grow with
the rows.

Environment: JTBD_CLI, JTBD_LIBRARY, JTBD_SOURCE_DIR, PYTHONPATH (ctest sets
them).
"""

import os
import subprocess
import sys

import pytest

CLI = os.environ.get("JTBD_CLI", "")
SOURCE_DIR = os.environ.get("JTBD_SOURCE_DIR", "")

pytestmark = pytest.mark.skipif(
    not CLI or not SOURCE_DIR or not os.environ.get("JTBD_LIBRARY"),
    reason="set JTBD_CLI, JTBD_LIBRARY and JTBD_SOURCE_DIR (ctest does)")

BOOTSTRAP = 300
SEED = 12345


def source(*parts):
    return os.path.join(SOURCE_DIR, *parts)


# (file, CLI flags, load_csv keyword arguments, attributes to segment by)
FIXTURES = [
    (source("examples", "survey.csv"), [], {},
     ["segment", "role", "company_size"]),
    (source("tests", "data", "io", "formats", "qualtrics.csv"), [], {},
     ["Q1", "ExternalReference"]),
    (source("tests", "data", "io", "formats", "surveymonkey.csv"), [], {},
     ["What is your trade?", "Custom Data 1"]),
    (source("tests", "data", "io", "good", "wide_basic.csv"), [], {},
     ["segment"]),
    (source("tests", "data", "competitors", "wide.csv"), [], {}, ["region"]),
    (source("tests", "data", "competitors", "long.csv"), [], {}, ["region"]),
    (source("tests", "data", "io", "formats", "crm_export.csv"),
     ["--map", source("tests", "data", "io", "formats", "crm_map.json")],
     {"survey_map_file": source("tests", "data", "io", "formats",
                                "crm_map.json")},
     ["role", "Account tier"]),
]

FORMATS = [("table", 1), ("json", 2), ("csv", 3)]


def run(args, stdin=None):
    done = subprocess.run([CLI, *args], input=stdin, capture_output=True,
                          timeout=60)
    return done.returncode, done.stdout, done.stderr.decode("utf-8")


def study_route(path, load_options, segment_by, fmt):
    import jtbd
    study = jtbd.load_csv(path, **load_options)
    report = study.score(segment_by=segment_by, bootstrap=BOOTSTRAP,
                         seed=SEED)
    return report.render(fmt)


@pytest.mark.parametrize("path,flags,load_options,attributes", FIXTURES)
def test_output_is_byte_identical_to_the_study_route(path, flags,
                                                     load_options,
                                                     attributes):
    for segment_by in attributes:
        for name, fmt in FORMATS:
            code, out, err = run(["score", "--format", name, "--segment-by",
                                  segment_by, "--bootstrap", str(BOOTSTRAP),
                                  "--seed", str(SEED), *flags, path])
            assert code == 0, err
            assert err == ""
            expected = study_route(path, load_options, segment_by, fmt)
            assert out == expected, (path, segment_by, name)
            if name == "json":
                # Not vacuous: there are segments with scores.
                assert b'"segments": [' in out and b'"rank"' in out


def test_weighted_file_is_scored_weighted():
    path, flags, _, _ = FIXTURES[-1]
    code, out, err = run(["score", "--format", "json", "--segment-by", "role",
                          *flags, path])
    assert code == 0, err
    assert b'"weighted": true' in out


def test_standard_input_streams_the_same():
    path = source("examples", "survey.csv")
    with open(path, "rb") as f:
        data = f.read()
    args = ["score", "--format", "json", "--segment-by", "role", "--seed",
            "3", "--bootstrap", "100"]
    code, from_stdin, err = run([*args, "-"], stdin=data)
    assert code == 0, err
    assert from_stdin == run([*args, path])[1]


def test_unknown_attribute_message_is_unchanged():
    path = source("examples", "survey.csv")
    code, out, err = run(["score", "--segment-by", "region", path])
    assert code != 0
    assert out == b""
    assert err == (
        "jtbd: " + path + ": line 1: no column \"region\" with respondent "
        "values to segment by (respondent attribute columns: segment, role, "
        "company_size)\n")


def test_blank_attribute_is_not_found(tmp_path):
    path = tmp_path / "blank.csv"
    path.write_text("team,note,imp_a,sat_a\nred,,5,1\nblue, ,4,2\n")
    code, _, err = run(["score", "--segment-by", "note", str(path)])
    assert code != 0
    assert err.endswith("no column \"note\" with respondent values to segment "
                        "by (respondent attribute columns: team)\n")


def test_too_many_segment_values_are_refused(tmp_path):
    path = tmp_path / "many.csv"
    with open(path, "w") as f:
        f.write("team,imp_a,sat_a\n")
        for t in range(10001):
            f.write(f"t{t},5,1\n")
    code, out, err = run(["score", "--segment-by", "team", str(path)])
    assert code != 0
    assert out == b""
    assert f"{path}: line 10002, column 1" in err
    assert "more than 10000 distinct values of \"team\"" in err


def write_wide(path, rows, outcomes=10):
    """A wide file without respondent ids (they would cost 16 bytes each to
    refuse repeats), five segments, deterministic ratings."""
    header = ["segment"] + [f"{kind}_o{o}" for o in range(outcomes)
                            for kind in ("imp", "sat")]
    lines = [",".join(header)]
    for r in range(rows):
        cells = [f"s{r % 5}"]
        for o in range(outcomes):
            cells.append(str(1 + (r * 7 + o) % 5))
            cells.append(str(1 + (r * 3 + o * 2) % 5))
        lines.append(",".join(cells))
    path.write_text("\n".join(lines) + "\n")
    return path.stat().st_size


def peak_rss_kib(args):
    """Peak resident set of one jtbd run, measured in a child Python of its
    own so that earlier runs do not count (RUSAGE_CHILDREN keeps a max)."""
    probe = ("import resource, subprocess, sys\n"
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
             "check=True)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", probe, CLI, *args],
                          capture_output=True, timeout=60, check=True)
    return int(done.stdout)


def test_memory_does_not_grow_with_rows(tmp_path):
    if "san" in os.environ.get("LD_PRELOAD", ""):
        # ASan keeps freed memory in quarantine: RSS then grows with work.
        pytest.skip("peak memory is not measurable under sanitizers")
    small_size = write_wide(tmp_path / "small.csv", 20000)
    large_size = write_wide(tmp_path / "large.csv", 200000)
    args = ["score", "--format", "json", "--bootstrap", "0",
            "--segment-by", "segment"]
    small = peak_rss_kib([*args, str(tmp_path / "small.csv")])
    large = peak_rss_kib([*args, str(tmp_path / "large.csv")])
    # The input is memory-mapped: its pages count in the resident set as
    # they are read, but they are the file's, not per-respondent memory.
    mapped_kib = (large_size - small_size) // 1024
    assert large - small < mapped_kib + 4 * 1024, (small, large, mapped_kib)
    # What a Study of the same rows would take (screening needs one).
    study = peak_rss_kib([*args, "--screen", str(tmp_path / "large.csv")])
    assert study - large > 20 * 1024, (study, large)
