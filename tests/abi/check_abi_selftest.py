"""check_abi.sh must tell additions from incompatible changes. Each case
takes the current library's own description (abidw, as abi/update.sh writes
the baseline), edits it so that the library differs from it in one known
way, and checks the verdict when that edited copy is the baseline:

    check_abi_selftest.py CHECK_ABI_SH LIBRARY HEADERS_DIR WORK_DIR

The baseline stands for the older library, so removing something from it
makes the current library look as if it added that thing, and vice versa.
(Whether the committed baseline is up to date is abi_compatible's concern,
not this test's.)
(No function of jtbd.h takes or returns an enum type, so enumerators are not
in the ABI description and abidiff cannot check them.)
"""

import os
import re
import subprocess
import sys

SKIPPED = 77


def struct_block(text, name):
    match = re.search(r"<class-decl name='%s'.*?</class-decl>" % name, text,
                      flags=re.S)
    assert match, "no struct %s in the baseline" % name
    return match


def drop_function(text):
    """The current library gains a function."""
    name = "jtbd_score_request_json"
    text, symbols = re.subn(r"\s*<elf-symbol name='%s'[^>]*/>" % name, "",
                            text)
    text, decls = re.subn(
        r"\s*<function-decl name='%s'.*?</function-decl>" % name, "", text,
        flags=re.S)
    assert symbols == 1 and decls == 1, (symbols, decls)
    return text


def add_symbol(text):
    """The current library lost a function."""
    anchor = "<elf-symbol name='jtbd_version_number'"
    assert anchor in text
    return text.replace(anchor, (
        "<elf-symbol name='jtbd_withdrawn' version='JTBD_1.0' "
        "is-default-version='yes' type='func-type' binding='global-binding' "
        "visibility='default-visibility' is-defined='yes'/>\n    " + anchor),
        1)


def drop_last_member(text):
    """The current library appended a field to a growable struct."""
    match = struct_block(text, "jtbd_outcome_score")
    block = match.group(0)
    members = list(re.finditer(r"\s*<data-member.*?</data-member>", block,
                               flags=re.S))
    last = members[-1]
    offset = int(re.search(r"layout-offset-in-bits='(\d+)'",
                           last.group(0)).group(1))
    block = block[:last.start()] + block[last.end():]
    block = re.sub(r"size-in-bits='\d+'", "size-in-bits='%d'" % offset,
                   block, count=1)
    return text[:match.start()] + block + text[match.end():]


def add_member(text):
    """The current library deleted the struct's last field."""
    match = struct_block(text, "jtbd_outcome_score")
    block = match.group(0)
    size = int(re.search(r"size-in-bits='(\d+)'", block).group(1))
    type_id = re.search(r"<var-decl name='struct_size' type-id='([^']+)'",
                        block).group(1)
    block = block.replace("size-in-bits='%d'" % size,
                          "size-in-bits='%d'" % (size + 64), 1)
    block = block.replace("</class-decl>", (
        "  <data-member access='public' layout-offset-in-bits='%d'>\n"
        "        <var-decl name='withdrawn_field' type-id='%s' "
        "visibility='default'/>\n      </data-member>\n    </class-decl>")
        % (size, type_id))
    return text[:match.start()] + block + text[match.end():]


def change_member_type(text):
    """A field of the current library has another type than before."""
    match = struct_block(text, "jtbd_outcome_score")
    block = match.group(0)
    size_t_id = re.search(r"<var-decl name='struct_size' type-id='([^']+)'",
                          block).group(1)
    block, count = re.subn(r"(<var-decl name='opportunity' type-id=')[^']+'",
                           r"\g<1>%s'" % size_t_id, block)
    assert count == 1
    return text[:match.start()] + block + text[match.end():]


def change_parameter_type(text):
    """A parameter of the current library has another type than before:
    jtbd_study_set_scale's int32_t min was a size_t."""
    match = re.search(r"<function-decl name='jtbd_study_set_scale'.*?"
                      r"</function-decl>", text, flags=re.S)
    assert match
    size_t_id = re.search(
        r"<var-decl name='struct_size' type-id='([^']+)'",
        struct_block(text, "jtbd_outcome_score").group(0)).group(1)
    decl, count = re.subn(r"<parameter type-id='[^']+' name='min'/>",
                          "<parameter type-id='%s' name='min'/>" % size_t_id,
                          match.group(0))
    assert count == 1
    return text[:match.start()] + decl + text[match.end():]


CASES = [
    # (name, edit, expected exit status, text the verdict must contain)
    ("unchanged", lambda text: text, 0, "matches"),
    ("function added", drop_function, 0, "compatible additions"),
    ("field appended", drop_last_member, 0, "compatible additions"),
    ("function removed", add_symbol, 1, "INCOMPATIBLE"),
    ("field deleted", add_member, 1, "INCOMPATIBLE"),
    ("field type changed", change_member_type, 1, "INCOMPATIBLE"),
    ("parameter type changed", change_parameter_type, 1, "INCOMPATIBLE"),
]


def main():
    check, library, headers, work = sys.argv[1:5]
    os.makedirs(work, exist_ok=True)
    # Reading the library's DWARF is the slow part: once, as abi/update.sh
    # does, then every case compares two descriptions.
    if subprocess.run(["readelf", "-S", library], capture_output=True,
                      text=True).stdout.find(".debug_info") < 0:
        print("%s has no debug info" % library)
        return SKIPPED
    current = os.path.join(work, "current.abi")
    subprocess.run(["abidw", "--no-corpus-path", "--no-comp-dir-path",
                    "--no-show-locs", "--no-elf-needed", "--headers-dir",
                    headers, "--drop-private-types",
                    "--exported-interfaces-only", "--out-file", current,
                    library], check=True, timeout=300)
    with open(current) as f:
        original = f.read()
    failures = 0
    for name, edit, want_status, want_text in CASES:
        path = os.path.join(work, name.replace(" ", "_") + ".abi")
        with open(path, "w") as f:
            f.write(edit(original))
        result = subprocess.run(["bash", check, path, current],
                                capture_output=True, text=True, timeout=300)
        verdict = result.stdout.splitlines()[0] if result.stdout else ""
        ok = result.returncode == want_status and want_text in verdict
        print("%s %s: exit %d, %s" % ("ok  " if ok else "FAIL", name,
                                      result.returncode, verdict))
        if not ok:
            failures += 1
            print(result.stdout + result.stderr)
    print("%d passed, %d failed" % (len(CASES) - failures, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
