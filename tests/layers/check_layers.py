#!/usr/bin/env python3
"""Holds every #include of src/ and include/ to the folders table of
docs/ARCHITECTURE.md, and the build's include paths to the same table.

  check_layers.py --source DIR                  # every #include (ctest
                                                #   layers_includes)
  check_layers.py --source DIR --selftest       # the checker catches the
                                                #   wrong includes of
                                                #   tests/layers/fixtures
  check_layers.py --source DIR --include-paths FILE --compiler CXX
                                                # what each target of the
                                                #   build can include

The table's "May include" cell of each `src/<folder>/` row (and of
`include/jtbd/`) is a comma-separated list of names, each optionally
followed by a note in parentheses: a folder of src/, `proto` (the generated
jtbd.v1 classes and the protobuf runtime), `Abseil`, `httplib`
(cpp-httplib), `jtbd.h` (include/jtbd/), or `nothing`. A folder may always
include its own headers; the C and C++ standard libraries and the system
headers are everyone's. cmake/JtbdLayers.cmake reads the same cell to link
each folder's target. Standard library only.
"""

import argparse
import os
import re
import subprocess
import sys

TABLE_FILE = os.path.join("docs", "ARCHITECTURE.md")
TABLE_HEADER = "| Folder | Owns | May include |"
OTHER_NAMES = ("proto", "Abseil", "httplib", "jtbd.h")
PUBLIC_HEADERS = "jtbd.h"  # the name of include/jtbd/ in the table
SOURCE_SUFFIXES = (".h", ".hpp", ".c", ".cc")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]', re.M)
# What a build's include path makes visible, one probe header per name.
VISIBILITY_PROBES = {"proto": "jtbd/v1/report.pb.h", "jtbd.h": "jtbd/jtbd.h"}


class TableError(Exception):
    pass


def read_table(text):
    """{folder name: set of names it may include} from ARCHITECTURE.md.

    Folder names: "core" for `src/core/`, "jtbd.h" for `include/jtbd/`.
    Raises TableError on a table it cannot read or a name it does not know.
    """
    start = text.find(TABLE_HEADER)
    if start < 0:
        raise TableError("no table headed %r" % TABLE_HEADER)
    end = text.find("\n\n", start)
    table = {}
    for line in text[start:end if end >= 0 else len(text)].splitlines():
        row = re.match(r"\| `(src/([a-z_]+)|include/jtbd)/` \|.*\|([^|]*)\|\s*$",
                       line)
        if not row:
            continue
        folder = row.group(2) or PUBLIC_HEADERS
        cell = re.sub(r"\([^)]*\)", "", row.group(3))
        names = {name.strip() for name in cell.split(",")} - {"nothing"}
        table[folder] = names
    if not table:
        raise TableError("no `src/<folder>/` rows under %r" % TABLE_HEADER)
    for folder, names in sorted(table.items()):
        for name in sorted(names):
            if name not in table and name not in OTHER_NAMES:
                raise TableError(
                    "%s may include %r, which is neither a folder of the "
                    "table nor one of %s" % (folder, name,
                                             ", ".join(OTHER_NAMES)))
    return table


def included_name(path, folders):
    """The table's name for an included path; None for the system's."""
    first = path.split("/")[0]
    if path.startswith("jtbd/") and path.endswith(".pb.h"):
        return "proto"
    if path.startswith("jtbd/"):
        return PUBLIC_HEADERS
    if path.startswith("google/protobuf/"):
        return "proto"
    if first == "absl":
        return "Abseil"
    if path == "httplib.h":
        return "httplib"
    if first in folders and "/" in path:
        return first
    return None


def source_files(source):
    """[(folder name, path relative to source)] of src/ and include/jtbd/."""
    found = []
    roots = [(os.path.join("include", "jtbd"), PUBLIC_HEADERS)]
    src = os.path.join(source, "src")
    if os.path.isdir(src):
        roots += [(os.path.join("src", name), name)
                  for name in sorted(os.listdir(src))
                  if os.path.isdir(os.path.join(src, name))]
    for root, folder in roots:
        for directory, _, names in sorted(os.walk(os.path.join(source, root))):
            for name in sorted(names):
                if name.endswith(SOURCE_SUFFIXES):
                    found.append((folder, os.path.relpath(
                        os.path.join(directory, name), source)))
    return found


def include_problems(source, table):
    """One line per #include against the table, and per folder without a
    row; empty when every include follows the arrows."""
    problems = []
    files = source_files(source)
    for folder in sorted({folder for folder, _ in files} - set(table)):
        problems.append("%s: no row in the folders table of %s" % (
            "include/jtbd/" if folder == PUBLIC_HEADERS else
            "src/%s/" % folder, TABLE_FILE))
    for folder, relative in files:
        if folder not in table:
            continue
        text = open(os.path.join(source, relative), encoding="utf-8").read()
        for match in INCLUDE.finditer(text):
            quote, path = match.groups()
            line = text.count("\n", 0, match.start()) + 1
            where = "%s:%d: #include %s%s%s" % (
                relative, line, quote, path, '"' if quote == '"' else ">")
            if ".." in path.split("/"):
                problems.append("%s: name the folder, not a relative path" %
                                where)
                continue
            name = included_name(path, table)
            if name is None:
                sibling = os.path.join(source, os.path.dirname(relative), path)
                if quote == '"' and not os.path.exists(sibling):
                    problems.append(
                        "%s: not a folder of the table nor a library "
                        "check_layers.py knows" % where)
                continue
            if name != folder and name not in table[folder]:
                problems.append("%s: %s may include %s, not %s (%s, "
                                "folders table)" % (
                                    where, folder,
                                    ", ".join(sorted(table[folder])) or
                                    "nothing", name, TABLE_FILE))
    return problems


