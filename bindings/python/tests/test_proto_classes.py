"""jtbd.v1, the protobuf classes: committed, so they must be exactly what
protoc generates from proto/jtbd/v1 today; and optional, so `import jtbd`
must not need protobuf's runtime.

Environment: JTBD_PROTOC (set by ctest) names protoc, else the one on PATH.
"""

import filecmp
import os
import shutil
import subprocess
import sys

import pytest

from conftest import BINDING_DIR, SOURCE_DIR, subprocess_env

PROTO_DIR = SOURCE_DIR / "proto"
CLASSES_DIR = BINDING_DIR / "jtbd" / "v1"
REGENERATE = ("protoc --proto_path=proto --python_out=bindings/python "
              "proto/jtbd/v1/*.proto")


def protoc():
    found = os.environ.get("JTBD_PROTOC") or shutil.which("protoc")
    assert found, "no protoc: set JTBD_PROTOC or install protobuf-compiler"
    return found


def proto_names():
    return sorted(path.stem for path in (PROTO_DIR / "jtbd" / "v1").glob(
        "*.proto"))


def test_committed_classes_are_what_protoc_generates(tmp_path):
    subprocess.run(
        [protoc(), "--proto_path=%s" % PROTO_DIR,
         "--python_out=%s" % tmp_path] +
        [str(PROTO_DIR / "jtbd" / "v1" / (name + ".proto"))
         for name in proto_names()],
        check=True, capture_output=True, timeout=120)
    generated_dir = tmp_path / "jtbd" / "v1"
    generated = sorted(path.name for path in generated_dir.glob("*_pb2.py"))
    committed = sorted(path.name for path in CLASSES_DIR.glob("*_pb2.py"))
    assert generated == [name + "_pb2.py" for name in proto_names()]
    assert committed == generated, "regenerate with: " + REGENERATE
    for name in generated:
        assert filecmp.cmp(generated_dir / name, CLASSES_DIR / name,
                           shallow=False), \
            "jtbd/v1/%s drifted from proto/; regenerate with: %s" % (
                name, REGENERATE)


def test_the_package_imports_every_module():
    import jtbd.v1
    assert sorted(jtbd.v1.__all__) == [name + "_pb2"
                                       for name in proto_names()]
    for name in jtbd.v1.__all__:
        module = getattr(jtbd.v1, name)
        # Generated modules import each other as jtbd.v1.<name>_pb2: the
        # package path, so there is one copy of each.
        assert module is sys.modules["jtbd.v1." + name]
        assert module.DESCRIPTOR.package == "jtbd.v1"
    assert jtbd.v1.report_pb2.Report.DESCRIPTOR.full_name == "jtbd.v1.Report"


# Run in a fresh interpreter that cannot import google.protobuf, as on a
# system without python3-protobuf.
WITHOUT_PROTOBUF = """
import sys

class NoProtobuf:
    def find_spec(self, name, path=None, target=None):
        if name == "google.protobuf" or name.startswith("google.protobuf."):
            raise ModuleNotFoundError("No module named %r" % name, name=name)
        return None

sys.meta_path.insert(0, NoProtobuf())
"""


def run_python(code):
    result = subprocess.run([sys.executable, "-c", code],
                            capture_output=True, text=True, timeout=60,
                            env=subprocess_env())
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_import_jtbd_neither_needs_nor_loads_protobuf():
    output = run_python(WITHOUT_PROTOBUF + """
import jtbd
assert callable(jtbd.score_request_message)
print(sorted(name for name in sys.modules if name.startswith("google")))
""")
    assert output == "[]\n"


@pytest.mark.parametrize("statement", [
    "import jtbd.v1",
    "from jtbd.v1 import report_pb2",
    "import jtbd; jtbd.score_request_message(None)",
])
def test_without_protobuf_jtbd_v1_names_the_debian_package(statement):
    output = run_python(WITHOUT_PROTOBUF + """
try:
    %s
except ImportError as error:
    print(type(error).__name__, error.name, error)
else:
    print("no ImportError")
""" % statement)
    assert output.startswith("ImportError google.protobuf jtbd.v1 needs "), \
        output
    assert "apt-get install python3-protobuf" in output
