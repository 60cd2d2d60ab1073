"""End-to-end tests of `jtbd forces` (docs/FORCES.md, issue 13).

Interviews are written here, so every figure the CLI prints can be
recomputed from the file: prevalence, balance agreement, and the propensity
model's coefficients, compared with scikit-learn's LogisticRegression under
the same penalty (C = 1 / lambda, intercept not penalised) to 1e-6.

Environment: JTBD_CLI (the built `jtbd`), JTBD_SOURCE_DIR (repository root).
"""

import csv
import io
import json
import math
import os
import random
import subprocess

import pytest

CLI = os.environ.get("JTBD_CLI", "")
SOURCE_DIR = os.environ.get("JTBD_SOURCE_DIR", "")
EXAMPLE = os.path.join(SOURCE_DIR, "examples", "interviews.csv")
FORCES = ("push", "pull", "anxiety", "habit")

pytestmark = pytest.mark.skipif(
    not CLI or not SOURCE_DIR,
    reason="set JTBD_CLI and JTBD_SOURCE_DIR (ctest does)")


def run(*args, stdin=None):
    """Runs jtbd; returns (exit code, stdout text, stderr text)."""
    done = subprocess.run([CLI, *args], input=stdin, capture_output=True,
                          timeout=120)
    return (done.returncode, done.stdout.decode("utf-8"),
            done.stderr.decode("utf-8", errors="replace"))


def run_json(*args):
    code, out, err = run("forces", "--format", "json", *args)
    assert code == 0, err
    return json.loads(out)


def simulate(n, seed, weights=(0.6, 0.5, -0.55, -0.45), intercept=-0.2):
    """Interviews as (id, {force: intensity}, switched, segment)."""
    rnd = random.Random(seed)
    interviews = []
    for i in range(n):
        intensities = {}
        for force in FORCES:
            if rnd.random() < 0.65:
                intensities[force] = rnd.randint(1, 5)
        eta = intercept + sum(w * intensities.get(f, 0)
                              for f, w in zip(FORCES, weights))
        switched = rnd.random() < 1 / (1 + math.exp(-eta))
        interviews.append(("i%d" % (i + 1), intensities, switched,
                           "smb" if i % 3 == 0 else "mid"))
    return interviews


def write_csv(path, interviews, separator=",", french=False, bom=False):
    names = {"push": "poussée", "pull": "attraction", "anxiety": "anxiété",
             "habit": "habitude"}
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\n")
    if french:
        writer.writerow(["entretien", "force", "intensité", "segment",
                         "a_change"])
    else:
        writer.writerow(["interview", "force", "intensity", "segment",
                         "switched"])
    for iid, intensities, switched, segment in interviews:
        flag = ("oui" if switched else "non") if french else (
            "1" if switched else "0")
        if not intensities:
            writer.writerow([iid, "", "", segment, flag])
        for force, value in intensities.items():
            writer.writerow([iid, names[force] if french else force, value,
                             segment, flag])
    data = out.getvalue().encode("utf-8")
    if bom:
        data = b"\xef\xbb\xbf" + data
    path.write_bytes(data)
    return str(path)


# --- The example -------------------------------------------------------------

def test_example_json_has_the_issues_keys():
    report = run_json(EXAMPLE)
    assert [f["name"] for f in report["forces"]] == list(FORCES)
    for force in report["forces"]:
        assert 0 <= force["prevalenceInterval"]["low"] <= force["prevalence"]
        assert force["prevalence"] <= force["prevalenceInterval"]["high"] <= 1
    assert set(report["balance"]) >= {"meanBalance", "agreement",
                                      "agreementInterval", "interviews"}
    model = report["model"]
    assert 0.5 < model["auc"] <= 1
    assert list(model["coefficients"]) == list(FORCES)
    for force in FORCES:
        coefficient = model["coefficients"][force]
        assert (coefficient["interval"]["low"] < coefficient["estimate"]
                < coefficient["interval"]["high"])
    assert report["segmentBy"] == "segment"
    assert len(report["segments"]) == 3


def test_example_table_and_csv():
    code, out, err = run("forces", EXAMPLE)
    assert code == 0, err
    assert "Switching forces: 40 interviews" in out
    assert "cross-validated AUC" in out
    code, out, err = run("forces", "--format", "csv", EXAMPLE)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["force"] for r in rows[:4]] == list(FORCES)
    assert {r["scope"] for r in rows} == {"all", "segment", "solution_left",
                                          "solution_hired"}


