#include "forces/note_language.h"

#include <algorithm>

#include "absl/strings/string_view.h"

namespace jtbd {
namespace forces {

namespace {

// Function words of one language that are not words of the other (so not
// "a", "on", "son", "plus", "pour" is French only, "en" is dropped since
// "en" also abbreviates English).
bool IsEnglishWord(absl::string_view word) {
  static constexpr absl::string_view kWords[] = {
      "the",  "and",  "is",    "are",  "was",   "were", "to",    "of",
      "with", "they", "their", "them", "not",   "for",  "it",    "we",
      "our",  "this", "that",  "have", "has",   "be",   "been",  "by",
      "from", "at",   "about", "will", "would", "he",   "she",   "his",
      "her",  "but",  "or",    "an",   "no",    "said", "asked", "sent",
      "next", "call", "week",  "team", "wants", "do",   "does",  "did"};
  return std::find(std::begin(kWords), std::end(kWords), word) !=
         std::end(kWords);
}

bool IsFrenchWord(absl::string_view word) {
  static constexpr absl::string_view kWords[] = {
      "le",     "la",   "les",    "des",    "du",      "de",     "et",
      "est",    "sont", "pour",   "avec",   "ils",     "elle",   "elles",
      "pas",    "une",  "un",     "que",    "qui",     "au",     "aux",
      "sur",    "leur", "leurs",  "nous",   "notre",   "nos",    "vous",
      "votre",  "dans", "par",    "mais",   "ou",      "ce",     "cette",
      "ces",    "se",   "ne",     "il",     "y",       "tres",   "deja",
      "aussi",  "chez", "client", "rappel", "semaine", "envoye", "prevu",
      "equipe", "veut", "depuis", "apres",  "avant"};
  return std::find(std::begin(kWords), std::end(kWords), word) !=
         std::end(kWords);
}

}  // namespace

NoteLanguage DetectNoteLanguage(const std::vector<NoteToken>& tokens,
                                int accented_letters) {
  int english = 0;
  int french = std::min(accented_letters, 3);
  for (const NoteToken& token : tokens) {
    if (IsEnglishWord(token.text)) ++english;
    if (IsFrenchWord(token.text)) ++french;
  }
  return french > english ? NoteLanguage::kFrench : NoteLanguage::kEnglish;
}

}  // namespace forces
}  // namespace jtbd
