"""jtbd.dask on a local Dask cluster of two worker processes (loopback):
one survey split into parts scores exactly as its concatenation does in
one process (the same JSON and protobuf bytes), whether the parts are
files, a glob, an iterable of partitions or a dask.dataframe; damaged
transfers are refused by name."""

import os
import random

import pytest

import jtbd

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
pandas = pytest.importorskip("pandas")
dask_dataframe = pytest.importorskip("dask.dataframe")

import jtbd.dask  # noqa: E402  (after the skips: it needs dask)

OUTCOMES = ["o%02d" % i for i in range(1, 13)]
# Uneven parts, one of a single respondent: 131 + 1 + 97 + 120 + 51.
PART_SIZES = (131, 1, 97, 120, 51)
# Dyadic weights: every partial sum is exact in a double, in any order.
DYADIC = (0.5, 1.0, 1.25, 2.0, 3.75)


def _rows(seed):
    """A wide survey: respondent_id, weight, odd_weight, imp_/sat_ per
    outcome, with blanks; ratings drawn unevenly so the scores differ."""
    rng = random.Random(seed)
    rows = []
    for number in range(sum(PART_SIZES)):
        row = ["r%04d" % number, repr(rng.choice(DYADIC)),
               repr(rng.uniform(0.3, 3.0))]
        for index, _ in enumerate(OUTCOMES):
            for bias in (index % 5, 4 - index % 5):
                value = min(5, max(1, round(rng.gauss(1 + bias, 1.3))))
                row.append("" if rng.random() < 0.07 else str(value))
        rows.append(",".join(row))
    return rows


HEADER = ",".join(["respondent_id", "weight", "odd_weight"] + [
    "%s_%s" % (kind, outcome) for outcome in OUTCOMES
    for kind in ("imp", "sat")])


@pytest.fixture(scope="module")
def survey(tmp_path_factory):
    """(the whole survey's path, the parts' paths in order)."""
    directory = tmp_path_factory.mktemp("dask_survey")
    rows = _rows(20261207)
    whole = directory / "whole.csv"
    whole.write_text(HEADER + "\n" + "\n".join(rows) + "\n")
    parts, start = [], 0
    for number, size in enumerate(PART_SIZES):
        part = directory / ("part-%02d.csv" % number)
        part.write_text(HEADER + "\n" +
                        "\n".join(rows[start:start + size]) + "\n")
        parts.append(str(part))
        start += size
    return str(whole), parts


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None)
    with cluster, distributed.Client(cluster) as connected:
        yield connected


def _same(distributed_report, single_report):
    """Equal to the last bit: JSON and protobuf bytes."""
    with distributed_report, single_report:
        assert distributed_report.to_json() == single_report.to_json()
        assert distributed_report.to_protobuf() == \
            single_report.to_protobuf()


def test_workers_are_two_processes(client):
    workers = client.scheduler_info()["workers"]
    assert len(workers) == 2
    pids = set(client.run(os.getpid).values())
    assert len(pids) == 2 and os.getpid() not in pids
    assert all(address.startswith("tcp://127.0.0.1:")
               for address in workers)


@pytest.mark.parametrize("options", [
    {},
    {"bootstrap": 300, "seed": 11, "confidence": 0.9},
    {"scale": (1, 5), "top_box": 5, "method": "mean", "bootstrap": 0},
    {"method": "olsen", "adjust": "bh", "bootstrap": 100, "seed": 3},
])
def test_list_of_files_scores_as_the_concatenation(client, survey, options):
    whole, parts = survey
    _same(jtbd.dask.score_csv(parts, client=client, split_every=2,
                              **options),
          jtbd.score_survey_file(whole, **options))


def test_same_report_as_the_study_path(client, survey):
    whole, parts = survey
    with jtbd.load_csv(whole) as study:
        _same(jtbd.dask.score_csv(parts, client=client, bootstrap=200),
              study.score(bootstrap=200))


def test_glob_form(client, survey):
    whole, parts = survey
    pattern = os.path.join(os.path.dirname(parts[0]), "part-*.csv")
    _same(jtbd.dask.score_csv(pattern, client=client, seed=5),
          jtbd.score_survey_file(whole, seed=5))
    # client=None: dask's configured scheduler, here this process alone.
    with dask.config.set(scheduler="sync"):
        _same(jtbd.dask.score_csv(pattern, split_every=4),
              jtbd.score_survey_file(whole))


