"""End-to-end tests of `jtbd segment` (docs/SEGMENTS.md).

The survey is generated here with planted segments: each planted group has
its own block of unmet outcomes (important, unsatisfied), every other rating
is random, a few percent are blank. Every number the CLI prints about the
segments (sizes, shares, a segment's importance, satisfaction and
opportunity of each outcome, the rest's opportunity, attribute counts) is
recomputed here from the file and the cluster labels, with Ulwick's
formulas (domain.md section 4): I = 10 x top-box share among those who
rated importance, S likewise, Opp = I + max(I - S, 0).

Environment: JTBD_CLI (the built `jtbd`), JTBD_SOURCE_DIR (repository root).
"""

import csv
import io
import json
import os
import random
import re
import subprocess

import pytest

CLI = os.environ.get("JTBD_CLI", "")
SOURCE_DIR = os.environ.get("JTBD_SOURCE_DIR", "")
EXAMPLE = os.path.join(SOURCE_DIR, "examples", "survey.csv")

pytestmark = pytest.mark.skipif(
    not CLI or not SOURCE_DIR,
    reason="set JTBD_CLI and JTBD_SOURCE_DIR (ctest does)")

TOLERANCE = 1e-12
TOP_BOX = 4  # 1-5 scale, Ulwick's top two box


def run(*args, stdin=None):
    """Runs jtbd; returns (exit code, stdout bytes, stderr text)."""
    done = subprocess.run([CLI, *args], input=stdin, capture_output=True,
                          timeout=120)
    return (done.returncode, done.stdout,
            done.stderr.decode("utf-8", errors="replace"))


def run_ok(*args):
    code, out, err = run(*args)
    assert code == 0, err
    assert err == ""
    return out.decode("utf-8")


def run_json(*args):
    return json.loads(run_ok("segment", "--format", "json", *args))


# --- The planted survey ------------------------------------------------------

OUTCOMES = ["o%02d" % (o + 1) for o in range(18)]
GROUP_SIZES = (125, 75, 50)  # planted groups 0, 1, 2
UNMET_PER_GROUP = 6  # group g: outcomes g*6 .. g*6 + 5 unmet
BLANK_RATE = 0.03
# Ids as a CRM would have them, one that needs CSV quoting.
SPECIAL_ID = "Smith, J."


def top_box_rating(rng, probability):
    """A 1-5 rating, in the top box (4-5) with the given probability."""
    if rng.random() < probability:
        return rng.choice((4, 5))
    return rng.choice((1, 2, 3))


def planted_rows(seed=20240607):
    """Rows (dicts) of a wide survey, in shuffled order, with their group."""
    rng = random.Random(seed)
    groups = [g for g, size in enumerate(GROUP_SIZES) for _ in range(size)]
    rng.shuffle(groups)
    rows = []
    for index, group in enumerate(groups):
        row = {"respondent_id": SPECIAL_ID if index == 7
               else "resp-%03d" % (index + 1),
               "role": "finish carpenter"
               if rng.random() < (0.7 if group == 0 else 0.15)
               else "electrician",
               "region": rng.choice(("north", "south"))}
        for o, outcome in enumerate(OUTCOMES):
            unmet = o // UNMET_PER_GROUP == group
            importance = top_box_rating(rng, 0.9 if unmet else 0.35)
            satisfaction = top_box_rating(rng, 0.1 if unmet else 0.6)
            if rng.random() < BLANK_RATE:
                importance = ""
            if rng.random() < BLANK_RATE:
                satisfaction = ""
            row["imp_" + outcome] = importance
            row["sat_" + outcome] = satisfaction
        row["_group"] = group
        rows.append(row)
    return rows


def write_survey(path, rows):
    fields = ["respondent_id", "role", "region"]
    for outcome in OUTCOMES:
        fields += ["imp_" + outcome, "sat_" + outcome]
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return str(path)


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """(path, rows) of the planted survey."""
    rows = planted_rows()
    path = write_survey(tmp_path_factory.mktemp("planted") / "planted.csv",
                        rows)
    return path, rows


@pytest.fixture(scope="module")
def fitted(planted):
    """The JSON report of the planted survey, k chosen (no bootstrap)."""
    path, _ = planted
    return run_json("--bootstrap", "0", path)


# --- The independent recomputation -------------------------------------------


