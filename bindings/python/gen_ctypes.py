#!/usr/bin/env python3
"""Writes the binding's ctypes layer, jtbd/_ffi.py, from include/jtbd/jtbd.h.

    python3 bindings/python/gen_ctypes.py            # rewrite jtbd/_ffi.py
    python3 bindings/python/gen_ctypes.py --check    # exit 1 on any drift

jtbd.h is the single source of truth: every #define with an integer value,
every enum, every opaque handle, every struct and every function of the
header becomes Python in _ffi.py, which the binding imports and never
restates. The output is committed (pip installs bindings/python on its own,
without the header) and the ctest python_ffi_up_to_date runs --check.

Standard library only. c_header.py reads the header; this file maps its C
types to ctypes and writes the module. Anything either does not know how to
translate -- a C type without a ctypes mapping, a macro that is neither an
integer, an attribute nor function-like, a declaration of another shape --
stops it with the line to look at (exit status 2), so a change of the header
is never half-translated.
"""

import argparse
import difflib
import json
import os
import sys
import textwrap

from c_header import SCALARS, Header, HeaderError

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_HEADER = os.path.join(HERE, os.pardir, os.pardir, "include", "jtbd",
                              "jtbd.h")
DEFAULT_OUTPUT = os.path.join(HERE, "jtbd", "_ffi.py")


def python_name(macro):
    """JTBD_VERSION_MAJOR -> VERSION_MAJOR."""
    return macro[len("JTBD_"):] if macro.startswith("JTBD_") else macro


def python_class_name(c_name):
    """jtbd_score_method -> ScoreMethod."""
    return "".join(part.capitalize() for part in
                   c_name[len("jtbd_"):].split("_"))


def member_prefix(enum):
    """The prefix every enumerator shares and Python drops:
    JTBD_SCORE_METHOD_ for jtbd_score_method, else JTBD_ (jtbd_code)."""
    own = enum.name.upper() + "_"
    if all(member.startswith(own) for member, _ in enum.members):
        return own
    if all(member.startswith("JTBD_") for member, _ in enum.members):
        return "JTBD_"
    raise HeaderError(enum.line, "enumerators of %s do not share JTBD_" %
                      enum.name)


def is_flag_enum(enum):
    """Enums documented as "Bits of ..." are bit masks (enum.IntFlag): every
    value a distinct power of two."""
    if not enum.doc.startswith("Bits of"):
        return False
    values = [value for _, value in enum.members]
    if any(value <= 0 or value & (value - 1) for value in values) or len(
            set(values)) != len(values):
        raise HeaderError(enum.line, "%s says \"Bits of\" but its values are "
                          "not distinct powers of two" % enum.name)
    return True


