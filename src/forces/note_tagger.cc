#include "forces/note_tagger.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "forces/note_language.h"
#include "forces/note_lexicon_index.h"
#include "forces/note_tokens.h"
#include "io/utf8.h"

namespace jtbd {
namespace forces {

namespace {

constexpr int kMaxGap = 3;         // words a "_" may skip
constexpr int kNegationReach = 3;  // words before a phrase that negate it
constexpr int kModifierReach = 2;  // words before a phrase that modify it

bool WordMatches(const PatternWord& word, absl::string_view text) {
  for (size_t a = 0; a < word.alternatives.size(); ++a) {
    const std::string& alternative = word.alternatives[a];
    if (word.prefix[a] ? absl::StartsWith(text, alternative)
                       : text == alternative) {
      return true;
    }
  }
  return false;
}

// Whether entry.words[w..] matches tokens from `t`; sets *last to the last
// token matched. Gaps stay within a clause.
bool MatchFrom(const LexiconEntry& entry, size_t w,
               const std::vector<NoteToken>& tokens, size_t t, size_t* last) {
  if (w == entry.words.size()) return true;
  const PatternWord& word = entry.words[w];
  if (word.gap) {
    for (int skip = 0; skip <= kMaxGap; ++skip) {
      const size_t next = t + static_cast<size_t>(skip);
      if (next >= tokens.size()) return false;
      if (skip > 0 && tokens[next].clause_start) return false;
      if (MatchFrom(entry, w + 1, tokens, next, last)) return true;
    }
    return false;
  }
  if (t >= tokens.size()) return false;
  if (w > 0 && tokens[t].clause_start) return false;
  if (!WordMatches(word, tokens[t].text)) return false;
  *last = t;
  return MatchFrom(entry, w + 1, tokens, t + 1, last);
}

struct Match {
  const LexiconEntry* entry;
  size_t first;  // token indices, inclusive
  size_t last;
};

// Words of the same clause before token `first`, nearest first, at most
// `reach`.
template <typename Visit>
void VisitBefore(const std::vector<NoteToken>& tokens, size_t first, int reach,
                 Visit visit) {
  if (tokens[first].clause_start) return;
  for (int k = 1; k <= reach && first >= static_cast<size_t>(k); ++k) {
    const NoteToken& token = tokens[first - k];
    visit(token.text);
    if (token.clause_start) return;
  }
}

bool IsNegated(NoteLanguage language, const std::vector<NoteToken>& tokens,
               const Match& match) {
  bool negated = false;
  VisitBefore(tokens, match.first, kNegationReach, [&](absl::string_view word) {
    if (IsNegator(language, word)) negated = true;
  });
  if (negated || language != NoteLanguage::kFrench) return negated;
  // French wraps the verb: "ne veut pas", "n'est jamais". A one-word
  // phrase right after "ne" and right before pas/jamais is negated.
  if (match.first > 0 && tokens[match.first - 1].text == "ne" &&
      !tokens[match.first].clause_start && match.last + 1 < tokens.size() &&
      !tokens[match.last + 1].clause_start) {
    const std::string& after = tokens[match.last + 1].text;
    return after == "pas" || after == "jamais" || after == "guere" ||
           after == "point";
  }
  return false;
}

double Confidence(NoteLanguage language, const std::vector<NoteToken>& tokens,
                  const Match& match) {
  double confidence = match.entry->weight;
  bool intensified = false;
  bool hedged = false;
  VisitBefore(tokens, match.first, kModifierReach, [&](absl::string_view word) {
    if (IsIntensifier(language, word)) intensified = true;
    if (IsHedge(language, word)) hedged = true;
  });
  // "ils les attirent beaucoup": an intensifier right after counts too.
  if (match.last + 1 < tokens.size() && !tokens[match.last + 1].clause_start &&
      IsIntensifier(language, tokens[match.last + 1].text)) {
    intensified = true;
  }
  if (intensified) confidence += 0.1;
  if (hedged) confidence -= 0.15;
  confidence = std::min(0.99, std::max(0.05, confidence));
  // Two decimals, so that the JSON and the proto carry the same number.
  return std::round(confidence * 100.0) / 100.0;
}

// Every match of every entry, entry by entry and, within an entry, in note
// order (the order the sort below keeps among equals).
void FindMatches(const std::vector<LexiconEntry>& entries,
                 const std::vector<NoteToken>& tokens,
                 std::vector<Match>* matches) {
  for (const LexiconEntry& entry : entries) {
    for (size_t t = 0; t < tokens.size(); ++t) {
      if (!WordMatches(entry.words[0], tokens[t].text)) continue;
      size_t last = t;
      if (MatchFrom(entry, 1, tokens, t + 1, &last)) {
        matches->push_back({&entry, t, entry.words.size() == 1 ? t : last});
      }
    }
  }
}

// The same matches in the same order, trying at each word only the entries
// `index` says can start there.
void FindMatches(const std::vector<LexiconEntry>& entries,
                 const FirstWordIndex& index,
                 const std::vector<NoteToken>& tokens,
                 std::vector<Match>* matches) {
  std::vector<std::pair<uint32_t, size_t>> starts;  // (entry, token)
  std::vector<uint32_t> candidates;
  for (size_t t = 0; t < tokens.size(); ++t) {
    index.Candidates(tokens[t].text, &candidates);
    for (const uint32_t e : candidates) starts.emplace_back(e, t);
  }
  std::sort(starts.begin(), starts.end());
  for (const auto& [e, t] : starts) {
    const LexiconEntry& entry = entries[e];
    size_t last = t;
    if (MatchFrom(entry, 1, tokens, t + 1, &last)) {
      matches->push_back({&entry, t, entry.words.size() == 1 ? t : last});
    }
  }
}

int CountAccentedLetters(absl::string_view note) {
  int count = 0;
  for (size_t i = 0; i + 1 < note.size(); ++i) {
    const auto c = static_cast<unsigned char>(note[i]);
    // U+00C0..U+00FF (Latin-1 letters with accents) start with C3.
    if (c == 0xC3) ++count;
  }
  return count;
}

}  // namespace

absl::StatusOr<TaggedNote> TagNote(absl::string_view note,
                                   const NoteTagOptions& options) {
  if (note.size() > kMaxNoteBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("a note of ", note.size(), " bytes; at most ",
                     kMaxNoteBytes, " (16 MiB) are tagged"));
  }
  const size_t invalid = FindInvalidUtf8(note);
  if (invalid != absl::string_view::npos) {
    return absl::InvalidArgumentError(absl::StrCat(
        "byte ", invalid, ": invalid UTF-8 (a note must be UTF-8 text)"));
  }
  const std::vector<NoteToken> tokens = TokenizeNote(note);
  TaggedNote tagged;
  tagged.language =
      options.language.has_value()
          ? *options.language
          : DetectNoteLanguage(tokens, CountAccentedLetters(note));
  if (tokens.empty()) return tagged;

