#ifndef JTBD_IO_RATING_LABELS_H_
#define JTBD_IO_RATING_LABELS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/resource_limits.h"
#include "core/scale.h"

namespace jtbd {

// Which rating a label or a column is about.
enum class RatingKind { kImportance, kSatisfaction };

const char* RatingKindName(RatingKind kind);  // "importance", ...

// Answers written as words ("Extremely important", "Très satisfait") and
// the ratings they stand for.
//
// Built in, on 5-point scales (1-5) only, since a label means another
// rating on another scale:
//   importance:   Not at all / Slightly / Moderately / Very / Extremely
//                 important; Pas du tout / Légèrement (Un peu, Peu) /
//                 Modérément (Moyennement) / Très / Extrêmement important;
//   satisfaction: Not at all / Slightly / Moderately / Very / Extremely
//                 satisfied; Extremely dissatisfied, Somewhat dissatisfied,
//                 Neither satisfied nor dissatisfied, Somewhat satisfied;
//                 the French "satisfait" forms of the importance words,
//                 Extrêmement insatisfait, Plutôt insatisfait, Ni satisfait
//                 ni insatisfait, Plutôt satisfait.
// On every scale, no answer: blank, NA, N/A, Not applicable, Don't know,
// Sans objet, Non applicable, Je ne sais pas, Ne sait pas.
// Labels are matched in NormalizeText form (case, accents, spaces).
//
// A user's labels (ParseCsv / ParseJson / Add) extend these and take
// precedence; rating 0 declares a no-answer label.
class RatingLabels {
 public:
  // A label that maps to no rating.
  static constexpr int kUnknown = -1;

  RatingLabels() = default;

  // The rating `cell` stands for: 1.. on the scale, 0 for no answer,
  // kUnknown when it is no label of `kind`. Built-in labels count only on
  // a 1-5 scale. `cell` need not be normalized.
  int Find(RatingKind kind, absl::string_view cell, const Scale& scale) const;

  // Adds (or replaces) a user label; `kinds` empty = both kinds. Ratings
  // are checked against the scale by CheckScale, when reading; `source`
  // ("labels.csv: line 3") names the label in that message.
  void Add(absl::string_view label, int rating,
           std::vector<RatingKind> kinds = {}, std::string source = "");

  // INVALID_ARGUMENT naming the first user label whose rating is neither 0
  // nor on `scale`.
  absl::Status CheckScale(const Scale& scale) const;

  bool empty() const { return entries_.empty(); }
  struct Entry {
    std::string label;  // as given
    int rating;
    bool importance;
    bool satisfaction;
    std::string source;  // "labels.csv: line 3", for messages; may be empty
  };
  const std::vector<Entry>& entries() const { return entries_; }

  // Reads a label map from CSV: a header naming `label` and `rating`
  // columns (and optionally `kind`: importance, satisfaction or blank for
  // both), one label per row; or from JSON: {"label": rating, ...}, or
  // {"importance": {...}, "satisfaction": {...}} (a rating may be a number,
  // or null / "" for no answer). The format is chosen by the first
  // non-blank character ('{' = JSON). Refusals name the source and line.
  // Held to `limits` (RESOURCE_EXHAUSTED naming the limit): the map's size
  // (max_request_bytes, a file's checked before it is read), CSV records
  // (max_record_bytes, max_columns) and JSON nesting (max_json_depth).
  static absl::StatusOr<RatingLabels> Parse(
      absl::string_view data, absl::string_view source_name,
      const ResourceLimits& limits = ResourceLimits());
  static absl::StatusOr<RatingLabels> ParseFile(
      const std::string& path, const ResourceLimits& limits = ResourceLimits());

  // Merges `other`'s labels over these (later wins).
  void Merge(const RatingLabels& other);

 private:
  void AddEntry(Entry entry);

  std::vector<Entry> entries_;
  // Normalized label -> rating, per kind; user labels only.
  absl::flat_hash_map<std::string, int> importance_;
  absl::flat_hash_map<std::string, int> satisfaction_;
};

// Reads rating cells: a whole number on the scale (a zero fraction such as
// "4.0" still counts as whole, spaces around allowed); blank, the no-answer
// words and negative numbers (recodes such as -99 for "not applicable") are
// 0, no answer; any other text must be a label of the cell's kind. Label
// cells repeat, so their results are remembered: one parser per read.
class RatingParser {
 public:
  // `labels` (may be null: built-ins only) must outlive the parser.
  RatingParser(const Scale& scale, const RatingLabels* labels);
  RatingParser(const RatingParser&) = delete;
  RatingParser& operator=(const RatingParser&) = delete;

  // By byte: the rating of a cell holding just that character, or
  // kNotADigitRating; for callers that split cells themselves.
  static constexpr uint8_t kNotADigitRating = 0xFF;
  const uint8_t* digit_ratings() const { return digit_ratings_; }

  // On failure *problem says what is wrong, naming the kind.
  bool Parse(absl::string_view cell, RatingKind kind, uint8_t* rating,
             std::string* problem) {
    // Most cells are one bare digit on the scale, or empty.
    if (cell.size() == 1) {
      const uint8_t digit = digit_ratings_[static_cast<unsigned char>(cell[0])];
      if (digit != kNotADigitRating) {
        *rating = digit;
        return true;
      }
    } else if (cell.empty()) {
      *rating = 0;
      return true;
    }
    return ParseSlow(cell, kind, rating, problem);
  }

 private:
  bool ParseSlow(absl::string_view cell, RatingKind kind, uint8_t* rating,
                 std::string* problem);

  Scale scale_;
  // By byte: the rating a one-character cell holding it stands for, or
  // kNotADigitRating.
  uint8_t digit_ratings_[256];
  const RatingLabels* labels_;
  RatingLabels no_labels_;
  // Trimmed cell text -> rating or RatingLabels::kUnknown, per kind.
  absl::flat_hash_map<std::string, int> seen_[2];
};

}  // namespace jtbd

#endif  // JTBD_IO_RATING_LABELS_H_
