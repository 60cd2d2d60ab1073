"""Handing Python sequences and buffers to C as uint8_t / uint32_t arrays.

borrow(values, ctype, name) returns a pointer for the C call. It borrows the
caller's memory, without copying, whenever that memory already is what C
expects: a buffer-protocol object (array.array, numpy array, bytearray,
memoryview, mmap, bytes, ...) whose items are unsigned integers of the C
type's size in native byte order, laid out C-contiguously. Then:

  * a writable buffer is wrapped with ctypes `(ctype * n).from_buffer`, which
    points at the caller's memory;
  * `bytes` (read-only) is passed through `c_char_p`, which points at the
    bytes object's own storage (bytes are immutable; C only reads them);
  * any other read-only buffer that offers `__array_interface__` (a
    read-only numpy array, e.g. from numpy.frombuffer) is passed by the
    address that interface reports. numpy itself is never imported.
  * any other read-only buffer (e.g. a read-only memoryview) is copied once
    with `from_buffer_copy`: ctypes has no way to point at it.

Everything else -- lists, tuples, ranges, iterables, and buffers of another
item type (array('i'), numpy int64, ...) or not C-contiguous -- is converted
element by element into a new array.array, checking that each value fits
the C type: a value that does not (e.g. -1 or 256 for a rating) raises
jtbd.InvalidArgumentError naming its index, instead of being wrapped
modulo 2**bits the way ctypes would.

The C call must happen while the Borrowed object is alive: it holds the
references that keep the memory valid.
"""

import array
import ctypes
import sys

from ._ffi import Code
from ._errors import Error

# Incremented whenever borrow() had to copy or convert: tests read it to
# prove the zero-copy paths really copy nothing.
copies = 0

_NATIVE_ORDER = {"little": "<", "big": ">"}[sys.byteorder]
_UNSIGNED_FORMATS = set("BHILQN")
_TYPECODE = {}  # ctype -> array.array typecode of the same size, unsigned
for _code in "BHILQ":
    for _ctype in (ctypes.c_uint8, ctypes.c_uint32):
        if (array.array(_code).itemsize == ctypes.sizeof(_ctype) and
                _ctype not in _TYPECODE):
            _TYPECODE[_ctype] = _code


class Borrowed:
    """A C pointer to `count` items of `ctype`, and what keeps it valid.

    Attributes: pointer (pass it to C), count, address (int, 0 when count is
    0), copied (False when the caller's own memory is used).
    """

    __slots__ = ("pointer", "count", "address", "copied", "_keep")

    def __init__(self, pointer, count, address, copied, keep):
        self.pointer = pointer
        self.count = count
        self.address = address
        self.copied = copied
        self._keep = keep


def _plain_format(fmt):
    """The struct format character of a 1-item native-order format, or
    None ('@I', '=I', '<I' on little-endian -> 'I')."""
    if fmt and fmt[0] in "@=" + _NATIVE_ORDER:
        fmt = fmt[1:]
    return fmt if len(fmt) == 1 else None


def _matches(view, ctype):
    fmt = _plain_format(view.format)
    return (fmt in _UNSIGNED_FORMATS and
            view.itemsize == ctypes.sizeof(ctype) and view.c_contiguous)


def _flatten(values):
    for value in values:
        if isinstance(value, list):
            yield from _flatten(value)
        else:
            yield value


def _convert(values, ctype, name):
    """A new array.array of `ctype`'s size from any iterable of ints."""
    global copies
    if isinstance(values, memoryview):
        values = _flatten(values.tolist())
    items = values if isinstance(values, (list, tuple)) else list(values)
    typecode = _TYPECODE[ctype]
    try:
        converted = array.array(typecode, items)
    except (OverflowError, TypeError, ValueError):
        limit = 2 ** (8 * ctypes.sizeof(ctype)) - 1
        for index, value in enumerate(items):
            if isinstance(value, bool) or not hasattr(value, "__index__"):
                raise Error(Code.INVALID_ARGUMENT,
                            "%s[%d] = %r is not an integer" %
                            (name, index, value)) from None
            if not 0 <= value.__index__() <= limit:
                raise Error(Code.INVALID_ARGUMENT,
                            "%s[%d] = %d does not fit the C type (0-%d)" %
                            (name, index, value, limit)) from None
        raise
    copies += 1
    return converted


def _from_writable(buffer, ctype, count, copied):
    c_array = (ctype * count).from_buffer(buffer)
    return Borrowed(ctypes.cast(c_array, ctypes.POINTER(ctype)), count,
                    ctypes.addressof(c_array), copied, c_array)


def borrow(values, ctype, name):
    """A Borrowed pointer to `values` as a C array of `ctype` (c_uint8 or
    c_uint32). `name` names the argument in error messages."""
    global copies
    try:
        view = memoryview(values)
    except TypeError:
        view = None
    if view is not None and view.ndim == 0:
        raise TypeError("%s must be a sequence of integers, not a scalar" %
                        name)
    if view is None or not _matches(view, ctype):
        converted = _convert(view if view is not None else values, ctype,
                             name)
        count = len(converted)
        if count == 0:
            return Borrowed(None, 0, 0, True, None)
        return _from_writable(converted, ctype, count, True)

    count = view.nbytes // view.itemsize
    if count == 0:
        return Borrowed(None, 0, 0, False, None)
    if not view.readonly:
        return _from_writable(view, ctype, count, False)
    if type(values) is bytes:
        # c_char_p points at the bytes object's storage, no copy.
        text = ctypes.c_char_p(values)
        address = ctypes.cast(text, ctypes.c_void_p).value
        return Borrowed(ctypes.cast(text, ctypes.POINTER(ctype)), count,
                        address, False, (values, text))
    interface = getattr(values, "__array_interface__", None)
    if isinstance(interface, dict) and interface.get("data"):
        address = interface["data"][0]
        if interface.get("strides") is None and address:
            return Borrowed(ctypes.cast(address, ctypes.POINTER(ctype)),
                            count, address, False, values)
    copies += 1
    c_array = (ctype * count).from_buffer_copy(view)
    return Borrowed(ctypes.cast(c_array, ctypes.POINTER(ctype)), count,
                    ctypes.addressof(c_array), True, c_array)
