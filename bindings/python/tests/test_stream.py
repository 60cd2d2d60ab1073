"""jtbd.Stream: answers appended one respondent at a time, scored like an
aggregate, alerts from the wave comparison's tests, saved and loaded;
refused appends raise and change nothing."""

import datetime
import random

import pytest

import jtbd

HOUR = 3600 * 1000


def make(**options):
    return jtbd.Stream(["o1", "o2"], **options)


def test_window_scores_the_answers_it_holds():
    stream = make(bucket_width_ms=1000, buckets=3)
    stream.append(0, [5, 1], [2, 4])
    stream.append(1500, [2, 4], [5, 1])
    stream.append(3000, {"o1": 5}, {"o2": 4})  # o2 importance: no answer
    assert stream.buckets_held == 2  # bucket 0 left the window
    assert stream.latest_ms == 3000
    expected = jtbd.Aggregate()
    expected.add_outcome("o1")
    expected.add_outcome("o2")
    expected.add_respondents([2, 4, 5, 0], [5, 1, 0, 4])
    assert stream.current().serialize() == expected.serialize()
    assert stream.score().to_json() == expected.score().to_json()


def test_refused_appends_change_nothing():
    stream = make(bucket_width_ms=1000, buckets=3)
    stream.append(5000, [5, 1], [2, 4])
    before = stream.serialize()
    with pytest.raises(jtbd.Error) as old:
        stream.append(1000, [5, 1], [2, 4])
    assert old.value.code == jtbd.Code.OUT_OF_RANGE
    assert "older than the window" in str(old.value)
    with pytest.raises(jtbd.Error, match="unknown outcome id 'o9'"):
        stream.append(5000, {"o9": 5}, {})
    with pytest.raises(jtbd.Error, match=r"importance\[1\] = 9"):
        stream.append(5000, [5, 9], [2, 4])
    with pytest.raises(jtbd.Error):
        stream.append(5000, [5, 1, 3], [2, 4, 3])
    with pytest.raises(jtbd.Error):
        stream.append(5000, [5, 1], [2, 4], weight=0)
    assert stream.serialize() == before


def test_options_need_one_form():
    with pytest.raises(jtbd.Error):
        make()
    with pytest.raises(jtbd.Error):
        make(bucket_width_ms=10, buckets=2, half_life_ms=5)


def test_decayed_weights_and_kish():
    stream = jtbd.Stream(["o1"], half_life_ms=1000)
    stream.append(0, [5], [2])
    stream.append(1000, [2], [2])
    stream.append(2000, [5], [5], weight=2.0)
    by_hand = jtbd.Aggregate()
    by_hand.add_outcome("o1")
    by_hand.add_respondents([5, 2, 5], [2, 2, 5], weights=[0.25, 0.5, 2.0])
    assert stream.score().to_json() == by_hand.score().to_json()


def test_alerts_fire_on_a_shift_only(tmp_path):
    rng = random.Random(3)

    def draw(share):
        return ([5 if rng.random() < share else 2, 5 if rng.random() < .5
                 else 2], [2, 2])

    reference = jtbd.Aggregate()
    reference.add_outcome("o1")
    reference.add_outcome("o2")
    for _ in range(600):
        imp, sat = draw(0.3)
        reference.add_respondents(imp, sat)
    stream = make(bucket_width_ms=HOUR, buckets=6)
    for hour in range(6):
        for k in range(60):
            stream.append(hour * HOUR + k, *draw(0.3))
    quiet = stream.alerts(reference, confidence=0.99)
    assert quiet.alerts == ()
    for hour in range(6, 12):
        for k in range(60):
            stream.append(hour * HOUR + k, *draw(0.8))
    loud = stream.alerts(reference, confidence=0.99)
    assert [change.outcome_id for change in loud.alerts] == ["o1"]
    assert loud.alerts[0].opportunity.difference > 0
    assert loud.p_value_adjustment == jtbd.PValueAdjustment.HOLM
    # Saved and loaded, the stream alerts alike.
    path = tmp_path / "stream.jtbd"
    stream.save(path)
    loaded = jtbd.Stream.load(path)
    assert loaded.serialize() == stream.serialize()
    assert loaded.alerts(reference).to_json() == \
        stream.alerts(reference).to_json()
    # Another kind of saved file is refused, naming it.
    reference.save(tmp_path / "aggregate.jtbd")
    with pytest.raises(jtbd.Error, match="aggregate.jtbd"):
        jtbd.Stream.load(tmp_path / "aggregate.jtbd")
    with pytest.raises(jtbd.Error):
        jtbd.Stream.parse(b"\x08\x07")


def test_timestamps_are_unix_milliseconds_or_aware_datetimes():
    stream = make(half_life_ms=1000)
    utc = datetime.timezone.utc
    stream.append(datetime.datetime(1970, 1, 1, 0, 0, 6, tzinfo=utc),
                  [5, 1], [2, 4])
    assert stream.latest_ms == 6000
    with pytest.raises(jtbd.Error, match="time zone"):
        stream.append(datetime.datetime(1970, 1, 1), [5, 1], [2, 4])
    with pytest.raises(jtbd.Error, match="Unix milliseconds"):
        stream.append(6.5, [5, 1], [2, 4])
    # A stream over an aggregate's scale and outcomes.
    shape = jtbd.Aggregate((1, 7), 6)
    shape.add_outcome("a")
    on_seven = jtbd.Stream(shape, half_life_ms=10)
    on_seven.append(0, [7], [6])
    assert on_seven.outcome_ids == ("a",)
    assert on_seven.current().cell(0, 7, 6) == 1