def test_iterable_of_partitions(client, survey):
    """Paths, CSV bytes, a pandas frame and an Aggregate (encoded on the
    caller's side), from a generator consumed once."""
    whole, parts = survey
    with open(parts[1], "rb") as handle:
        text = handle.read()
    frame = pandas.read_csv(parts[2], dtype={"respondent_id": str})
    with jtbd.load_aggregate(parts[3]) as aggregate:
        items = [parts[0], text, frame, aggregate, parts[4]]
        report = jtbd.dask.score_partitions((item for item in items),
                                            client=client, split_every=3)
    _same(report, jtbd.score_survey_file(whole))


def test_dask_dataframe(client, survey):
    whole, parts = survey
    pattern = os.path.join(os.path.dirname(parts[0]), "part-*.csv")
    # assume_missing: rating columns with blanks in some files only are
    # float everywhere (dask infers dtypes from the first file).
    frame = dask_dataframe.read_csv(pattern, blocksize=None,
                                    assume_missing=True,
                                    dtype={"respondent_id": str})
    assert frame.npartitions == len(parts)
    _same(jtbd.dask.score_dataframe(frame, client=client, split_every=2,
                                    bootstrap=150, seed=9),
          jtbd.score_survey_file(whole, bootstrap=150, seed=9))
    # Partitions that do not follow the files, from one pandas frame.
    single = pandas.read_csv(whole, dtype={"respondent_id": str})
    _same(jtbd.dask.score_dataframe(
        dask_dataframe.from_pandas(single, npartitions=4), client=client),
        jtbd.score_survey_file(whole))
    # Weights written back by pandas read as the same doubles.
    _same(jtbd.dask.score_dataframe(
        dask_dataframe.from_pandas(single, npartitions=3), client=client,
        weight_column="weight"),
        jtbd.score_survey_file(whole, weight_column="weight"))


def test_empty_partitions_of_a_filtered_dataframe(client, survey):
    """Filtering empties partitions; they add nothing (the library refuses
    a header without rows, so they are left out), and a frame whose every
    partition is empty is refused."""
    whole, _ = survey
    single = pandas.read_csv(whole, dtype={"respondent_id": str})
    frame = dask_dataframe.from_pandas(single, npartitions=5)
    kept = frame[frame.respondent_id < "r0150"]
    assert 0 in kept.map_partitions(len).compute().tolist()
    expected = single[single.respondent_id < "r0150"]
    _same(jtbd.dask.score_dataframe(kept, client=client),
          jtbd.score_survey(expected.to_csv(index=False)))
    with pytest.raises(jtbd.InvalidArgumentError,
                       match="every partition is empty"):
        jtbd.dask.score_dataframe(frame[frame.respondent_id == "none"],
                                  client=client)


def test_dyadic_weights_are_exact(client, survey):
    whole, parts = survey
    report = jtbd.dask.score_csv(parts, client=client, split_every=2,
                                 weight_column="weight", bootstrap=200)
    assert report.weighted
    _same(report, jtbd.score_survey_file(whole, weight_column="weight",
                                         bootstrap=200))


def test_other_weights_agree_to_rounding(client, survey):
    """Weights whose sums round: the tree adds them in another order than
    one process, so the scores agree to about 1e-15, not to the bit
    (docs/DISTRIBUTED.md, "Exactness")."""
    whole, parts = survey
    options = dict(weight_column="odd_weight", bootstrap=0)
    with jtbd.dask.score_csv(parts, client=client, split_every=2,
                             **options) as report, \
            jtbd.score_survey_file(whole, **options) as single:
        assert report.weighted and single.weighted
        assert [s.outcome_id for s in report.outcomes] == \
            [s.outcome_id for s in single.outcomes]
        for mine, theirs in zip(report.outcomes, single.outcomes):
            for name in ("importance", "satisfaction", "opportunity",
                         "opportunity_standard_error"):
                assert getattr(mine, name) == pytest.approx(
                    getattr(theirs, name), rel=1e-12, abs=1e-12)
        assert report.effective_respondent_count == pytest.approx(
            single.effective_respondent_count, rel=1e-12)


