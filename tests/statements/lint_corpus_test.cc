// The labelled statement sets of tests/data/statements (written before the
// rules): per-rule precision and recall, and the bar per language:
// at least 90% of defective statements flagged, at most 1 sound statement in
// 30 flagged. "Flagged" means a finding at warning level or above.
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_split.h"
#include "gtest/gtest.h"
#include "statements/linter.h"
#include "statements/near_duplicates.h"

namespace jtbd {
namespace statements {
namespace {

struct Labelled {
  std::set<std::string> rules;  // names; empty for a sound statement
  std::string text;
  int line = 0;
};

std::vector<Labelled> ReadSet(const std::string& name) {
  const std::string path =
      std::string(JTBD_TEST_DATA_DIR) + "/statements/" + name;
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << path;
  std::vector<Labelled> out;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    EXPECT_NE(tab, std::string::npos) << path << ":" << number;
    if (tab == std::string::npos) continue;
    Labelled l;
    l.line = number;
    l.text = line.substr(tab + 1);
    const std::string labels = line.substr(0, tab);
    if (labels != "-") {
      for (absl::string_view r : absl::StrSplit(labels, ',')) {
        EXPECT_NE(FindRule(std::string(r)), nullptr)
            << path << ":" << number << ": unknown rule " << r;
        l.rules.insert(std::string(r));
      }
    }
    out.push_back(std::move(l));
  }
  return out;
}

struct Measured {
  int defective = 0;
  int defective_flagged = 0;
  int sound = 0;
  int sound_flagged = 0;
};

Measured Measure(const std::string& file, Language language) {
  const std::vector<Labelled> set = ReadSet(file);
  std::vector<std::string> texts;
  for (const Labelled& l : set) texts.push_back(l.text);
  Linter linter(LintOptions{language, {}});
  auto linted = linter.LintAll(texts);
  EXPECT_TRUE(linted.ok()) << linted.status();
  Measured m;
  if (!linted.ok()) return m;
  std::map<std::string, int> tp, fp, fn;
  for (size_t i = 0; i < set.size(); ++i) {
    const LintedStatement& s = (*linted)[i];
    std::set<std::string> found;
    for (const Finding& f : s.findings) found.insert(InfoOf(f.rule).name);
    for (const std::string& r : found) {
      if (set[i].rules.count(r)) {
        ++tp[r];
      } else {
        ++fp[r];
        std::printf("  %s:%d extra %s: %s\n", file.c_str(), set[i].line,
                    r.c_str(), set[i].text.c_str());
      }
    }
    for (const std::string& r : set[i].rules) {
      if (!found.count(r)) {
        ++fn[r];
        std::printf("  %s:%d missed %s: %s\n", file.c_str(), set[i].line,
                    r.c_str(), set[i].text.c_str());
      }
    }
    const bool flagged = HasWarnings(s);
    if (set[i].rules.empty()) {
      ++m.sound;
      m.sound_flagged += flagged;
    } else {
      ++m.defective;
      m.defective_flagged += flagged;
    }
  }
  std::printf("%s (%s): per-rule precision and recall\n", file.c_str(),
              LanguageCode(language));
  std::printf("  %-24s %4s %4s %4s %9s %9s\n", "rule", "tp", "fp", "fn",
              "precision", "recall");
  for (const RuleInfo& info : AllRules()) {
    const int t = tp[info.name], p = fp[info.name], n = fn[info.name];
    if (t + p + n == 0) continue;
    std::printf("  %-24s %4d %4d %4d %9.3f %9.3f\n", info.name, t, p, n,
                t + p ? static_cast<double>(t) / (t + p) : 1.0,
                t + n ? static_cast<double>(t) / (t + n) : 1.0);
  }
  std::printf("  defective flagged %d/%d, sound flagged %d/%d\n",
              m.defective_flagged, m.defective, m.sound_flagged, m.sound);
  return m;
}

void ExpectBar(const Measured& m) {
  ASSERT_GE(m.defective, 30);
  ASSERT_GE(m.sound, 30);
  EXPECT_GE(m.defective_flagged * 10, m.defective * 9)
      << m.defective_flagged << " of " << m.defective << " defective flagged";
  EXPECT_LE(m.sound_flagged * 30, m.sound)
      << m.sound_flagged << " of " << m.sound << " sound flagged";
}

TEST(LintCorpusTest, EnglishMeetsTheBar) {
  ExpectBar(Measure("en.tsv", Language::kEnglish));
}

TEST(LintCorpusTest, FrenchMeetsTheBar) {
  ExpectBar(Measure("fr.tsv", Language::kFrench));
}

// With the language guessed per statement, as `--lang auto` does.
TEST(LintCorpusTest, GuessedLanguageMeetsTheBarToo) {
  ExpectBar(Measure("en.tsv", Language::kAuto));
  ExpectBar(Measure("fr.tsv", Language::kAuto));
}

// Written after the rules were tuned and never used to change them: their
// figures are printed (docs/STATEMENTS.md reports them), not held to the
// bar, which the tuned sets above meet by construction.
TEST(LintCorpusTest, HeldOutSetsArePrinted) {
  const Measured en = Measure("heldout_en.tsv", Language::kAuto);
  const Measured fr = Measure("heldout_fr.tsv", Language::kAuto);
  EXPECT_EQ(en.sound + en.defective, 30);
  EXPECT_EQ(fr.sound + fr.defective, 30);
}

TEST(LintCorpusTest, LanguageGuessIsRightOnEveryStatement) {
  for (const auto& [file, language] :
       std::vector<std::pair<std::string, Language>>{
           {"en.tsv", Language::kEnglish}, {"fr.tsv", Language::kFrench}}) {
    for (const Labelled& l : ReadSet(file)) {
      auto parsed = ParseStatement(l.text, Language::kAuto);
      ASSERT_TRUE(parsed.ok());
      EXPECT_EQ(parsed->language, language) << file << ":" << l.line;
    }
  }
}

// The near-duplicate threshold sits between the most similar pair of
// distinct statements and the least similar labelled near-duplicate.
TEST(LintCorpusTest, NearDuplicateThresholdSeparatesTheSets) {
  for (const auto& [file, language] :
       std::vector<std::pair<std::string, Language>>{
           {"en.tsv", Language::kEnglish}, {"fr.tsv", Language::kFrench}}) {
    const std::vector<Labelled> set = ReadSet(file);
    std::vector<ParsedStatement> parsed;
    for (const Labelled& l : set) {
      parsed.push_back(*ParseStatement(l.text, language));
    }
    double max_distinct = 0.0;
    double min_near = 1.0;
    for (size_t i = 0; i < set.size(); ++i) {
      double best = 0.0;
      for (size_t j = 0; j < i; ++j) {
        if (parsed[i].kind != parsed[j].kind) continue;
        const double jac =
            Jaccard(ContentWords(parsed[i]), ContentWords(parsed[j]));
        if (jac > best) best = jac;
      }
      if (set[i].rules.count("near-duplicate")) {
        if (best < min_near) min_near = best;
      } else if (!set[i].rules.count("duplicate")) {
        if (best > max_distinct) max_distinct = best;
      }
    }
    std::printf(
        "%s: most similar distinct pair %.3f, least similar "
        "near-duplicate %.3f, threshold %.2f\n",
        file.c_str(), max_distinct, min_near, kNearDuplicateJaccard);
    EXPECT_LT(max_distinct, kNearDuplicateJaccard) << file;
    EXPECT_GE(min_near, kNearDuplicateJaccard) << file;
  }
}

}  // namespace
}  // namespace statements
}  // namespace jtbd
