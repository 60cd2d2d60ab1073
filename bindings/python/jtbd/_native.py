"""Finding, loading and binding libjtbd.

The library is loaded on first use, not at import, so `import jtbd` always
works and the error about a missing library comes from the first call that
needs it. Where it is looked for, in order:

  1. $JTBD_LIBRARY, a path to the shared library. When set it is the only
     candidate: an explicit choice that fails is reported, never silently
     replaced by another copy.
  2. libjtbd.so* next to this package (bindings/python/jtbd/), as a wheel
     or an install step would place it.
  3. The system: ctypes.util.find_library("jtbd"), then "libjtbd.so.1"
     through the dynamic loader's own search (LD_LIBRARY_PATH, ld.so.cache).

`set_library_path(path)` picks a file before the first use instead.

Every function of jtbd.h is described once, in _ffi.FUNCTIONS (generated
from the header by gen_ctypes.py), and bound when the library loads; a
missing symbol or another major version is reported then, as
IncompatibleLibraryError, not later as an AttributeError or a crash.
"""

import ctypes
import ctypes.util
import glob
import os
import threading

from . import _ffi
from ._errors import Error, IncompatibleLibraryError, LibraryNotFoundError

ENV_VARIABLE = "JTBD_LIBRARY"
PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
SYSTEM_NAMES = ("jtbd",)  # for ctypes.util.find_library
SONAME = "libjtbd.so.%d" % _ffi.VERSION_MAJOR


class Library:
    """The functions of one loaded libjtbd, bound from _ffi.FUNCTIONS: an
    attribute per C function, named like it. Each checks its arguments'
    types (a wrong one raises TypeError, a closed object ClosedError) and
    turns a returned jtbd_error* into jtbd.Error; `c_function` is the raw
    ctypes function underneath."""

    def __init__(self, cdll, path):
        self.cdll = cdll
        self.path = path


_lock = threading.Lock()
_library = None
_chosen_path = None  # set_library_path()


def _error_check(cdll):
    """The errcheck of every function returning jtbd_error*: NULL is
    success; otherwise read code and message, free the error, raise
    jtbd.Error (the subclass for its code)."""

    def check(result, function, arguments):
        del arguments  # unused; the signature is ctypes'
        if not result:
            return None
        try:
            code = cdll.jtbd_error_code(result)
            length = ctypes.c_size_t(0)
            text = cdll.jtbd_error_message(result, ctypes.byref(length))
            message = ctypes.string_at(text, length.value) if text else b""
        finally:
            cdll.jtbd_error_free(result)
        raise Error(code, message.decode("utf-8", "replace"),
                    function.__name__)

    return check


def _argument_error(name, parameters, arguments, error):
    """The exception behind a ctypes.ArgumentError, which keeps only its
    text: each argument is converted again, in Python, so that a TypeError
    names the function and parameter and any other exception (ClosedError
    for a closed object) keeps its type."""
    for position, ((parameter, argtype), argument) in enumerate(
            zip(parameters, arguments)):
        try:
            argtype.from_param(argument)
        except TypeError as refused:
            return TypeError("%s() argument %d (%s): %s" %
                             (name, position + 1, parameter, refused))
        except Exception as refused:  # pylint: disable=broad-except
            return refused
    return TypeError("%s(): %s" % (name, error))


def _bind(function, parameters):
    name = function.__name__

    def call(*arguments):
        try:
            return function(*arguments)
        except ctypes.ArgumentError as error:
            raise _argument_error(name, parameters, arguments,
                                  error) from error

    call.__name__ = call.__qualname__ = name
    call.c_function = function
    return call


def _register(cdll, path):
    """A Library binding every _ffi.FUNCTIONS entry on `cdll`, or
    IncompatibleLibraryError naming another major version or what is
    missing."""
    if not hasattr(cdll, "jtbd_version_number"):
        raise IncompatibleLibraryError(
            "%s is not a libjtbd: it lacks jtbd_version_number (set %s to "
            "a libjtbd.so of version %d.x)" %
            (path, ENV_VARIABLE, _ffi.VERSION_MAJOR))
    cdll.jtbd_version_number.argtypes = []
    cdll.jtbd_version_number.restype = ctypes.c_uint32
    number = cdll.jtbd_version_number()
    if number // 10000 != _ffi.VERSION_MAJOR:
        raise IncompatibleLibraryError(
            "%s is libjtbd %d.%d.%d; this binding needs major version %d "
            "(set %s to a matching libjtbd.so)" %
            (path, number // 10000, number // 100 % 100, number % 100,
             _ffi.VERSION_MAJOR, ENV_VARIABLE))
    missing = [name for name, _, _ in _ffi.FUNCTIONS
               if not hasattr(cdll, name)]
    if missing:
        raise IncompatibleLibraryError(
            "%s is not a compatible libjtbd: it lacks %s (this binding needs "
            "jtbd %d.%d or later; set %s to a matching libjtbd.so)" %
            (path, ", ".join(missing), _ffi.VERSION_MAJOR,
             _ffi.VERSION_MINOR, ENV_VARIABLE))
    library = Library(cdll, path)
    check = _error_check(cdll)
    for name, restype, parameters in _ffi.FUNCTIONS:
        function = getattr(cdll, name)
        function.argtypes = [argtype for _, argtype in parameters]
        function.restype = restype
        if restype is _ffi.jtbd_error_p:
            function.errcheck = check
        setattr(library, name, _bind(function, parameters))
    return library