def rating(text):
    return int(text) if str(text).strip() else None


def ulwick(rows, outcome):
    """(I, S, Opp, n_I, n_S) of one outcome over some respondents."""
    importance = [rating(r["imp_" + outcome]) for r in rows]
    satisfaction = [rating(r["sat_" + outcome]) for r in rows]
    importance = [i for i in importance if i is not None]
    satisfaction = [s for s in satisfaction if s is not None]
    i = 10 * sum(1 for x in importance if x >= TOP_BOX) / len(importance)
    s = 10 * sum(1 for x in satisfaction if x >= TOP_BOX) / len(satisfaction)
    return i, s, i + max(i - s, 0.0), len(importance), len(satisfaction)


def clusters_of(report):
    return [r["cluster"] for r in report["respondents"]]


# --- Choosing k and recovering the planted groups ----------------------------


def test_chooses_the_planted_k(fitted):
    assert fitted["k"] == 3
    assert fitted["kChosen"] is True
    candidates = fitted["candidates"]
    assert [c["k"] for c in candidates] == list(range(2, 9))
    best = max(candidates, key=lambda c: c["silhouette"])
    assert best["k"] == 3
    assert fitted["feature"] == "SEGMENT_FEATURE_TOP_BOX_OPPORTUNITY"
    assert fitted["outcomeIds"] == OUTCOMES
    assert fitted["seed"] == "42"  # uint64: a string in the JSON mapping
    assert fitted["starts"] == 25


def adjusted_rand_index(labels, truth):
    """Hubert and Arabie's ARI from the contingency table."""
    def pairs(n):
        return n * (n - 1) / 2
    table = {}
    for a, b in zip(labels, truth):
        table[(a, b)] = table.get((a, b), 0) + 1
    rows, columns = {}, {}
    for (a, b), count in table.items():
        rows[a] = rows.get(a, 0) + count
        columns[b] = columns.get(b, 0) + count
    index = sum(pairs(c) for c in table.values())
    row_sum = sum(pairs(c) for c in rows.values())
    column_sum = sum(pairs(c) for c in columns.values())
    expected = row_sum * column_sum / pairs(len(labels))
    return (index - expected) / ((row_sum + column_sum) / 2 - expected)


def test_adjusted_rand_index_by_hand():
    # scikit-learn's documented example: 0.5714... = 4/7.
    assert adjusted_rand_index([0, 0, 1, 2], [0, 0, 1, 1]) == \
        pytest.approx(4 / 7, abs=TOLERANCE)
    assert adjusted_rand_index([1, 1, 2, 2], [5, 5, 3, 3]) == 1


def test_each_planted_group_maps_to_one_cluster(planted, fitted):
    _, rows = planted
    clusters = clusters_of(fitted)
    assert len(clusters) == len(rows)
    assert 0 not in clusters  # everybody answered something
    groups = [row["_group"] for row in rows]
    # Each group's respondents fall, all but a few, in one cluster of its
    # own; segments are numbered by size, so group g is segment g + 1.
    for group, size in enumerate(GROUP_SIZES):
        members = [c for c, g in zip(clusters, groups) if g == group]
        assert members.count(group + 1) >= 0.95 * size, (group, members)
    assert adjusted_rand_index(clusters, groups) >= 0.9


def test_respondents_carry_the_ids_as_read(planted, fitted):
    _, rows = planted
    assert [r["respondentId"] for r in fitted["respondents"]] == \
        [row["respondent_id"] for row in rows]
    assert SPECIAL_ID in [r["respondentId"] for r in fitted["respondents"]]


def test_sizes_sum_to_the_respondents_clustered(planted, fitted):
    _, rows = planted
    clusters = clusters_of(fitted)
    clustered = sum(1 for c in clusters if c != 0)
    assert fitted["respondentCount"] == clustered == len(rows)
    assert fitted["unclusteredRespondentCount"] == 0
    segments = fitted["segments"]
    assert [s["cluster"] for s in segments] == [1, 2, 3]
    assert sum(s["respondentCount"] for s in segments) == clustered
    for segment in segments:
        assert segment["respondentCount"] == \
            clusters.count(segment["cluster"])
        assert segment["share"] == pytest.approx(
            segment["respondentCount"] / clustered, abs=TOLERANCE)
    # Sizes near the planted ones (a few respondents land elsewhere).
    for segment, size in zip(segments, GROUP_SIZES):
        assert abs(segment["respondentCount"] - size) <= 0.05 * size
    # Blank answers were imputed: count them from the file.
    blanks = sum(1 for row in rows for o in OUTCOMES
                 if rating(row["imp_" + o]) is None
                 or rating(row["sat_" + o]) is None)
    assert int(fitted["imputedFeatureCount"]) == blanks


