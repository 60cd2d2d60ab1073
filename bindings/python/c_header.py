"""Reads include/jtbd/jtbd.h into a model of its declarations, for
gen_ctypes.py (standard library only).

The header is read the way a C compiler would for a non-Windows C99 build: a
small preprocessor follows #if/#ifdef/#elif/#else (defined() and integer
expressions; nothing but the header's own macros is defined), then the
declarations are parsed: integer macros, enums, opaque handles (typedef
struct x x;), structs and JTBD_EXPORT functions, each with the comment just
above it. Anything of another shape -- a macro that is neither an integer,
an attribute nor function-like, an unknown attribute on a declaration, an
unnamed parameter -- raises HeaderError with the line to look at.
"""

import re

# Attributes a declaration may carry (defined in jtbd.h, expanding to
# compiler attributes). JTBD_DEPRECATED("message") marks a function as
# deprecated; the message is kept.
EXPORT_MACRO = "JTBD_EXPORT"
DEPRECATED_MACRO = "JTBD_DEPRECATED"

SCALARS = {
    "char": "ctypes.c_char",
    "int": "ctypes.c_int",
    "unsigned": "ctypes.c_uint",
    "float": "ctypes.c_float",
    "double": "ctypes.c_double",
    "size_t": "ctypes.c_size_t",
    "int8_t": "ctypes.c_int8",
    "uint8_t": "ctypes.c_uint8",
    "int16_t": "ctypes.c_int16",
    "uint16_t": "ctypes.c_uint16",
    "int32_t": "ctypes.c_int32",
    "uint32_t": "ctypes.c_uint32",
    "int64_t": "ctypes.c_int64",
    "uint64_t": "ctypes.c_uint64",
}


class HeaderError(Exception):
    """Something of jtbd.h this generator cannot translate."""

    def __init__(self, line, message):
        super().__init__("jtbd.h:%d: %s" % (line, message))
        self.detail = message


# ------------------------------------------------------------- preprocessor

TOKEN_RE = re.compile(r"""
    (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<string>"(?:\\.|[^"\\])*")
  | (?P<number>(?:0[xX][0-9a-fA-F]+|\d+)[uUlL]*)
  | (?P<name>[A-Za-z_]\w*)
  | (?P<op>->|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^~!<>?:(){}\[\];,=.#])
  | (?P<space>\s+)
  | (?P<other>.)
""", re.S | re.X)


class Token:
    __slots__ = ("kind", "text", "line")

    def __init__(self, kind, text, line):
        self.kind = kind
        self.text = text
        self.line = line

    def __repr__(self):
        return "Token(%s, %r, %d)" % (self.kind, self.text, self.line)


def tokenize(text, first_line=1):
    """Tokens of C text (spaces dropped, comments kept)."""
    tokens = []
    line = first_line
    for match in TOKEN_RE.finditer(text):
        kind = match.lastgroup
        if kind == "other":
            raise HeaderError(line, "unexpected character %r" % match.group())
        if kind != "space":
            tokens.append(Token(kind, match.group(), line))
        line += match.group().count("\n")
    return tokens


class Macro:
    def __init__(self, name, parameters, body, line):
        self.name = name
        self.parameters = parameters  # None for an object-like macro
        self.body = body  # the replacement text, comments removed
        self.line = line


def strip_comments(text):
    return re.sub(r"/\*.*?\*/|//[^\n]*", " ", text, flags=re.S)


def evaluate(expression, macros, line):
    """The value of an integer constant expression of #if or of a macro's
    body: integer literals, other integer macros, defined(), and C's
    arithmetic, comparison and logical operators."""
    python = []
    tokens = [t for t in tokenize(expression) if t.kind != "comment"]
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.kind == "name" and token.text == "defined":
            rest = [t.text for t in tokens[index + 1:index + 4]]
            if rest[:1] == ["("] and rest[2:3] == [")"]:
                python.append("1" if rest[1] in macros else "0")
                index += 4
            else:
                python.append("1" if rest[:1] and rest[0] in macros else "0")
                index += 2
            continue
        if token.kind == "number":
            python.append(str(int(token.text.rstrip("uUlL"), 0)))
        elif token.kind == "name":
            macro = macros.get(token.text)
            if macro is None:
                if tokens[index + 1:index + 2] and \
                        tokens[index + 1].text == "(":
                    raise HeaderError(line, "%s(...) in an integer "
                                      "expression" % token.text)
                python.append("0")  # C: an unknown name in #if is 0
            elif macro.parameters is not None:
                raise HeaderError(line, "function-like macro %s in an "
                                  "integer expression" % token.text)
            else:
                python.append("(%d)" % evaluate(macro.body, macros, line))
        elif token.kind == "op":
            python.append({"&&": " and ", "||": " or ", "!": " not ",
                           "/": "//"}.get(token.text, token.text))
            if token.text in "?:[]{};,=.#":
                raise HeaderError(line, "operator %r in an integer "
                                  "expression" % token.text)
        else:
            raise HeaderError(line, "%r in an integer expression" %
                              token.text)
        index += 1
    if not python:
        raise HeaderError(line, "empty integer expression")
    try:
        value = eval("".join(python), {"__builtins__": {}})  # noqa: S307
    except Exception as error:  # pylint: disable=broad-except
        raise HeaderError(line, "cannot evaluate %r: %s" %
                          (expression.strip(), error)) from None
    return int(value)


