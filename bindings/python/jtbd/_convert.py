"""Python arguments checked and converted for C parameters.

ctypes converts silently and modulo the C type's range (-1 as a size_t is
2**64 - 1), so every number the binding passes on goes through one of these
first; a value C cannot take raises TypeError or jtbd.Error naming it.
"""

from ._errors import Error
from ._ffi import Code

INT32_MIN, INT32_MAX = -2 ** 31, 2 ** 31 - 1
UINT32_MAX, UINT64_MAX = 2 ** 32 - 1, 2 ** 64 - 1


def utf8(value, name):
    """Text for the library: str (encoded UTF-8) or bytes-like."""
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value)
    raise TypeError("%s must be str or bytes, not %s" %
                    (name, type(value).__name__))


def bytes_in(data, name):
    """Bytes-like input as bytes (passed to C without a further copy)."""
    if isinstance(data, bytes):
        return data
    try:
        return bytes(memoryview(data))
    except TypeError:
        raise TypeError("%s must be bytes-like, not %s" %
                        (name, type(data).__name__)) from None


def _integer(value, name):
    if isinstance(value, bool) or not hasattr(value, "__index__"):
        raise TypeError("%s must be an int, not %s" %
                        (name, type(value).__name__))
    return value.__index__()


def index(value, name):
    """A non-negative int for a size_t argument."""
    value = _integer(value, name)
    if value < 0:
        raise Error(Code.OUT_OF_RANGE, "%s is %d, negative" % (name, value))
    return value


def unsigned(value, name, maximum):
    """An int in [0, maximum]."""
    value = index(value, name)
    if value > maximum:
        raise Error(Code.INVALID_ARGUMENT,
                    "%s is %d, above %d" % (name, value, maximum))
    return value


def int32(value, name):
    """An int that fits int32_t."""
    value = _integer(value, name)
    if not INT32_MIN <= value <= INT32_MAX:
        raise Error(Code.INVALID_ARGUMENT,
                    "%s is %d, outside int32" % (name, value))
    return value


def real(value, name):
    """A float for a double argument (TypeError for non-numbers)."""
    if isinstance(value, (bool, str, bytes)) or not isinstance(
            value, (int, float)) and not hasattr(value, "__float__"):
        raise TypeError("%s must be a number, not %s" %
                        (name, type(value).__name__))
    return float(value)


def pair(value, name):
    """A (first, second) pair."""
    try:
        first, second = value
    except (TypeError, ValueError):
        raise TypeError("%s must be a (min, max) pair, not %r" %
                        (name, value)) from None
    return first, second


def scale(value, top_box):
    """(min, max, top_box_min) for a *_set_scale call, or None for the
    library's default scale. A scale and its top box go together: there is
    no default top box for a scale the caller chose."""
    if value is None and top_box is None:
        return None
    if value is None or top_box is None:
        raise TypeError("scale and top_box go together: give both (for "
                        "example scale=(1, 7), top_box=6) or neither (the "
                        "library's 1-5 scale, top box 4 and 5)")
    low, high = pair(value, "scale")
    return (int32(low, "scale min"), int32(high, "scale max"),
            int32(top_box, "top_box"))


def enum_value(value, name, enum_type, aliases=None):
    """An enum_type member from a member, its name in any case with - for _
    ("google-forms"), one of `aliases`, or a number."""
    if isinstance(value, str):
        key = value.strip().lower().replace("-", "_")
        if aliases and key in aliases:
            return aliases[key]
        try:
            return enum_type[key.upper()]
        except KeyError:
            known = sorted(set(m.name.lower().replace("_", "-")
                               for m in enum_type if m.value) |
                           set(k.replace("_", "-") for k in aliases or ()))
            raise Error(Code.INVALID_ARGUMENT,
                        "unknown %s %r (expected one of %s)" %
                        (name, value, ", ".join(known))) from None
    return int32(value, name)
