#ifndef JTBD_FORCES_NOTE_LEXICON_INDEX_H_
#define JTBD_FORCES_NOTE_LEXICON_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"
#include "forces/note_lexicon.h"

namespace jtbd {
namespace forces {

// The entries of a lexicon by the alternatives of their first word, so that
// a note word is tried only against the phrases that can start on it
// instead of against every phrase: a few hash lookups per word (its exact
// form and each of its prefixes up to the longest "stem*" alternative).
class FirstWordIndex {
 public:
  explicit FirstWordIndex(const std::vector<LexiconEntry>& entries);

  // Replaces *out with the indices of the entries whose first word matches
  // `word` (as WordMatches would), ascending and unique.
  void Candidates(absl::string_view word, std::vector<uint32_t>* out) const;

 private:
  absl::flat_hash_map<std::string, std::vector<uint32_t>> exact_;
  absl::flat_hash_map<std::string, std::vector<uint32_t>> prefix_;
  size_t longest_prefix_ = 0;
};

// The index of BuiltinLexicon(language), built once, thread-safely.
const FirstWordIndex& BuiltinLexiconIndex(NoteLanguage language);

}  // namespace forces
}  // namespace jtbd

#endif  // JTBD_FORCES_NOTE_LEXICON_INDEX_H_
