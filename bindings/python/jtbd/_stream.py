"""Stream: scores that stay current as answers arrive one respondent at a
time (docs/STREAMING.md), over the C functions jtbd_stream_*.

    stream = jtbd.Stream(["o1", "o2"], bucket_width_ms=3600000, buckets=24)
    stream.append(1700000000000, [5, 2], [1, 4])
    report = stream.score()
    alerts = stream.alerts(last_quarter)   # a jtbd.Aggregate
    for change in alerts.alerts:
        print(change.outcome_id, change.opportunity.difference)
"""

import ctypes
import datetime
import numbers
import os

from . import _convert, _native, _options
from ._aggregate import Aggregate
from ._errors import Error
from ._ffi import Code
from ._handle import Owned
from ._report import Report
from ._waves import WaveComparison


def _timestamp_ms(timestamp):
    """Unix milliseconds from an int, or from an aware datetime."""
    if isinstance(timestamp, datetime.datetime):
        if timestamp.tzinfo is None:
            raise Error(Code.INVALID_ARGUMENT,
                        "timestamp: a datetime needs a time zone")
        delta = timestamp - datetime.datetime(1970, 1, 1,
                                              tzinfo=datetime.timezone.utc)
        return delta // datetime.timedelta(milliseconds=1)
    if isinstance(timestamp, bool) or not isinstance(timestamp,
                                                     numbers.Integral):
        raise Error(Code.INVALID_ARGUMENT,
                    "timestamp: Unix milliseconds (an int) or an aware "
                    "datetime, not %r" % (timestamp,))
    return int(timestamp)


class StreamAlerts(WaveComparison):
    """The comparison of a reference (first wave) with the stream's current
    answers (second wave), as jtbd.compare_waves makes it; `alerts` are the
    changes whose opportunity change is significant after the adjustment."""

    def _read(self, lib):
        super()._read(lib)
        self.alerts = tuple(
            change for change in self.changes
            if change.opportunity is not None and
            change.opportunity.significant)

    def __repr__(self):
        return "<jtbd.StreamAlerts alerts=%d changes=%d>" % (
            len(self.alerts), len(self.changes))


