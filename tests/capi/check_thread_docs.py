#!/usr/bin/env python3
"""Keeps the per-function thread-safety notes of jtbd.h true.

  check_thread_docs.py --header include/jtbd/jtbd.h           # check
  check_thread_docs.py --header include/jtbd/jtbd.h --write   # regenerate

Every section of jtbd.h (a "/* ---- name */" rule) carries a note that names
each of its functions under one of three headings, derived from the
declaration itself (convention 10: const means read-only):
  * no shared object: takes no handle to an existing object (create, parse,
    load, the bytes-in functions); callable from any thread at any time;
  * read-only: every handle it takes is const; concurrent calls on the same
    objects are safe as long as nothing changes them meanwhile;
  * changes: takes a non-const handle (setters, add_*, merge, destroy); needs
    exclusive access to that object.
A handle is a pointer to an opaque object, declared `typedef struct jtbd_x
jtbd_x;` with no body (convention 1). A pointer to a struct the caller
fills in (jtbd_outcome_score*, ...) is the caller's memory, not a handle: a
const getter that fills one only reads its object.
Fails (exit 1, one line per problem) when a note is missing, names a
function under the wrong heading, or leaves one out. Standard library only.
"""

import argparse
import re
import sys
import textwrap

NOTE_START = "/* Threads (convention 10"
HEADINGS = (
    ("none", "touch no existing object, so any thread at any time"),
    ("read", "only read their objects, so they may run at the same time as "
     "other readers of those objects"),
    ("change", "change an object, so nothing else may use that object "
     "meanwhile"),
)
SECTION = re.compile(r"^/\* -+ ([a-z ,]+) \*/\n", re.M)
DECLARATION = re.compile(
    r"\bJTBD_EXPORT\s+[^;(]*?\b(jtbd_\w+)\s*\(([^;]*?)\)\s*;", re.S)
# `typedef struct jtbd_x jtbd_x;`: an opaque handle type (a struct with a
# body, `typedef struct jtbd_x { ... } jtbd_x;`, does not match).
OPAQUE = re.compile(r"\btypedef\s+struct\s+(jtbd_\w+)\s+\1\s*;")


def handle_types(text):
    """The names of the opaque handle types a header declares."""
    return set(OPAQUE.findall(text))


def kind(parameters, handles):
    """'none', 'read' or 'change' from a parameter list."""
    kinds = set()
    for parameter in parameters.split(","):
        parameter = " ".join(parameter.split())
        match = re.match(r"(const\s+)?(jtbd_\w+)\s*\*(?!\s*\*)", parameter)
        if not match or match.group(2) not in handles:
            # Not a handle: a struct the caller fills, or a handle
            # out-parameter (jtbd_x**).
            continue
        kinds.add("read" if match.group(1) else "change")
    if "change" in kinds:
        return "change"
    return "read" if kinds else "none"


def sections(text):
    """[(name, start of body, end of body)] for each section."""
    found = list(SECTION.finditer(text))
    result = []
    for i, match in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(text)
        result.append((match.group(1).strip(), match.end(), end))
    return result


def note_for(functions):
    lines = [NOTE_START + ", checked by tests/capi/check_thread_docs.py):"]
    for key, heading in HEADINGS:
        names = [name for name, k in functions if k == key]
        if not names:
            continue
        body = textwrap.wrap(heading + ": " + ", ".join(names) + ".",
                             width=73, break_long_words=False,
                             break_on_hyphens=False)
        lines.append(" * - " + body[0])
        lines.extend(" *   " + line for line in body[1:])
    lines.append(" */")
    return "\n".join(lines) + "\n"


def existing_note(body):
    """(start, end) of the note inside a section body, or None."""
    start = body.find(NOTE_START)
    if start < 0:
        return None
    return start, body.index("*/", start) + 3


def analyse(text):
    """[(name, body start, body end, functions, expected note)]."""
    result = []
    handles = handle_types(text)
    for name, start, end in sections(text):
        body = text[start:end]
        functions = [(fn, kind(params, handles))
                     for fn, params in DECLARATION.findall(body)]
        if functions:
            result.append((name, start, end, functions, note_for(functions)))
    return result