def preprocess(text):
    """The active lines of the header (directives removed, line numbers
    kept as blank lines) and the macros it defines, in order."""
    lines = text.split("\n")
    macros = {}
    active_text = []
    # Each entry: (this branch active, some branch already taken,
    # enclosing active).
    stack = []
    active = True
    number = 0
    while number < len(lines):
        line = lines[number]
        start = number
        while line.endswith("\\") and number + 1 < len(lines):
            number += 1
            line = line[:-1] + " " + lines[number]
        number += 1
        directive = re.match(r"\s*#\s*(\w+)?(.*)", line)
        if not directive:
            active_text.append(line if active else "")
            active_text.extend([""] * (number - start - 1))
            continue
        active_text.extend([""] * (number - start))
        name, rest = directive.group(1) or "", strip_comments(
            directive.group(2)).strip()
        if name in ("if", "ifdef", "ifndef"):
            if name == "if":
                taken = active and bool(evaluate(rest, macros, start + 1))
            else:
                taken = active and ((rest in macros) == (name == "ifdef"))
            stack.append([taken, taken, active])
            active = taken
        elif name == "elif":
            if not stack:
                raise HeaderError(start + 1, "#elif without #if")
            entry = stack[-1]
            taken = (entry[2] and not entry[1] and
                     bool(evaluate(rest, macros, start + 1)))
            entry[0] = taken
            entry[1] = entry[1] or taken
            active = taken
        elif name == "else":
            if not stack:
                raise HeaderError(start + 1, "#else without #if")
            entry = stack[-1]
            entry[0] = entry[2] and not entry[1]
            entry[1] = True
            active = entry[0]
        elif name == "endif":
            if not stack:
                raise HeaderError(start + 1, "#endif without #if")
            active = stack.pop()[2]
        elif not active:
            continue
        elif name == "define":
            match = re.match(r"(\w+)(\(([^)]*)\))?\s*(.*)", rest, re.S)
            if not match:
                raise HeaderError(start + 1, "malformed #define")
            parameters = None
            if match.group(2) is not None:
                parameters = [p.strip() for p in match.group(3).split(",")
                              if p.strip()]
            macros[match.group(1)] = Macro(match.group(1), parameters,
                                           match.group(4).strip(), start + 1)
        elif name == "undef":
            macros.pop(rest, None)
        elif name in ("include", "error", "pragma", "line", ""):
            if name == "error":
                raise HeaderError(start + 1, "#error " + rest)
        else:
            raise HeaderError(start + 1, "unknown directive #" + name)
    if stack:
        raise HeaderError(len(lines), "unterminated #if")
    return "\n".join(active_text), macros


# ------------------------------------------------------------------ parsing


class CType:
    """A C type: base name, const on the base, and one entry per pointer
    level saying whether that pointer itself is const."""

    def __init__(self, base, const, pointers):
        self.base = base
        self.const = const
        self.pointers = pointers

    def __str__(self):
        text = ("const " if self.const else "") + self.base
        for const_pointer in self.pointers:
            text += "* const" if const_pointer else "*"
        return text


class Declaration:
    def __init__(self, kind, name, line, doc="", **details):
        self.kind = kind
        self.name = name
        self.line = line
        self.doc = doc
        self.__dict__.update(details)


