"""Force tags suggested for CRM notes (`jtbd tag-notes`; docs/FORCES.md,
"Force tags from notes"): rules, English and French, each tag a suggestion
for a person to confirm.

    note = jtbd.tag_note("The CFO is worried about the migration.")
    for s in note.suggestions:
        print(s.force, s.phrase, s.start, s.end, s.confidence)
    # anxiety worried 11 18 0.85

start and end are byte offsets into the note's UTF-8:
note_text.encode("utf-8")[s.start:s.end] is the phrase.
"""

import dataclasses
import typing

from . import _convert, _native
from ._ffi import NoteLanguage, TagStatus
from ._record import Record, converted, new_struct, record

__all__ = ["ForceSuggestion", "TaggedNote", "tag_note", "tag_notes"]

_FORCES = {1: "push", 2: "pull", 3: "anxiety", 4: "habit"}
_LANGUAGES = {"auto": NoteLanguage.UNSPECIFIED, None: NoteLanguage.UNSPECIFIED,
              "en": NoteLanguage.ENGLISH, "fr": NoteLanguage.FRENCH}
_CODES = {NoteLanguage.ENGLISH: "en", NoteLanguage.FRENCH: "fr"}


def _force_name(value):
    return _FORCES.get(value, "unspecified")


def _status(value):
    try:
        return TagStatus(value)
    except ValueError:
        return value


@record("jtbd_force_suggestion")
class ForceSuggestion(Record):
    """A force tag suggested for a span of a note: force ("push", "pull",
    "anxiety", "habit"), the phrase as written, its byte offsets start and
    end in the note's UTF-8, confidence in [0, 1], user_phrase (a phrase of
    your list matched) and status (TagStatus.SUGGESTED: a person confirms
    it; also `suggestion`, True)."""

    force: str = converted(_force_name)
    status: TagStatus = converted(_status)
    phrase: str
    start: int
    end: int
    confidence: float
    user_phrase: bool = converted(bool)

    @property
    def suggestion(self):
        """True: the tagger only ever proposes."""
        return self.status == TagStatus.SUGGESTED


@dataclasses.dataclass(frozen=True)
class TaggedNote:
    """The suggestions for one note, in the order of their start; index:
    its position in the input (0 for tag_note); language: "en" or "fr", as
    read (given, or detected)."""

    index: int
    language: str
    suggestions: typing.Tuple[ForceSuggestion, ...]


def _phrases_text(phrases):
    """None, the text of a phrase list (`force,phrase` lines, str or
    bytes) or pairs (force, phrase) -> bytes."""
    if phrases is None:
        return b""
    if isinstance(phrases, (str, bytes, bytearray, memoryview)):
        return _convert.utf8(phrases, "phrases")
    lines = []
    for pair in phrases:
        force, phrase = pair
        lines.append("%s,%s" % (force, phrase))
    return _convert.utf8("\n".join(lines), "phrases")


def _language(lang):
    try:
        return _LANGUAGES[lang]
    except (KeyError, TypeError):
        raise ValueError("lang must be \"en\", \"fr\" or \"auto\", not %r" %
                         (lang,)) from None


def _tag(text, language, phrases, index):
    lib = _native.library()
    encoded = _convert.utf8(text, "text")
    note = _native.create(lib.jtbd_tag_note, int(language), phrases,
                          len(phrases), encoded, len(encoded))
    try:
        suggestions = []
        for i in range(lib.jtbd_tagged_note_suggestion_count(note)):
            struct = new_struct(ForceSuggestion._struct)
            lib.jtbd_tagged_note_suggestion(note, i, struct)
            suggestions.append(ForceSuggestion.from_struct(struct))
        language_read = NoteLanguage(lib.jtbd_tagged_note_language(note))
        return TaggedNote(index=index, language=_CODES.get(language_read, ""),
                          suggestions=tuple(suggestions))
    finally:
        lib.jtbd_tagged_note_destroy(note)


def tag_note(text, lang="auto", phrases=None):
    """Suggests force tags for one note (str, or UTF-8 bytes). lang: "en",
    "fr" or "auto" (detected). phrases: your own, as the text of a phrase
    list (`force,phrase` per line, as `jtbd tag-notes --phrases` reads) or
    as (force, phrase) pairs. Invalid UTF-8 or a bad phrase raises
    jtbd.InvalidArgumentError naming the byte, or the phrase's line and
    column."""
    return _tag(text, _language(lang), _phrases_text(phrases), 0)


def tag_notes(notes, lang="auto", phrases=None):
    """tag_note for each note of an iterable, in order; a list of
    TaggedNote whose index is the note's position."""
    language = _language(lang)
    phrase_bytes = _phrases_text(phrases)
    return [_tag(text, language, phrase_bytes, index)
            for index, text in enumerate(notes)]
