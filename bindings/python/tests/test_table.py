"""The generated ctypes layer (jtbd._ffi) against jtbd.h, the C compiler and
the loaded library.

gen_ctypes.py writes _ffi.py from the header; these tests check what it
wrote by other means: regular expressions over the header (an independent
reading), the C compiler's own sizeof/offsetof and enum values, and the
symbols the built libjtbd.so exports. They also check that every field of
every struct reaches a Python record and every enum is exported.
"""

import ctypes
import enum
import os
import re
import shutil
import subprocess

import pytest

import jtbd
from jtbd import _ffi, _native, _record

# `JTBD_EXPORT <type> <name>(<parameters>);`, across lines.
FUNCTION_RE = re.compile(
    r"JTBD_EXPORT\s+(?P<type>[\w\s\*]+?)\s*(?P<name>jtbd_\w+)\s*\("
    r"(?P<params>[^)]*)\)\s*;")
ENUM_RE = re.compile(r"typedef\s+enum\s+(\w+)\s*\{(?P<body>[^}]*)\}")
ENUM_ITEM_RE = re.compile(r"\b(JTBD_\w+)\s*=\s*(\d+)")
STRUCT_RE = re.compile(r"typedef\s+struct\s+(?P<name>jtbd_\w+)\s*\{"
                       r"(?P<body>[^}]*)\}")
HANDLE_RE = re.compile(r"typedef\s+struct\s+(jtbd_\w+)\s+\1\s*;")


def strip_comments(text):
    return re.sub(r"/\*.*?\*/", " ", text, flags=re.S)


def header_functions(header_text):
    """{name: (return type, [parameter types])} in header order, with
    whitespace normalized and parameter names dropped."""
    functions = {}
    for match in FUNCTION_RE.finditer(strip_comments(header_text)):
        params = " ".join(match.group("params").split())
        types = []
        if params != "void":
            for param in params.split(","):
                types.append(re.sub(r"\s*\b\w+$", "",
                                    param.strip()).replace(" *", "*"))
        return_type = " ".join(match.group("type").split()).replace(" *", "*")
        functions[match.group("name")] = (return_type, types)
    return functions


def header_structs(header_text):
    """{struct name: [(field, C type)]} of every typedef struct with a
    body."""
    structs = {}
    for match in STRUCT_RE.finditer(strip_comments(header_text)):
        fields = []
        for declaration in match.group("body").split(";"):
            declaration = " ".join(declaration.split())
            if declaration:
                c_type, field = declaration.rsplit(" ", 1)
                fields.append((field, c_type.replace(" *", "*")))
        structs[match.group("name")] = fields
    return structs


def header_enums(header_text):
    return {
        match.group(1): dict((name, int(value)) for name, value in
                             ENUM_ITEM_RE.findall(match.group("body")))
        for match in ENUM_RE.finditer(strip_comments(header_text))
    }


SCALARS = {
    "void": None, "size_t": ctypes.c_size_t, "int32_t": ctypes.c_int32,
    "uint32_t": ctypes.c_uint32, "uint64_t": ctypes.c_uint64,
    "int64_t": ctypes.c_int64, "double": ctypes.c_double,
    "uint8_t": ctypes.c_uint8,
}


def expected_ctypes(c_type, role):
    """The ctypes type a C type of jtbd.h must have in the table, written
    out independently of gen_ctypes.py."""
    if c_type in SCALARS:
        return SCALARS[c_type]
    base = c_type.replace("const ", "").replace("*", "").strip()
    depth = c_type.count("*")
    if hasattr(_ffi, base + "_p"):  # an opaque handle
        pointer = getattr(_ffi, base + "_p")
        return pointer if depth == 1 else ctypes.POINTER(pointer)
    if role == "return":
        return ctypes.c_void_p  # never c_char_p: see style.md section 6
    if depth == 1 and hasattr(_ffi, base):  # a struct to fill
        return ctypes.POINTER(getattr(_ffi, base))
    return {
        "const char*": ctypes.c_char_p,  # text in, pointer + length
        "const char**": ctypes.POINTER(ctypes.c_void_p),  # text out
        "const char* const*": ctypes.POINTER(ctypes.c_char_p),
        "const void*": ctypes.c_void_p,
        "const size_t*": ctypes.POINTER(ctypes.c_size_t),
        "size_t*": ctypes.POINTER(ctypes.c_size_t),
        "uint64_t*": ctypes.POINTER(ctypes.c_uint64),
        "uint32_t*": ctypes.POINTER(ctypes.c_uint32),
        "int32_t*": ctypes.POINTER(ctypes.c_int32),
        "const uint32_t*": ctypes.POINTER(ctypes.c_uint32),
        "const uint8_t*": ctypes.POINTER(ctypes.c_uint8),
        "double*": ctypes.POINTER(ctypes.c_double),
        "const double*": ctypes.POINTER(ctypes.c_double),
    }[c_type]


FIELD_TYPES = {
    "size_t": ctypes.c_size_t,
    "const char*": ctypes.c_void_p,  # read with string_at + length
    "double": ctypes.c_double,
    "int32_t": ctypes.c_int32,
    "uint32_t": ctypes.c_uint32,
    "uint64_t": ctypes.c_uint64,
    "int64_t": ctypes.c_int64,
}


