#include "statements/lint_rules.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace jtbd {
namespace statements {

namespace {

const std::vector<RuleInfo>& Rules() {
  static const auto* const kRules = new std::vector<RuleInfo>{
      {Rule::kNonCanonicalDirection, "JTBD-L001", "non-canonical-direction",
       Severity::kWarning},
      {Rule::kMissingMetric, "JTBD-L002", "missing-metric", Severity::kError},
      {Rule::kCompoundMetric, "JTBD-L003", "compound-metric", Severity::kError},
      {Rule::kVagueQualifier, "JTBD-L004", "vague-qualifier",
       Severity::kWarning},
      {Rule::kSolutionWord, "JTBD-L005", "solution-word", Severity::kWarning},
      {Rule::kTwoNeeds, "JTBD-L006", "two-needs", Severity::kWarning},
      {Rule::kNotANeed, "JTBD-L007", "not-a-need", Severity::kError},
      {Rule::kDuplicate, "JTBD-L008", "duplicate", Severity::kWarning},
      {Rule::kNearDuplicate, "JTBD-L009", "near-duplicate", Severity::kWarning},
      {Rule::kJobStoryMissingPart, "JTBD-L010", "job-story-missing-part",
       Severity::kError},
      {Rule::kPersonaNotSituation, "JTBD-L011", "persona-not-situation",
       Severity::kWarning},
  };
  return *kRules;
}

bool French(const ParsedStatement& p) {
  return p.language == Language::kFrench;
}

Finding Make(Rule rule, std::string message, Span span,
             std::string suggestion = "") {
  Finding f;
  f.rule = rule;
  f.severity = InfoOf(rule).severity;
  f.message = std::move(message);
  f.suggestion = std::move(suggestion);
  f.span = span;
  return f;
}

Span TokenSpan(const ParsedStatement& p, size_t begin, size_t end) {
  return Span{p.tokens[begin].span.begin, p.tokens[end - 1].span.end};
}

// The text with [begin, end) replaced, single spaces kept.
std::string Replace(const std::string& text, Span span,
                    absl::string_view replacement) {
  std::string head = text.substr(0, span.begin);
  std::string tail = text.substr(span.end);
  if (replacement.empty()) {
    while (!head.empty() && head.back() == ' ') head.pop_back();
    if (!head.empty() && !tail.empty() && tail.front() != ' ' &&
        tail.front() != ',' && tail.front() != '.') {
      tail.insert(0, " ");
    }
    if (head.empty()) {
      while (!tail.empty() && tail.front() == ' ') tail.erase(0, 1);
    }
  }
  return absl::StrCat(head, replacement, tail);
}

absl::string_view Quote(const ParsedStatement& p, Span span) {
  return absl::string_view(p.text).substr(span.begin, span.end - span.begin);
}

// JTBD-L007: a feature request or a business goal. Returns whether found.
bool CheckNotANeed(const ParsedStatement& p, const Lexicon& x,
                   std::vector<Finding>* out) {
  const std::vector<Token>& t = p.tokens;
  if (p.kind == Kind::kJob) {
    if (x.feature_verbs.contains(t[0].key)) {
      out->push_back(Make(
          Rule::kNotANeed,
          French(p) ? "une demande de fonctionnalité, pas un besoin : décrire "
                      "ce que la personne cherche à accomplir"
                    : "a feature request, not a need: state what the person "
                      "is trying to get done",
          TokenSpan(p, 0, 1)));
      return true;
    }
    if (x.subjects.contains(t[0].key)) {
      for (size_t i = 1; i < t.size() && i < 4; ++i) {
        if (x.modals.contains(t[i].key)) {
          out->push_back(
              Make(Rule::kNotANeed,
                   French(p) ? "une exigence sur une solution, pas un besoin"
                             : "a requirement on a solution, not a need",
                   TokenSpan(p, i, i + 1)));
          return true;
        }
      }
    }
  }
  if ((p.kind == Kind::kJob || p.kind == Kind::kOutcome) && p.metric.empty()) {
    size_t i = 1;
    while (i < t.size() && x.determiners.contains(t[i].key)) ++i;
    if (const Phrase* goal = MatchAny(t, i, x.business)) {
      out->push_back(Make(
          Rule::kNotANeed,
          French(p) ? absl::StrCat("un objectif d'entreprise (« ", goal->text,
                                   " »), pas un besoin du client")
                    : absl::StrCat("a business goal (\"", goal->text,
                                   "\"), not a customer need"),
          TokenSpan(p, i, i + goal->keys.size())));
      return true;
    }
  }
  return false;
}

void CheckDirection(const ParsedStatement& p, const Lexicon& x,
                    std::vector<Finding>* out) {
  if (p.direction_canonical) return;
  const std::string& verb = p.direction_minimize ? x.minimize : x.increase;
  const Span span = TokenSpan(p, 0, 1);
  out->push_back(Make(
      Rule::kNonCanonicalDirection,
      French(p)
          ? absl::StrCat("« ", Quote(p, span),
                         " » n'est pas une direction canonique : écrire « ",
                         verb, " »")
          : absl::StrCat("\"", Quote(p, span),
                         "\" is not a canonical direction: use \"", verb, "\""),
      span, Replace(p.text, span, verb)));
}

// JTBD-L003: [article] metric-noun conjunction [article] metric-noun right
// after the direction. Returns whether found.
bool CheckCompoundMetric(const ParsedStatement& p, const Lexicon& x,
                         std::vector<Finding>* out) {
  const std::vector<Token>& t = p.tokens;
  size_t i = 1;
  if (i < t.size() && x.articles.contains(t[i].key)) ++i;
  if (i >= t.size() || !x.metric_nouns.contains(t[i].key)) return false;
  const size_t first = i++;
  if (i >= t.size() ||
      !(x.conjunctions.contains(t[i].key) || t[i].key == ",")) {
    return false;
  }
  const size_t conjunction = i++;
  if (i < t.size() && x.articles.contains(t[i].key)) ++i;
  if (i >= t.size() || !x.metric_nouns.contains(t[i].key)) return false;
  const Span whole = TokenSpan(p, first, i + 1);
  // Keep the first metric: drop "and effort" / "et l'effort".
  const Span second = TokenSpan(p, conjunction, i + 1);
  out->push_back(Make(Rule::kCompoundMetric,
                      French(p)
                          ? absl::StrCat("deux métriques (« ", Quote(p, whole),
                                         " ») : une déclaration par métrique")
                          : absl::StrCat("two metrics (\"", Quote(p, whole),
                                         "\"): write one statement per metric"),
                      whole, Replace(p.text, second, "")));
  return true;
}

void CheckMissingMetric(const ParsedStatement& p, const Lexicon& x,
                        std::vector<Finding>* out) {
  if (!p.metric.empty()) return;
  const std::vector<Token>& t = p.tokens;
  std::string suggestion;
  if (t.size() > 1 && !t[1].punctuation) {
    const std::string verb =
        p.direction_canonical
            ? std::string(p.TextOf(p.direction))
            : (p.direction_minimize ? x.minimize : x.increase);
    const std::string rest = p.text.substr(t[1].span.begin);
    if (!French(p) && t[1].key.size() > 3 && t[1].key.back() == 's') {
      suggestion = absl::StrCat(verb, " the number of ", rest);
    } else if (French(p) && (t[1].key == "les" || t[1].key == "des") &&
               t.size() > 2) {
      const std::string noun = p.text.substr(t[2].span.begin);
      const char c = t[2].key.empty() ? 'x' : t[2].key[0];
      const bool vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' ||
                         c == 'u' || c == 'h' || c == 'y';
      suggestion =
          absl::StrCat(verb, vowel ? " le nombre d'" : " le nombre de ", noun);
    }
  }
  out->push_back(Make(
      Rule::kMissingMetric,
      French(p) ? "aucune métrique après la direction (le temps nécessaire "
                  "pour, la probabilité que, le nombre de, la quantité de, "
                  "la fréquence à laquelle)"
                : "no metric after the direction (the time it takes to, the "
                  "likelihood that, the number of, the amount of, the "
                  "frequency that)",
      p.SpanOf(TokenRange{0, t.size() > 1 ? size_t{2} : size_t{1}}),
      suggestion));
}

bool InBinomial(const std::vector<Token>& t, size_t conjunction,
                const Lexicon& x) {
  for (const Phrase& phrase : x.binomials) {
    for (size_t k = 0; k < phrase.keys.size(); ++k) {
      if (phrase.keys[k] == t[conjunction].key && conjunction >= k &&
          MatchesAt(t, conjunction - k, phrase)) {
        return true;
      }
    }
  }
  return false;
}

void CheckTwoNeeds(const ParsedStatement& p, const Lexicon& x,
                   TokenRange region, std::vector<Finding>* out) {
  const std::vector<Token>& t = p.tokens;
  // "between the fence and the blade": a between-word pairs the next
  // conjunction only, so "entre deux offres et signer" is one pair and a
  // later "et" still joins two needs.
  bool between_open = false;
  for (size_t i = region.begin; i + 1 < region.end; ++i) {
    if (x.between.contains(t[i].key)) between_open = true;
    if (i == region.begin || !x.conjunctions.contains(t[i].key)) continue;
    // Keys drop accents: French "où" (where) has the key of "ou" (or).
    const absl::string_view raw = absl::string_view(p.text).substr(
        t[i].span.begin, t[i].span.end - t[i].span.begin);
    if (raw.size() != t[i].key.size()) continue;
    const bool paired = between_open;
    between_open = false;
    if (paired || InBinomial(t, i, x)) continue;
    out->push_back(Make(
        Rule::kTwoNeeds,
        French(p) ? absl::StrCat("« ", t[i].key,
                                 " » joint deux besoins : une déclaration par "
                                 "besoin")
                  : absl::StrCat("\"", t[i].key,
                                 "\" joins two needs: write one statement per "
                                 "need"),
        TokenSpan(p, i, i + 1)));
    return;
  }
}

void CheckPhrases(const ParsedStatement& p, const PhraseList& list, Rule rule,
                  std::vector<Finding>* out) {
  const std::vector<Token>& t = p.tokens;
  for (size_t i = 0; i < t.size(); ++i) {
    const Phrase* hit = MatchAny(t, i, list);
    if (hit == nullptr) continue;
    const Span span = TokenSpan(p, i, i + hit->keys.size());
    const absl::string_view quoted = Quote(p, span);
    if (rule == Rule::kVagueQualifier) {
      out->push_back(Make(
          rule,
          French(p) ? absl::StrCat("« ", quoted,
                                   " » est vague : la métrique mesure déjà "
                                   "cela")
                    : absl::StrCat("\"", quoted,
                                   "\" is vague: the metric already measures "
                                   "this"),
          span, Replace(p.text, span, "")));
    } else {
      out->push_back(Make(
          rule,
          French(p) ? absl::StrCat("« ", quoted,
                                   " » nomme une solution : décrire le besoin "
                                   "sans elle")
                    : absl::StrCat("\"", quoted,
                                   "\" names a solution: state the need "
                                   "without it"),
          span));
    }
    i += hit->keys.size() - 1;
  }
}

void CheckStory(const ParsedStatement& p, const Lexicon& x,
                std::vector<Finding>* out) {
  if (!p.persona.empty()) {
    out->push_back(
        Make(Rule::kPersonaNotSituation,
             French(p) ? "un persona (« en tant que … ») à la place de la "
                         "situation : « Quand … »"
                       : "a persona (\"As a …\") in place of the situation: "
                         "\"When …\"",
             p.SpanOf(TokenRange{0, p.persona.end})));
  }
  std::vector<std::string> missing;
  if (p.persona.empty() && p.SpanOf(p.situation).empty()) {
    missing.push_back(French(p) ? "la situation (Quand …)"
                                : "the situation (When …)");
  }
  if (p.SpanOf(p.motivation).empty()) {
    missing.push_back(French(p) ? "la motivation (je veux …)"
                                : "the motivation (I want to …)");
  }
  if (p.SpanOf(p.expected_outcome).empty()) {
    missing.push_back(French(p) ? "le résultat attendu (afin de …)"
                                : "the expected outcome (so I can …)");
  }
  if (!missing.empty()) {
    out->push_back(Make(Rule::kJobStoryMissingPart,
                        absl::StrCat(French(p) ? "il manque " : "missing ",
                                     absl::StrJoin(missing, ", ")),
                        Span{0, static_cast<uint32_t>(p.text.size())}));
  }
  CheckTwoNeeds(p, x, p.motivation, out);
}

}  // namespace

const std::vector<RuleInfo>& AllRules() { return Rules(); }

const RuleInfo& InfoOf(Rule rule) {
  return Rules()[static_cast<size_t>(rule) - 1];
}

const RuleInfo* FindRule(const std::string& name) {
  for (const RuleInfo& info : Rules()) {
    if (name == info.id || name == info.name) return &info;
  }
  return nullptr;
}

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "info";
    case Severity::kUnspecified:
      break;
  }
  return "unspecified";
}

