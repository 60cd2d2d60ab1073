"""Bytes in, bytes out: scoring a serialized request, and the library's
version."""

from . import _convert, _native, _options


def _score_request(function_name, data, limits):
    """jtbd_score_request[_json]_with_limits on data, with native limits
    from a limits= dict (NULL for None: the defaults); the report's
    bytes."""
    lib = _native.library()
    with _options.native_limits(limits) as native:
        return _native.take_buffer(getattr(lib, function_name), native, data,
                                   len(data))


def score_request(request, limits=None):
    """A serialized jtbd.v1.ScoreRequest in, a serialized jtbd.v1.Report
    out. limits: a dict as read_csv's (max_request_bytes, max_outcomes,
    max_respondents, max_bootstrap_resamples, ...; docs/LIMITS.md) the
    request is held to; None: the library's defaults."""
    return _score_request("jtbd_score_request_with_limits",
                          _convert.bytes_in(request, "request"), limits)


def score_request_json(request, limits=None):
    """The same in protobuf JSON (str or UTF-8 bytes in, str out); limits
    as score_request's (max_json_depth too)."""
    return _score_request("jtbd_score_request_json_with_limits",
                          _convert.utf8(request, "request"),
                          limits).decode("utf-8")


def version():
    """The library's version string, e.g. "1.0.0"."""
    return _native.string_at(_native.library().jtbd_version_string())


def version_number():
    """The library's JTBD_VERSION_NUMBER (major * 10000 + minor * 100 +
    patch)."""
    return _native.library().jtbd_version_number()