def reachable(table, folder):
    """The names `folder` reaches through the folders it may include."""
    seen, stack = {folder}, [folder]
    while stack:
        for name in table.get(stack.pop(), ()):
            if name not in seen:
                seen.add(name)
                stack.append(name)
    return seen


def visibility_problems(source, table, include_paths, compiler):
    """Each target's include path (a line "target<TAB>folder<TAB>dir;dir")
    shows exactly the folders, the generated classes and jtbd.h its folder
    reaches: the build refuses every other include. The compiler decides
    (__has_include), so the probe follows its own lookup."""
    probes = dict(VISIBILITY_PROBES)
    for folder in table:
        if folder == PUBLIC_HEADERS:
            continue
        headers = sorted(name for name in os.listdir(
            os.path.join(source, "src", folder)) if name.endswith(".h"))
        if headers:
            probes[folder] = "%s/%s" % (folder, headers[0])
    program = "".join(
        '#if __has_include("%s")\nvisible %s\n#endif\n' % (header, name)
        for name, header in sorted(probes.items()))
    problems = []
    targets = 0
    for line in open(include_paths, encoding="utf-8").read().splitlines():
        if not line.strip():
            continue
        target, folder, directories = line.split("\t")
        targets += 1
        command = [compiler, "-E", "-P", "-x", "c++", "-std=c++17", "-"]
        # In order, once each (usage requirements repeat /usr/include).
        command += ["-I" + d for d in dict.fromkeys(directories.split(";"))
                    if d]
        run = subprocess.run(command, input=program, capture_output=True,
                             text=True)
        if run.returncode != 0:
            problems.append("%s: the probe did not preprocess: %s" % (
                target, run.stderr.strip()))
            continue
        visible = set(re.findall(r"^visible (\S+)$", run.stdout, re.M))
        expected = reachable(table, folder) & set(probes)
        for name in sorted(visible - expected):
            problems.append("%s (src/%s/) can include %s (%s), which its row "
                            "does not reach" % (target, folder, name,
                                                probes[name]))
        for name in sorted(expected - visible):
            problems.append("%s (src/%s/) cannot include %s (%s), which its "
                            "row reaches" % (target, folder, name,
                                             probes[name]))
    if targets == 0:
        problems.append("%s lists no target" % include_paths)
    return problems, targets, len(probes)


def selftest(source, text):
    """The fixtures' wrong includes fail with their file and line, their
    right ones pass; a name the table does not know fails."""
    failures = []
    table = read_table(text)
    fixtures = os.path.join(source, "tests", "layers", "fixtures")
    found = include_problems(fixtures, table)
    expected = {
        # The arrow the table forbids: render names the proto types only.
        "src/render/backward_include.cc:3: #include \"core/band.h\"",
        # stats works on plain numbers: no protobuf, even from the system.
        "src/stats/protobuf_include.h:2: #include <google/protobuf/message.h>",
        # A folder reached through another is still not named by the row.
        "src/cli/skipping_include.cc:4: #include \"stats/wilson.h\"",
        # A path around the folder names.
        "src/io/relative_include.cc:2: #include \"../core/band.h\"",
    }
    for problem in expected:
        if not any(line.startswith(problem + ":") for line in found):
            failures.append("not caught: " + problem)
    for line in found:
        if not any(line.startswith(problem + ":") for problem in expected):
            failures.append("caught what is allowed: " + line)
    mutations = {
        "unknown name": text.replace("| core, segments, proto, Abseil |",
                                     "| core, segmnets, proto, Abseil |", 1),
    }
    for what, mutated in mutations.items():
        if mutated == text:
            failures.append("%s: the mutation found nothing to change" % what)
            continue
        try:
            read_table(mutated)
            failures.append("%s: not caught" % what)
        except TableError:
            pass
    for failure in failures:
        print("check_layers selftest: " + failure)
    if not failures:
        print("check_layers selftest: %d wrong includes and %d table "
              "mutation caught, the allowed includes passed" %
              (len(expected), len(mutations)))
    return 1 if failures else 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True,
                        help="the source tree (holding docs/, src/)")
    parser.add_argument("--selftest", action="store_true")
    parser.add_argument("--include-paths",
                        help="target<TAB>folder<TAB>dir;dir lines "
                        "(tests/layers/CMakeLists.txt writes them)")
    parser.add_argument("--compiler", help="the C++ compiler of the build")
    args = parser.parse_args()
    text = open(os.path.join(args.source, TABLE_FILE), encoding="utf-8").read()
    try:
        table = read_table(text)
    except TableError as error:
        print("%s: %s" % (TABLE_FILE, error))
        return 1
    if args.selftest:
        return selftest(args.source, text)
    if args.include_paths:
        problems, targets, probes = visibility_problems(
            args.source, table, args.include_paths, args.compiler)
        summary = "%d targets, %d probes each" % (targets, probes)
    else:
        problems = include_problems(args.source, table)
        summary = "%d files" % len(source_files(args.source))
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print("check_layers: %s follow the folders table" % summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
