#include "statements/near_duplicates.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "statements/lexicon.h"

namespace jtbd {
namespace statements {

namespace {

bool EndsWith(const std::string& s, absl::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix.data(),
                   suffix.size()) == 0;
}

void Chop(std::string* s, size_t n) { s->resize(s->size() - n); }

// Jaccard of two sorted id lists.
double JaccardOfIds(const std::vector<uint32_t>& a,
                    const std::vector<uint32_t>& b) {
  size_t common = 0;
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(common) /
         static_cast<double>(a.size() + b.size() - common);
}

// The words of the statement as one string: equal for exact duplicates.
std::string WordKey(const ParsedStatement& p) {
  std::string key;
  for (const Token& t : p.tokens) {
    if (t.punctuation) continue;
    if (!key.empty()) key.push_back(' ');
    key += t.key;
  }
  return key;
}

}  // namespace

std::string Stem(const std::string& key, Language language) {
  std::string s = key;
  if (language == Language::kFrench) {
    if (s.size() > 3 && (s.back() == 's' || s.back() == 'x')) s.pop_back();
    if (s.size() > 6 && EndsWith(s, "ent")) Chop(&s, 3);
    if (s.size() > 5 && (EndsWith(s, "er") || EndsWith(s, "ee"))) Chop(&s, 2);
    if (s.size() > 4 && s.back() == 'e') s.pop_back();
    return s;
  }
  if (EndsWith(s, "'s")) Chop(&s, 2);
  if (s.size() > 4 && EndsWith(s, "ies")) {
    Chop(&s, 3);
    s.push_back('y');
  } else if (s.size() > 4 && (EndsWith(s, "ches") || EndsWith(s, "shes") ||
                              EndsWith(s, "sses") || EndsWith(s, "xes"))) {
    Chop(&s, 2);
  } else if (s.size() > 3 && s.back() == 's' && !EndsWith(s, "ss")) {
    s.pop_back();
  }
  if (s.size() > 5 && EndsWith(s, "ing")) {
    Chop(&s, 3);
  } else if (s.size() > 4 && EndsWith(s, "ed")) {
    Chop(&s, 2);
  }
  if (s.size() > 4 && s.back() == 'e') s.pop_back();
  return s;
}

std::vector<std::string> ContentWords(const ParsedStatement& p) {
  const Lexicon& x = LexiconFor(p.language);
  std::vector<std::string> words;
  size_t from = 0;
  if (p.kind == Kind::kOutcome) {
    // The direction and metric in as classes, so that "the time it takes
    // to X" and "the likelihood of X" differ while "the time to X" and
    // "the time it takes to X" do not.
    words.push_back(p.direction_minimize ? "#min" : "#inc");
    words.push_back(absl::StrCat("#", p.metric_class));
    from = p.metric.empty() ? 1 : p.metric.end;
  }
  for (size_t i = from; i < p.tokens.size(); ++i) {
    const Token& t = p.tokens[i];
    if (t.punctuation || x.stopwords.contains(t.key)) continue;
    words.push_back(Stem(t.key, p.language));
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

double Jaccard(const std::vector<std::string>& a,
               const std::vector<std::string>& b) {
  if (a.empty() && b.empty()) return 1.0;
  size_t common = 0;
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++common;
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(common) /
         static_cast<double>(a.size() + b.size() - common);
}

std::vector<std::vector<Finding>> FindDuplicates(
    const std::vector<const ParsedStatement*>& statements) {
  const size_t n = statements.size();
  std::vector<std::vector<Finding>> out(n);
  std::vector<std::vector<std::string>> words(n);
  absl::flat_hash_map<std::string, size_t> first_with_key;
  std::vector<bool> exact(n, false);
  for (size_t s = 0; s < n; ++s) {
    const ParsedStatement& p = *statements[s];
    if (p.tokens.empty()) continue;
    words[s] = ContentWords(p);
    const auto [it, inserted] = first_with_key.emplace(WordKey(p), s);
    if (!inserted) {
      exact[s] = true;
      Finding f;
      f.rule = Rule::kDuplicate;
      f.severity = InfoOf(Rule::kDuplicate).severity;
      f.related = static_cast<int64_t>(it->second);
      f.message = p.language == Language::kFrench
                      ? absl::StrCat("même déclaration que la n° ",
                                     it->second + 1, " : les fusionner")
                      : absl::StrCat("the same statement as number ",
                                     it->second + 1, ": merge them");
      f.span = Span{0, static_cast<uint32_t>(p.text.size())};
      out[s].push_back(std::move(f));
    }
  }
  // Prefix filtering: words become ids in the order of how few statements
  // hold them (rarest first), each set a sorted id list; two sets with
  // Jaccard >= t share an id among the first |x| - ceil(t |x|) + 1 of
  // either, so only those are indexed, and a candidate whose size is
  // outside [t |x|, |x| / t] cannot reach t either.
  absl::flat_hash_map<std::string, uint32_t> frequency;
  for (const auto& set : words) {
    for (const std::string& w : set) ++frequency[w];
  }
  std::vector<std::pair<uint32_t, const std::string*>> by_rarity;
  by_rarity.reserve(frequency.size());
  for (const auto& entry : frequency) {
    by_rarity.emplace_back(entry.second, &entry.first);
  }
  std::sort(
      by_rarity.begin(), by_rarity.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : *a.second < *b.second;
      });
  absl::flat_hash_map<absl::string_view, uint32_t> id_of;
  id_of.reserve(by_rarity.size());
  for (uint32_t id = 0; id < by_rarity.size(); ++id) {
    id_of.emplace(*by_rarity[id].second, id);
  }
  std::vector<std::vector<uint32_t>> ids(n);
  for (size_t s = 0; s < n; ++s) {
    for (const std::string& w : words[s]) ids[s].push_back(id_of.at(w));
    std::sort(ids[s].begin(), ids[s].end());
  }
  std::vector<std::vector<uint32_t>> index(by_rarity.size());
  std::vector<uint32_t> seen(n, UINT32_MAX);
  for (size_t s = 0; s < n; ++s) {
    const std::vector<uint32_t>& x = ids[s];
    if (x.empty()) continue;
    const double size = static_cast<double>(x.size());
    const size_t prefix =
        x.size() -
        static_cast<size_t>(std::ceil(kNearDuplicateJaccard * size - 1e-9)) + 1;
    double best = 0.0;
    size_t best_index = 0;
    for (size_t k = 0; k < prefix && k < x.size(); ++k) {
      for (uint32_t other : index[x[k]]) {
        if (seen[other] == s) continue;
        seen[other] = static_cast<uint32_t>(s);
        const double other_size = static_cast<double>(ids[other].size());
        if (other_size < kNearDuplicateJaccard * size - 1e-9 ||
            other_size * kNearDuplicateJaccard > size + 1e-9 ||
            statements[other]->kind != statements[s]->kind) {
          continue;
        }
        const double j = JaccardOfIds(x, ids[other]);
        if (j > best) {
          best = j;
          best_index = other;
        }
      }
    }
    for (size_t k = 0; k < prefix && k < x.size(); ++k) {
      index[x[k]].push_back(static_cast<uint32_t>(s));
    }
    if (exact[s] || best < kNearDuplicateJaccard) continue;
    const ParsedStatement& p = *statements[s];
    Finding f;
    f.rule = Rule::kNearDuplicate;
    f.severity = InfoOf(Rule::kNearDuplicate).severity;
    f.related = static_cast<int64_t>(best_index);
    const int percent = static_cast<int>(std::lround(best * 100));
    f.message = p.language == Language::kFrench
                    ? absl::StrCat("presque la même que la n° ", best_index + 1,
                                   " (", percent,
                                   " % de mots en commun) : les "
                                   "fusionner ou les distinguer")
                    : absl::StrCat("nearly the same as number ", best_index + 1,
                                   " (", percent,
                                   "% of words shared): merge them or make "
                                   "the difference explicit");
    f.span = Span{0, static_cast<uint32_t>(p.text.size())};
    out[s].push_back(std::move(f));
  }
  return out;
}

}  // namespace statements
}  // namespace jtbd
