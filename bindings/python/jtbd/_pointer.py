"""Typed handle pointers: the base of every <handle>_p class of jtbd._ffi.

jtbd.h's objects are opaque pointers that C cannot tell apart, so passing a
report where a study is expected would be undefined behaviour. Each opaque
type gets its own subclass of Pointer (jtbd_study_p, jtbd_report_p, ...),
used as the ctypes argtype wherever the header takes that type: its
from_param (the pattern of libclang's cindex.py) lets through only None
(NULL), a pointer of its own class, or an object whose _as_parameter_ is
one, and refuses anything else with TypeError before C is called.
"""

import ctypes


def _c_name(pointer_class):
    """jtbd_study_p -> "jtbd_study*"."""
    return pointer_class.__name__[:-len("_p")] + "*"


class Pointer(ctypes.c_void_p):
    """A pointer to one opaque jtbd type (subclassed once per type)."""

    @classmethod
    def from_param(cls, value):
        if value is None or type(value) is cls:  # pylint: disable=C0123
            return value
        # Owned objects (jtbd.Study, ...) expose their live pointer; a
        # closed one raises ClosedError here.
        parameter = getattr(value, "_as_parameter_", None)
        if type(parameter) is cls:  # pylint: disable=C0123
            return parameter
        if isinstance(parameter, Pointer):
            given = "a jtbd.%s (a %s)" % (type(value).__name__,
                                          _c_name(type(parameter)))
        elif isinstance(value, Pointer):
            given = "a " + _c_name(type(value))
        else:
            given = type(value).__name__
        raise TypeError("expected a %s, not %s" % (_c_name(cls), given))

    def __repr__(self):
        return "<%s at %s>" % (_c_name(type(self)),
                               hex(self.value) if self.value else "NULL")