def parse_type(tokens, line):
    """A CType from type tokens (no declarator name)."""
    const = False
    base = None
    pointers = []
    words = []
    for token in tokens:
        if token.text == "const":
            if pointers:
                pointers[-1] = True
            else:
                const = True
        elif token.text == "*":
            if base is None:
                raise HeaderError(line, "pointer before a type")
            pointers.append(False)
        elif token.kind == "name" and not pointers:
            words.append(token.text)
            base = " ".join(words)
        else:
            raise HeaderError(line, "cannot read type %r" %
                              " ".join(t.text for t in tokens))
    if base is None:
        raise HeaderError(line, "missing type")
    if base == "unsigned int":
        base = "unsigned"
    return CType(base, const, pointers)


def split_declarator(tokens, line):
    """(type tokens, name, array length or None) of `type name[N]`."""
    array = None
    if tokens and tokens[-1].text == "]":
        close = len(tokens) - 1
        open_ = close - 1
        while open_ >= 0 and tokens[open_].text != "[":
            open_ -= 1
        inside = tokens[open_ + 1:close]
        if open_ < 0 or len(inside) != 1 or inside[0].kind != "number":
            raise HeaderError(line, "cannot read array declarator")
        array = int(inside[0].text.rstrip("uUlL"), 0)
        tokens = tokens[:open_]
    if not tokens or tokens[-1].kind != "name" or len(tokens) < 2:
        raise HeaderError(line, "expected a type and a name")
    return tokens[:-1], tokens[-1].text, array


def doc_text(comment):
    """The text of a /* */ comment, as one paragraph."""
    body = comment[2:-2] if comment.startswith("/*") else comment[2:]
    lines = [re.sub(r"^\s*\*?\s?", "", part) for part in body.split("\n")]
    return " ".join(" ".join(lines).split())


def split_top_level(tokens, separator):
    parts = [[]]
    depth = 0
    for token in tokens:
        if token.text in "({[":
            depth += 1
        elif token.text in ")}]":
            depth -= 1
        if token.text == separator and depth == 0:
            parts.append([])
        else:
            parts[-1].append(token)
    return parts


def remove_attributes(tokens, macros, line):
    """The tokens without JTBD_EXPORT and JTBD_DEPRECATED(...); (tokens,
    exported, deprecation message or None)."""
    kept = []
    exported = False
    deprecated = None
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.text == EXPORT_MACRO:
            exported = True
            index += 1
            continue
        if token.text == DEPRECATED_MACRO:
            if index + 1 >= len(tokens) or tokens[index + 1].text != "(":
                raise HeaderError(line, DEPRECATED_MACRO + " without (...)")
            end = index + 1
            depth = 0
            while True:
                if tokens[end].text == "(":
                    depth += 1
                elif tokens[end].text == ")":
                    depth -= 1
                    if depth == 0:
                        break
                end += 1
            strings = [t.text[1:-1] for t in tokens[index + 2:end]
                       if t.kind == "string"]
            deprecated = "".join(strings)
            index = end + 1
            continue
        if token.kind == "name" and token.text in macros:
            raise HeaderError(line, "macro %s in a declaration: teach "
                              "gen_ctypes.py what it means" % token.text)
        kept.append(token)
        index += 1
    return kept, exported, deprecated


def parse_enum(name, body, line):
    members = []
    value = -1
    known = {}
    for item in split_top_level(body, ","):
        if not item:
            continue
        if item[0].kind != "name":
            raise HeaderError(line, "cannot read enumerator in %s" % name)
        member = item[0].text
        if len(item) > 1:
            if item[1].text != "=":
                raise HeaderError(item[0].line, "cannot read enumerator %s" %
                                  member)
            expression = " ".join(
                str(known[t.text]) if t.text in known else t.text
                for t in item[2:])
            value = evaluate(expression, {}, item[0].line)
        else:
            value += 1
        known[member] = value
        members.append((member, value))
    if not members:
        raise HeaderError(line, "enum %s has no enumerators" % name)
    return members


def parse_fields(name, body, line):
    fields = []
    for declaration in split_top_level(body, ";"):
        if not declaration:
            continue
        field_line = declaration[0].line
        if len(split_top_level(declaration, ",")) > 1:
            raise HeaderError(field_line, "one field per declaration in %s"
                              % name)
        type_tokens, field, array = split_declarator(declaration, field_line)
        fields.append((field, parse_type(type_tokens, field_line), array))
    return fields


