#include "statements/statement_parser.h"

#include <string>

#include "gtest/gtest.h"
#include "io/latin_compose.h"
#include "statements/linter.h"

namespace jtbd {
namespace statements {
namespace {

std::string Part(const ParsedStatement& p, TokenRange range) {
  return std::string(p.TextOf(range));
}

TEST(StatementParserTest, OutcomeIntoItsFourParts) {
  auto p = ParseStatement(
      "Minimize the time it takes to verify the accuracy of an invoice when "
      "it arrives",
      Language::kAuto);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->kind, Kind::kOutcome);
  EXPECT_EQ(p->language, Language::kEnglish);
  EXPECT_EQ(Part(*p, p->direction), "Minimize");
  EXPECT_EQ(Part(*p, p->metric), "the time it takes to");
  EXPECT_EQ(p->metric_class, "time");
  EXPECT_EQ(Part(*p, p->object), "verify the accuracy of an invoice");
  EXPECT_EQ(Part(*p, p->clarifier), "when it arrives");
  // Byte offsets of the NFC text, counted by hand.
  const Span metric = p->SpanOf(p->metric);
  EXPECT_EQ(metric.begin, 9u);
  EXPECT_EQ(metric.end, 29u);
}

TEST(StatementParserTest, FrenchOutcomeWithElisionAndNoBreakSpace) {
  // "qu’" with U+2019, a no-break space (U+00A0) before "lorsqu'".
  auto p = ParseStatement(
      "Minimiser la probabilité qu’un paiement soit perdu\xC2\xA0lorsqu'il "
      "part",
      Language::kAuto);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->language, Language::kFrench);
  EXPECT_EQ(p->kind, Kind::kOutcome);
  EXPECT_EQ(Part(*p, p->metric), "la probabilité qu’");
  EXPECT_EQ(p->metric_class, "likelihood");
  EXPECT_EQ(Part(*p, p->object), "un paiement soit perdu");
  EXPECT_EQ(Part(*p, p->clarifier), "lorsqu'il part");
  // "la probabilité qu’" starts after "Minimiser " (10 bytes) and holds
  // é (2 bytes) and ’ (3 bytes): 18 code points, 21 bytes.
  const Span metric = p->SpanOf(p->metric);
  EXPECT_EQ(metric.begin, 10u);
  EXPECT_EQ(metric.end, 31u);
}

TEST(StatementParserTest, DecomposedAccentsAreComposed) {
  EXPECT_EQ(ComposeLatin("Ve\xCC\x81rifier"), "V\xC3\xA9rifier");
  EXPECT_EQ(ComposeLatin("already \xC3\xA9"), "already \xC3\xA9");
  // A mark that composes with nothing stays.
  EXPECT_EQ(ComposeLatin("x\xCC\x81"), "x\xCC\x81");
  auto p = ParseStatement(
      "Re\xCC\x81"
      "duire le temps ne\xCC\x81"
      "cessaire "
      "pour payer",
      Language::kAuto);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->text,
            "R\xC3\xA9"
            "duire le temps n\xC3\xA9"
            "cessaire pour payer");
  EXPECT_EQ(p->language, Language::kFrench);
  EXPECT_EQ(p->kind, Kind::kOutcome);
  EXPECT_FALSE(p->direction_canonical);
  EXPECT_EQ(Part(*p, p->metric),
            "le temps n\xC3\xA9"
            "cessaire pour");
}

TEST(StatementParserTest, JobStatement) {
  auto p =
      ParseStatement("Cut a piece of wood in a straight line", Language::kAuto);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->kind, Kind::kJob);
  EXPECT_EQ(Part(*p, p->verb), "Cut");
  EXPECT_EQ(Part(*p, p->object), "a piece of wood");
  EXPECT_EQ(Part(*p, p->clarifier), "in a straight line");
}

TEST(StatementParserTest, JobStoriesInBothLanguages) {
  auto en = ParseStatement(
      "When an important new customer signs up, I want to be notified, so I "
      "can start a conversation with them.",
      Language::kAuto);
  ASSERT_TRUE(en.ok());
  EXPECT_EQ(en->kind, Kind::kJobStory);
  EXPECT_EQ(Part(*en, en->situation), "an important new customer signs up");
  EXPECT_EQ(Part(*en, en->motivation), "be notified");
  EXPECT_EQ(Part(*en, en->expected_outcome), "start a conversation with them");
  auto fr = ParseStatement(
      "Quand un client important s’inscrit, je veux être prévenu, afin de "
      "pouvoir lui parler.",
      Language::kAuto);
  ASSERT_TRUE(fr.ok());
  EXPECT_EQ(fr->kind, Kind::kJobStory);
  EXPECT_EQ(fr->language, Language::kFrench);
  EXPECT_EQ(Part(*fr, fr->situation), "un client important s’inscrit");
  EXPECT_EQ(Part(*fr, fr->motivation), "être prévenu");
  EXPECT_EQ(Part(*fr, fr->expected_outcome), "lui parler");
}

TEST(StatementParserTest, InvalidUtf8IsRefusedWithItsOffset) {
  auto p = ParseStatement("Minimize \xFF", Language::kAuto);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().message(), "the statement is not valid UTF-8 at byte 9");
}

