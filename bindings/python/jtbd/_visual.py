"""Reports drawn for people: the landscape SVG and the HTML report, by the
library's renderers (jtbd_report_render_landscape, jtbd_report_render_html;
docs/REPORTS.md), the same as `jtbd landscape` and `jtbd report`."""

import ctypes

from . import _convert, _ffi, _native
from ._ffi import LandscapeSeries
from ._record import new_struct, record


@record("jtbd_visual_options",
        consumed=("series", "segment", "segment_len", "intervals", "lang",
                  "lang_len", "fragment"))
class VisualOptionsFields:
    """jtbd_visual_options is the caller's (read, never filled): every field
    is written by _options() below from the keywords of Report.landscape()
    and Report.to_html()."""


def _options(intervals, lang, segment=None, whole_sample=False,
             fragment=False):
    options = new_struct(_ffi.jtbd_visual_options)
    keep = []  # the encoded texts, alive until the call returns
    if segment is not None:
        text = _convert.utf8(segment, "segment")
        keep.append(text)
        options.series = LandscapeSeries.SEGMENT
        options.segment = ctypes.cast(ctypes.c_char_p(text), ctypes.c_void_p).value
        options.segment_len = len(text)
    elif whole_sample:
        options.series = LandscapeSeries.WHOLE_SAMPLE
    if not isinstance(intervals, bool):
        raise TypeError("intervals must be a bool, not %s" %
                        type(intervals).__name__)
    options.intervals = 1 if intervals else 0
    text = _convert.utf8(lang, "lang")
    keep.append(text)
    options.lang = ctypes.cast(ctypes.c_char_p(text), ctypes.c_void_p).value
    options.lang_len = len(text)
    options.fragment = 1 if fragment else 0
    return options, keep


def landscape(report, intervals=False, segment=None, whole_sample=False,
              lang="en"):
    """The opportunity landscape as SVG text (see Report.landscape)."""
    options, keep = _options(intervals, lang, segment, whole_sample)
    data = _native.take_buffer(_native.library().jtbd_report_render_landscape,
                               report, ctypes.byref(options))
    del keep
    return data.decode("utf-8")


def html(report, lang="en", intervals=True, fragment=False):
    """The self-contained HTML report as text (see Report.to_html)."""
    options, keep = _options(intervals, lang, fragment=fragment)
    data = _native.take_buffer(_native.library().jtbd_report_render_html,
                               report, ctypes.byref(options))
    del keep
    return data.decode("utf-8")
