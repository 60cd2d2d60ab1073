#include "statements/statement_parser.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "io/latin_compose.h"
#include "io/utf8.h"
#include "statements/lexicon.h"

namespace jtbd {
namespace statements {

namespace {

// The first index in [from, end) whose key is in `markers`, else end; a
// comma also ends the part when `comma_ends`.
size_t FindMarker(const std::vector<Token>& tokens, size_t from, size_t end,
                  const absl::flat_hash_set<std::string>& markers,
                  bool comma_ends) {
  for (size_t i = from; i < end; ++i) {
    if (markers.contains(tokens[i].key)) return i;
    if (comma_ends && tokens[i].key == ",") return i;
  }
  return end;
}

struct PhraseHit {
  size_t index = 0;
  size_t length = 0;
  bool found = false;
};

PhraseHit FindPhrase(const std::vector<Token>& tokens, size_t from,
                     const PhraseList& list) {
  for (size_t i = from; i < tokens.size(); ++i) {
    if (const Phrase* p = MatchAny(tokens, i, list)) {
      return PhraseHit{i, p->keys.size(), true};
    }
  }
  return PhraseHit{};
}

bool StartsStory(const std::vector<Token>& tokens, const Lexicon& lexicon) {
  if (tokens.empty()) return false;
  if (MatchAny(tokens, 0, lexicon.story_persona) != nullptr) return true;
  const Phrase* situation = MatchAny(tokens, 0, lexicon.story_situation);
  if (situation == nullptr) return false;
  // "When" opens nothing but a job story; "if", "while", "si" ... only
  // with a motivation or an expected outcome after them.
  const std::string& first = tokens[0].key;
  if (first == "when" || first == "quand" || first == "lorsque" ||
      first == "lorsqu'") {
    return true;
  }
  return FindPhrase(tokens, 1, lexicon.story_motivation).found ||
         FindPhrase(tokens, 1, lexicon.story_outcome).found;
}

void ParseStory(const Lexicon& lexicon, ParsedStatement* p) {
  const std::vector<Token>& t = p->tokens;
  size_t situation_begin = 0;
  if (const Phrase* persona = MatchAny(t, 0, lexicon.story_persona)) {
    situation_begin = persona->keys.size();
  } else if (const Phrase* when = MatchAny(t, 0, lexicon.story_situation)) {
    situation_begin = when->keys.size();
  }
  const PhraseHit motivation =
      FindPhrase(t, situation_begin, lexicon.story_motivation);
  const PhraseHit outcome = FindPhrase(
      t,
      motivation.found ? motivation.index + motivation.length : situation_begin,
      lexicon.story_outcome);
  const size_t situation_end = motivation.found
                                   ? motivation.index
                                   : (outcome.found ? outcome.index : t.size());
  TokenRange situation{situation_begin, situation_end};
  if (MatchAny(t, 0, lexicon.story_persona) != nullptr) {
    p->persona = situation;
  } else {
    p->situation = situation;
  }
  if (motivation.found) {
    p->motivation = TokenRange{motivation.index + motivation.length,
                               outcome.found ? outcome.index : t.size()};
  }
  if (outcome.found) {
    p->expected_outcome = TokenRange{outcome.index + outcome.length, t.size()};
  }
}

void ParseOutcome(const Lexicon& lexicon, ParsedStatement* p) {
  const std::vector<Token>& t = p->tokens;
  const Direction& direction = lexicon.directions.at(t[0].key);
  p->direction = TokenRange{0, 1};
  p->direction_canonical = direction.canonical;
  p->direction_minimize = direction.minimize;
  size_t object_begin = 1;
  if (const Phrase* metric = MatchAny(t, 1, lexicon.metrics)) {
    p->metric = TokenRange{1, 1 + metric->keys.size()};
    p->metric_class = metric->tag;
    object_begin = p->metric.end;
  }
  const size_t clarifier = FindMarker(t, object_begin + 1, t.size(),
                                      lexicon.outcome_clarifier_markers, true);
  p->object = TokenRange{object_begin, clarifier};
  p->clarifier = TokenRange{clarifier, t.size()};
}

void ParseJob(const Lexicon& lexicon, ParsedStatement* p) {
  const std::vector<Token>& t = p->tokens;
  p->verb = TokenRange{0, 1};
  const size_t clarifier =
      FindMarker(t, 2, t.size(), lexicon.job_clarifier_markers, true);
  p->object = TokenRange{1, clarifier};
  p->clarifier = TokenRange{clarifier, t.size()};
}

}  // namespace

Span ParsedStatement::SpanOf(TokenRange range) const {
  size_t begin = range.begin;
  size_t end = range.end < tokens.size() ? range.end : tokens.size();
  while (begin < end && tokens[begin].punctuation) ++begin;
  while (end > begin && tokens[end - 1].punctuation) --end;
  if (begin >= end) return Span{};
  return Span{tokens[begin].span.begin, tokens[end - 1].span.end};
}

absl::string_view ParsedStatement::TextOf(TokenRange range) const {
  const Span span = SpanOf(range);
  return absl::string_view(text).substr(span.begin, span.end - span.begin);
}

Language DetectLanguage(const std::vector<Token>& tokens) {
  const Lexicon& en = EnglishLexicon();
  const Lexicon& fr = FrenchLexicon();
  int score = 0;  // > 0: French
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& key = tokens[i].key;
    const int weight = i == 0 ? 3 : 1;
    if (fr.markers.contains(key) || (i == 0 && fr.directions.contains(key))) {
      score += weight;
    }
    if (en.markers.contains(key) || (i == 0 && en.directions.contains(key))) {
      score -= weight;
    }
  }
  return score > 0 ? Language::kFrench : Language::kEnglish;
}

absl::StatusOr<ParsedStatement> ParseStatement(absl::string_view text,
                                               Language language) {
  const size_t bad = FindInvalidUtf8(text);
  if (bad != absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("the statement is not valid UTF-8 at byte ", bad));
  }
  ParsedStatement p;
  p.text = ComposeLatin(text);
  p.tokens = Tokenize(p.text);
  p.language =
      language == Language::kAuto ? DetectLanguage(p.tokens) : language;
  if (p.tokens.empty()) return p;
  const Lexicon& lexicon = LexiconFor(p.language);
  if (StartsStory(p.tokens, lexicon)) {
    p.kind = Kind::kJobStory;
    ParseStory(lexicon, &p);
  } else if (lexicon.directions.contains(p.tokens[0].key)) {
    p.kind = Kind::kOutcome;
    ParseOutcome(lexicon, &p);
  } else {
    p.kind = Kind::kJob;
    ParseJob(lexicon, &p);
  }
  return p;
}

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kJob:
      return "job";
    case Kind::kOutcome:
      return "outcome";
    case Kind::kJobStory:
      return "job_story";
    case Kind::kUnknown:
      break;
  }
  return "unknown";
}

const char* LanguageCode(Language language) {
  switch (language) {
    case Language::kEnglish:
      return "en";
    case Language::kFrench:
      return "fr";
    case Language::kAuto:
      break;
  }
  return "auto";
}

}  // namespace statements
}  // namespace jtbd
