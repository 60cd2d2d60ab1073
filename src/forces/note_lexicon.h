#ifndef JTBD_FORCES_NOTE_LEXICON_H_
#define JTBD_FORCES_NOTE_LEXICON_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "jtbd/v1/forces.pb.h"

namespace jtbd {
namespace forces {

// The languages the force tagger knows.
enum class NoteLanguage { kEnglish, kFrench };

// "en" or "fr".
const char* NoteLanguageCode(NoteLanguage language);

// One word of a phrase pattern: any of `alternatives` (NormalizeText form),
// each matching a note word exactly or, when `prefix`, any word beginning
// with it (so "worr*" covers worry, worried, worries, worrying). A gap
// matches zero to three words of the same clause.
struct PatternWord {
  std::vector<std::string> alternatives;
  std::vector<bool> prefix;  // one per alternative
  bool gap = false;
};

// A phrase that suggests a force, compiled.
struct LexiconEntry {
  v1::Force force = v1::FORCE_UNSPECIFIED;
  std::vector<PatternWord> words;
  // The confidence of a plain match (before intensifiers and hedges).
  double weight = 0.0;
  bool user = false;  // from the user's phrase list
};

// A phrase as written in a lexicon, compiled: words separated by spaces
// (compared in NormalizeText form, so case and accents do not matter,
// "inquiet" = "Inquiet" = "inquiét"); "a|b" either word; "worr*" any word
// starting with "worr"; "_" up to three words of any kind. Apostrophes are
// resolved as in notes (TokenizeNote), so "l'outil" = "le outil" and
// "don't" = "do not". INVALID_ARGUMENT for an empty phrase, a phrase that
// is only gaps or that begins or ends with one, a lone "*", or an empty
// alternative.
absl::StatusOr<LexiconEntry> CompilePhrase(v1::Force force,
                                           absl::string_view phrase,
                                           double weight);

// The built-in phrases of a language, compiled once (note_lexicon_en.cc,
// note_lexicon_fr.cc).
const std::vector<LexiconEntry>& BuiltinLexicon(NoteLanguage language);

// A phrase table row, as the language files write them.
struct PhraseRow {
  v1::Force force;
  const char* pattern;
  double weight;
};
// The rows of each language (defined in its own file).
const std::vector<PhraseRow>& EnglishPhraseRows();
const std::vector<PhraseRow>& FrenchPhraseRows();

// Words that weaken a nearby phrase to nothing ("not worried", "pas
// inquiet", "no concerns", "aucune inquiétude") and words that strengthen
// or soften it ("very", "vraiment"; "maybe", "peut-être"), per language.
bool IsNegator(NoteLanguage language, absl::string_view word);
bool IsIntensifier(NoteLanguage language, absl::string_view word);
bool IsHedge(NoteLanguage language, absl::string_view word);

}  // namespace forces
}  // namespace jtbd

#endif  // JTBD_FORCES_NOTE_LEXICON_H_