TEST(StatementParserTest, EmptyTextHasNoPartsAndNoFindings) {
  Linter linter{LintOptions{}};
  auto linted = linter.Lint("  \xC2\xA0 ");
  ASSERT_TRUE(linted.ok());
  EXPECT_TRUE(linted->parsed.tokens.empty());
  EXPECT_TRUE(linted->findings.empty());
}

TEST(LintRulesTest, SuggestionsRewriteTheStatement) {
  Linter linter{LintOptions{}};
  auto direction = linter.Lint("Reduce the time it takes to verify an invoice");
  ASSERT_TRUE(direction.ok());
  ASSERT_EQ(direction->findings.size(), 1u);
  EXPECT_EQ(direction->findings[0].rule, Rule::kNonCanonicalDirection);
  EXPECT_EQ(direction->findings[0].suggestion,
            "Minimize the time it takes to verify an invoice");
  auto fr = linter.Lint("Réduire la probabilité qu’un paiement soit perdu");
  ASSERT_TRUE(fr.ok());
  ASSERT_EQ(fr->findings.size(), 1u);
  EXPECT_EQ(fr->findings[0].suggestion,
            "Minimiser la probabilité qu’un paiement soit perdu");
  auto metric = linter.Lint("Minimize errors when billing");
  ASSERT_TRUE(metric.ok());
  ASSERT_EQ(metric->findings.size(), 1u);
  EXPECT_EQ(metric->findings[0].rule, Rule::kMissingMetric);
  EXPECT_EQ(metric->findings[0].suggestion,
            "Minimize the number of errors when billing");
  auto vague = linter.Lint("Minimize the time it takes to quickly find a file");
  ASSERT_TRUE(vague.ok());
  ASSERT_EQ(vague->findings.size(), 1u);
  EXPECT_EQ(vague->findings[0].suggestion,
            "Minimize the time it takes to find a file");
  auto compound =
      linter.Lint("Minimiser le temps et l’effort nécessaires pour payer");
  ASSERT_TRUE(compound.ok());
  ASSERT_EQ(compound->findings.size(), 1u);
  EXPECT_EQ(compound->findings[0].rule, Rule::kCompoundMetric);
  EXPECT_EQ(compound->findings[0].suggestion,
            "Minimiser le temps nécessaires pour payer");
}

TEST(LintRulesTest, UserSolutionWords) {
  Linter plain{LintOptions{}};
  Linter custom{LintOptions{Language::kAuto, {"Acme Books", "widgetron"}}};
  const std::string text =
      "Minimize the time it takes to file an invoice in acme books";
  EXPECT_TRUE(plain.Lint(text)->findings.empty());
  auto linted = custom.Lint(text);
  ASSERT_EQ(linted->findings.size(), 1u);
  EXPECT_EQ(linted->findings[0].rule, Rule::kSolutionWord);
  const Span span = linted->findings[0].span;
  EXPECT_EQ(text.substr(span.begin, span.end - span.begin), "acme books");
}

TEST(LintRulesTest, BetweenPairsOneConjunctionOnly) {
  Linter linter{LintOptions{}};
  auto pair = linter.Lint(
      "Minimize the time it takes to confirm that the gap between the fence "
      "and the blade is correct");
  ASSERT_TRUE(pair.ok());
  EXPECT_TRUE(pair->findings.empty());
  auto two = linter.Lint(
      "Minimiser le temps nécessaire pour choisir entre deux offres et signer "
      "et payer");
  ASSERT_TRUE(two.ok());
  ASSERT_EQ(two->findings.size(), 1u);
  EXPECT_EQ(two->findings[0].rule, Rule::kTwoNeeds);
  const Span span = two->findings[0].span;
  EXPECT_EQ(two->parsed.text.substr(span.begin, span.end - span.begin), "et");
  EXPECT_GT(span.begin, two->parsed.text.find("signer"));
}

TEST(LintRulesTest, RuleIdsAreStable) {
  EXPECT_STREQ(InfoOf(Rule::kNonCanonicalDirection).id, "JTBD-L001");
  EXPECT_STREQ(InfoOf(Rule::kPersonaNotSituation).id, "JTBD-L011");
  EXPECT_EQ(static_cast<int>(AllRules().size()), kRuleCount);
  for (int i = 0; i < kRuleCount; ++i) {
    EXPECT_EQ(static_cast<int>(AllRules()[i].rule), i + 1);
  }
}

TEST(LintRulesTest, SetFindingsNameTheEarlierStatement) {
  Linter linter{LintOptions{}};
  auto linted = linter.LintAll(std::vector<std::string>{
      "Minimize the time it takes to locate a file",
      "Cut a piece of wood in a straight line",
      "minimize the time it takes to locate a file.",
      "Minimize the time it takes to locate the files"});
  ASSERT_TRUE(linted.ok());
  ASSERT_EQ((*linted)[2].findings.size(), 1u);
  EXPECT_EQ((*linted)[2].findings[0].rule, Rule::kDuplicate);
  EXPECT_EQ((*linted)[2].findings[0].related, 0);
  ASSERT_EQ((*linted)[3].findings.size(), 1u);
  EXPECT_EQ((*linted)[3].findings[0].rule, Rule::kNearDuplicate);
  EXPECT_EQ((*linted)[3].findings[0].related, 0);
  auto bad = linter.LintAll(std::vector<std::string>{"ok", "bad \xC3"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "statement 1: the statement is not valid UTF-8 at byte 4");
}

}  // namespace
}  // namespace statements
}  // namespace jtbd
