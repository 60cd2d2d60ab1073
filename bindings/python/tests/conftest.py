"""Shared setup of the binding's tests.

Environment (set by ctest; see tests/CMakeLists.txt):
  JTBD_LIBRARY     the built libjtbd.so (the binding's own lookup reads it)
  JTBD_SOURCE_DIR  the repository (defaults to the one holding this file)
"""

import os
import pathlib
import sys

import pytest

SOURCE_DIR = pathlib.Path(
    os.environ.get("JTBD_SOURCE_DIR") or
    pathlib.Path(__file__).resolve().parents[3])
BINDING_DIR = SOURCE_DIR / "bindings" / "python"
HEADER = SOURCE_DIR / "include" / "jtbd" / "jtbd.h"
EXAMPLES = SOURCE_DIR / "examples"

# Runs without PYTHONPATH too.
if str(BINDING_DIR) not in sys.path:
    sys.path.insert(0, str(BINDING_DIR))


@pytest.fixture(scope="session")
def source_dir():
    return SOURCE_DIR


@pytest.fixture(scope="session")
def header_text():
    return HEADER.read_text(encoding="utf-8")


def subprocess_env(**overrides):
    """os.environ with PYTHONPATH pointing at the binding, plus overrides
    (a value of None removes the variable)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(BINDING_DIR)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env
