"""The exceptions of the binding.

Library failures become `Error` (or the subclass for its code); problems
finding or loading libjtbd become `LibraryNotFoundError` or
`IncompatibleLibraryError`; using a closed object raises `ClosedError`.
"""

from ._ffi import Code


class LibraryNotFoundError(ImportError):
    """No libjtbd could be loaded. The message names $JTBD_LIBRARY and every
    place that was tried, with the loader's reason for each."""


class IncompatibleLibraryError(ImportError):
    """A libjtbd was loaded but is not one this binding can use: another
    major version, or a function of jtbd.h is missing from it."""


class ClosedError(ValueError):
    """An operation on a Study, Aggregate or Report after close()."""


class Error(Exception):
    """A failure reported by libjtbd (a non-NULL jtbd_error).

    Attributes:
      code: the jtbd_code as an int (equal to absl::StatusCode). The set is
        open, so it may be a value `Code` has no name for.
      code_name: "INVALID_ARGUMENT" for 3, ...; "UNKNOWN_CODE" otherwise.
      message: the library's message.
      function: the C function that failed, or None for checks the binding
        makes itself before calling the library.

    `Error(code, message)` returns the subclass for the code (for example
    `InvalidArgumentError` for 3), so `except jtbd.InvalidArgumentError`
    and `except ValueError` both catch invalid input.
    """

    code_value = None  # set on each per-code subclass

    def __new__(cls, code, message="", function=None):
        if cls is Error:
            cls = _CLASS_BY_CODE.get(int(code), Error)
        return super().__new__(cls, code, message, function)

    def __init__(self, code, message="", function=None):
        super().__init__(code, message, function)
        self.code = int(code)
        try:
            self.code_name = Code(self.code).name
        except ValueError:
            self.code_name = "UNKNOWN_CODE"
        self.message = message
        self.function = function

    def __str__(self):
        return "%s: %s" % (self.code_name, self.message)


class CancelledError(Error):
    code_value = Code.CANCELLED


class UnknownError(Error):
    code_value = Code.UNKNOWN


class InvalidArgumentError(Error, ValueError):
    code_value = Code.INVALID_ARGUMENT


class DeadlineExceededError(Error):
    code_value = Code.DEADLINE_EXCEEDED


class NotFoundError(Error, LookupError):
    code_value = Code.NOT_FOUND


class AlreadyExistsError(Error):
    code_value = Code.ALREADY_EXISTS


class PermissionDeniedError(Error):
    code_value = Code.PERMISSION_DENIED


class ResourceExhaustedError(Error):
    code_value = Code.RESOURCE_EXHAUSTED


class FailedPreconditionError(Error):
    code_value = Code.FAILED_PRECONDITION


class AbortedError(Error):
    code_value = Code.ABORTED


class OutOfRangeError(Error, IndexError):
    code_value = Code.OUT_OF_RANGE


class UnimplementedError(Error):
    code_value = Code.UNIMPLEMENTED


class InternalError(Error):
    code_value = Code.INTERNAL


class UnavailableError(Error):
    code_value = Code.UNAVAILABLE


class DataLossError(Error):
    code_value = Code.DATA_LOSS


class UnauthenticatedError(Error):
    code_value = Code.UNAUTHENTICATED


_CLASS_BY_CODE = {
    int(cls.code_value): cls
    for cls in (CancelledError, UnknownError, InvalidArgumentError,
                DeadlineExceededError, NotFoundError, AlreadyExistsError,
                PermissionDeniedError, ResourceExhaustedError,
                FailedPreconditionError, AbortedError, OutOfRangeError,
                UnimplementedError, InternalError, UnavailableError,
                DataLossError, UnauthenticatedError)
}

ERROR_CLASSES = dict(_CLASS_BY_CODE)
