#!/usr/bin/env python3
"""Proves that JTBD_DEPRECATED (jtbd.h, convention 14) warns.

  check_deprecated.py --include include --cc cc --cxx c++

A call to a function declared the way a retired 1.x function would be,
`JTBD_DEPRECATED("use ...") JTBD_EXPORT <type> jtbd_<name>(...);`, is
compiled as C99 and as C++17 with -Werror=deprecated-declarations: it must
fail with the message, and compile once JTBD_DISABLE_DEPRECATE_WARNINGS is
defined. A declaration that is not deprecated must compile either way (so
the first failure is the deprecation's and not some other error).
Standard library only.
"""

import argparse
import os
import subprocess
import sys
import tempfile

MESSAGE = "use jtbd_version_number"
SOURCE = """#include "jtbd/jtbd.h"
%s JTBD_EXPORT uint32_t jtbd_retired_version_number(void);
int main(void) { return (int)jtbd_retired_version_number(); }
"""


def compile_source(compiler, language, include, source, defines):
    """(exit status, diagnostics) of compiling `source` (syntax only)."""
    standard = "-std=c99" if language == "c" else "-std=c++17"
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory,
                            "deprecated." + ("c" if language == "c" else "cc"))
        with open(path, "w", encoding="utf-8") as f:
            f.write(source)
        command = [compiler, standard, "-pedantic", "-fsyntax-only",
                   "-Werror=deprecated-declarations", "-I", include, path]
        command += ["-D" + define for define in defines]
        result = subprocess.run(command, capture_output=True, text=True,
                                check=False)
        return result.returncode, result.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--include", required=True)
    parser.add_argument("--cc", required=True)
    parser.add_argument("--cxx", required=True)
    args = parser.parse_args()
    deprecated = SOURCE % ('JTBD_DEPRECATED("%s")' % MESSAGE)
    plain = SOURCE % ""
    problems = []
    for compiler, language in ((args.cc, "c"), (args.cxx, "c++")):
        status, errors = compile_source(compiler, language, args.include,
                                        plain, [])
        if status != 0:
            problems.append("%s: the undeprecated call does not compile:\n%s"
                            % (language, errors))
            continue
        status, errors = compile_source(compiler, language, args.include,
                                        deprecated, [])
        if status == 0:
            problems.append("%s: a call to a JTBD_DEPRECATED function "
                            "compiled without a warning" % language)
        elif MESSAGE not in errors or "deprecated" not in errors:
            problems.append("%s: the failure is not the deprecation "
                            "warning naming the replacement:\n%s"
                            % (language, errors))
        status, errors = compile_source(compiler, language, args.include,
                                        deprecated,
                                        ["JTBD_DISABLE_DEPRECATE_WARNINGS"])
        if status != 0:
            problems.append("%s: JTBD_DISABLE_DEPRECATE_WARNINGS did not "
                            "silence it:\n%s" % (language, errors))
    for problem in problems:
        print("check_deprecated: " + problem)
    if not problems:
        print("check_deprecated: JTBD_DEPRECATED warns in C and C++, and "
              "JTBD_DISABLE_DEPRECATE_WARNINGS silences it")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