  std::vector<Match> matches;
  FindMatches(options.user_phrases, tokens, &matches);
  FindMatches(BuiltinLexicon(tagged.language),
              BuiltinLexiconIndex(tagged.language), tokens, &matches);

  // Longest first (in words), then the user's before the built-in, then
  // the stronger phrase, then the earlier: each keeps its words from any
  // later, overlapping match.
  std::stable_sort(matches.begin(), matches.end(),
                   [](const Match& a, const Match& b) {
                     const size_t la = a.last - a.first;
                     const size_t lb = b.last - b.first;
                     if (la != lb) return la > lb;
                     if (a.entry->user != b.entry->user) return a.entry->user;
                     if (a.entry->weight != b.entry->weight) {
                       return a.entry->weight > b.entry->weight;
                     }
                     return a.first < b.first;
                   });
  std::vector<bool> taken(tokens.size(), false);
  std::vector<Match> kept;
  for (const Match& match : matches) {
    bool free = true;
    for (size_t t = match.first; t <= match.last; ++t) free = free && !taken[t];
    if (!free) continue;
    for (size_t t = match.first; t <= match.last; ++t) taken[t] = true;
    // A negated phrase keeps its words (so that "worried" inside "not
    // worried" cannot come back through a shorter phrase) but suggests
    // nothing.
    if (IsNegated(tagged.language, tokens, match)) continue;
    kept.push_back(match);
  }
  std::sort(kept.begin(), kept.end(),
            [](const Match& a, const Match& b) { return a.first < b.first; });
  for (const Match& match : kept) {
    ForceSuggestion suggestion;
    suggestion.force = match.entry->force;
    suggestion.start = tokens[match.first].start;
    suggestion.end = tokens[match.last].end;
    suggestion.phrase = std::string(
        note.substr(suggestion.start, suggestion.end - suggestion.start));
    suggestion.confidence = Confidence(tagged.language, tokens, match);
    suggestion.user_phrase = match.entry->user;
    tagged.suggestions.push_back(std::move(suggestion));
  }
  return tagged;
}

v1::TaggedNote TaggedNoteToProto(const TaggedNote& tagged, int note_index) {
  v1::TaggedNote proto;
  proto.set_note_index(note_index);
  proto.set_language(tagged.language == NoteLanguage::kFrench
                         ? v1::NOTE_LANGUAGE_FRENCH
                         : v1::NOTE_LANGUAGE_ENGLISH);
  for (const ForceSuggestion& suggestion : tagged.suggestions) {
    v1::ForceTagSuggestion* out = proto.add_suggestions();
    out->set_force(suggestion.force);
    out->set_phrase(suggestion.phrase);
    out->set_start(static_cast<uint32_t>(suggestion.start));
    out->set_end(static_cast<uint32_t>(suggestion.end));
    out->set_confidence(suggestion.confidence);
    out->set_status(v1::TAG_STATUS_SUGGESTED);
    out->set_user_phrase(suggestion.user_phrase);
  }
  return proto;
}

}  // namespace forces
}  // namespace jtbd
