"""jtbd.dask: score one survey split into many parts on a Dask cluster.

    import jtbd.dask
    from distributed import Client

    with Client("scheduler:8786") as client:
        report = jtbd.dask.score_csv("exports/survey-*.csv", client=client,
                                     bootstrap=2000, seed=7)

returns the Report that jtbd.score_survey_file gives for the concatenation
of the parts (one header, then every part's rows), to the last bit of every
double: each part is read by the library straight into an Aggregate (the
per-outcome answer tables, docs/DISTRIBUTED.md), the aggregates travel
between processes as the checksummed bytes of Aggregate.encode(), merge in
a tree (dask.bag's reduction, split_every parts at a time) and the merged
aggregate is scored once, on the caller's side. Counts are integers, so the
merge is exact in any order; weighted surveys add weight sums in another
order than one process does, which is exact when the weights' sums are
(weights such as 0.5, 1.25 or 3: docs/DISTRIBUTED.md, "Exactness"),
else equal to about 1e-15 relative.

Options: the read options of load_aggregate (scale, top_box,
weight_column, labels, survey_map, outcome_descriptions, limits, ...)
apply to every part; the scoring options of score_survey_file
(confidence, bootstrap, seed, method, adjust) to the merged aggregate.
segment_by and screening need respondents, which an aggregate no longer
has: they are refused before anything is computed.

Differences from reading the concatenation in one process, all documented
in docs/DISTRIBUTED.md: a respondent id repeated in two parts is not
refused (each part checks only its own); limits apply to each part; the
paths (and any *_file option) are read by the workers, so they must reach
them.

dask (and for score_dataframe, dask.dataframe with pandas) is imported
here only: `import jtbd` never needs it.
"""

import functools
import glob
import os

from . import _native, _options
from ._aggregate import Aggregate, load_aggregate, read_aggregate
from ._errors import Error
from ._ffi import Code
from ._report import Report

__all__ = ["score_csv", "score_partitions", "score_dataframe",
           "aggregate_csv", "aggregate_partitions", "merge_encoded"]

# Parts merged per task of the tree: log_8 of the parts levels, each task
# holding at most 8 aggregates (a few kB each) in memory.
DEFAULT_SPLIT_EVERY = 8

# Keywords that score the merged aggregate; all others read the parts.
_SCORE_KEYWORDS = ("confidence", "bootstrap", "seed", "method", "adjust")
# Keywords score_survey_file takes that an aggregate cannot honour, and why.
_REFUSED = {
    "segment_by": "segments need each respondent's attributes, which a "
                  "part's aggregate does not keep; score each segment's "
                  "parts apart, or use jtbd.score_survey_file",
    "screening": "screening revisits each respondent's answers, which a "
                 "part's aggregate does not keep; screen the parts first, "
                 "or use jtbd.score_survey_file",
}


def _split_options(options):
    """(read options, score options) from score_csv's keywords; refuses
    those an aggregate cannot honour before anything is read."""
    for name, reason in _REFUSED.items():
        if options.get(name) is not None:
            raise Error(Code.INVALID_ARGUMENT,
                        "jtbd.dask: %s cannot be used: %s" % (name, reason))
        options.pop(name, None)
    scoring = {name: options.pop(name) for name in _SCORE_KEYWORDS
               if name in options}
    return options, scoring


def _check_score_options(scoring):
    """Builds the native score options once on the caller's side, so that
    a bad value is refused before the cluster reads anything."""
    with _options.score_options(**scoring):
        pass


def _pandas_csv(frame):
    """A pandas DataFrame as survey CSV text. Ratings that blanks made
    float come out as "4.0", which the reader takes as 4 (and "4.5" it
    refuses); weights keep repr's shortest exact form, so the text reads
    back to the same doubles."""
    return frame.to_csv(index=False)


class _Encoded(bytes):
    """An Aggregate given as a part, encoded on the caller's side (a native
    object cannot travel): its bytes go to the reduction as they are."""


def _part_name(index, part):
    if isinstance(part, (str, os.PathLike)):
        return "part %d (%s)" % (index, os.fspath(part))
    return "part %d" % index


