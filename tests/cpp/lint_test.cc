// jtbd.hpp's Linter, through libjtbd.so as a consumer sees it.
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "jtbd/jtbd.hpp"

namespace {

TEST(LintTest, OneStatementWithPartsAndFindings) {
  const jtbd::Linter linter;
  const jtbd::LintedStatement s =
      linter.Lint("Réduire le temps nécessaire pour vérifier une facture");
  EXPECT_EQ(s.kind, jtbd::StatementKind::kOutcome);
  EXPECT_EQ(s.language, jtbd::StatementLanguage::kFrench);
  EXPECT_EQ(s.Part(s.metric), "le temps nécessaire pour");
  EXPECT_EQ(s.Part(s.object), "vérifier une facture");
  ASSERT_EQ(s.findings.size(), 1u);
  EXPECT_EQ(s.findings[0].rule, "JTBD-L001");
  EXPECT_EQ(s.findings[0].severity, jtbd::LintSeverity::kWarning);
  EXPECT_EQ(s.findings[0].suggestion,
            "Minimiser le temps nécessaire pour vérifier une facture");
  EXPECT_FALSE(s.findings[0].related_statement.has_value());
  EXPECT_TRUE(s.has_warnings);
}

TEST(LintTest, SetWithIdsAndSolutionWords) {
  const jtbd::Linter linter(jtbd::StatementLanguage::kEnglish, {"Acme"});
  const std::vector<jtbd::LintedStatement> all =
      linter.LintAll({"Minimize the time it takes to file an invoice in Acme",
                      "Minimize the time it takes to file an invoice in Acme"},
                     {"o1", "o2"});
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].id, "o2");
  ASSERT_EQ(all[0].findings.size(), 1u);
  EXPECT_EQ(all[0].findings[0].rule_name, "solution-word");
  ASSERT_EQ(all[1].findings.size(), 2u);
  EXPECT_EQ(all[1].findings[1].rule_name, "duplicate");
  EXPECT_EQ(all[1].findings[1].related_statement, 0u);
}

// jtbd.h: a linter only read by jtbd_linter_lint may serve many threads.
TEST(LintTest, OneLinterManyThreads) {
  const jtbd::Linter linter;
  const std::vector<std::string> texts = {
      "Reduce the time it takes to verify an invoice",
      "Minimiser les erreurs de facturation",
      "When a new order arrives, I want to see it, so I can ship it today",
      "Add a button to export the report"};
  std::vector<size_t> expected;
  for (const std::string& text : texts) {
    expected.push_back(linter.Lint(text).findings.size());
  }
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        const size_t k = static_cast<size_t>(i + t) % texts.size();
        if (linter.Lint(texts[k]).findings.size() != expected[k]) {
          ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
  EXPECT_EQ(expected, (std::vector<size_t>{1, 1, 0, 2}));
}

TEST(LintTest, RefusalsThrow) {
  const jtbd::Linter linter;
  try {
    linter.LintAll({"fine", std::string("bad \xC3")});
    FAIL() << "no exception";
  } catch (const jtbd::Error& e) {
    EXPECT_EQ(e.code(), JTBD_INVALID_ARGUMENT);
    EXPECT_NE(e.message().find("texts[1]"), std::string::npos) << e.message();
  }
  EXPECT_THROW(jtbd::Linter(static_cast<jtbd::StatementLanguage>(9)),
               jtbd::Error);
}

}  // namespace