def test_profile_scores_recomputed_from_the_file(planted, fitted):
    _, rows = planted
    clusters = clusters_of(fitted)
    for segment in fitted["segments"]:
        members = [r for r, c in zip(rows, clusters)
                   if c == segment["cluster"]]
        rest = [r for r, c in zip(rows, clusters)
                if c not in (0, segment["cluster"])]
        scores = segment["scores"]
        assert scores["name"] == "segment %d" % segment["cluster"]
        assert scores["respondentCount"] == len(members)
        assert scores["restRespondentCount"] == len(rest)
        assert sorted(o["outcomeId"] for o in scores["outcomes"]) == OUTCOMES
        for item in scores["outcomes"]:
            i, s, opp, n_i, n_s = ulwick(members, item["outcomeId"])
            assert item["importance"] == pytest.approx(i, abs=TOLERANCE)
            assert item["satisfaction"] == pytest.approx(s, abs=TOLERANCE)
            assert item["opportunity"] == pytest.approx(opp, abs=TOLERANCE)
            assert (item["importanceCount"], item["satisfactionCount"]) == \
                (n_i, n_s)
        # Ranked by opportunity, highest first.
        opportunities = [o["opportunity"] for o in scores["outcomes"]]
        assert opportunities == sorted(opportunities, reverse=True)
        for comparison in scores["comparisons"]:
            outcome = comparison["outcomeId"]
            rest_opp = ulwick(rest, outcome)[2]
            own_opp = ulwick(members, outcome)[2]
            assert comparison["restOpportunity"] == pytest.approx(
                rest_opp, abs=TOLERANCE)
            assert comparison["opportunityDifference"] == pytest.approx(
                own_opp - rest_opp, abs=TOLERANCE)


def test_planted_unmet_outcomes_are_more_underserved(fitted):
    for segment, group in zip(fitted["segments"], (0, 1, 2)):
        planted_unmet = set(OUTCOMES[group * UNMET_PER_GROUP:
                                     (group + 1) * UNMET_PER_GROUP])
        found = set(segment["scores"]["moreUnderservedOutcomeIds"])
        assert planted_unmet <= found
        assert len(found - planted_unmet) <= 1  # a chance finding at most
        top = [o["outcomeId"] for o in segment["scores"]["outcomes"][:6]]
        assert set(top) == planted_unmet


def test_overrepresented_attributes_recomputed(planted, fitted):
    _, rows = planted
    clusters = clusters_of(fitted)
    listed = {}
    for segment in fitted["segments"]:
        members = [r for r, c in zip(rows, clusters)
                   if c == segment["cluster"]]
        rest = [r for r, c in zip(rows, clusters)
                if c not in (0, segment["cluster"])]
        for a in segment["overrepresentedAttributes"]:
            count = sum(1 for r in members if r[a["attribute"]] == a["value"])
            rest_count = sum(1 for r in rest if r[a["attribute"]] == a["value"])
            assert (a["segmentCount"], a["segmentTotal"], a["restCount"],
                    a["restTotal"]) == (count, len(members), rest_count,
                                        len(rest))
            assert a["segmentShare"] == pytest.approx(count / len(members),
                                                      abs=TOLERANCE)
            assert a["restShare"] == pytest.approx(rest_count / len(rest),
                                                   abs=TOLERANCE)
            listed.setdefault(segment["cluster"], []).append(
                (a["attribute"], a["value"]))
    # The planted role over-represents in the planted group's segment.
    assert ("role", "finish carpenter") in listed[1]


