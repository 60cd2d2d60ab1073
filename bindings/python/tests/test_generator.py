"""gen_ctypes.py: the committed _ffi.py is what it writes from jtbd.h (read
by c_header.py), a header change makes --check fail, and what it cannot
translate stops it with the line to look at (never a half-translated
header)."""

import ctypes
import subprocess
import sys

import pytest

import gen_ctypes
from conftest import BINDING_DIR, HEADER

GENERATOR = BINDING_DIR / "gen_ctypes.py"
OUTPUT = BINDING_DIR / "jtbd" / "_ffi.py"


def run_generator(*arguments):
    return subprocess.run([sys.executable, str(GENERATOR), *arguments],
                          capture_output=True, text=True, timeout=60)


def namespace(header_text):
    """The module gen_ctypes.py writes for a header, executed."""
    source = gen_ctypes.generate(header_text).replace(
        "from ._pointer import Pointer", "from jtbd._pointer import Pointer")
    module = {}
    exec(compile(source, "<_ffi>", "exec"), module)  # noqa: S102
    return module


def test_the_committed_module_is_up_to_date():
    assert OUTPUT.read_text(encoding="utf-8") == gen_ctypes.generate(
        HEADER.read_text(encoding="utf-8"))
    assert run_generator("--check").returncode == 0


def test_a_header_change_fails_the_check(tmp_path):
    changed = HEADER.read_text(encoding="utf-8").replace(
        "  double satisfaction_effective_count;\n",
        "  double satisfaction_effective_count;\n  double new_figure;\n", 1)
    header = tmp_path / "jtbd.h"
    header.write_text(changed, encoding="utf-8")
    result = run_generator("--check", "--header", str(header))
    assert result.returncode == 1
    assert '+        ("new_figure", ctypes.c_double),' in result.stderr
    assert "run python3 bindings/python/gen_ctypes.py" in result.stderr
    # Without --check it writes the new module.
    output = tmp_path / "_ffi.py"
    assert run_generator("--header", str(header), "--output",
                         str(output)).returncode == 0
    assert '("new_figure", ctypes.c_double)' in output.read_text()


HEADER_TEMPLATE = """
#ifndef X_H_
#define X_H_
#include <stdint.h>
#if defined(_WIN32)
#define JTBD_EXPORT __declspec(dllexport)
#elif defined(X_H_) && !defined(JTBD_NOTHING)
#define JTBD_EXPORT __attribute__((visibility("default")))
#else
#error "unreachable"
#endif
#define JTBD_DEPRECATED(message) __attribute__((deprecated(message)))
#define JTBD_THING_MAJOR 2
#define JTBD_THING_SIZE \\
  (JTBD_THING_MAJOR * 8 + (1 << 2))
#define JTBD_STRUCT_SIZE(type, last_field) \\
  (offsetof(type, last_field) + sizeof(((type*)0)->last_field))
#ifdef __cplusplus
extern "C" {
#endif
%s
#ifdef __cplusplus
}
#endif
#endif
"""


# The line the declarations of a test start on.
LINE = HEADER_TEMPLATE.split("%s")[0].count("\n") + 1


