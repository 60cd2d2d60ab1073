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


@record("jtbd_report_sections", consumed=("forces", "waves", "roadmap"))
class ReportSectionsFields:
    """jtbd_report_sections is the caller's (read, never filled): its
    handles are set by _sections() below from Report.to_html()'s
    keywords."""


def _handle(value, expected, name):
    """The live handle of a jtbd result (None: no section)."""
    if value is None:
        return None
    if not isinstance(value, expected):
        raise TypeError("%s must be a jtbd.%s, not %s" %
                        (name, expected.__name__, type(value).__name__))
    return value._as_parameter_  # ClosedError once closed


def _sections(forces, waves, roadmap):
    # Imported here, not at the top: keeps the package free of import
    # cycles whatever the order its modules load in.
    from ._forces import ForcesReport
    from ._roadmap import Roadmap
    from ._waves import WaveComparison
    sections = new_struct(_ffi.jtbd_report_sections)
    sections.forces = _handle(forces, ForcesReport, "forces")
    sections.waves = _handle(waves, WaveComparison, "waves")
    sections.roadmap = _handle(roadmap, Roadmap, "roadmap")
    return sections


def html(report, lang="en", intervals=True, fragment=False, forces=None,
         waves=None, roadmap=None):
    """The self-contained HTML report as text (see Report.to_html)."""
    options, keep = _options(intervals, lang, fragment=fragment)
    if forces is None and waves is None and roadmap is None:
        data = _native.take_buffer(_native.library().jtbd_report_render_html,
                                   report, ctypes.byref(options))
    else:
        # The results stay referenced (forces, waves, roadmap) while the
        # library reads them.
        sections = _sections(forces, waves, roadmap)
        data = _native.take_buffer(
            _native.library().jtbd_report_render_html_sections, report,
            ctypes.byref(options), ctypes.byref(sections))
    del keep
    return data.decode("utf-8")


def sections_html(forces=None, waves=None, roadmap=None, lang="en"):
    """The given results' sections alone as one HTML document."""
    options, keep = _options(True, lang)
    sections = _sections(forces, waves, roadmap)
    data = _native.take_buffer(_native.library().jtbd_render_sections_html,
                               ctypes.byref(options), ctypes.byref(sections))
    del keep
    return data.decode("utf-8")