def _encode_part(index, part, scale, top_box, read_options):
    """The encoded aggregate of one part, read through the library: a path
    (str or os.PathLike), survey CSV text (bytes), a pandas DataFrame or an
    Aggregate. Runs on a worker."""
    if isinstance(part, _Encoded):
        return bytes(part)
    if isinstance(part, (str, os.PathLike)):
        aggregate = load_aggregate(part, scale, top_box, **read_options)
    elif isinstance(part, (bytes, bytearray, memoryview)):
        aggregate = read_aggregate(part, _part_name(index, part), scale,
                                   top_box, **read_options)
    elif hasattr(part, "to_csv") and hasattr(part, "columns"):
        if len(part) == 0:
            # Filtering leaves empty partitions, which add nothing; the
            # library refuses a header without rows.
            return None
        aggregate = read_aggregate(_pandas_csv(part),
                                   _part_name(index, part), scale, top_box,
                                   **read_options)
    else:
        raise TypeError("jtbd.dask: part %d is a %s; a part is a path, "
                        "survey CSV bytes, a pandas DataFrame or a "
                        "jtbd.Aggregate" % (index, type(part).__name__))
    with aggregate:
        return aggregate.encode()


def _merge(named):
    """Decodes each (name, encoded aggregate) and merges them in order:
    the encoding of the sum. A blob is refused, naming it, when its
    transfer was truncated or corrupted (DataLossError) or it has another
    scale or outcome set (FailedPreconditionError): nothing wrong is ever
    merged."""
    merged = None
    try:
        for name, blob in named:
            part = Aggregate.decode(blob, name)
            if merged is None:
                merged = part
                continue
            with part:
                try:
                    merged.merge(part)
                except Error as error:
                    raise Error(error.code, "%s: %s" % (name, error.message),
                                error.function) from None
        return merged.encode()
    finally:
        if merged is not None:
            merged.close()


def merge_encoded(encoded, first=0):
    """Merges encoded aggregates (Aggregate.encode() bytes) in order and
    returns the encoding of the sum: one step of the tree, usable in any
    engine's reduction. Errors name "the aggregate of part N", N counted
    from `first`."""
    named = [("the aggregate of part %d" % (first + offset), blob)
             for offset, blob in enumerate(encoded)]
    if not named:
        raise Error(Code.INVALID_ARGUMENT, "jtbd.dask: nothing to merge")
    return _merge(named)


def _merge_indexed(results):
    """dask.bag reduction step: [(first part index, bytes), ...] ->
    (lowest first index, merged bytes), merged in part order; empty
    DataFrame partitions (bytes None) are left out."""
    results = sorted((result for result in results if result[1] is not None),
                     key=lambda result: result[0])
    if len(results) <= 1:
        return results[0] if results else (None, None)
    return results[0][0], _merge(
        ("the aggregate of part %d" % first, blob) for first, blob in results)


def _encode_partition(items, scale, top_box, read_options):
    """dask.bag per-partition step: [(index, part), ...] -> (first index,
    bytes)."""
    encoded = [(index, _encode_part(index, part, scale, top_box,
                                    read_options))
               for index, part in items]
    return _merge_indexed(encoded)


def _split_every(split_every):
    every = DEFAULT_SPLIT_EVERY if split_every is None else int(split_every)
    if every < 2:
        raise Error(Code.INVALID_ARGUMENT,
                    "jtbd.dask: split_every must be at least 2, not %d" %
                    every)
    return every


def _compute(graph, client):
    """The merged aggregate's bytes the graph computes (on client, or
    dask's configured scheduler)."""
    if client is not None:
        _, encoded = client.compute(graph).result()
    else:
        _, encoded = graph.compute()
    if encoded is None:
        raise Error(Code.INVALID_ARGUMENT,
                    "jtbd.dask: no respondents: every partition is empty")
    return encoded


def aggregate_partitions(parts, client=None, split_every=None, scale=None,
                         top_box=None, **read_options):
    """The encoded Aggregate (Aggregate.decode() reads it) of all parts of
    one survey, built on the workers and merged in a tree; parts as
    score_partitions takes them."""
    import dask.bag  # pylint: disable=import-outside-toplevel

    indexed = [(index, _Encoded(part.encode())
                if isinstance(part, Aggregate) else part)
               for index, part in enumerate(parts)]
    if not indexed:
        raise Error(Code.INVALID_ARGUMENT, "jtbd.dask: no parts to score")
    every = _split_every(split_every)
    # One part per bag partition: each is read by its own task.
    bag = dask.bag.from_sequence(indexed, npartitions=len(indexed))
    graph = bag.reduction(
        functools.partial(_encode_partition, scale=scale, top_box=top_box,
                          read_options=read_options),
        _merge_indexed, split_every=every)
    return _compute(graph, client)