def problems_in(text):
    """The check's findings for a header text (empty when true)."""
    problems = []
    for name, start, end, functions, note in analyse(text):
        where = existing_note(text[start:end])
        if where is None:
            problems.append("section %r has no thread-safety note" % name)
        elif text[start + where[0]:start + where[1]].strip() != note.strip():
            problems.append("section %r: wrong note" % name)
    return problems


def misfiled_note(text, function, heading):
    """The header with `function` listed under `heading` in its section's
    note (what a checker blind to the difference would have written)."""
    for _, start, end, functions, note in analyse(text):
        if any(name == function for name, _ in functions):
            wrong = note_for([(name, heading if name == function else k)
                              for name, k in functions])
            return text[:start] + text[start:end].replace(note, wrong, 1) + \
                text[end:]
    return text


def selftest(text):
    """The header passes; a setter made const, a reader made non-const, a
    note removed, a function added without a note, and a const getter that
    fills a caller's struct listed as changing its object each fail; and
    that getter is classified as a reader."""
    failures = []
    if problems_in(text):
        failures.append("the header itself fails the check")
    getter = "jtbd_report_outcome"
    classified = dict(fn for *_, functions, _ in analyse(text)
                      for fn in functions)
    if classified.get(getter) != "read":
        failures.append("%s (const report, caller's struct) is classified "
                        "%r, not 'read'" % (getter, classified.get(getter)))
    mutations = {
        "const getter listed under change": misfiled_note(text, getter,
                                                          "change"),
        "setter made const": text.replace(
            "jtbd_study_set_weight(jtbd_study* study",
            "jtbd_study_set_weight(const jtbd_study* study", 1),
        "reader made non-const": text.replace(
            "jtbd_study_score(const jtbd_study* study",
            "jtbd_study_score(jtbd_study* study", 1),
        "note removed": text.replace(NOTE_START, "/* Threads removed", 1),
        "function added": text.replace(
            "JTBD_EXPORT void jtbd_study_destroy(",
            "JTBD_EXPORT void jtbd_study_forget(jtbd_study* study);\n"
            "JTBD_EXPORT void jtbd_study_destroy(", 1),
    }
    for what, mutated in mutations.items():
        if mutated == text:
            failures.append("%s: the mutation found nothing to change" % what)
        elif not problems_in(mutated):
            failures.append("%s: not caught" % what)
    for failure in failures:
        print("check_thread_docs selftest: " + failure)
    if not failures:
        print("check_thread_docs selftest: %d mutations caught" %
              len(mutations))
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--header", required=True)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--selftest", action="store_true",
                        help="check that the checker catches a wrong note")
    args = parser.parse_args()
    text = open(args.header, encoding="utf-8").read()
    if args.selftest:
        return selftest(text)

    if args.write:
        # Back to front, so that earlier offsets stay valid.
        for name, start, end, functions, note in reversed(analyse(text)):
            body = text[start:end]
            where = existing_note(body)
            if where:
                body = body[:where[0]] + note + body[where[1]:]
            else:
                body = "\n" + note + body if not body.startswith("\n") \
                    else "\n" + note + body
            text = text[:start] + body + text[end:]
        text = re.sub(r"\n\n\n+", "\n\n", text)
        open(args.header, "w", encoding="utf-8").write(text)
        return 0

    problems = []
    total = 0
    for name, start, end, functions, note in analyse(text):
        total += len(functions)
        where = existing_note(text[start:end])
        if where is None:
            problems.append("section %r has no thread-safety note" % name)
            continue
        written = text[start + where[0]:start + where[1]]
        if written.strip() != note.strip():
            problems.append(
                "section %r: the thread-safety note does not match the "
                "declarations; expected:\n%s" % (name, note))
    if total < 100:
        problems.append("only %d functions found: the parser is broken" %
                        total)
    for problem in problems:
        print("check_thread_docs: " + problem)
    if not problems:
        print("check_thread_docs: %d functions documented" % total)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
