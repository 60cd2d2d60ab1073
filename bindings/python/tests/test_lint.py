"""Statements linted (jtbd.lint, jtbd.lint_all, jtbd.Linter): the parts
with their byte offsets (checked against Python's own UTF-8 encoding and
NFC), the findings with rule ids and suggestions, duplicates across a set,
user solution words, refusals."""

import unicodedata

import pytest

import jtbd


def test_one_outcome_into_parts():
    s = jtbd.lint("Minimize the time it takes to verify the accuracy of an "
                  "invoice when it arrives")
    assert s.kind == jtbd.StatementKind.OUTCOME
    assert s.language == jtbd.StatementLanguage.ENGLISH
    assert s.part(s.direction) == "Minimize"
    assert s.part(s.metric) == "the time it takes to"
    assert (s.metric.begin, s.metric.end) == (9, 29)
    assert s.part(s.object) == "verify the accuracy of an invoice"
    assert s.part(s.clarifier) == "when it arrives"
    assert not s.situation
    assert s.findings == () and not s.has_warnings


def test_french_offsets_are_bytes_of_the_nfc_text():
    text = "Re\u0301duire la probabilite\u0301 qu\u2019un paiement soit perdu"
    s = jtbd.lint(text, lang="fr")
    assert s.text == unicodedata.normalize("NFC", text)
    raw = s.text.encode("utf-8")
    assert raw[s.metric.begin:s.metric.end].decode() == (
        "la probabilit\u00e9 qu\u2019")
    (finding,) = s.findings
    assert finding.rule == "JTBD-L001"
    assert finding.rule_name == "non-canonical-direction"
    assert finding.severity == jtbd.LintSeverity.WARNING
    assert finding.suggestion == ("Minimiser la probabilit\u00e9 qu\u2019un "
                                  "paiement soit perdu")
    assert finding.related_statement is None
    assert s.part(finding.span) == "R\u00e9duire"


def test_job_story_parts():
    s = jtbd.lint("When a new order arrives, I want to see it, so I can "
                  "ship it today.")
    assert s.kind == jtbd.StatementKind.JOB_STORY
    assert s.part(s.situation) == "a new order arrives"
    assert s.part(s.motivation) == "see it"
    assert s.part(s.expected_outcome) == "ship it today"


def test_set_with_ids_duplicates_and_solution_words():
    results = jtbd.lint_all(
        ["Minimize the time it takes to file an invoice in Acme",
         "minimize the time it takes to file an invoice in acme.",
         "Increase revenue"],
        solution_words=["Acme"], ids=["o1", "o2", "o3"])
    assert [r.id for r in results] == ["o1", "o2", "o3"]
    assert [f.rule_name for f in results[0].findings] == ["solution-word"]
    assert [f.rule_name for f in results[1].findings] == [
        "solution-word", "duplicate"]
    assert results[1].findings[1].related_statement == 0
    assert [f.rule for f in results[2].findings] == ["JTBD-L007"]
    assert results[2].findings[0].severity == jtbd.LintSeverity.ERROR


def test_a_linter_is_reused():
    with jtbd.Linter("en") as linter:
        first = linter.lint("Reduce the time it takes to pay")
        second = linter.lint("Pay a supplier on time")
    assert first.has_warnings and not second.has_warnings


def test_refusals():
    with pytest.raises(jtbd.InvalidArgumentError, match=r"texts\[1\]"):
        jtbd.lint_all(["fine", b"bad \xc3"])
    with pytest.raises(jtbd.InvalidArgumentError, match="not valid UTF-8"):
        jtbd.lint(b"\xff")
    with pytest.raises(ValueError, match="lang"):
        jtbd.lint("x", lang="de")
    with pytest.raises(jtbd.InvalidArgumentError, match="blank"):
        jtbd.Linter(solution_words=["  "])
    with pytest.raises(ValueError, match="ids"):
        jtbd.lint_all(["a", "b"], ids=["x"])
