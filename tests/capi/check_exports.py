#!/usr/bin/env python3
"""Checks what libjtbd.so exports against what jtbd.h and jtbd.map promise.

  check_exports.py --library libjtbd.so.1.0.0 --header include/jtbd/jtbd.h \
                   --map src/capi/jtbd.map

Fails (exit 1, one line per problem) unless:
  * every dynamic symbol the library defines starts with jtbd_ (apart from
    the version nodes themselves), so no C++ or protobuf symbol leaks;
  * the exported functions, the functions jtbd.h declares with JTBD_EXPORT
    and the names jtbd.map lists are the same set;
  * each exported function carries the version node jtbd.map puts it in;
  * the SONAME is libjtbd.so.<major>, major read from jtbd.h.
Uses nm and readelf from binutils; standard library only.
"""

import argparse
import re
import subprocess
import sys


def header_functions(text):
    """Names of the functions jtbd.h declares with JTBD_EXPORT."""
    # "[^;(]*?" keeps a match inside one declaration and skips the
    # "#define JTBD_EXPORT __attribute__(...)" lines.
    return set(re.findall(r"\bJTBD_EXPORT\s+[^;(]*?\b(jtbd_\w+)\s*\(", text))


def header_major(text):
    match = re.search(r"#define\s+JTBD_VERSION_MAJOR\s+(\d+)", text)
    if not match:
        raise SystemExit("jtbd.h defines no JTBD_VERSION_MAJOR")
    return int(match.group(1))


def map_nodes(text):
    """{node name: set of global names} from a linker version script."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"#[^\n]*", "", text)
    nodes = {}
    for name, body in re.findall(r"([A-Za-z_][\w.]*)\s*\{(.*?)\}[^;]*;", text,
                                 flags=re.S):
        global_part = re.split(r"\blocal\s*:", body)[0]
        global_part = re.sub(r"\bglobal\s*:", "", global_part)
        nodes[name] = {entry.strip() for entry in global_part.split(";")
                       if entry.strip()}
    return nodes


def exported_symbols(library):
    """[(name, version, type)] of the defined dynamic symbols."""
    out = subprocess.run(["nm", "-D", "--defined-only", library], check=True,
                         capture_output=True, text=True).stdout
    symbols = []
    for line in out.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        symbol_type, full_name = fields[-2], fields[-1]
        name, _, version = full_name.partition("@")
        symbols.append((name, version.lstrip("@"), symbol_type))
    return symbols


def soname(library):
    out = subprocess.run(["readelf", "-d", library], check=True,
                         capture_output=True, text=True).stdout
    match = re.search(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", out)
    return match.group(1) if match else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--library", required=True)
    parser.add_argument("--header", required=True)
    parser.add_argument("--map", required=True)
    args = parser.parse_args()

    with open(args.header, encoding="utf-8") as f:
        header_text = f.read()
    with open(args.map, encoding="utf-8") as f:
        nodes = map_nodes(f.read())

    declared = header_functions(header_text)
    listed = set()
    node_of = {}
    problems = []
    for node, names in nodes.items():
        for name in names:
            if "*" in name or "?" in name:
                problems.append(f"jtbd.map node {node} exports the pattern "
                                f"{name!r}; list functions by name")
            if name in node_of:
                problems.append(f"jtbd.map lists {name} in {node_of[name]} "
                                f"and {node}")
            node_of[name] = node
            listed.add(name)

    symbols = exported_symbols(args.library)
    exported = set()
    for name, version, symbol_type in symbols:
        if symbol_type == "A" and name in nodes:
            continue  # the version node's own marker symbol
        if not name.startswith("jtbd_"):
            problems.append(f"exported symbol without the jtbd_ prefix: "
                            f"{name} ({symbol_type})")
            continue
        exported.add(name)
        if name in node_of and version != node_of[name]:
            problems.append(f"{name} has version {version or '(none)'}, "
                            f"jtbd.map puts it in {node_of[name]}")

    for name in sorted(declared - exported):
        problems.append(f"declared in jtbd.h but not exported: {name}")
    for name in sorted(exported - declared):
        problems.append(f"exported but not declared in jtbd.h: {name}")
    for name in sorted(declared - listed):
        problems.append(f"declared in jtbd.h but not listed in jtbd.map: "
                        f"{name}")
    for name in sorted(listed - declared):
        problems.append(f"listed in jtbd.map but not declared in jtbd.h: "
                        f"{name}")

    expected_soname = f"libjtbd.so.{header_major(header_text)}"
    actual_soname = soname(args.library)
    if actual_soname != expected_soname:
        problems.append(f"SONAME is {actual_soname}, expected "
                        f"{expected_soname}")

    if not declared:
        problems.append("found no JTBD_EXPORT functions in jtbd.h")
    for problem in problems:
        print(problem)
    print(f"{len(declared)} functions in jtbd.h, {len(listed)} in jtbd.map, "
          f"{len(exported)} exported; SONAME {actual_soname}; "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
