"""Buffers reach C without copying; everything else is converted safely.

Two proofs of zero copy: jtbd._arrays.borrow() reports the address it hands
to C, which must equal the caller's buffer address; and a recording wrapper
around the bound jtbd_study_add_answers sees, in the real call, pointers equal
to the caller's buffers, while _arrays.copies (bumped by every conversion or
copy) stays unchanged.
"""

import array
import ctypes

import pytest

import jtbd
from jtbd import _arrays, _native


def array_address(values):
    return values.buffer_info()[0]


def pointer_address(pointer):
    return ctypes.cast(pointer, ctypes.c_void_p).value


def test_array_of_the_right_type_is_borrowed_in_place():
    ratings = array.array("B", [1, 2, 3, 4])
    before = _arrays.copies
    borrowed = _arrays.borrow(ratings, ctypes.c_uint8, "importance")
    assert borrowed.copied is False
    assert borrowed.count == 4
    assert borrowed.address == array_address(ratings)
    assert pointer_address(borrowed.pointer) == array_address(ratings)
    # The pointer really is the caller's memory: a write through it shows.
    borrowed.pointer[2] = 5
    assert ratings[2] == 5
    indexes = array.array("I", range(10))
    borrowed = _arrays.borrow(indexes, ctypes.c_uint32, "respondents")
    assert borrowed.copied is False
    assert borrowed.address == array_address(indexes)
    assert _arrays.copies == before


def test_bytes_bytearray_and_memoryview_are_borrowed_in_place():
    before = _arrays.copies
    data = bytes([1, 2, 3])
    borrowed = _arrays.borrow(data, ctypes.c_uint8, "importance")
    assert not borrowed.copied
    assert borrowed.address == pointer_address(ctypes.c_char_p(data))
    assert list(borrowed.pointer[:3]) == [1, 2, 3]
    writable = bytearray([4, 5])
    borrowed = _arrays.borrow(memoryview(writable), ctypes.c_uint8, "x")
    assert not borrowed.copied
    assert borrowed.address == ctypes.addressof(
        (ctypes.c_uint8 * 2).from_buffer(writable))
    assert _arrays.copies == before


def test_other_types_are_converted_and_counted():
    before = _arrays.copies
    for values, ctype in (([1, 2, 3], ctypes.c_uint8),
                          (array.array("i", [1, 2, 3]), ctypes.c_uint32),
                          (array.array("L", [1, 2, 3]), ctypes.c_uint32),
                          (array.array("B", [1, 2, 3]), ctypes.c_uint32),
                          (array.array("I", [1, 2, 3]), ctypes.c_uint8),
                          (range(1, 4), ctypes.c_uint8),
                          ((v for v in (1, 2, 3)), ctypes.c_uint8),
                          (memoryview(bytes([1, 2, 3]))[::1], ctypes.c_uint8)):
        borrowed = _arrays.borrow(values, ctype, "x")
        assert list(borrowed.pointer[:3]) == [1, 2, 3]
    # The read-only memoryview is copied once (no way to point at it).
    assert _arrays.copies == before + 8


def test_non_contiguous_buffer_is_converted():
    values = array.array("B", [1, 9, 2, 9, 3, 9])
    borrowed = _arrays.borrow(memoryview(values)[::2], ctypes.c_uint8, "x")
    assert borrowed.copied and borrowed.count == 3
    assert list(borrowed.pointer[:3]) == [1, 2, 3]


def test_empty_sequences_become_null():
    borrowed = _arrays.borrow([], ctypes.c_uint8, "x")
    assert borrowed.count == 0 and borrowed.pointer is None
    with jtbd.Study() as study:
        study.add_answers([], array.array("I"), b"", bytearray())
        assert study.respondent_count == 0


def test_scalar_is_a_type_error():
    with pytest.raises(TypeError):
        _arrays.borrow(5, ctypes.c_uint8, "x")


