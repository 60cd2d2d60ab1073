"""End-to-end tests of `jtbd tag-notes` (docs/FORCES.md, issue 13 item 5).

The expected JSON is written by hand: offsets counted in bytes of each
line's UTF-8 (checked here against Python's own encoding), confidences
from the lexicon weights (worried 0.85; fed up 0.85 + "really" 0.1).

Environment: JTBD_CLI (the built `jtbd`), JTBD_SOURCE_DIR (repository root).
"""

import json
import os
import subprocess

import pytest

CLI = os.environ.get("JTBD_CLI", "")
SOURCE_DIR = os.environ.get("JTBD_SOURCE_DIR", "")

pytestmark = pytest.mark.skipif(
    not CLI or not SOURCE_DIR,
    reason="set JTBD_CLI and JTBD_SOURCE_DIR (ctest does)")

NOTES = ("The CFO is worried about the migration.\n"
         "Left a voicemail.\n"
         "Très inquiète de la courbe d’apprentissage.\n"
         "They are not worried; they are really fed up with Excel.\n")


def run(*args, stdin=None):
    """Runs jtbd; returns (exit code, stdout text, stderr text)."""
    done = subprocess.run([CLI, *args], input=stdin, capture_output=True,
                          timeout=60)
    return (done.returncode, done.stdout.decode("utf-8"),
            done.stderr.decode("utf-8", errors="replace"))


def byte_span(line, phrase):
    """The [start, end) bytes of phrase's first occurrence in line."""
    encoded = line.encode("utf-8")
    start = encoded.index(phrase.encode("utf-8"))
    return start, start + len(phrase.encode("utf-8"))


def suggestion(force, line, phrase, confidence):
    start, end = byte_span(line, phrase)
    return {"force": force, "phrase": phrase, "start": start, "end": end,
            "confidence": confidence, "suggestion": True}


def test_json_exactly(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text(NOTES, encoding="utf-8")
    code, out, err = run("tag-notes", "--format", "json", str(path))
    assert code == 0, err
    lines = NOTES.splitlines()
    expected = {"notes": [
        {"index": 0, "language": "en", "suggestions": [
            suggestion("anxiety", lines[0], "worried", 0.85)]},
        {"index": 1, "language": "en", "suggestions": []},
        {"index": 2, "language": "fr", "suggestions": [
            # "Très" intensifies inquiète (0.85 + 0.1); the curve is 0.75.
            suggestion("anxiety", lines[2], "inquiète", 0.95),
            suggestion("anxiety", lines[2], "courbe d’apprentissage", 0.75)]},
        {"index": 3, "language": "en", "suggestions": [
            suggestion("push", lines[3], "fed up", 0.95)]},
    ]}
    assert json.loads(out) == expected
    # Hand-counted bytes: "Très " is 6 bytes (è is two).
    assert expected["notes"][2]["suggestions"][0]["start"] == 6


def test_stdin_output_file_and_language_flag(tmp_path):
    out_path = tmp_path / "tags.json"
    code, out, err = run("tag-notes", "--lang", "fr", "--format=json", "-o",
                         str(out_path), "-",
                         stdin="Ils sont à l'aise avec Excel.\r\n".encode())
    assert code == 0, err
    assert out == ""
    data = json.loads(out_path.read_text(encoding="utf-8"))
    assert data == {"notes": [{"index": 0, "language": "fr", "suggestions": [
        {"force": "habit", "phrase": "à l'aise", "start": 9, "end": 18,
         "confidence": 0.75, "suggestion": True}]}]}


def test_user_phrases(tmp_path):
    phrases = tmp_path / "phrases.txt"
    phrases.write_text("# ours\npull,single sign-on\n", encoding="utf-8")
    code, out, err = run("tag-notes", "--format", "json", "--phrases",
                         str(phrases), "-", stdin=b"Asked about single sign-on.")
    assert code == 0, err
    assert json.loads(out)["notes"][0]["suggestions"] == [
        {"force": "pull", "phrase": "single sign-on", "start": 12, "end": 26,
         "confidence": 0.8, "suggestion": True}]


def test_table(tmp_path):
    code, out, err = run("tag-notes", "-", stdin=b"Left a voicemail.\nSo worried.\n")
    assert code == 0, err
    assert out.splitlines()[1:] == [
        "1      en   -",
        "2      en   anxiety  0.95  3       10      worried"]


def test_invalid_utf8_names_file_line_column(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"fine note\nbad \xff here\n")
    code, out, err = run("tag-notes", "--format", "json", str(path))
    assert code == 1
    assert out == ""
    assert err == f"jtbd: {path}:2:5: invalid UTF-8 (notes must be UTF-8 text)\n"


def test_bad_phrase_file_names_file_line_column(tmp_path):
    phrases = tmp_path / "phrases.txt"
    phrases.write_text("pull,ok\nworry,lost\n", encoding="utf-8")
    code, out, err = run("tag-notes", "--phrases", str(phrases), "-",
                         stdin=b"note")
    assert code == 1
    assert out == ""
    assert err.startswith(f"jtbd: {phrases}:2:1: unknown force \"worry\"")


def test_usage_errors_exit_2():
    for args in (["tag-notes"], ["tag-notes", "--lang", "de", "-"],
                 ["tag-notes", "--format", "csv", "-"],
                 ["tag-notes", "a", "b"], ["tag-notes", "--bogus", "-"]):
        code, out, err = run(*args, stdin=b"")
        assert code == 2, args
        assert out == ""
        assert err.startswith("jtbd: "), err


def test_missing_file_exit_1(tmp_path):
    code, _, err = run("tag-notes", str(tmp_path / "absent.txt"))
    assert code == 1
    assert "absent.txt" in err


def test_help_lists_tag_notes():
    code, out, _ = run("help")
    assert code == 0
    assert "  tag-notes   suggest force tags" in out
    code, out, _ = run("tag-notes", "--help")
    assert code == 0 and out.startswith("Usage: jtbd tag-notes")
