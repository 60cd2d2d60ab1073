"""jtbd.tag_note / jtbd.tag_notes: force tags suggested for CRM notes,
records with byte offsets (checked against Python's own UTF-8)."""

import dataclasses

import pytest

import jtbd


def test_tag_note_records():
    text = "Très inquiète de la migration."
    note = jtbd.tag_note(text)
    assert note.index == 0
    assert note.language == "fr"
    assert len(note.suggestions) == 1
    s = note.suggestions[0]
    assert (s.force, s.phrase, s.start, s.end) == ("anxiety", "inquiète", 6,
                                                   15)
    assert text.encode("utf-8")[s.start:s.end].decode("utf-8") == s.phrase
    assert s.confidence == 0.95  # 0.85 + 0.1 for "très"
    assert s.suggestion is True and s.status == jtbd.TagStatus.SUGGESTED
    assert s.user_phrase is False
    assert dataclasses.is_dataclass(note) and dataclasses.is_dataclass(s)


def test_tag_notes_in_order_with_phrases():
    notes = jtbd.tag_notes(
        ["Not worried at all.", "Wants SSO.", "Ils en ont marre."],
        lang="auto", phrases=[("pull", "sso")])
    assert [n.index for n in notes] == [0, 1, 2]
    assert [n.language for n in notes] == ["en", "en", "fr"]
    assert notes[0].suggestions == ()
    assert [(s.force, s.phrase, s.user_phrase)
            for s in notes[1].suggestions] == [("pull", "Wants", False),
                                                ("pull", "SSO", True)]
    assert [(s.force, s.phrase) for s in notes[2].suggestions] == [
        ("push", "marre")]


def test_language_forced_and_phrase_text():
    note = jtbd.tag_note("sur papier", lang="fr",
                         phrases="# mine\nhabitude,sur papier\n")
    assert note.language == "fr"
    assert [(s.force, s.start, s.end) for s in note.suggestions] == [
        ("habit", 0, 10)]


def test_errors():
    with pytest.raises(jtbd.InvalidArgumentError, match="byte 4"):
        jtbd.tag_note(b"abc \xff")
    with pytest.raises(jtbd.InvalidArgumentError,
                       match=r"<phrases>:1:1: unknown force \"worry\""):
        jtbd.tag_note("x", phrases="worry,x")
    with pytest.raises(ValueError, match="lang"):
        jtbd.tag_note("x", lang="de")
    with pytest.raises(TypeError):
        jtbd.tag_note(3)