@pytest.fixture
def recorded_calls(monkeypatch):
    """Wraps the bound jtbd_study_add_answers to record the addresses of
    the four arrays of each real call."""
    lib = _native.library()
    real = lib.jtbd_study_add_answers
    calls = []

    def record(study, count, *arrays):
        calls.append([pointer_address(a) if a is not None else None
                      for a in arrays])
        return real(study, count, *arrays)

    monkeypatch.setattr(lib, "jtbd_study_add_answers", record)
    return calls


def test_array_buffers_reach_c_without_copy(recorded_calls):
    respondents = array.array("I", [0, 1, 2])
    outcomes = array.array("I", [0, 0, 0])
    importance = array.array("B", [5, 4, 1])
    satisfaction = array.array("B", [1, 2, 5])
    before = _arrays.copies
    with jtbd.Study() as study:
        study.add_outcome("o1")
        study.add_respondents(3)
        study.add_answers(respondents, outcomes, importance, satisfaction)
        score = study.score().outcomes[0]
    assert _arrays.copies == before
    assert recorded_calls == [[
        array_address(respondents), array_address(outcomes),
        array_address(importance), array_address(satisfaction)
    ]]
    assert score.importance == pytest.approx(10.0 * 2 / 3, rel=1e-12)
    assert score.satisfaction == pytest.approx(10.0 / 3, rel=1e-12)


def test_bytes_reach_c_without_copy(recorded_calls):
    importance = bytes([5, 4, 1])
    satisfaction = bytes([1, 2, 5])
    before = _arrays.copies
    with jtbd.Study() as study:
        study.add_outcome("o1")
        study.add_respondents(3)
        study.add_answers(array.array("I", [0, 1, 2]),
                          array.array("I", [0, 0, 0]), importance,
                          satisfaction)
    assert _arrays.copies == before
    assert recorded_calls[0][2:] == [
        pointer_address(ctypes.c_char_p(importance)),
        pointer_address(ctypes.c_char_p(satisfaction))
    ]


def test_numpy_buffers_reach_c_without_copy(recorded_calls):
    numpy = pytest.importorskip("numpy")
    respondents = numpy.arange(3, dtype=numpy.uint32)
    outcomes = numpy.zeros(3, dtype=numpy.uint32)
    importance = numpy.array([5, 4, 1], dtype=numpy.uint8)
    # Read-only, as numpy.frombuffer makes it: borrowed through
    # __array_interface__.
    satisfaction = numpy.frombuffer(bytes([1, 2, 5]), dtype=numpy.uint8)
    assert not satisfaction.flags.writeable
    before = _arrays.copies
    with jtbd.Study() as study:
        study.add_outcome("o1")
        study.add_respondents(3)
        study.add_answers(respondents, outcomes, importance, satisfaction)
        score = study.score().outcomes[0]
    assert _arrays.copies == before
    assert recorded_calls == [[
        a.ctypes.data for a in (respondents, outcomes, importance,
                                satisfaction)
    ]]
    assert score.importance_top_box_count == 2
    assert score.satisfaction_top_box_count == 1


def test_numpy_slices_and_other_dtypes_are_converted(recorded_calls):
    numpy = pytest.importorskip("numpy")
    wide = numpy.array([5, 9, 4, 9, 1, 9], dtype=numpy.uint8)
    before = _arrays.copies
    with jtbd.Study() as study:
        study.add_outcome("o1")
        study.add_respondents(3)
        study.add_answers(numpy.arange(3), [0, 0, 0], wide[::2],
                          numpy.array([1, 2, 5], dtype=numpy.uint8))
        score = study.score().outcomes[0]
    assert _arrays.copies == before + 3  # int64, list, strided
    assert recorded_calls[0][3] != wide.ctypes.data
    assert score.importance_top_box_count == 2
    assert score.importance_count == 3


def test_numpy_is_not_imported_at_load():
    import subprocess
    import sys

    from conftest import subprocess_env
    code = ("import sys, jtbd; jtbd.version(); "
            "s = jtbd.Study(); s.add_outcome('o'); s.add_respondents(1); "
            "s.add_answers([0], [0], [1], [1]); s.score(); "
            "print('numpy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code],
                            env=subprocess_env(), capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "False"
