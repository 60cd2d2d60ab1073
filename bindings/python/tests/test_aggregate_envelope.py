"""Aggregate.encode / decode: the saved-file envelope in memory (what
jtbd.dask sends between processes). Without dask: the core package."""

import pytest

import jtbd
from test_aggregate import BOSCH_CELLS, bosch_study_of


def test_encode_decode_round_trip_equals_the_saved_file(tmp_path):
    with bosch_study_of(range(270)) as study, study.aggregate() as aggregate:
        encoded = aggregate.encode()
        path = tmp_path / "bosch.jtbd"
        aggregate.save(path)
        assert encoded == path.read_bytes()
        # 32-byte header, then the bare message.
        assert encoded[32:] == aggregate.serialize()
        with jtbd.Aggregate.decode(bytearray(encoded), "bosch") as copy:
            assert copy.serialize() == aggregate.serialize()
            assert copy.respondent_count == 270
            assert copy.cell(0, 4, 3) == BOSCH_CELLS[(4, 3)]


def test_decoded_halves_merge_into_the_whole():
    with bosch_study_of(range(0, 270, 2)) as first, \
            bosch_study_of(range(1, 270, 2)) as second, \
            bosch_study_of(range(270)) as whole:
        with first.aggregate() as a, second.aggregate() as b, \
                whole.aggregate() as expected:
            blobs = [a.encode(), b.encode()]
            with jtbd.Aggregate.decode(blobs[0]) as merged, \
                    jtbd.Aggregate.decode(blobs[1]) as other:
                merged.merge(other)
                assert merged.encode() == expected.encode()


def test_damaged_bytes_are_refused_naming_the_source():
    with bosch_study_of(range(270)) as study, study.aggregate() as aggregate:
        good = aggregate.encode()
        bare = aggregate.serialize()
    flipped = bytearray(good)
    flipped[-1] ^= 0x04
    with pytest.raises(jtbd.DataLossError,
                       match=r"^DATA_LOSS: from worker 2: the aggregate is "
                             r"corrupt \(its checksum does not match\)$"):
        jtbd.Aggregate.decode(bytes(flipped), "from worker 2")
    with pytest.raises(jtbd.DataLossError, match="<memory>: truncated"):
        jtbd.Aggregate.decode(good[:-1])
    with pytest.raises(jtbd.InvalidArgumentError,
                       match="x: not a jtbd aggregate file"):
        jtbd.Aggregate.decode(bare, "x")
    with pytest.raises(TypeError):
        jtbd.Aggregate.decode("text", "x")