class Stream(Owned):
    """A streaming scorer. Stream(outcomes, scale=None, top_box=None, *,
    bucket_width_ms=None, buckets=None, half_life_ms=None): outcomes are ids
    (or (id, statement) pairs, or a jtbd.Aggregate whose scale and outcomes
    are taken); give a window (bucket_width_ms and buckets) or a
    half_life_ms. Times are Unix milliseconds."""

    def __init__(self, outcomes=None, scale=None, top_box=None, *,
                 bucket_width_ms=None, buckets=None, half_life_ms=None,
                 _pointer=None):
        lib = _native.library()
        if _pointer is None:
            if isinstance(outcomes, Aggregate):
                _pointer = self._create(outcomes, bucket_width_ms, buckets,
                                        half_life_ms)
            else:
                with Aggregate(scale, top_box) as shape:
                    for outcome in outcomes or ():
                        if isinstance(outcome, (tuple, list)):
                            shape.add_outcome(*outcome)
                        else:
                            shape.add_outcome(outcome)
                    _pointer = self._create(shape, bucket_width_ms, buckets,
                                            half_life_ms)
        super().__init__(_pointer, lib.jtbd_stream_destroy)
        self._ids = None

    @staticmethod
    def _create(shape, bucket_width_ms, buckets, half_life_ms):
        def number(value, name):
            if value is None:
                return 0
            if isinstance(value, bool) or not isinstance(value,
                                                         numbers.Integral):
                raise Error(Code.INVALID_ARGUMENT,
                            "%s must be an int, not %r" % (name, value))
            return int(value)
        return _native.create(_native.library().jtbd_stream_create, shape,
                              number(bucket_width_ms, "bucket_width_ms"),
                              number(buckets, "buckets"),
                              number(half_life_ms, "half_life_ms"))

    @property
    def outcome_ids(self):
        """The outcome ids, in the stream's order."""
        if self._ids is None:
            lib = _native.library()
            self._ids = tuple(
                _native.text_out(lib.jtbd_stream_outcome_id, self, index)
                for index in range(lib.jtbd_stream_outcome_count(self)))
        return self._ids

    @property
    def outcome_count(self):
        return _native.library().jtbd_stream_outcome_count(self)

    @property
    def latest_ms(self):
        """The latest timestamp appended, None before any."""
        latest = _native.library().jtbd_stream_latest_ms(self)
        return None if latest < 0 else latest

    @property
    def buckets_held(self):
        return _native.library().jtbd_stream_buckets_held(self)

    def _ratings(self, ratings, name, ids):
        """One rating per outcome, from a sequence in the stream's order or
        a dict by outcome id (missing ids: no answer; unknown ids
        refused)."""
        count = len(ids)
        if isinstance(ratings, dict):
            index = {outcome: i for i, outcome in enumerate(ids)}
            values = [0] * count
            for outcome, rating in ratings.items():
                if outcome not in index:
                    raise Error(Code.INVALID_ARGUMENT,
                                "%s: unknown outcome id %r (the stream has "
                                "%s)" % (name, outcome, ", ".join(ids)))
                values[index[outcome]] = rating
        else:
            values = list(ratings)
            if len(values) != count:
                raise Error(Code.INVALID_ARGUMENT,
                            "%s: %d ratings for the stream's %d outcomes" %
                            (name, len(values), count))
        for i, value in enumerate(values):
            if isinstance(value, bool) or not isinstance(
                    value, numbers.Integral) or not 0 <= value <= 255:
                raise Error(Code.INVALID_ARGUMENT,
                            "%s[%d] = %r is not a rating (0 = no answer)" %
                            (name, i, value))
        return (ctypes.c_uint8 * count)(*values)

    def append(self, timestamp, importance, satisfaction, weight=None):
        """Appends one respondent answered at `timestamp` (Unix
        milliseconds, or an aware datetime): importance and satisfaction
        as sequences in the outcomes' order or dicts by outcome id (0 or
        missing = no answer). weight: None (1) or finite, > 0. A refused
        append (bad rating, unknown outcome, too old for the window:
        OutOfRange) leaves the stream unchanged."""
        ids = self.outcome_ids
        when = _timestamp_ms(timestamp)
        imp = self._ratings(importance, "importance", ids)
        sat = self._ratings(satisfaction, "satisfaction", ids)
        pointer = None
        if weight is not None:
            pointer = ctypes.pointer(
                ctypes.c_double(_convert.real(weight, "weight")))
        _native.library().jtbd_stream_append(self, when, imp, sat, len(ids),
                                             pointer)

    def current(self):
        """The answers held now, as a jtbd.Aggregate (keep it to compare a
        later window with this one)."""
        return Aggregate._adopt(_native.create(
            _native.library().jtbd_stream_current, self))

    @_options.documented(_options.SCORE_OPTIONS_DOC)
    def score(self, confidence=None, bootstrap=None, seed=None, method=None):
        """The current answers scored as Aggregate.score scores them."""
        with _options.score_options(confidence=confidence,
                                    bootstrap=bootstrap, seed=seed,
                                    method=method) as options:
            return Report(_native.create(
                _native.library().jtbd_stream_score, self, options))

    def alerts(self, reference, *, adjust=None, confidence=None,
               method=None):
        """Outcomes whose opportunity moved significantly since
        `reference` (a jtbd.Aggregate: saved, or an earlier current()):
        the wave comparison's tests and adjustment (adjust "holm", the
        default, or "bh"; confidence: 1 - alpha). Returns StreamAlerts."""
        with _options.score_options(adjust=adjust, confidence=confidence,
                                    method=method) as options:
            return StreamAlerts(_native.create(
                _native.library().jtbd_stream_alerts, self, options,
                reference))

    @classmethod
    def parse(cls, data):
        """A stream from serialize()'s bytes (jtbd.v1.StreamState)."""
        data = _convert.bytes_in(data, "data")
        return cls(_pointer=_native.create(
            _native.library().jtbd_stream_parse, data, len(data)))

    def serialize(self):
        return _native.take_buffer(_native.library().jtbd_stream_serialize,
                                   self)

    def save(self, path):
        """Saves the state atomically (saved-file kind "stream state")."""
        encoded = os.fsencode(path)
        _native.library().jtbd_stream_save_file(self, encoded, len(encoded))

    @classmethod
    def load(cls, path):
        """A stream from save()'s file; another kind of file, a corrupt or
        truncated one raises jtbd.Error naming it."""
        encoded = os.fsencode(path)
        return cls(_pointer=_native.create(
            _native.library().jtbd_stream_load_file, encoded, len(encoded)))

    def __repr__(self):
        if self.closed:
            return "<jtbd.Stream closed>"
        return "<jtbd.Stream outcomes=%d latest_ms=%r>" % (
            self.outcome_count, self.latest_ms)