std::vector<Finding> LintStatement(const ParsedStatement& p,
                                   const PhraseList& user_solutions) {
  std::vector<Finding> out;
  if (p.tokens.empty()) return out;
  const Lexicon& x = LexiconFor(p.language);
  bool compound = false;
  if (p.kind == Kind::kJobStory) {
    CheckStory(p, x, &out);
  } else if (!CheckNotANeed(p, x, &out)) {
    if (p.kind == Kind::kOutcome) {
      CheckDirection(p, x, &out);
      // A compound metric's "and" joins metrics, not needs: one finding.
      if (CheckCompoundMetric(p, x, &out)) {
        compound = true;
      } else {
        CheckMissingMetric(p, x, &out);
      }
    }
    if (p.kind == Kind::kJob) {
      // From the verb: "Prepare and send a quote" joins two verbs.
      CheckTwoNeeds(p, x, TokenRange{p.verb.begin, p.object.end}, &out);
    } else if (!compound) {
      CheckTwoNeeds(p, x, p.object, &out);
    }
  }
  CheckPhrases(p, x.vague, Rule::kVagueQualifier, &out);
  CheckPhrases(p, x.solutions, Rule::kSolutionWord, &out);
  CheckPhrases(p, user_solutions, Rule::kSolutionWord, &out);
  return out;
}

}  // namespace statements
}  // namespace jtbd