class Emitter:
    def __init__(self, header, source_name):
        self.header = header
        self.source_name = source_name
        self.handle_names = {h.name for h in header.handles}
        self.struct_names = {s.name for s in header.structs}
        self.enum_names = {e.name for e in header.enums}
        self.defined_structs = set()
        self.lines = []

    def ctypes_of(self, c_type, role, line):
        """The ctypes expression for a C type as a "parameter", "return"
        value or struct "field"."""
        base, depth = c_type.base, len(c_type.pointers)
        if base == "void" and depth == 0:
            if role != "return":
                raise HeaderError(line, "void %s" % role)
            return "None"
        if depth == 0:
            if base in SCALARS and base != "char":
                return SCALARS[base]
            if base in self.enum_names:
                return "ctypes.c_int"  # the type of a C enum
            if base in self.struct_names:
                if role == "field" and base not in self.defined_structs:
                    raise HeaderError(line, "struct %s used before its "
                                      "definition" % base)
                return base
            raise HeaderError(line, "no ctypes mapping for %s" % c_type)
        if base in self.handle_names:
            pointer = base + "_p"
            if depth == 1:
                return pointer
            if depth == 2:
                return "ctypes.POINTER(%s)" % pointer
        elif depth == 1:
            if base == "char":
                # Text: passed in as bytes; read out (returns, fields) as an
                # address + length, never c_char_p, which would copy and
                # drop a library-owned pointer.
                return "ctypes.c_char_p" if role == "parameter" else \
                    "ctypes.c_void_p"
            if base == "void":
                return "ctypes.c_void_p"
            if role == "return":
                return "ctypes.c_void_p"  # library-owned memory
            if base in self.struct_names:
                return "ctypes.POINTER(%s)" % base
            if base in SCALARS:
                return "ctypes.POINTER(%s)" % SCALARS[base]
        elif depth == 2 and role == "parameter":
            if base == "char":
                # const char* const*: an array of text given to the
                # library; const char**: text the library hands out.
                return "ctypes.POINTER(ctypes.c_char_p)" if \
                    c_type.pointers[0] else "ctypes.POINTER(ctypes.c_void_p)"
            if base == "void":
                return "ctypes.POINTER(ctypes.c_void_p)"
        raise HeaderError(line, "no ctypes mapping for %s as a %s" %
                          (c_type, role))

    def emit(self, text=""):
        self.lines.append(text)

    def docstring(self, text, indent):
        width = 79 - len(indent)
        wrapped = textwrap.wrap(text.replace("\\", "\\\\").replace(
            '"""', '\\"\\"\\"'), width - 3) or [""]
        if len(wrapped) == 1 and len(wrapped[0]) + 6 <= width:
            self.emit('%s"""%s"""' % (indent, wrapped[0]))
            return
        self.emit('%s"""%s' % (indent, wrapped[0]))
        for line in wrapped[1:]:
            self.emit(indent + line)
        self.emit('%s"""' % indent)

    def section(self, title):
        self.emit()
        self.emit()
        self.emit("# " + "-" * (74 - len(title)) + " " + title)

    def run(self):
        header = self.header
        self.emit('"""The ctypes layer of libjtbd, generated from %s.' %
                  self.source_name)
        self.emit()
        self.emit("Do not edit: change jtbd.h, then run")
        self.emit("`python3 bindings/python/gen_ctypes.py`. The ctest "
                  "python_ffi_up_to_date")
        self.emit("fails while this file differs from what the generator "
                  "writes.")
        self.emit()
        self.emit("What is here: the header's integer macros (JTBD_ "
                  "dropped), its enums")
        self.emit("(IntFlag for the \"Bits of\" ones), a typed pointer class "
                  "per opaque")
        self.emit("handle (<name>_p, refusing any other handle), its "
                  "structs under their C")
        self.emit("names, and FUNCTIONS: (name, restype, ((parameter, "
                  "argtype), ...)) for")
        self.emit("every function, in header order. DEPRECATED maps the "
                  "deprecated ones to")
        self.emit("their message.")
        self.emit('"""')
        self.emit()
        self.emit("import ctypes")
        self.emit("import enum")
        self.emit()
        self.emit("from ._pointer import Pointer")

        self.section("macros")
        self.emit()
        for name, value in header.constants:
            self.emit("%s = %d" % (python_name(name), value))

        self.section("enums")
        for enum in header.enums:
            prefix = member_prefix(enum)
            base = "enum.IntFlag" if is_flag_enum(enum) else "enum.IntEnum"
            self.emit()
            self.emit()
            self.emit("class %s(%s):" % (python_class_name(enum.name), base))
            self.docstring("%s: %s" % (enum.name, enum.doc) if enum.doc else
                           enum.name, "    ")
            self.emit()
            for member, value in enum.members:
                self.emit("    %s = %d" % (member[len(prefix):], value))

        self.section("handles")
        for handle in header.handles:
            self.emit()
            self.emit()
            self.emit("class %s_p(Pointer):" % handle.name)
            self.docstring("%s*%s" % (handle.name, ": " + handle.doc
                                      if handle.doc else ""), "    ")

        self.section("structs")
        for struct in header.structs:
            self.emit()
            self.emit()
            self.emit("class %s(ctypes.Structure):" % struct.name)
            self.docstring("%s%s" % (struct.name, ": " + struct.doc
                                     if struct.doc else ""), "    ")
            self.emit()
            self.emit("    _fields_ = [")
            for field, c_type, array in struct.fields:
                mapped = self.ctypes_of(c_type, "field", struct.line)
                if array is not None:
                    mapped = "%s * %d" % (mapped, array)
                self.emit('        ("%s", %s),' % (field, mapped))
            self.emit("    ]")
            self.defined_structs.add(struct.name)

        if header.layout_constants:
            self.section("struct sizes")
            self.emit()
            for name, terms, queries in header.layout_constants:
                self.emit_layout_constant(python_name(name), terms, queries)

        self.section("functions")
        self.emit()
        self.emit("FUNCTIONS = (")
        for function in header.functions:
            restype = self.ctypes_of(function.returns, "return",
                                     function.line)
            parameters = [
                '("%s", %s)' % (name, self.ctypes_of(c_type, "parameter",
                                                   function.line))
                for name, c_type in function.parameters]
            self.emit_function(function.name, restype, parameters)
        self.emit(")")
        self.emit()
        deprecated = [(f.name, f.deprecated) for f in header.functions
                      if f.deprecated is not None]
        if deprecated:
            self.emit("DEPRECATED = {")
            for name, message in deprecated:
                self.emit('    "%s": %s,' % (name, json.dumps(message)))
            self.emit("}")
        else:
            self.emit("DEPRECATED = {}")
        return "\n".join(self.lines) + "\n"

    def emit_layout_constant(self, name, terms, queries):
        """NAME = an expression over the generated structs' layout."""
        pieces = ["ctypes.sizeof(%s)" % struct if kind == "sizeof" else
                  "%s.%s.%s" % (struct, field, kind)
                  for kind, struct, field in queries]
        value = terms.format(*pieces).replace("( ", "(").replace(" )", ")")
        if len(name) + 3 + len(value) <= 79:
            self.emit("%s = %s" % (name, value))
            return
        if value.startswith("(") and value.endswith(")"):
            value = value[1:-1]
        self.emit("%s = (" % name)
        lines = textwrap.wrap(value, 74, break_long_words=False,
                              break_on_hyphens=False)
        for line in lines[:-1]:
            self.emit("    " + line)
        self.emit("    %s)" % lines[-1])

    def emit_function(self, name, restype, parameters):
        one_line = '    ("%s", %s, (%s)),' % (
            name, restype, ", ".join(parameters) +
            ("," if len(parameters) == 1 else ""))
        if len(one_line) <= 79:
            self.emit(one_line)
            return
        self.emit('    ("%s", %s, (' % (name, restype))
        for parameter in parameters:
            self.emit("        %s," % parameter)
        self.emit("    )),")


def generate(header_text, source_name="include/jtbd/jtbd.h"):
    """The text of _ffi.py for a header's text."""
    return Emitter(Header(header_text), source_name).run()


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n", 1)[0])
    parser.add_argument("--header", default=DEFAULT_HEADER)
    parser.add_argument("--output", default=DEFAULT_OUTPUT)
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when --output differs "
                        "from what would be written")
    args = parser.parse_args(argv)
    with open(args.header, encoding="utf-8") as f:
        header_text = f.read()
    try:
        text = generate(header_text)
    except HeaderError as error:
        print("gen_ctypes.py: %s" % error, file=sys.stderr)
        return 2
    try:
        with open(args.output, encoding="utf-8") as f:
            current = f.read()
    except FileNotFoundError:
        current = None
    if args.check:
        if current == text:
            return 0
        diff = difflib.unified_diff(
            (current or "").splitlines(True), text.splitlines(True),
            args.output + " (committed)", args.output + " (from jtbd.h)")
        sys.stderr.write("".join(diff))
        print("gen_ctypes.py: %s is out of date with %s; run python3 "
              "bindings/python/gen_ctypes.py and commit the result" %
              (args.output, args.header), file=sys.stderr)
        return 1
    if current != text:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