def test_a_small_header_is_translated_whole():
    module = namespace(HEADER_TEMPLATE % """
/* Bits of jtbd_thing.has. */
typedef enum jtbd_thing_has {
  JTBD_THING_HAS_A = 1,
  JTBD_THING_HAS_B = 1 << 1
} jtbd_thing_has;
typedef enum jtbd_code { JTBD_OK = 0, JTBD_BAD } jtbd_code;
/* A thing. */
typedef struct jtbd_thing jtbd_thing;
typedef struct jtbd_pair { double low; double high; } jtbd_pair;
typedef struct jtbd_info {
  size_t struct_size;
  const char* name;
  size_t name_len;
  jtbd_pair pair;
  uint8_t bytes[4];
} jtbd_info;
#define JTBD_INFO_STRUCT_SIZE JTBD_STRUCT_SIZE(jtbd_info, pair)
#define JTBD_PAIR_SIZE (sizeof(jtbd_pair) * 2)
JTBD_EXPORT jtbd_code* jtbd_nothing(void);
JTBD_EXPORT JTBD_DEPRECATED("use jtbd_thing_new") void jtbd_thing_old(
    jtbd_thing* thing, const char* const* names, const char** name_out,
    jtbd_thing** out, jtbd_info* info);
""")
    assert module["THING_MAJOR"] == 2 and module["THING_SIZE"] == 20
    # offsetof(jtbd_info, pair) + sizeof(pair): 8 + 8 + 8 and 16.
    assert module["INFO_STRUCT_SIZE"] == 40
    assert module["PAIR_SIZE"] == 32
    assert [(m.name, m.value) for m in module["ThingHas"]] == [("A", 1),
                                                              ("B", 2)]
    assert module["ThingHas"].__doc__.startswith("jtbd_thing_has: Bits of")
    assert [(m.name, m.value) for m in module["Code"]] == [("OK", 0),
                                                          ("BAD", 1)]
    thing = module["jtbd_thing_p"]
    assert thing.__doc__ == "jtbd_thing*: A thing."
    info = module["jtbd_info"]
    assert [name for name, _ in info._fields_] == [
        "struct_size", "name", "name_len", "pair", "bytes"]
    assert info._fields_[3][1] is module["jtbd_pair"]
    assert ctypes.sizeof(info._fields_[4][1]) == 4
    functions = {name: (restype, parameters)
                 for name, restype, parameters in module["FUNCTIONS"]}
    assert functions["jtbd_nothing"] == (ctypes.c_void_p, ())
    restype, parameters = functions["jtbd_thing_old"]
    assert restype is None
    assert parameters == (
        ("thing", thing), ("names", ctypes.POINTER(ctypes.c_char_p)),
        ("name_out", ctypes.POINTER(ctypes.c_void_p)),
        ("out", ctypes.POINTER(thing)),
        ("info", ctypes.POINTER(info)))
    assert module["DEPRECATED"] == {"jtbd_thing_old": "use jtbd_thing_new"}


@pytest.mark.parametrize("declarations, message", [
    ("typedef struct jtbd_x { long double v; } jtbd_x;",
     "jtbd.h:%d: no ctypes mapping for long double" % LINE),
    ("JTBD_EXPORT float** jtbd_f(void);",
     "no ctypes mapping for float** as a return"),
    ("#define JTBD_NAME \"text\"",
     "jtbd.h:%d: #define JTBD_NAME is neither an integer nor an "
     "attribute" % LINE),
    ("JTBD_EXPORT JTBD_THING_MAJOR void jtbd_g(void);",
     "macro JTBD_THING_MAJOR in a declaration"),
    ("JTBD_EXPORT void jtbd_h(int);", "jtbd_h: name every parameter"),
    ("#define JTBD_S JTBD_STRUCT_SIZE(jtbd_none, x)",
     "#define JTBD_S: no struct jtbd_none"),
    ("#define JTBD_S (sizeof(int) / 2)", "'/' in a struct size"),
    ("int jtbd_not_exported(void);", "cannot translate"),
    ("/* Bits of x. */\ntypedef enum jtbd_e { JTBD_E_A = 3 } jtbd_e;",
     "not distinct powers of two"),
    ("typedef struct jtbd_y { jtbd_z z; } jtbd_y;",
     "no ctypes mapping for jtbd_z"),
])
def test_what_it_cannot_translate_stops_it(declarations, message):
    with pytest.raises(gen_ctypes.HeaderError) as caught:
        gen_ctypes.generate(HEADER_TEMPLATE % declarations)
    assert message in str(caught.value)


def test_an_error_is_reported_with_exit_status_2(tmp_path):
    header = tmp_path / "jtbd.h"
    header.write_text(HEADER_TEMPLATE % "int jtbd_not_exported(void);")
    result = run_generator("--check", "--header", str(header))
    assert result.returncode == 2
    assert result.stderr.startswith("gen_ctypes.py: jtbd.h:%d: cannot "
                                    "translate" % LINE)