def test_overrepresented_attribute_p_values_by_scipy(planted, fitted):
    """Fisher's one-sided exact test (mid-p decides), recomputed by SciPy."""
    stats = pytest.importorskip("scipy.stats")
    for segment in fitted["segments"]:
        for a in segment["overrepresentedAttributes"]:
            table = [[a["segmentCount"], a["segmentTotal"] - a["segmentCount"]],
                     [a["restCount"], a["restTotal"] - a["restCount"]]]
            _, fisher = stats.fisher_exact(table, alternative="greater")
            n = a["segmentTotal"] + a["restTotal"]
            k = a["segmentCount"] + a["restCount"]
            mid = (stats.hypergeom.sf(a["segmentCount"], n, k,
                                      a["segmentTotal"])
                   + 0.5 * stats.hypergeom.pmf(a["segmentCount"], n, k,
                                               a["segmentTotal"]))
            assert a["fisherPValue"] == pytest.approx(fisher, rel=1e-9)
            assert a["test"]["pValue"] == pytest.approx(mid, rel=1e-9)
            assert a["segmentCount"] >= fitted["minAttributeCount"] == 5


def test_identifier_columns_are_set_aside(planted, tmp_path):
    """A CRM export's email and contact id describe respondents, not
    segments: set aside, said in every format, never listed."""
    _, rows = planted
    fields = ["respondent_id", "contact", "email", "role", "region"]
    for outcome in OUTCOMES:
        fields += ["imp_" + outcome, "sat_" + outcome]
    path = tmp_path / "crm.csv"
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        for index, row in enumerate(rows):
            writer.writerow(dict(row, contact="C-%05d" % (index * 13),
                                 email="person%d@example.com" % index))
    report = run_json("--bootstrap", "0", str(path))
    assert report["setAsideAttributes"] == [
        {"attribute": "contact",
         "reason": "ATTRIBUTE_SET_ASIDE_REASON_HIGH_CARDINALITY",
         "distinctValueCount": 250, "respondentCount": 250},
        {"attribute": "email",
         "reason": "ATTRIBUTE_SET_ASIDE_REASON_HIGH_CARDINALITY",
         "distinctValueCount": 250, "respondentCount": 250}]
    listed = [(a["attribute"], a["value"]) for s in report["segments"]
              for a in s["overrepresentedAttributes"]]
    assert ("role", "finish carpenter") in listed
    assert all(attribute in ("role", "region") for attribute, _ in listed)
    line = ("Attributes set aside (most values unique: identifiers, emails "
            "or free text; not tested): contact (250 distinct of 250), "
            "email (250 distinct of 250)\n")
    assert line in run_ok("segment", "--bootstrap", "0", str(path))
    code, out, err = run("segment", "--bootstrap", "0", "--format", "csv",
                         str(path))
    assert code == 0
    assert out.decode("utf-8").startswith("respondent_id,cluster\r\n")
    assert err == "jtbd: note: " + line


def test_min_attribute_count_option(planted):
    path, _ = planted
    report = run_json("--bootstrap", "0", "--min-attribute-count", "200",
                      path)
    assert report["minAttributeCount"] == 200
    for segment in report["segments"]:
        for a in segment["overrepresentedAttributes"]:
            assert a["segmentCount"] >= 200


def test_table_shows_the_same_numbers(planted, fitted):
    path, _ = planted
    table = run_ok("segment", "--bootstrap", "0", path)
    assert table.startswith(
        "Segmentation: 250 respondents clustered into 3 segments "
        "(k chosen by mean silhouette)\n")
    for candidate in fitted["candidates"]:
        marker = "*" if candidate["k"] == 3 else " "
        assert re.search(r"^  \%s %3d  %10.3f " % (
            marker, candidate["k"], candidate["silhouette"]), table,
            re.MULTILINE), candidate
    for segment in fitted["segments"]:
        assert "\nSegment %d: %d respondents (%.1f%%), silhouette %.3f\n" % (
            segment["cluster"], segment["respondentCount"],
            100 * segment["share"], segment["silhouette"]) in table
        best = segment["scores"]["outcomes"][0]
        assert re.search(r"^ +1  %s +%.1f +%.1f +%.1f  \[" % (
            best["outcomeId"], best["importance"], best["satisfaction"],
            best["opportunity"]), table, re.MULTILINE), best
    assert "role = finish carpenter" in table


