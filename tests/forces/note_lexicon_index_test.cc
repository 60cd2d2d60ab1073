// FirstWordIndex against the scan it replaces: for every word a note can
// hold that bears on the lexicons (each alternative, each alternative with
// letters added, each cut short, and words of no phrase), the candidates are
// exactly the entries whose first word matches it, as WordMatches decides
// (exactly, or by prefix for "stem*").
#include "forces/note_lexicon_index.h"

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "forces/note_lexicon.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace forces {
namespace {

std::vector<uint32_t> Scan(const std::vector<LexiconEntry>& entries,
                           const std::string& word) {
  std::vector<uint32_t> out;
  for (size_t e = 0; e < entries.size(); ++e) {
    const PatternWord& first = entries[e].words.front();
    for (size_t a = 0; a < first.alternatives.size(); ++a) {
      const std::string& alternative = first.alternatives[a];
      if (first.prefix[a] ? absl::StartsWith(word, alternative)
                          : word == alternative) {
        out.push_back(static_cast<uint32_t>(e));
        break;
      }
    }
  }
  return out;
}

std::vector<std::string> Words(const std::vector<LexiconEntry>& entries) {
  std::vector<std::string> words = {"", "a", "zzz", "the", "le", "de", "x"};
  for (const LexiconEntry& entry : entries) {
    for (const PatternWord& word : entry.words) {
      for (const std::string& alternative : word.alternatives) {
        words.push_back(alternative);
        words.push_back(alternative + "s");
        words.push_back(alternative + "ing");
        words.push_back(alternative.substr(0, alternative.size() / 2));
        if (alternative.size() > 1) {
          words.push_back(alternative.substr(0, alternative.size() - 1));
        }
      }
    }
  }
  return words;
}

void ExpectIndexEqualsScan(const std::vector<LexiconEntry>& entries) {
  const FirstWordIndex index(entries);
  std::vector<uint32_t> candidates;
  size_t matched = 0;
  for (const std::string& word : Words(entries)) {
    index.Candidates(word, &candidates);
    const std::vector<uint32_t> expected = Scan(entries, word);
    EXPECT_EQ(candidates, expected) << "word \"" << word << "\"";
    matched += expected.empty() ? 0 : 1;
  }
  // The words above do reach phrases, by exact form and by prefix.
  EXPECT_GT(matched, entries.size());
}

TEST(FirstWordIndexTest, EnglishCandidatesAreTheScansMatches) {
  ExpectIndexEqualsScan(BuiltinLexicon(NoteLanguage::kEnglish));
}

TEST(FirstWordIndexTest, FrenchCandidatesAreTheScansMatches) {
  ExpectIndexEqualsScan(BuiltinLexicon(NoteLanguage::kFrench));
}

TEST(FirstWordIndexTest, AlternativesOfOneEntryGiveItOnce) {
  std::vector<LexiconEntry> entries;
  for (const char* phrase : {"worr* about", "worry|worr*|worried", "calm"}) {
    auto entry = CompilePhrase(v1::FORCE_ANXIETY, phrase, 0.5);
    ASSERT_TRUE(entry.ok()) << entry.status();
    entries.push_back(*std::move(entry));
  }
  const FirstWordIndex index(entries);
  std::vector<uint32_t> candidates = {7, 7};  // replaced, not appended to
  index.Candidates("worry", &candidates);
  EXPECT_EQ(candidates, (std::vector<uint32_t>{0, 1}));
  index.Candidates("worr", &candidates);
  EXPECT_EQ(candidates, (std::vector<uint32_t>{0, 1}));
  index.Candidates("wor", &candidates);
  EXPECT_TRUE(candidates.empty());
  index.Candidates("calmer", &candidates);
  EXPECT_TRUE(candidates.empty());  // "calm" is exact
  index.Candidates("calm", &candidates);
  EXPECT_EQ(candidates, (std::vector<uint32_t>{2}));
}

}  // namespace
}  // namespace forces
}  // namespace jtbd
