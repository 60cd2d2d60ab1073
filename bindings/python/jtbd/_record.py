"""Records read from jtbd.h's structs: frozen dataclasses, one idiom.

    @record("jtbd_segment_candidate")
    class SegmentCandidate(Record):
        k: int
        ...

makes a frozen dataclass whose from_struct(struct, **extra) reads each of
its fields from the struct field of the same name (jtbd._ffi):

  * text (a const char* with a <name>_len beside it) becomes a str;
  * a nested struct that is itself read into a record (jtbd_interval into
    Interval) becomes that record;
  * any other field is taken as it is.

Fields declared with the helpers below are read differently:
optional(bit) is None unless the struct's `has` bits include `bit`
(optional(flag="has_lift"): unless that field is non-zero); converted(f)
applies f (bool, a band's name, ...); extra(default) is not in the struct
and is given to from_struct by the caller. Struct fields a record does not
show are listed in `consumed`, which says where they went.

RECORDS maps each struct name to its record, so a test checks that every
field of every struct of jtbd.h reaches Python.
"""

import ctypes
import dataclasses

from . import _ffi, _native

RECORDS = {}  # struct name -> record class


def optional(bit=None, *, flag="has", convert=None, **field_arguments):
    """A figure that may not exist (see the module's docstring)."""
    return dataclasses.field(metadata={"present": (flag, bit),
                                       "convert": convert},
                             **field_arguments)


def converted(function, **field_arguments):
    """A struct field passed through `function`."""
    return dataclasses.field(metadata={"convert": function},
                             **field_arguments)


def extra(default):
    """A field that is not in the struct: from_struct's caller gives it."""
    return dataclasses.field(default=default, metadata={"extra": True})


class Record:
    """The base of the records read from a struct (see record())."""

    _readers = ()

    @classmethod
    def from_struct(cls, struct, **extras):
        values = {name: read(struct) for name, read in cls._readers}
        values.update(extras)
        return cls(**values)


def _reader(struct_type, name, metadata, consumed):
    fields = dict(struct_type._fields_)
    if name not in fields:
        raise TypeError("%s has no field %s" % (struct_type.__name__, name))
    consumed.add(name)
    field_type = fields[name]
    if field_type is ctypes.c_void_p and name + "_len" in fields:
        consumed.add(name + "_len")

        def read(struct):
            return _native.string_at(getattr(struct, name),
                                      getattr(struct, name + "_len"))
    elif isinstance(field_type, type) and issubclass(field_type,
                                                     ctypes.Structure):
        nested = RECORDS[field_type.__name__]

        def read(struct):
            return nested.from_struct(getattr(struct, name))
    else:

        def read(struct):
            return getattr(struct, name)

    convert = metadata.get("convert")
    if convert is not None:
        plain = read

        def read(struct):
            return convert(plain(struct))

    if "present" in metadata:
        flag, bit = metadata["present"]
        if flag not in fields:
            raise TypeError("%s has no field %s" %
                            (struct_type.__name__, flag))
        consumed.add(flag)
        value = read

        if bit is None:

            def read(struct):
                return value(struct) if getattr(struct, flag) else None
        else:
            bit = int(bit)  # an IntFlag's & would build a new flag each time

            def read(struct):
                return value(struct) if getattr(struct, flag) & bit else None

    return read


def record(struct_name, consumed=()):
    """Class decorator: a frozen dataclass read from jtbd._ffi.<struct_name>.
    `consumed`: struct fields read elsewhere (see the module's docstring)."""
    struct_type = getattr(_ffi, struct_name)

    def decorate(cls):
        cls = dataclasses.dataclass(frozen=True)(cls)
        used = set(consumed)
        if "struct_size" in dict(struct_type._fields_):
            used.add("struct_size")
        readers = []
        for field in dataclasses.fields(cls):
            if not field.metadata.get("extra"):
                readers.append((field.name,
                                _reader(struct_type, field.name,
                                        field.metadata, used)))
        unknown = used - set(dict(struct_type._fields_))
        if unknown:
            raise TypeError("%s has no field %s" %
                            (struct_name, ", ".join(sorted(unknown))))
        cls._readers = tuple(readers)
        cls._struct = struct_type
        cls._consumed = frozenset(used)
        RECORDS[struct_name] = cls
        return cls

    return decorate


def new_struct(struct_type):
    """A zeroed struct with struct_size set (jtbd.h convention 8)."""
    struct = struct_type()
    struct.struct_size = ctypes.sizeof(struct_type)
    return struct