def test_csv_lists_every_respondent_quoted(planted, fitted):
    path, _ = planted
    text = run_ok("segment", "--bootstrap", "0", "--format", "csv", path)
    assert text.startswith("respondent_id,cluster\r\n")
    assert '\r\n"Smith, J.",' in text
    records = list(csv.reader(io.StringIO(text, newline="")))
    assert records[0] == ["respondent_id", "cluster"]
    assert [(r[0], int(r[1])) for r in records[1:]] == \
        [(r["respondentId"], r["cluster"]) for r in fitted["respondents"]]


def test_default_run_has_bootstrap_intervals(planted, fitted):
    path, _ = planted
    report = run_json("--k", "3", path)
    # Same seed: the same segments whether or not intervals are bootstrapped.
    assert clusters_of(report) == clusters_of(fitted)
    for segment in report["segments"]:
        for item in segment["scores"]["outcomes"]:
            low = item["opportunityInterval"]["low"]
            high = item["opportunityInterval"]["high"]
            assert low <= item["opportunity"] + 1e-9 <= high + 2e-9
            assert "opportunityAtLeast10Probability" in item


# --- Options -------------------------------------------------------------------


def test_fixed_k(planted):
    path, _ = planted
    report = run_json("--bootstrap", "0", "--k", "4", path)
    assert report["k"] == 4 and report["kChosen"] is False
    assert [c["k"] for c in report["candidates"]] == [4]
    assert sorted(set(clusters_of(report))) == [1, 2, 3, 4]
    assert [s["cluster"] for s in report["segments"]] == [1, 2, 3, 4]
    sizes = [s["respondentCount"] for s in report["segments"]]
    assert sizes == sorted(sizes, reverse=True)  # numbered by size
    assert "into 4 segments (k given)" in run_ok(
        "segment", "--bootstrap", "0", "--k=4", path)


def test_range_of_k_and_other_options(planted):
    path, _ = planted
    report = run_json("--bootstrap", "0", "--min-k", "2", "--max-k", "4",
                      "--starts", "5", "--seed", "7", "--threads", "1",
                      "--feature", "ratings", "--pca", path)
    assert [c["k"] for c in report["candidates"]] == [2, 3, 4]
    assert report["k"] == 3
    assert report["starts"] == 5 and report["seed"] == "7"
    assert report["feature"] == "SEGMENT_FEATURE_RATING_OPPORTUNITY"
    assert report["componentCount"] >= 2
    assert len(report["eigenvalues"]) == len(OUTCOMES)
    # Same seed, two threads: the same segments, bit for bit.
    again = run_json("--bootstrap", "0", "--min-k", "2", "--max-k", "4",
                     "--starts", "5", "--seed", "7", "--threads", "2",
                     "--feature", "ratings", "--pca", path)
    assert again == report


def test_output_file(planted, tmp_path):
    path, _ = planted
    target = tmp_path / "segments.json"
    assert run_ok("segment", "--bootstrap", "0", "--format", "json",
                  "--output", str(target), path) == ""
    assert target.read_text(encoding="utf-8") == run_ok(
        "segment", "--bootstrap", "0", "--format", "json", path)
    assert os.listdir(tmp_path) == ["segments.json"]


# --- Saved models --------------------------------------------------------------


def test_saved_model_reproduces_the_clusters(planted, fitted, tmp_path):
    path, rows = planted
    model = tmp_path / "model.pb"
    run_ok("segment", "--bootstrap", "0", "--save-model", str(model),
           "--format", "csv", path)
    assert sorted(os.listdir(tmp_path)) == ["model.pb"]  # no temporary left
    applied = run_json("--apply", str(model), path)
    assert applied == {"respondents": [
        {"respondentId": r["respondentId"], "cluster": r["cluster"]}
        for r in fitted["respondents"]]}
    # CSV, and a new file: some respondents, in another order, with a blank
    # row; each gets the segment it was fitted in.
    subset = list(reversed(rows[:40]))
    blank = dict(rows[0], respondent_id="new-blank")
    for outcome in OUTCOMES:
        blank["imp_" + outcome] = blank["sat_" + outcome] = ""
    new_path = write_survey(tmp_path / "new.csv", subset + [blank])
    text = run_ok("segment", "--apply", str(model), "--format", "csv",
                  new_path)
    records = list(csv.reader(io.StringIO(text, newline="")))
    fitted_cluster = {r["respondentId"]: r["cluster"]
                      for r in fitted["respondents"]}
    assert records[0] == ["respondent_id", "cluster"]
    assert [(r[0], int(r[1])) for r in records[1:]] == \
        [(row["respondent_id"], fitted_cluster[row["respondent_id"]])
         for row in subset] + [("new-blank", 0)]
    table = run_ok("segment", "--apply", str(model), new_path)
    counts = [sum(1 for row in subset
                  if fitted_cluster[row["respondent_id"]] == s)
              for s in (1, 2, 3)]
    assert table.endswith(
        "\n41 respondents: segment 1: %d, segment 2: %d, segment 3: %d; "
        "not placed (no usable answer): 1\n" % tuple(counts))


