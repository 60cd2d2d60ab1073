#include "forces/note_lexicon.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "forces/note_tokens.h"

namespace jtbd {
namespace forces {

const char* NoteLanguageCode(NoteLanguage language) {
  return language == NoteLanguage::kFrench ? "fr" : "en";
}

absl::StatusOr<LexiconEntry> CompilePhrase(v1::Force force,
                                           absl::string_view phrase,
                                           double weight) {
  LexiconEntry entry;
  entry.force = force;
  entry.weight = weight;
  // Split into space-separated words first, so that "|" and "*" keep their
  // meaning, then each alternative through the note tokenizer (accents,
  // case, apostrophes as in notes).
  for (absl::string_view raw :
       absl::StrSplit(phrase, absl::ByAnyChar(" \t"), absl::SkipEmpty())) {
    if (raw == "_") {
      PatternWord gap;
      gap.gap = true;
      entry.words.push_back(std::move(gap));
      continue;
    }
    // A word with an apostrophe may become two (l'outil -> le outil); its
    // alternatives must then agree in length, so apostrophes and "|" do not
    // mix: each alternative is tokenized and must give one word, unless it
    // is the only alternative.
    std::vector<absl::string_view> alternatives = absl::StrSplit(raw, '|');
    if (alternatives.size() == 1) {
      const bool prefix = raw.size() > 1 && raw.back() == '*';
      if (raw == "*") {
        return absl::InvalidArgumentError(
            absl::StrCat("phrase \"", phrase, "\": a lone \"*\""));
      }
      const std::vector<NoteToken> tokens =
          TokenizeNote(prefix ? raw.substr(0, raw.size() - 1) : raw);
      if (tokens.empty()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "phrase \"", phrase, "\": \"", raw, "\" has no letter or digit"));
      }
      for (size_t k = 0; k < tokens.size(); ++k) {
        PatternWord word;
        word.alternatives.push_back(tokens[k].text);
        word.prefix.push_back(prefix && k + 1 == tokens.size());
        entry.words.push_back(std::move(word));
      }
      continue;
    }
    PatternWord word;
    for (absl::string_view alternative : alternatives) {
      const bool prefix = alternative.size() > 1 && alternative.back() == '*';
      const std::vector<NoteToken> tokens = TokenizeNote(
          prefix ? alternative.substr(0, alternative.size() - 1) : alternative);
      if (tokens.size() != 1) {
        return absl::InvalidArgumentError(
            absl::StrCat("phrase \"", phrase, "\": the alternative \"",
                         alternative, "\" must be one word"));
      }
      word.alternatives.push_back(tokens[0].text);
      word.prefix.push_back(prefix);
    }
    entry.words.push_back(std::move(word));
  }
  if (entry.words.empty()) {
    return absl::InvalidArgumentError("an empty phrase");
  }
  if (entry.words.front().gap || entry.words.back().gap) {
    return absl::InvalidArgumentError(
        absl::StrCat("phrase \"", phrase, "\": \"_\" only between words"));
  }
  return entry;
}

namespace {

std::vector<LexiconEntry> CompileRows(const std::vector<PhraseRow>& rows) {
  std::vector<LexiconEntry> entries;
  entries.reserve(rows.size());
  for (const PhraseRow& row : rows) {
    absl::StatusOr<LexiconEntry> entry =
        CompilePhrase(row.force, row.pattern, row.weight);
    // The built-in tables are tested (note_tagger_test): a bad row is a
    // programming error, left out rather than aborting a CRM's process.
    if (entry.ok()) entries.push_back(*std::move(entry));
  }
  return entries;
}

bool InSet(absl::string_view word,
           std::initializer_list<absl::string_view> set) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

}  // namespace

const std::vector<LexiconEntry>& BuiltinLexicon(NoteLanguage language) {
  // Compiled once, thread-safely (function-local statics), never freed.
  static const auto* english =
      new std::vector<LexiconEntry>(CompileRows(EnglishPhraseRows()));
  static const auto* french =
      new std::vector<LexiconEntry>(CompileRows(FrenchPhraseRows()));
  return language == NoteLanguage::kFrench ? *french : *english;
}

bool IsNegator(NoteLanguage language, absl::string_view word) {
  if (language == NoteLanguage::kFrench) {
    // "ne" alone is left out: it comes with pas/plus/jamais, and "ne ...
    // plus" ("ne suit plus") states a problem rather than denying one.
    return InSet(word, {"pas", "aucun", "aucune", "aucuns", "aucunes", "sans",
                        "jamais", "ni", "nullement", "guere"});
  }
  return InSet(word, {"not", "no", "never", "without", "nor", "hardly", "none",
                      "neither", "nobody", "nothing"});
}

bool IsIntensifier(NoteLanguage language, absl::string_view word) {
  if (language == NoteLanguage::kFrench) {
    return InSet(word, {"tres", "vraiment", "extremement", "tellement",
                        "beaucoup", "fortement", "profondement", "totalement",
                        "vraie", "vrai", "gros", "grosse", "enorme",
                        "principale", "principal", "particulierement"});
  }
  return InSet(word, {"very", "really", "extremely", "so", "deeply", "highly",
                      "seriously", "totally", "big", "huge", "main", "real",
                      "major", "particularly", "incredibly"});
}

bool IsHedge(NoteLanguage language, absl::string_view word) {
  if (language == NoteLanguage::kFrench) {
    return InSet(word, {"peut", "peutetre", "eventuellement", "possiblement",
                        "legerement", "un_peu"});
  }
  return InSet(word, {"maybe", "perhaps", "possibly", "slightly", "somewhat",
                      "might", "bit"});
}

}  // namespace forces
}  // namespace jtbd
