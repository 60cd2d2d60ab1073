"""Python objects that own a native handle (Study, Report, Aggregate, ...).

An Owned object holds one typed pointer (jtbd._ffi.<type>_p) and releases it
exactly once: by close(), by leaving a `with` block, or by a
weakref.finalize when the object is garbage collected or the interpreter
exits -- whichever comes first. close() is idempotent. Its _as_parameter_ is
the live pointer, so the object itself is passed to C functions (and only
where the header takes its type: see jtbd._pointer); after close() that
raises jtbd.ClosedError instead of touching freed memory.
"""

import weakref

from . import _convert, _native
from ._errors import ClosedError
from ._ffi import Format


class Owned:
    """Owns `pointer`, released with `destroy(pointer)`."""

    def __init__(self, pointer, destroy):
        self._pointer = pointer
        self._finalizer = weakref.finalize(self, destroy, pointer)

    @property
    def _as_parameter_(self):
        if not self._finalizer.alive:
            raise ClosedError("operation on a closed jtbd.%s" %
                              type(self).__name__)
        return self._pointer

    @property
    def closed(self):
        return not self._finalizer.alive

    def close(self):
        """Releases the native object now. Idempotent."""
        self._finalizer()

    def __enter__(self):
        self._as_parameter_  # pylint: disable=pointless-statement
        return self

    def __exit__(self, *exc_info):
        self.close()
        return False

    def __reduce__(self):
        # A copy would share the handle and free it twice.
        raise TypeError("a jtbd.%s holds a native handle and cannot be "
                        "copied or pickled; use its serialized bytes" %
                        type(self).__name__)


class Result(Owned):
    """An immutable native result (Report, Segmentation): copied into
    Python attributes by _read(lib) when it is made, so they stay valid
    after close(), and rendered on demand through <_C_OBJECT>_render."""

    _C_OBJECT = None

    def __init__(self, pointer):
        lib = _native.library()
        super().__init__(pointer, getattr(lib, self._C_OBJECT + "_destroy"))
        try:
            self._read(lib)
        except BaseException:
            self.close()
            raise

    def _read(self, lib):
        raise NotImplementedError

    def render(self, format):  # pylint: disable=redefined-builtin
        """The object in a jtbd.Format, as bytes (text formats are
        UTF-8)."""
        return _native.take_buffer(
            getattr(_native.library(), self._C_OBJECT + "_render"), self,
            _convert.int32(format, "format"))

    def to_json(self):
        """Protobuf JSON (lowerCamelCase, unrounded)."""
        return self.render(Format.JSON).decode("utf-8")

    def to_csv(self, separator=None, decimal_comma=False, bom=False):
        """RFC 4180 CSV whose text cells cannot run as spreadsheet formulas
        (a cell beginning with =, +, -, @, tab or CR gets a leading
        apostrophe). For the spreadsheet that opens it: `separator` ",",
        ";" or "\\t"; `decimal_comma` writes 1,5 for 1.5 (and implies ";"
        unless a separator is given); `bom` starts the text with U+FEFF,
        which Excel needs to read UTF-8."""
        return restyle_csv(self.render(Format.CSV), separator, decimal_comma,
                           bom).decode("utf-8")

    def to_table(self):
        """Aligned text for people."""
        return self.render(Format.TABLE).decode("utf-8")

    def to_protobuf(self):
        """The serialized protobuf message."""
        return self.render(Format.PROTOBUF)


def restyle_csv(csv, separator=None, decimal_comma=False, bom=False):
    """CSV bytes the library rendered, restyled (jtbd_csv_restyle)."""
    if separator is None:
        separator = ";" if decimal_comma else ","
    if not isinstance(separator, str) or len(separator) != 1:
        raise ValueError("separator must be one character: \",\", \";\" "
                         "or \"\\t\"")
    if separator == "," and not decimal_comma and not bom:
        return csv
    return _native.take_buffer(
        _native.library().jtbd_csv_restyle, csv, len(csv), ord(separator),
        1 if decimal_comma else 0, 1 if bom else 0)