def test_header_parses_into_many_functions(header_text):
    functions = header_functions(header_text)
    # A regex gone wrong would make every comparison below vacuous.
    assert len(functions) >= 100
    code = strip_comments(header_text)
    assert code.count("JTBD_EXPORT ") - code.count(
        "define JTBD_EXPORT") == len(functions)
    assert functions["jtbd_study_add_answers"] == ("jtbd_error*", [
        "jtbd_study*", "size_t", "const uint32_t*", "const uint32_t*",
        "const uint8_t*", "const uint8_t*"
    ])


def test_the_table_lists_every_header_function_in_order(header_text):
    assert [name for name, _, _ in _ffi.FUNCTIONS] == list(
        header_functions(header_text))


def test_table_types_match_the_header(header_text):
    functions = header_functions(header_text)
    for name, restype, parameters in _ffi.FUNCTIONS:
        return_type, parameter_types = functions[name]
        assert restype == expected_ctypes(return_type, "return"), name
        assert [argtype for _, argtype in parameters] == [
            expected_ctypes(t, "parameter") for t in parameter_types], name


def test_every_error_return_is_the_typed_error_handle():
    for name, restype, _ in _ffi.FUNCTIONS:
        assert restype is not ctypes.c_char_p, name
        if name.endswith(("_create", "_parse", "_load_file")):
            assert restype is _ffi.jtbd_error_p, name


def test_every_opaque_handle_has_its_own_pointer_class(header_text):
    handles = HANDLE_RE.findall(strip_comments(header_text))
    assert "jtbd_study" in handles and "jtbd_report" in handles
    classes = [getattr(_ffi, handle + "_p") for handle in handles]
    assert len(set(classes)) == len(handles)
    for pointer in classes:
        assert issubclass(pointer, ctypes.c_void_p)


def handle_field_type(c_type):
    """A field holding a handle (`const jtbd_x*`, jtbd_report_sections's):
    its pointer class, as for parameters."""
    match = re.fullmatch(r"const (jtbd_\w+)\*", c_type)
    return getattr(_ffi, match.group(1) + "_p") if match else None


def test_structs_match_the_header(header_text):
    structs = header_structs(header_text)
    assert len(structs) >= 14
    for name, fields in structs.items():
        generated = getattr(_ffi, name)._fields_
        expected = [(field, FIELD_TYPES.get(c_type) or
                     handle_field_type(c_type) or getattr(_ffi, c_type))
                    for field, c_type in fields]
        assert list(generated) == expected, name


def test_outcome_score_is_the_1_0_struct():
    # Fields are only ever appended after 1.0 (jtbd.h's conventions): the
    # 1.0 struct starts with these, the respondent counts 64-bit.
    struct = _ffi.jtbd_outcome_score
    assert [name for name, _ in struct._fields_][:17] == [
        "struct_size", "outcome_id", "outcome_id_len", "statement",
        "statement_len", "importance", "satisfaction", "opportunity", "band",
        "rank", "has", "importance_count", "importance_top_box_count",
        "satisfaction_count", "satisfaction_top_box_count", "both_count",
        "both_top_box_count"]
    assert struct.importance_count.size == 8
    assert _ffi.OUTCOME_SCORE_STRUCT_SIZE == ctypes.sizeof(struct)


def python_enums():
    return {name: value for name, value in vars(_ffi).items()
            if isinstance(value, type) and issubclass(value, enum.Enum)}


def c_enum_name(python_enum):
    """The C name of a generated enum: its docstring starts with it."""
    return python_enum.__doc__.split(":")[0]


def c_enumerator(c_enum, member, header_members):
    """JTBD_SCORE_METHOD_ULWICK for ScoreMethod.ULWICK; JTBD_OK for
    Code.OK (jtbd_code's enumerators carry no JTBD_CODE_ prefix)."""
    own = "%s_%s" % (c_enum.upper(), member.name)
    return own if own in header_members else "JTBD_" + member.name


def test_enums_equal_the_header(header_text):
    enums = header_enums(header_text)
    assert len(enums) >= 10
    by_c_name = {c_enum_name(value): value
                 for value in python_enums().values()}
    assert sorted(by_c_name) == sorted(enums)
    for c_name, members in enums.items():
        python = by_c_name[c_name]
        assert {c_enumerator(c_name, member, members): member.value
                for member in python} == members


def test_bit_enums_are_flags():
    assert issubclass(jtbd.ScoreHas, enum.IntFlag)
    assert issubclass(jtbd.ScreeningReason, enum.IntFlag)
    assert not issubclass(jtbd.Limit, enum.IntFlag)
    assert not issubclass(jtbd.Band, enum.IntFlag)


def test_every_enum_is_exported_by_the_package():
    for name, value in python_enums().items():
        assert getattr(jtbd, name) is value, name
        assert name in jtbd.__all__