def _paths(paths):
    """A glob pattern or a path (str / os.PathLike), or a list of them
    (each expanded when it holds a pattern), in the order given, each
    pattern's matches sorted: the order of the concatenation."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out = []
    for path in paths:
        text = os.fspath(path)
        if glob.has_magic(text):
            matches = sorted(glob.glob(text))
            if not matches:
                raise Error(Code.NOT_FOUND,
                            "jtbd.dask: no file matches %r" % text)
            out.extend(matches)
        else:
            out.append(text)
    return out


def aggregate_csv(paths, client=None, split_every=None, scale=None,
                  top_box=None, **read_options):
    """The encoded Aggregate of the survey files `paths` (a glob pattern,
    a path, or a list of them), each read by a worker."""
    return aggregate_partitions(_paths(paths), client, split_every, scale,
                                top_box, **read_options)


def _score_encoded(encoded, scoring):
    with Aggregate.decode(encoded, "the merged aggregate") as aggregate, \
            _options.score_options(**scoring) as options:
        return Report(_native.create(_native.library().jtbd_aggregate_score,
                                     aggregate, options))


@_options.documented(_options.READ_OPTIONS_DOC)
def score_partitions(parts, client=None, split_every=None, scale=None,
                     top_box=None, **options):
    """The Report of one survey given as parts: any iterable of paths (str
    or os.PathLike), survey CSV bytes, pandas DataFrames or
    jtbd.Aggregates, all with the same layout and outcomes. Scored as
    score_csv scores files; client: a distributed.Client, or None for
    dask's default scheduler."""
    read_options, scoring = _split_options(options)
    _check_score_options(scoring)
    encoded = aggregate_partitions(parts, client, split_every, scale,
                                   top_box, **read_options)
    return _score_encoded(encoded, scoring)


@_options.documented(_options.READ_OPTIONS_DOC)
def score_csv(paths, client=None, split_every=None, scale=None, top_box=None,
              **options):
    """The Report of one survey split over many CSV files, equal to
    jtbd.score_survey_file on their concatenation. paths: a glob pattern
    ("exports/part-*.csv", matches sorted), a path, or a list of them.
    client: a distributed.Client (its workers read the files), or None
    for dask's default scheduler. split_every: aggregates merged per task
    (default 8). Keywords: score_survey_file's scoring options
    (confidence, bootstrap, seed, method, adjust; segment_by and screening
    are refused) and load_aggregate's read options."""
    read_options, scoring = _split_options(options)
    _check_score_options(scoring)
    encoded = aggregate_csv(paths, client, split_every, scale, top_box,
                            **read_options)
    return _score_encoded(encoded, scoring)


@_options.documented(_options.READ_OPTIONS_DOC)
def score_dataframe(frame, client=None, split_every=None, scale=None,
                    top_box=None, **options):
    """The Report of a dask.dataframe.DataFrame holding a survey's columns
    as its CSV has them (dask.dataframe.read_csv of the parts, say): each
    partition is written back as survey CSV text on its worker and read by
    the library, so layouts, labels and refusals are the CSV reader's.
    Keywords as score_csv."""
    import dask  # pylint: disable=import-outside-toplevel
    import dask.bag  # pylint: disable=import-outside-toplevel

    read_options, scoring = _split_options(options)
    _check_score_options(scoring)
    every = _split_every(split_every)
    # Each partition becomes (its index, its encoded aggregate) on the
    # worker that holds it; the frames themselves never travel.
    encoded = [
        dask.delayed(_encode_frame)(index, partition, scale, top_box,
                                    read_options)
        for index, partition in enumerate(frame.to_delayed())]
    if not encoded:
        raise Error(Code.INVALID_ARGUMENT, "jtbd.dask: no parts to score")
    bag = dask.bag.from_delayed(encoded)
    graph = bag.reduction(_merge_indexed, _merge_indexed, split_every=every)
    return _score_encoded(_compute(graph, client), scoring)


def _encode_frame(index, frame, scale, top_box, read_options):
    """One dask.dataframe partition -> [(index, encoded aggregate)] (a
    one-item bag partition)."""
    return [(index, _encode_part(index, frame, scale, top_box,
                                 read_options))]
