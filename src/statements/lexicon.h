// The words the ODI grammar is checked with, per language
// (../shared/domain.md §2, §2.1, §2.2, §9; docs/STATEMENTS.md).
#ifndef JTBD_STATEMENTS_LEXICON_H_
#define JTBD_STATEMENTS_LEXICON_H_

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "statements/statement_text.h"

namespace jtbd {
namespace statements {

// A phrase as token keys; `tag` names what it stands for (a metric's class,
// a canonical verb, ...).
struct Phrase {
  std::vector<std::string> keys;
  std::string text;
  std::string tag;
};

// Phrases sorted longest first, so that the first match is the longest.
using PhraseList = std::vector<Phrase>;

struct Direction {
  bool canonical = false;
  bool minimize = false;
};

struct Lexicon {
  Language language = Language::kEnglish;
  std::string minimize;  // "Minimize" / "Minimiser"
  std::string increase;  // "Increase" / "Augmenter"
  absl::flat_hash_map<std::string, Direction> directions;
  PhraseList metrics;  // tag: time, likelihood, ...
  absl::flat_hash_set<std::string> metric_nouns;
  absl::flat_hash_set<std::string> outcome_clarifier_markers;
  absl::flat_hash_set<std::string> job_clarifier_markers;
  absl::flat_hash_set<std::string> conjunctions;
  absl::flat_hash_set<std::string> between;   // "between ... and ..."
  absl::flat_hash_set<std::string> articles;  // before a second metric noun
  PhraseList binomials;                       // "terms and conditions"
  PhraseList vague;
  PhraseList solutions;
  PhraseList business;
  absl::flat_hash_set<std::string> feature_verbs;
  absl::flat_hash_set<std::string> modals;    // "should", "devrait"
  absl::flat_hash_set<std::string> subjects;  // "the", "we", "l'"
  absl::flat_hash_set<std::string> determiners;
  absl::flat_hash_set<std::string> stopwords;
  PhraseList story_situation;                // "when"
  PhraseList story_persona;                  // "as a"
  PhraseList story_motivation;               // "i want to"
  PhraseList story_outcome;                  // "so i can"
  absl::flat_hash_set<std::string> markers;  // frequent words, for detection
};

const Lexicon& EnglishLexicon();
const Lexicon& FrenchLexicon();
const Lexicon& LexiconFor(Language language);  // kAuto: English

// Builds a PhraseList from plain-text phrases (longest first). An entry
// "text=tag" tags the phrase.
PhraseList MakePhrases(const std::vector<std::string>& entries);

// Whether `phrase` matches the word keys of `tokens` starting at `index`.
bool MatchesAt(const std::vector<Token>& tokens, size_t index,
               const Phrase& phrase);
// The first (longest) phrase of `list` matching at `index`, or nullptr.
const Phrase* MatchAny(const std::vector<Token>& tokens, size_t index,
                       const PhraseList& list);

}  // namespace statements
}  // namespace jtbd

#endif  // JTBD_STATEMENTS_LEXICON_H_