def test_corrupt_transfer_is_refused_on_a_worker(client, survey):
    _, parts = survey
    good = [jtbd.dask.aggregate_csv(parts[:2], client=client),
            jtbd.dask.aggregate_csv(parts[2:], client=client)]
    corrupt = bytearray(good[1])
    corrupt[-3] ^= 0x10
    future = client.submit(jtbd.dask.merge_encoded, [good[0],
                                                     bytes(corrupt)])
    with pytest.raises(jtbd.DataLossError,
                       match=r"the aggregate of part 1: the aggregate is "
                             r"corrupt \(its checksum does not match\)"):
        future.result()
    truncated = client.submit(jtbd.dask.merge_encoded,
                              [good[0], good[1][:-5]], 4)
    with pytest.raises(jtbd.DataLossError,
                       match="the aggregate of part 5: truncated"):
        truncated.result()
    # A bare serialized aggregate carries no checksum: refused, not read.
    with jtbd.Aggregate.decode(good[0]) as aggregate:
        bare = aggregate.serialize()
    with pytest.raises(jtbd.InvalidArgumentError,
                       match="the aggregate of part 0: not a jtbd aggregate"):
        jtbd.dask.merge_encoded([bare])
    # The good ones merge into the aggregate of all parts.
    with jtbd.Aggregate.decode(jtbd.dask.merge_encoded(good)) as merged, \
            jtbd.Aggregate.decode(jtbd.dask.aggregate_csv(parts)) as whole:
        assert merged.serialize() == whole.serialize()
        assert merged.respondent_count == sum(PART_SIZES)


def test_parts_of_another_survey_are_refused_by_name(client, survey,
                                                     tmp_path):
    _, parts = survey
    other = tmp_path / "other.csv"
    other.write_text("respondent_id,imp_x,sat_x\nq1,5,1\n")
    with pytest.raises(jtbd.FailedPreconditionError,
                       match="the aggregate of part 2"):
        jtbd.dask.score_csv(parts[:2] + [str(other)], client=client)


def test_refusals_before_anything_is_read(survey):
    _, parts = survey
    with pytest.raises(jtbd.InvalidArgumentError,
                       match="segment_by cannot be used"):
        jtbd.dask.score_csv(parts, segment_by="segment")
    with pytest.raises(jtbd.InvalidArgumentError,
                       match="screening cannot be used"):
        jtbd.dask.score_csv(parts, screening=True)
    with pytest.raises(jtbd.InvalidArgumentError, match="confidence"):
        jtbd.dask.score_csv(parts, confidence=1.5)
    with pytest.raises(jtbd.NotFoundError, match="no file matches"):
        jtbd.dask.score_csv(os.path.join(os.path.dirname(parts[0]),
                                         "nothing-*.csv"))
    with pytest.raises(jtbd.InvalidArgumentError, match="no parts"):
        jtbd.dask.score_partitions([])
    with pytest.raises(jtbd.InvalidArgumentError, match="split_every"):
        jtbd.dask.score_csv(parts, split_every=1)


def test_bad_survey_part_names_its_file(client, survey, tmp_path):
    _, parts = survey
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "\nr9999,1.0,1.0," +
                   ",".join(["7"] * (2 * len(OUTCOMES))) + "\n")
    with pytest.raises(jtbd.Error, match="bad.csv"):
        jtbd.dask.score_csv(parts[:1] + [str(bad)], client=client)


def test_core_package_imports_no_dask(source_dir):
    """`import jtbd` alone loads no third-party module (dask stays in
    jtbd.dask)."""
    import subprocess  # pylint: disable=import-outside-toplevel
    import sys  # pylint: disable=import-outside-toplevel
    from conftest import subprocess_env  # pylint: disable=import-error
    code = ("import sys, jtbd; "
            "print(sorted(m for m in ('dask', 'distributed', 'pandas', "
            "'numpy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], check=True,
                            capture_output=True, text=True,
                            env=subprocess_env())
    assert result.stdout.strip() == "[]"
