"""Statements checked against the ODI grammar (`jtbd lint`;
docs/STATEMENTS.md): job statements, desired-outcome statements and job
stories, English or French, split into parts and linted.

    statement = jtbd.lint("Reduce the time it takes to verify an invoice")
    for finding in statement.findings:
        print(finding.rule, finding.message, finding.suggestion)
    statement.part(statement.metric)          # "the time it takes to"

    for s in jtbd.lint_all(statements):      # duplicates across the set too
        ...

Spans count UTF-8 bytes of `text` (the statement in NFC), as in every face
of the library; part(span) cuts the str out.
"""

import ctypes
import typing

from . import _convert, _ffi, _native
from ._ffi import LintSeverity, StatementKind, StatementLanguage
from ._handle import Owned
from ._record import Record, converted, extra, new_struct, record

__all__ = ["LintFinding", "LintedStatement", "Linter", "TextSpan", "lint",
           "lint_all"]

_LANGUAGES = {"auto": StatementLanguage.UNSPECIFIED,
              "en": StatementLanguage.ENGLISH,
              "fr": StatementLanguage.FRENCH}


def _enum(enum_type):
    """A converter to `enum_type` that keeps values newer than this
    binding as plain ints."""

    def convert(value):
        try:
            return enum_type(value)
        except ValueError:
            return value

    return convert


def _related(value):
    return None if value < 0 else value


@record("jtbd_text_span")
class TextSpan(Record):
    """Bytes [begin, end) of the statement's UTF-8 text; empty when the
    part is absent."""

    begin: int
    end: int

    def __bool__(self):
        return self.end > self.begin


@record("jtbd_lint_finding")
class LintFinding(Record):
    """One finding: the rule's stable id (rule, "JTBD-L001") and name,
    severity, a message, the statement rewritten (suggestion, "" when none),
    the span it is about, and for duplicates the index of the earlier
    statement (related_statement, else None)."""

    rule: str
    rule_name: str
    severity: LintSeverity = converted(_enum(LintSeverity))
    message: str
    suggestion: str
    span: TextSpan
    related_statement: typing.Optional[int] = converted(_related)


@record("jtbd_linted_statement", consumed=("finding_count",))
class LintedStatement(Record):
    """A statement as parsed: text (NFC), id (lint_all's ids, else ""),
    kind, language, its parts as TextSpans (verb, direction, metric,
    object, clarifier for jobs and outcomes; situation, persona,
    motivation, expected_outcome for job stories), findings (a tuple of
    LintFinding) and has_warnings (a finding at warning level or
    above)."""

    text: str
    id: str
    kind: StatementKind = converted(_enum(StatementKind))
    language: StatementLanguage = converted(_enum(StatementLanguage))
    verb: TextSpan
    direction: TextSpan
    metric: TextSpan
    object: TextSpan
    clarifier: TextSpan
    situation: TextSpan
    persona: TextSpan
    motivation: TextSpan
    expected_outcome: TextSpan
    has_warnings: bool = converted(bool)
    findings: typing.Tuple[LintFinding, ...] = extra(())

    def part(self, span):
        """The text of a TextSpan of this statement."""
        return self.text.encode("utf-8")[span.begin:span.end].decode("utf-8")


def _language(lang):
    if isinstance(lang, str):
        try:
            return _LANGUAGES[lang]
        except KeyError:
            raise ValueError("lang must be one of auto, en, fr, not %r" %
                             lang) from None
    return _convert.int32(lang, "lang")


class Linter(Owned):
    """A linter for one language ("auto", "en", "fr") with extra solution
    words. Keep one to lint as a person types: lint() is cheap."""

    def __init__(self, lang="auto", solution_words=()):
        lib = _native.library()
        pointer = _native.create(lib.jtbd_linter_create, _language(lang))
        super().__init__(pointer, lib.jtbd_linter_destroy)
        for word in solution_words:
            data = _convert.utf8(word, "solution word")
            lib.jtbd_linter_add_solution_word(self, data, len(data))

    def lint(self, text):
        """One statement alone (no duplicate rules): a LintedStatement."""
        data = _convert.utf8(text, "text")
        lib = _native.library()
        return self._read(lib, _native.create(lib.jtbd_linter_lint, self,
                                              data, len(data)))[0]

    def lint_all(self, statements, ids=None):
        """A list of LintedStatement, one per statement in order, with
        duplicates and near-duplicates across the set. ids: None or one
        str per statement."""
        texts = [_convert.utf8(s, "statement") for s in statements]
        count = len(texts)
        text_array = (ctypes.c_char_p * count)(*texts)
        len_array = (ctypes.c_size_t * count)(*map(len, texts))
        id_array = id_lens = None
        if ids is not None:
            encoded = [_convert.utf8(i, "id") for i in ids]
            if len(encoded) != count:
                raise ValueError("ids must be None or one per statement")
            id_array = (ctypes.c_char_p * count)(*encoded)
            id_lens = (ctypes.c_size_t * count)(*map(len, encoded))
        lib = _native.library()
        return self._read(lib, _native.create(
            lib.jtbd_linter_lint_all, self, text_array, len_array, id_array,
            id_lens, count))

    @staticmethod
    def _read(lib, result):
        try:
            statements = []
            struct = new_struct(_ffi.jtbd_linted_statement)
            finding = new_struct(_ffi.jtbd_lint_finding)
            for index in range(lib.jtbd_lint_result_statement_count(result)):
                lib.jtbd_lint_result_statement(result, index,
                                               ctypes.byref(struct))
                findings = []
                for f in range(struct.finding_count):
                    lib.jtbd_lint_result_finding(result, index, f,
                                                 ctypes.byref(finding))
                    findings.append(LintFinding.from_struct(finding))
                statements.append(LintedStatement.from_struct(
                    struct, findings=tuple(findings)))
            return statements
        finally:
            lib.jtbd_lint_result_destroy(result)


def lint(text, lang="auto", solution_words=()):
    """Lints one statement (str): a LintedStatement. lang: "auto" (guess),
    "en" or "fr"; solution_words: brand or technology words to flag besides
    the built-in list."""
    with Linter(lang, solution_words) as linter:
        return linter.lint(text)


def lint_all(statements, lang="auto", solution_words=(), ids=None):
    """Lints a set of statements, duplicates included: a list of
    LintedStatement in input order (see lint)."""
    with Linter(lang, solution_words) as linter:
        return linter.lint_all(statements, ids)