def parse_function(tokens, line, deprecated):
    open_ = next((i for i, t in enumerate(tokens) if t.text == "("), None)
    if open_ is None or open_ == 0 or tokens[-1].text != ")":
        raise HeaderError(line, "cannot read function declaration")
    name = tokens[open_ - 1].text
    returns = parse_type(tokens[:open_ - 1], line)
    parameters = []
    inner = tokens[open_ + 1:-1]
    if not (len(inner) == 1 and inner[0].text == "void"):
        for part in split_top_level(inner, ","):
            if len(part) < 2 or part[-1].kind != "name" or \
                    part[-1].text in SCALARS or part[-1].text in ("void",
                                                                  "const"):
                raise HeaderError(line, "%s: name every parameter" % name)
            type_tokens, parameter, array = split_declarator(part, line)
            if array is not None:
                raise HeaderError(line, "%s: array parameter %s" %
                                  (name, parameter))
            parameters.append((parameter, parse_type(type_tokens, line)))
    return Declaration("function", name, line, returns=returns,
                       parameters=parameters, deprecated=deprecated)


def parse_declarations(text, macros):
    """Every top-level declaration of the preprocessed header, in order,
    each with the comment that ends on the line above it (its
    documentation)."""
    declarations = []
    current = []
    comment, comment_end = "", 0
    depth = 0
    for token in tokenize(text):
        if token.kind == "comment":
            if not current:
                comment = token.text
                comment_end = token.line + token.text.count("\n")
            continue
        if not current and token.line - comment_end > 1:
            comment = ""
        current.append(token)
        if token.text == "{":
            depth += 1
        elif token.text == "}":
            depth -= 1
        elif token.text == ";" and depth == 0:
            declarations.append(parse_declaration(current[:-1], macros,
                                                  doc_text(comment)))
            current = []
            comment = ""
    if current:
        raise HeaderError(current[0].line, "declaration without ';'")
    return declarations


def parse_declaration(tokens, macros, doc):
    line = tokens[0].line
    texts = [t.text for t in tokens]
    if texts[:2] == ["typedef", "enum"] and "{" in texts:
        close = len(texts) - 1 - texts[::-1].index("}")
        name = texts[2]
        if texts[close + 1:] != [name]:
            raise HeaderError(line, "typedef enum %s must be named %s" %
                              (name, name))
        return Declaration("enum", name, line, doc,
                           members=parse_enum(name, tokens[4:close], line))
    if texts[:2] == ["typedef", "struct"] and "{" in texts:
        close = len(texts) - 1 - texts[::-1].index("}")
        name = texts[2]
        if texts[close + 1:] != [name]:
            raise HeaderError(line, "typedef struct %s must be named %s" %
                              (name, name))
        return Declaration("struct", name, line, doc,
                           fields=parse_fields(name, tokens[4:close], line))
    if texts[:2] == ["typedef", "struct"] and len(texts) == 4:
        if texts[2] != texts[3]:
            raise HeaderError(line, "typedef struct %s %s: the names must "
                              "agree" % (texts[2], texts[3]))
        return Declaration("handle", texts[2], line, doc)
    kept, exported, deprecated = remove_attributes(tokens, macros, line)
    if exported:
        function = parse_function(kept, line, deprecated)
        function.doc = doc
        return function
    raise HeaderError(line, "cannot translate %r" % " ".join(texts[:8]))


# ---------------------------------------------------------------- the model


def expand(tokens, macros, line, depth=0):
    """The tokens with every macro of the header replaced by its body,
    function-like ones with their arguments substituted."""
    if depth > 20:
        raise HeaderError(line, "macros nest too deep")
    out = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        macro = macros.get(token.text) if token.kind == "name" else None
        if macro is None:
            out.append(token)
            index += 1
            continue
        body = tokenize(strip_comments(macro.body), line)
        if macro.parameters is None:
            out.extend(expand(body, macros, line, depth + 1))
            index += 1
            continue
        if index + 1 >= len(tokens) or tokens[index + 1].text != "(":
            raise HeaderError(line, "%s without arguments" % macro.name)
        end = index + 1
        nesting = 0
        while True:
            if end >= len(tokens):
                raise HeaderError(line, "unbalanced %s(" % macro.name)
            nesting += {"(": 1, ")": -1}.get(tokens[end].text, 0)
            if nesting == 0:
                break
            end += 1
        arguments = split_top_level(tokens[index + 2:end], ",")
        if len(arguments) != len(macro.parameters):
            raise HeaderError(line, "%s takes %d arguments" %
                              (macro.name, len(macro.parameters)))
        given = dict(zip(macro.parameters, arguments))
        substituted = []
        for part in body:
            substituted.extend(given.get(part.text, [part]))
        out.extend(expand(substituted, macros, line, depth + 1))
        index = end + 1
    return out