def test_version_macros_equal_the_header(header_text):
    for part in ("MAJOR", "MINOR", "PATCH"):
        match = re.search(r"#define JTBD_VERSION_%s (\d+)" % part,
                          header_text)
        assert int(match.group(1)) == getattr(jtbd, "VERSION_" + part)
    assert jtbd.VERSION_NUMBER == (jtbd.VERSION_MAJOR * 10000 +
                                   jtbd.VERSION_MINOR * 100 +
                                   jtbd.VERSION_PATCH)
    assert jtbd.__version__ == "%d.%d.%d" % (
        jtbd.VERSION_MAJOR, jtbd.VERSION_MINOR, jtbd.VERSION_PATCH)


def test_every_struct_field_reaches_a_python_record():
    structs = {name: value for name, value in vars(_ffi).items()
               if isinstance(value, type) and
               issubclass(value, ctypes.Structure)}
    assert sorted(_record.RECORDS) == sorted(structs)
    for name, record in _record.RECORDS.items():
        fields = {field for field, _ in structs[name]._fields_}
        assert record._consumed == fields, name


def test_library_code_names_equal_the_enum():
    lib = _native.library()
    for code in jtbd.Code:
        assert _native.string_at(lib.jtbd_code_name(code)) == code.name
    assert _native.string_at(lib.jtbd_code_name(99)) == "UNKNOWN_CODE"


def test_library_band_names_equal_the_enum():
    lib = _native.library()
    for band in jtbd.Band:
        assert _native.string_at(lib.jtbd_band_name(band)) == \
            band.name.lower()
    assert _native.string_at(lib.jtbd_band_name(99)) == "unspecified"


def test_every_table_function_is_bound_with_its_types():
    lib = _native.library()
    for name, restype, parameters in _ffi.FUNCTIONS:
        function = getattr(lib, name).c_function
        assert list(function.argtypes) == [t for _, t in parameters], name
        assert function.restype is restype, name
        assert (function.errcheck is not None) == (
            restype is _ffi.jtbd_error_p), name


def tool_env():
    """The environment without a sanitizer runtime preloaded for python3
    (cmake/JtbdSanitize.cmake): nm, cc and the layout program are not
    instrumented, and the runtime would report their leaks."""
    return {key: value for key, value in os.environ.items()
            if key != "LD_PRELOAD"}


def test_the_loaded_library_exports_exactly_the_table():
    if not shutil.which("nm"):
        pytest.skip("nm (binutils) is not installed")
    out = subprocess.run(["nm", "-D", "--defined-only",
                          _native.library_path()], check=True,
                         capture_output=True, text=True,
                         env=tool_env()).stdout
    # Functions named jtbd_* (capi_exported_symbols checks there is no
    # other export).
    exported = {line.split()[-1].split("@")[0] for line in out.splitlines()
                if line.split()[-2:-1] == ["T"] and
                line.split()[-1].startswith("jtbd_")}
    assert exported == {name for name, _, _ in _ffi.FUNCTIONS}


def c_compiler():
    compiler = os.environ.get("JTBD_CC") or shutil.which("cc")
    if not compiler:
        pytest.skip("no C compiler (set JTBD_CC)")
    return compiler


def test_the_c_compiler_agrees_on_every_layout_and_value(tmp_path,
                                                         source_dir):
    """sizeof and offsetof of every field of every struct, every enum value
    and every integer macro (struct sizes included), as the C compiler sees
    jtbd.h, equal _ffi's."""
    lines = ['#include <stddef.h>', '#include <stdio.h>',
             '#include "jtbd/jtbd.h"', "int main(void) {"]
    expected = []
    structs = [value for value in vars(_ffi).values()
               if isinstance(value, type) and
               issubclass(value, ctypes.Structure)]
    for struct in structs:
        name = struct.__name__
        lines.append('printf("%%zu\\n", sizeof(%s));' % name)
        expected.append(ctypes.sizeof(struct))
        for field, _ in struct._fields_:
            lines.append('printf("%%zu\\n", offsetof(%s, %s));' %
                         (name, field))
            expected.append(getattr(struct, field).offset)
    enums = header_enums(
        (source_dir / "include" / "jtbd" / "jtbd.h").read_text())
    for python in python_enums().values():
        c_enum = c_enum_name(python)
        for member in python:
            lines.append('printf("%%lld\\n", (long long)%s);' %
                         c_enumerator(c_enum, member, enums[c_enum]))
            expected.append(member.value)
    # Every integer macro: the version, the structs' minimal sizes.
    for name, value in vars(_ffi).items():
        if name.isupper() and type(value) is int:  # pylint: disable=C0123
            lines.append('printf("%%lld\\n", (long long)JTBD_%s);' % name)
            expected.append(value)
    lines.append("return 0; }")
    program = tmp_path / "layout.c"
    program.write_text("\n".join(lines) + "\n")
    binary = tmp_path / "layout"
    subprocess.run([c_compiler(), "-std=c99", "-I",
                    str(source_dir / "include"), str(program), "-o",
                    str(binary)], check=True, env=tool_env())
    printed = subprocess.run([str(binary)], check=True, capture_output=True,
                             text=True, env=tool_env()).stdout.split()
    assert [int(value) for value in printed] == expected