def test_saved_model_with_principal_components(planted, tmp_path):
    path, _ = planted
    model = tmp_path / "pca.pb"
    report = run_json("--bootstrap", "0", "--pca", "--save-model",
                      str(model), path)
    applied = run_json("--apply", str(model), path)
    assert clusters_of(applied) == clusters_of(report)


@pytest.fixture(scope="module")
def model_bytes(planted, tmp_path_factory):
    path, _ = planted
    model = tmp_path_factory.mktemp("model") / "model.pb"
    run_ok("segment", "--bootstrap", "0", "--save-model", str(model),
           "--format", "csv", path)
    return model.read_bytes()


def resealed(data, offset, value):
    """A copy of a saved file with header byte `offset` set to `value` and
    the header checksum recomputed, as a newer jtbd would write it."""
    header = bytearray(data[:28])
    header[offset] = value
    return bytes(header) + crc32c(bytes(header)).to_bytes(4, "little") + \
        data[32:]


def crc32c(data):
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def test_saved_model_has_the_documented_header(model_bytes):
    assert model_bytes[:8] == b"\x89JTBD\r\n\x1a"
    assert int.from_bytes(model_bytes[8:12], "little") == 1  # file format
    assert int.from_bytes(model_bytes[12:16], "little") == 3  # segment model
    assert int.from_bytes(model_bytes[16:24], "little") == \
        len(model_bytes) - 32
    assert int.from_bytes(model_bytes[24:28], "little") == \
        crc32c(model_bytes[32:])
    assert int.from_bytes(model_bytes[28:32], "little") == \
        crc32c(model_bytes[:28])