def _matches(tokens, index, pattern):
    """The names matched by `pattern` (texts; None for "any name") at
    tokens[index:], or None."""
    names = []
    for offset, want in enumerate(pattern):
        if index + offset >= len(tokens):
            return None
        token = tokens[index + offset]
        if want is None:
            if token.kind != "name":
                return None
            names.append(token.text)
        elif token.text != want:
            return None
    return names


# offsetof(T, f), sizeof(((T*)0)->f) and sizeof(T), the pieces of
# JTBD_STRUCT_SIZE(type, last_field).
OFFSETOF = ("offsetof", "(", None, ",", None, ")")
SIZEOF_FIELD = ("sizeof", "(", "(", "(", None, "*", ")", "0", ")", "->",
                None, ")")
SIZEOF = ("sizeof", "(", None, ")")


def layout_expression(tokens, line):
    """A macro body made of offsetof, sizeof, integers and + - * ( ) as
    (terms, [(struct, field or None)]): terms in which each layout query is
    {0}, {1}, ... for the caller to fill, and the queries."""
    terms = []
    queries = []
    index = 0
    while index < len(tokens):
        for pattern, fields in ((OFFSETOF, "offset"), (SIZEOF_FIELD, "size"),
                                (SIZEOF, "sizeof")):
            names = _matches(tokens, index, pattern)
            if names is not None:
                terms.append("{%d}" % len(queries))
                queries.append((fields, names[0],
                                names[1] if len(names) > 1 else None))
                index += len(pattern)
                break
        else:
            token = tokens[index]
            if token.kind == "number":
                terms.append(str(int(token.text.rstrip("uUlL"), 0)))
            elif token.text in ("+", "-", "*", "(", ")"):
                terms.append(token.text)
            else:
                raise HeaderError(line, "%r in a struct size" % token.text)
            index += 1
    return " ".join(terms), queries


class Header:
    """What jtbd.h declares, in header order."""

    def __init__(self, text):
        active, self.macros = preprocess(text)
        declarations = parse_declarations(active, self.macros)
        self.enums = [d for d in declarations if d.kind == "enum"]
        self.handles = [d for d in declarations if d.kind == "handle"]
        self.structs = [d for d in declarations if d.kind == "struct"]
        self.functions = [d for d in declarations if d.kind == "function"]
        names = [d.name for d in declarations if d.kind != "function"]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise HeaderError(1, "declared twice: " + ", ".join(duplicates))
        self.constants = []  # (name, value)
        # (name, terms, queries): sizes from the structs' layout, as
        # layout_expression returns them (JTBD_<NAME>_STRUCT_SIZE).
        self.layout_constants = []
        for macro in self.macros.values():
            self._add_macro(macro)

    def _add_macro(self, macro):
        """Records what a macro stands for: an integer, a size computed
        from the structs' layout, or nothing (the include guard,
        attributes, function-like helpers)."""
        if macro.parameters is not None:
            return  # JTBD_DEPRECATED(message), JTBD_STRUCT_SIZE(...)
        body = strip_comments(macro.body).strip()
        if not body or "__attribute__" in body or "__declspec" in body:
            return  # include guard, JTBD_EXPORT
        try:
            self.constants.append((macro.name, evaluate(body, self.macros,
                                                        macro.line)))
            return
        except HeaderError as error:
            integer_error = error.detail
        tokens = expand(tokenize(body, macro.line), self.macros, macro.line)
        if not any(t.text in ("offsetof", "sizeof") for t in tokens):
            raise HeaderError(macro.line, "#define %s is neither an integer "
                              "nor an attribute; teach gen_ctypes.py what it "
                              "means (%s)" % (macro.name, integer_error))
        terms, queries = layout_expression(tokens, macro.line)
        fields = {s.name: [f for f, _, _ in s.fields] for s in self.structs}
        for _, struct, field in queries:
            if struct not in fields or field is not None and \
                    field not in fields[struct]:
                raise HeaderError(macro.line, "#define %s: no struct %s%s" %
                                  (macro.name, struct, "" if field is None
                                   else " with a field " + field))
        self.layout_constants.append((macro.name, terms, queries))