def candidates():
    """Where the library is looked for, in order, as (description, path)."""
    override = _chosen_path
    if override is not None:
        return [("set_library_path()", override)]
    from_env = os.environ.get(ENV_VARIABLE)
    if from_env:
        return [("$" + ENV_VARIABLE, from_env)]
    found = []
    # libjtbd.so first, then the SONAME, then any other libjtbd.so.* file.
    beside = sorted(glob.glob(os.path.join(PACKAGE_DIR, "libjtbd.so*")),
                    key=lambda p: (len(os.path.basename(p)), p))
    found.extend(("next to the package", path) for path in beside)
    if not beside:
        found.append(("next to the package",
                      os.path.join(PACKAGE_DIR, "libjtbd.so*")))
    for name in SYSTEM_NAMES:
        system_path = ctypes.util.find_library(name)
        if system_path:
            found.append(('ctypes.util.find_library("%s")' % name,
                          system_path))
        else:
            found.append(('ctypes.util.find_library("%s")' % name, None))
    found.append(("the dynamic loader", SONAME))
    return found


def load_library():
    """Loads and binds the first candidate that loads, as a Library. Does
    not cache: library() does. Raises LibraryNotFoundError or
    IncompatibleLibraryError."""
    tried = []
    for description, path in candidates():
        if path is None:
            tried.append("%s: nothing found" % description)
            continue
        if "*" in path:
            tried.append("%s: no %s" % (description, path))
            continue
        try:
            cdll = ctypes.CDLL(path)
        except OSError as error:
            tried.append("%s: %s (%s)" % (description, path, error))
            continue
        return _register(cdll, path)
    raise LibraryNotFoundError(
        "cannot load libjtbd. Set %s to the path of libjtbd.so (for example "
        "build/libjtbd.so), or place libjtbd.so next to the jtbd package, or "
        "install it where the dynamic loader finds it. Tried:\n  %s" %
        (ENV_VARIABLE, "\n  ".join(tried)))


def library():
    """The loaded, bound Library; loads it on the first call."""
    global _library
    if _library is not None:
        return _library
    with _lock:
        if _library is None:
            _library = load_library()
    return _library


def is_loaded():
    return _library is not None


def library_path():
    """The path the library was loaded from (loading it if needed)."""
    return library().path


def set_library_path(path):
    """Chooses the libjtbd file to load, overriding $JTBD_LIBRARY. Must come
    before the first call that uses the library."""
    global _chosen_path
    with _lock:
        if _library is not None:
            raise RuntimeError(
                "libjtbd is already loaded from %s; set_library_path() must "
                "come before the first use" % _library.path)
        _chosen_path = os.fspath(path)


def string_at(pointer, length=None):
    """Copies library-owned text (never freed by us) into a str."""
    if not pointer:
        return ""
    raw = (ctypes.string_at(pointer) if length is None
           else ctypes.string_at(pointer, length))
    return raw.decode("utf-8")


def create(function, *arguments):
    """Calls a function whose last parameter is a handle out-parameter
    (jtbd_study** out, ...) and returns the typed pointer it wrote."""
    out = function.c_function.argtypes[-1]._type_()
    function(*arguments, ctypes.byref(out))
    return out


def out(function, *arguments):
    """Calls a function whose last parameter is a pointer to one value
    (size_t* index_out, uint64_t* count, double* ...) and returns the value
    it wrote, in whatever C type the header gives it."""
    value = function.c_function.argtypes[-1]._type_()
    function(*arguments, ctypes.byref(value))
    return value.value


def array_for(function, parameter, count):
    """A zeroed C array of `count` items (at least one) of the type the
    function's `parameter` (a position) points to."""
    item = function.c_function.argtypes[parameter]._type_
    return (item * max(count, 1))()


def text_out(function, *arguments):
    """Calls a (..., const char** text, size_t* length) accessor; the text
    as a str."""
    argtypes = function.c_function.argtypes
    text = argtypes[-2]._type_()
    length = argtypes[-1]._type_()
    function(*arguments, ctypes.byref(text), ctypes.byref(length))
    return string_at(text.value, length.value)


def take_buffer(function, *arguments):
    """Calls a function whose last parameter is a jtbd_buffer** and returns
    the buffer's bytes, freeing it."""
    lib = library()
    buffer = create(function, *arguments)
    try:
        size = lib.jtbd_buffer_size(buffer)
        data = lib.jtbd_buffer_data(buffer)
        return ctypes.string_at(data, size) if size and data else b""
    finally:
        lib.jtbd_buffer_free(buffer)
