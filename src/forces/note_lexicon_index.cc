#include "forces/note_lexicon_index.h"

#include <algorithm>

namespace jtbd {
namespace forces {

FirstWordIndex::FirstWordIndex(const std::vector<LexiconEntry>& entries) {
  for (size_t e = 0; e < entries.size(); ++e) {
    // CompilePhrase refuses a phrase that begins with a gap.
    const PatternWord& first = entries[e].words.front();
    for (size_t a = 0; a < first.alternatives.size(); ++a) {
      const std::string& alternative = first.alternatives[a];
      auto& bucket =
          first.prefix[a] ? prefix_[alternative] : exact_[alternative];
      if (bucket.empty() || bucket.back() != e) {
        bucket.push_back(static_cast<uint32_t>(e));
      }
      if (first.prefix[a]) {
        longest_prefix_ = std::max(longest_prefix_, alternative.size());
      }
    }
  }
}

void FirstWordIndex::Candidates(absl::string_view word,
                                std::vector<uint32_t>* out) const {
  out->clear();
  const auto exact = exact_.find(word);
  if (exact != exact_.end()) {
    out->insert(out->end(), exact->second.begin(), exact->second.end());
  }
  // A prefix alternative matches every word that starts with it, the empty
  // prefix ("*" alone is refused) excepted.
  const size_t longest = std::min(longest_prefix_, word.size());
  for (size_t length = 1; length <= longest; ++length) {
    const auto prefix = prefix_.find(word.substr(0, length));
    if (prefix != prefix_.end()) {
      out->insert(out->end(), prefix->second.begin(), prefix->second.end());
    }
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

const FirstWordIndex& BuiltinLexiconIndex(NoteLanguage language) {
  // Built once, thread-safely (function-local statics), never freed, like
  // the lexicons themselves.
  static const auto* english =
      new FirstWordIndex(BuiltinLexicon(NoteLanguage::kEnglish));
  static const auto* french =
      new FirstWordIndex(BuiltinLexicon(NoteLanguage::kFrench));
  return language == NoteLanguage::kFrench ? *french : *english;
}

}  // namespace forces
}  // namespace jtbd