# --- Figures recomputed from the file ----------------------------------------

def test_prevalence_and_balance_recomputed(tmp_path):
    interviews = simulate(300, 5)
    report = run_json(write_csv(tmp_path / "i.csv", interviews))
    n = len(interviews)
    for summary in report["forces"]:
        mentions = [iv[1][summary["name"]] for iv in interviews
                    if summary["name"] in iv[1]]
        assert summary["mentionCount"] == len(mentions)
        assert summary["prevalence"] == pytest.approx(len(mentions) / n,
                                                      abs=1e-12)
        assert summary["meanIntensity"] == pytest.approx(
            sum(mentions) / len(mentions), abs=1e-12)
    agree = 0
    for iid, intensities, switched, _ in interviews:
        balance = (intensities.get("push", 0) + intensities.get("pull", 0)
                   - intensities.get("anxiety", 0)
                   - intensities.get("habit", 0))
        agree += (balance > 0) == switched
    assert report["balance"]["agreement"] == pytest.approx(agree / n,
                                                           abs=1e-12)


@pytest.mark.parametrize("l2", ["1", "0.25", "4"])
def test_coefficients_match_scikit_learn(tmp_path, l2):
    linear_model = pytest.importorskip("sklearn.linear_model")
    interviews = simulate(500, 11)
    report = run_json("--l2", l2, write_csv(tmp_path / "i.csv", interviews))
    x = [[iv[1].get(f, 0) for f in FORCES] for iv in interviews]
    y = [1 if iv[2] else 0 for iv in interviews]
    # Same objective: sum of log-losses + lambda/2 |w|^2, intercept free.
    reference = linear_model.LogisticRegression(
        penalty="l2", C=1 / float(l2), fit_intercept=True,
        solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(x, y)
    ours = report["model"]["coefficients"]
    for k, force in enumerate(FORCES):
        assert ours[force]["estimate"] == pytest.approx(
            reference.coef_[0][k], abs=1e-6), (force, ours[force]["estimate"] - reference.coef_[0][k])
    assert report["model"]["intercept"]["estimate"] == pytest.approx(
        reference.intercept_[0], abs=1e-6)


# --- Dialects ----------------------------------------------------------------

def test_french_bom_semicolon_export_reads_as_english(tmp_path):
    interviews = simulate(80, 3)
    english = run_json(write_csv(tmp_path / "en.csv", interviews))
    french = run_json(write_csv(tmp_path / "fr.csv", interviews,
                                separator=";", french=True, bom=True))
    assert french["forces"] == english["forces"]
    assert french["balance"] == english["balance"]
    assert french["model"]["coefficients"] == english["model"]["coefficients"]


# --- Refusals ----------------------------------------------------------------

@pytest.mark.parametrize("rows,message", [
    ("a,push,3,1\nb,pull,2,0\na,habit,2,0\n",
     'bad.csv: line 4, column 4 ("switched"): interview "a" is stayed here '
     "but switched on line 2"),
    ("a,shove,3,1\n", 'bad.csv: line 2, column 2 ("force"): unknown force '
     '"shove"'),
    ("a,push,7,1\n", 'bad.csv: line 2, column 3 ("intensity"): intensity "7" '
     "is off the scale"),
])
def test_bad_rows_are_refused_with_their_position(tmp_path, rows, message):
    path = tmp_path / "bad.csv"
    path.write_text("interview,force,intensity,switched\n" + rows)
    code, out, err = run("forces", str(path))
    assert code == 1
    assert out == ""
    assert message in err
    assert str(path) in err


def test_all_switched_gives_the_analysis_and_no_model(tmp_path):
    interviews = [(iid, f, True, s) for iid, f, _, s in simulate(30, 2)]
    path = write_csv(tmp_path / "all.csv", interviews)
    report = run_json(path)
    assert "model" not in report
    assert "every one of the 30 interviews switched" in report["modelNote"]
    assert len(report["forces"]) == 4
    code, out, err = run("forces", "--save-model", str(tmp_path / "m.jtbd"),
                         path)
    assert code == 1
    assert "no model to save" in err
    assert not (tmp_path / "m.jtbd").exists()


# --- Saved model and --apply -------------------------------------------------

def test_saved_model_applies_to_open_deals(tmp_path):
    model_path = str(tmp_path / "forces.jtbd")
    report = run_json("--save-model", model_path,
                      write_csv(tmp_path / "i.csv", simulate(200, 8)))
    model = report["model"]
    deals = tmp_path / "deals.csv"
    deals.write_text("interview,force,intensity\n"
                     "deal-1,push,4\ndeal-1,habit,2\ndeal-1,push,2\n"
                     "deal-2,anxiety,5\n")
    code, out, err = run("forces", "--apply", model_path, "--format", "json",
                         str(deals))
    assert code == 0, err
    predictions = json.loads(out)["predictions"]
    assert [p["interviewId"] for p in predictions] == ["deal-1", "deal-2"]
    weights = {f: model["coefficients"][f]["estimate"] for f in FORCES}
    intercept = model["intercept"]["estimate"]
    eta = intercept + 4 * weights["push"] + 2 * weights["habit"]
    first = predictions[0]
    assert first["logOdds"] == pytest.approx(eta, abs=1e-12)
    assert first["probability"] == pytest.approx(1 / (1 + math.exp(-eta)),
                                                 abs=1e-12)
    assert first["contributions"]["push"] == pytest.approx(
        4 * weights["push"], abs=1e-12)
    assert first["contributions"]["pull"] == 0
    code, out, err = run("forces", "--apply", model_path, "--format", "csv",
                         str(deals))
    assert code == 0, err
    assert out.splitlines()[0] == ("interview_id,probability,log_odds,push,"
                                   "pull,anxiety,habit,segment")


def test_apply_refuses_what_is_not_a_forces_model(tmp_path):
    deals = tmp_path / "deals.csv"
    deals.write_text("interview,force,intensity\nd,push,4\n")
    bogus = tmp_path / "bogus.jtbd"
    bogus.write_bytes(b"not a model")
    code, out, err = run("forces", "--apply", str(bogus), str(deals))
    assert code == 1
    assert "not a jtbd forces model file" in err


# --- Usage -------------------------------------------------------------------

@pytest.mark.parametrize("args,message", [
    (["--folds", "1", "x.csv"], "bad --folds"),
    (["--apply", "m.jtbd", "--folds", "3", "x.csv"], "--folds configures"),
    (["--format", "xml", "x.csv"], "unknown format"),
    ([], "missing the interviews FILE"),
    (["--l2", "-1", "x.csv"], "bad --l2"),
])
def test_usage_errors(args, message):
    code, out, err = run("forces", *args)
    assert code == 2
    assert message in err


def test_help_names_forces():
    code, out, _ = run("help")
    assert code == 0 and "forces" in out
    code, out, _ = run("help", "forces")
    assert code == 0 and "--save-model" in out


def test_standard_input_reads_as_a_file(tmp_path):
    path = write_csv(tmp_path / "i.csv", simulate(60, 4))
    with open(path, "rb") as f:
        data = f.read()
    code, out, err = run("forces", "--format", "json", "-", stdin=data)
    assert code == 0, err
    assert json.loads(out)["forces"] == run_json(path)["forces"]


def test_unknown_segment_column_is_refused():
    code, out, err = run("forces", "--segment-by", "segmnet", EXAMPLE)
    assert code == 1
    assert out == ""
    assert 'no interview has a value in column "segmnet"' in err


def test_model_with_segment_weights(tmp_path):
    model_path = str(tmp_path / "forces.jtbd")
    report = run_json("--model-segment-by", "segment", "--save-model",
                      model_path, EXAMPLE)
    fitted = report["model"]["fitted"]
    assert fitted["segmentBy"] == "segment"
    assert fitted["referenceSegment"] == "enterprise"
    weights = {w["segment"]: w["coefficient"]["estimate"]
               for w in fitted["segmentWeights"]}
    assert sorted(weights) == ["mid-market", "smb"]
    code, out, err = run("forces", "--apply", model_path, "--format", "json",
                         os.path.join(SOURCE_DIR, "tests", "data", "forces",
                                      "open_deals.csv"))
    assert code == 0, err
    by_id = {p["interviewId"]: p for p in json.loads(out)["predictions"]}
    assert by_id["DEAL-101"]["segmentContribution"] == pytest.approx(
        weights["smb"], abs=1e-15)
    assert by_id["DEAL-102"]["segmentContribution"] == pytest.approx(
        weights["mid-market"], abs=1e-15)
    assert by_id["DEAL-103"].get("segmentContribution", 0) == 0
