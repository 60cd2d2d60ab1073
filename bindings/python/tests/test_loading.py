"""Finding and loading libjtbd: lazy, in the documented order, and clear
about failure.

load_library() is the uncached lookup; these tests call it with the
environment, the package directory and ctypes.util.find_library patched, so
they never disturb the library the other tests use.
"""

import ctypes.util
import os
import subprocess
import sys

import pytest

import jtbd
from jtbd import _ffi, _native
from conftest import subprocess_env

ABSENT_SONAME = "libjtbd-absent-for-test.so.1"


@pytest.fixture
def real_library():
    path = _native.library_path()
    assert os.path.exists(path)
    return path


@pytest.fixture
def isolated(monkeypatch, tmp_path, real_library):
    """No $JTBD_LIBRARY, an empty package directory, nothing on the
    system (after the tests' own library was found)."""
    monkeypatch.delenv(_native.ENV_VARIABLE, raising=False)
    monkeypatch.setattr(_native, "PACKAGE_DIR", str(tmp_path))
    monkeypatch.setattr(_native, "SONAME", ABSENT_SONAME)
    monkeypatch.setattr(_native, "_chosen_path", None)
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    return tmp_path


def test_import_does_not_load_and_first_use_names_the_variable():
    missing = "/nonexistent/dir/libjtbd.so"
    code = ("import jtbd\n"
            "assert not jtbd._native.is_loaded()\n"
            "study_class = jtbd.Study\n"
            "try:\n"
            "    jtbd.version()\n"
            "except ImportError as error:\n"
            "    print(type(error).__name__)\n"
            "    print(error)\n")
    result = subprocess.run([sys.executable, "-c", code],
                            env=subprocess_env(JTBD_LIBRARY=missing),
                            capture_output=True, text=True, check=True)
    assert result.stdout.startswith("LibraryNotFoundError\n")
    assert "JTBD_LIBRARY" in result.stdout
    assert missing in result.stdout


def test_nothing_found_lists_everything_tried(isolated):
    with pytest.raises(jtbd.LibraryNotFoundError) as caught:
        _native.load_library()
    message = str(caught.value)
    assert isinstance(caught.value, ImportError)
    assert "Set JTBD_LIBRARY" in message
    assert str(isolated) in message  # next to the package
    assert 'find_library("jtbd")' in message
    assert ABSENT_SONAME in message


def test_environment_variable_is_the_only_candidate_when_set(
        isolated, real_library, monkeypatch):
    # A library next to the package must not replace an explicit choice.
    os.symlink(real_library, isolated / "libjtbd.so")
    monkeypatch.setenv("JTBD_LIBRARY", str(isolated / "missing.so"))
    with pytest.raises(jtbd.LibraryNotFoundError) as caught:
        _native.load_library()
    assert "$JTBD_LIBRARY" in str(caught.value)
    assert "missing.so" in str(caught.value)
    monkeypatch.setenv("JTBD_LIBRARY", real_library)
    assert _native.load_library().path == real_library


def test_library_next_to_the_package_is_found(isolated, real_library):
    os.symlink(real_library, isolated / "libjtbd.so.1")
    library = _native.load_library()
    assert library.path == str(isolated / "libjtbd.so.1")
    assert library.jtbd_version_number() == _ffi.VERSION_NUMBER


def test_system_library_is_found(isolated, real_library, monkeypatch):
    monkeypatch.setattr(ctypes.util, "find_library",
                        lambda name: real_library if name == "jtbd" else None)
    assert _native.load_library().path == real_library


def test_a_library_without_the_symbols_is_incompatible(isolated,
                                                       monkeypatch):
    monkeypatch.setenv("JTBD_LIBRARY", "libc.so.6")
    with pytest.raises(jtbd.IncompatibleLibraryError) as caught:
        _native.load_library()
    message = str(caught.value)
    assert "libc.so.6 is not a libjtbd" in message
    assert "jtbd_version_number" in message


def test_a_library_lacking_a_function_of_the_header_is_incompatible(
        isolated, real_library, monkeypatch):
    # As a 1.0 library is to a binding generated from a 1.1 header.
    monkeypatch.setenv("JTBD_LIBRARY", real_library)
    monkeypatch.setattr(_ffi, "FUNCTIONS", _ffi.FUNCTIONS + (
        ("jtbd_from_the_future", None, ()),))
    with pytest.raises(jtbd.IncompatibleLibraryError) as caught:
        _native.load_library()
    assert "lacks jtbd_from_the_future" in str(caught.value)


def test_another_major_version_is_incompatible(isolated, real_library,
                                               monkeypatch):
    monkeypatch.setenv("JTBD_LIBRARY", real_library)
    monkeypatch.setattr(_ffi, "VERSION_MAJOR", 2)
    with pytest.raises(jtbd.IncompatibleLibraryError) as caught:
        _native.load_library()
    assert "1.0.0" in str(caught.value)
    assert "major version 2" in str(caught.value)


def test_set_library_path_before_first_use(real_library, tmp_path):
    code = ("import jtbd, sys\n"
            "jtbd.set_library_path(sys.argv[1])\n"
            "print(jtbd.library_path())\n"
            "try:\n"
            "    jtbd.set_library_path(sys.argv[1])\n"
            "except RuntimeError as error:\n"
            "    print('late')\n")
    link = tmp_path / "chosen.so"
    os.symlink(real_library, link)
    result = subprocess.run(
        [sys.executable, "-c", code, str(link)],
        env=subprocess_env(JTBD_LIBRARY="/nonexistent/libjtbd.so"),
        capture_output=True, text=True, check=True)
    assert result.stdout.split() == [str(link), "late"]