@pytest.mark.parametrize("name, mangle, message", [
    ("truncated", lambda b: b[:len(b) // 2], "truncated"),
    ("flipped", lambda b: b[:-1] + bytes([b[-1] ^ 1]), "corrupt"),
    ("garbage", lambda b: b"\xff\xff\xff garbage", "not a jtbd segment"),
    ("empty", lambda b: b"", "not a jtbd segment"),
    ("newer", lambda b: resealed(b, 8, 2), "written by a newer jtbd"),
    ("study", lambda b: resealed(b, 12, 1), "holds a study, not a segment"),
    ("csv", lambda b: b"respondent_id,imp_o01,sat_o01\nr1,4,2\n",
     "not a jtbd segment"),
])
def test_bad_model_files_are_refused(planted, model_bytes, tmp_path, name,
                                     mangle, message):
    path, _ = planted
    model = tmp_path / (name + ".pb")
    model.write_bytes(mangle(model_bytes))
    code, out, err = run("segment", "--apply", str(model), path)
    assert (code, out) == (1, b""), err
    assert err.startswith("jtbd: %s: " % model), err
    assert message in err, err
    assert err.count("\n") == 1, err


def test_missing_model_file(planted, tmp_path):
    path, _ = planted
    code, out, err = run("segment", "--apply", str(tmp_path / "none.pb"), path)
    assert (code, out) == (1, b"")
    assert str(tmp_path / "none.pb") in err


def test_model_of_another_scale_is_refused(planted, model_bytes, tmp_path):
    model = tmp_path / "model.pb"
    model.write_bytes(model_bytes)
    seven = write_survey(tmp_path / "seven.csv", planted_rows()[:5])
    code, out, err = run("segment", "--apply", str(model), "--scale", "1-7",
                         seven)
    assert (code, out) == (1, b""), err
    assert err.startswith("jtbd: %s: " % seven) and "scale" in err, err


# --- Errors ----------------------------------------------------------------------


@pytest.mark.parametrize("args, message", [
    (["--k", "1"], 'bad --k "1" (expected a whole number from 2 to 100)'),
    (["--k", "x"], 'bad --k "x"'),
    (["--k", "3", "--min-k", "2"], "--k fixes the number of segments"),
    (["--min-k", "5", "--max-k", "3"], "--min-k 5 is above --max-k 3"),
    (["--max-k", "101"], 'bad --max-k "101"'),
    (["--starts", "0"], 'bad --starts "0"'),
    (["--feature", "likes"], 'unknown --feature "likes"'),
    (["--pca=yes"], "--pca takes no value"),
    (["--format", "xml"], 'unknown format "xml"'),
    (["--confidence", "1"], 'bad --confidence "1"'),
    (["--apply", "m.pb", "--k", "3"], "--k configures a fit; --apply tags"),
    (["--apply", "m.pb", "--pca"], "--pca configures a fit"),
    (["--save-model", "-"], "--save-model needs a file name"),
    (["--colour", "red"], 'unknown option "--colour"'),
    (["--k"], "option --k needs a value"),
])
def test_usage_errors(planted, args, message):
    path, _ = planted
    # Options may follow the file too; "--k" last has no value.
    code, out, err = run("segment", path, *args)
    assert (code, out) == (2, b""), err
    assert err.startswith("jtbd: " + message), err
    assert "Usage: jtbd segment" in err


def test_file_count_usage_errors(planted):
    path, _ = planted
    for args, message in (([], "missing the survey FILE"),
                          ([path, path], "expected one survey FILE, got 2")):
        code, out, err = run("segment", *args)
        assert (code, out) == (2, b""), err
        assert err.startswith("jtbd: " + message), err


def test_bad_rating_names_file_line_and_column(tmp_path):
    rows = planted_rows()[:20]
    rows[4]["sat_o02"] = 9  # row 5 of data: line 6; sat_o02 is column 7
    path = write_survey(tmp_path / "bad.csv", rows)
    target = tmp_path / "out.json"
    model = tmp_path / "model.pb"
    for fmt in ("table", "json", "csv"):
        code, out, err = run("segment", "--format", fmt, "--output",
                             str(target), "--save-model", str(model), path)
        assert (code, out) == (1, b""), err
        assert err.startswith("jtbd: %s: line 6, column 7" % path), err
        assert err.count("\n") == 1, err
    assert sorted(os.listdir(tmp_path)) == ["bad.csv"]  # nothing written


def test_too_few_respondents_names_the_file(tmp_path):
    path = write_survey(tmp_path / "tiny.csv", planted_rows()[:3])
    code, out, err = run("segment", "--k", "4", path)
    assert (code, out) == (1, b""), err
    assert err.startswith("jtbd: %s: " % path), err
    assert "segments" in err


def test_help():
    text = run_ok("segment", "--help")
    assert text.startswith("Usage: jtbd segment [options] FILE\n")
    assert "--save-model FILE" in text and "--apply MODEL" in text
    assert run_ok("help", "segment") == text
    assert "  segment   " in run_ok("--help")


# --- The example survey ----------------------------------------------------------


def test_example_survey_segments():
    with open(EXAMPLE, newline="", encoding="utf-8") as f:
        respondents = sum(1 for _ in csv.DictReader(f))
    report = run_json("--bootstrap", "0", EXAMPLE)
    assert 2 <= report["k"] <= 8
    assert len(report["respondents"]) == respondents
    assert report["respondentCount"] + report["unclusteredRespondentCount"] \
        == respondents
    assert sum(s["respondentCount"] for s in report["segments"]) == \
        report["respondentCount"]
    assert run_ok("segment", "--bootstrap", "0", EXAMPLE).startswith(
        "Segmentation: ")


def test_standard_input(planted, model_bytes):
    path, _ = planted
    with open(path, "rb") as f:
        survey = f.read()
    from_file = run_ok("segment", "--bootstrap", "0", "--format", "csv", path)
    code, out, err = run("segment", "--bootstrap", "0", "--format", "csv", "-",
                         stdin=survey)
    assert (code, err) == (0, "")
    assert out.decode("utf-8") == from_file
    # A model can come from standard input too (with the survey a file).
    code, out, err = run("segment", "--apply", "-", "--format", "csv", path,
                         stdin=model_bytes)
    assert (code, err) == (0, "")
    assert out.decode("utf-8") == from_file
