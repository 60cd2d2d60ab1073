"""The base of Study and Aggregate: a native object on a rating scale that
is created, parsed, serialized, saved and loaded the same way, through the
C functions <_C_OBJECT>_create, _set_scale, _destroy, _parse, _serialize,
_save_file and _load_file."""

import os

from . import _convert, _native, _options
from ._handle import Owned


class Scaled(Owned):

    _C_OBJECT = None

    def __init__(self, scale=None, top_box=None, *, _pointer=None):
        lib = _native.library()
        destroy = getattr(lib, self._C_OBJECT + "_destroy")
        if _pointer is None:
            arguments = _convert.scale(scale, top_box)
            _pointer = _native.create(getattr(lib, self._C_OBJECT +
                                              "_create"))
            super().__init__(_pointer, destroy)
            if arguments is not None:
                try:
                    getattr(lib, self._C_OBJECT + "_set_scale")(self,
                                                                *arguments)
                except BaseException:
                    self.close()
                    raise
        else:
            super().__init__(_pointer, destroy)

    @classmethod
    def _adopt(cls, pointer):
        return cls(_pointer=pointer)

    @classmethod
    def _read_survey_file(cls, path, scale, top_box, options):
        """<_C_OBJECT>_read_csv_file: load_csv and load_aggregate."""
        encoded = os.fsencode(path)
        read = getattr(_native.library(), cls._C_OBJECT + "_read_csv_file")
        with _options.read_options(scale, top_box, **options) as native:
            return cls._adopt(_native.create(read, native, encoded,
                                             len(encoded)))

    @classmethod
    def _read_survey(cls, data, source_name, scale, top_box, options):
        """<_C_OBJECT>_read_csv: read_csv and read_aggregate."""
        text = _convert.utf8(data, "data")
        name = _convert.utf8(source_name, "source_name")
        read = getattr(_native.library(), cls._C_OBJECT + "_read_csv")
        with _options.read_options(scale, top_box, **options) as native:
            return cls._adopt(_native.create(read, native, text, len(text),
                                             name, len(name)))

    @classmethod
    def parse(cls, data):
        """An object from its serialized protobuf message (see serialize)."""
        data = _convert.bytes_in(data, "data")
        parse = getattr(_native.library(), cls._C_OBJECT + "_parse")
        return cls._adopt(_native.create(parse, data, len(data)))

    def serialize(self):
        """The object as its serialized protobuf message."""
        return _native.take_buffer(
            getattr(_native.library(), self._C_OBJECT + "_serialize"), self)

    def save(self, path):
        """Saves to a file atomically (a temporary file flushed to disk,
        then renamed over `path`), with a format version and checksums."""
        encoded = os.fsencode(path)
        getattr(_native.library(), self._C_OBJECT + "_save_file")(
            self, encoded, len(encoded))

    @classmethod
    def load(cls, path):
        """An object from a file written by save(); a truncated, corrupted,
        foreign or newer-version file raises jtbd.Error naming it."""
        encoded = os.fsencode(path)
        load = getattr(_native.library(), cls._C_OBJECT + "_load_file")
        return cls._adopt(_native.create(load, encoded, len(encoded)))
