#!/usr/bin/env python3
"""Compares the jtbd command's outputs with the golden files.

Every case of cases.txt runs the CLI ($JTBD_CLI) from the source tree
($JTBD_SOURCE_DIR); its exit status, stdout and stderr must equal
tests/data/golden/<name>.out byte for byte. Refactors must not move a byte;
a change that does so on purpose regenerates them (--update) and says why.
"""
import argparse
import os
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def read_cases(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, sep, args = line.partition(":")
            if not sep or not name.strip():
                sys.exit("%s:%d: expected 'name: arguments'" % (path, number))
            cases.append((name.strip(), shlex.split(args)))
    names = [name for name, _ in cases]
    if len(set(names)) != len(names):
        sys.exit("%s: a case name is repeated" % path)
    return cases


def run_case(cli, source_dir, args):
    env = dict(os.environ)
    env.pop("JTBD_PROGRESS_DELAY", None)
    result = subprocess.run([cli] + args, cwd=source_dir, env=env,
                            stdin=subprocess.DEVNULL, capture_output=True,
                            timeout=300)
    return (b"exit status: %d\n--- stdout\n" % result.returncode +
            result.stdout + b"--- stderr\n" + result.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cli", default=os.environ.get("JTBD_CLI"))
    parser.add_argument("--source-dir",
                        default=os.environ.get("JTBD_SOURCE_DIR",
                                               os.path.dirname(os.path.dirname(HERE))))
    parser.add_argument("--golden-dir", default=None)
    parser.add_argument("--update", action="store_true",
                        help="rewrite the golden files from this build")
    parser.add_argument("names", nargs="*", help="only these cases")
    options = parser.parse_args()
    if not options.cli:
        sys.exit("set JTBD_CLI or pass --cli")
    golden_dir = options.golden_dir or os.path.join(
        options.source_dir, "tests", "data", "golden")
    cases = read_cases(os.path.join(HERE, "cases.txt"))
    if options.names:
        cases = [c for c in cases if c[0] in options.names]
    os.makedirs(golden_dir, exist_ok=True)
    failures = []
    for name, args in cases:
        got = run_case(options.cli, options.source_dir, args)
        path = os.path.join(golden_dir, name + ".out")
        if options.update:
            with open(path, "wb") as f:
                f.write(got)
            continue
        try:
            with open(path, "rb") as f:
                want = f.read()
        except FileNotFoundError:
            failures.append((name, "no golden file %s" % path))
            continue
        if got != want:
            got_lines = got.splitlines()
            want_lines = want.splitlines()
            where = next((i for i, (a, b) in enumerate(zip(got_lines, want_lines))
                          if a != b), min(len(got_lines), len(want_lines)))
            detail = "first difference at line %d:\n  want: %r\n  got:  %r" % (
                where + 1,
                want_lines[where] if where < len(want_lines) else b"<end>",
                got_lines[where] if where < len(got_lines) else b"<end>")
            failures.append((name, detail))
    if not options.update:
        known = {c[0] + ".out" for c in read_cases(os.path.join(HERE, "cases.txt"))}
        stale = sorted(set(os.listdir(golden_dir)) - known)
        if stale and not options.names:
            failures.append(("(golden dir)", "files without a case: %s" % ", ".join(stale)))
    for name, detail in failures:
        print("FAIL %s: %s" % (name, detail))
    print("%d cases, %d failed" % (len(cases), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
