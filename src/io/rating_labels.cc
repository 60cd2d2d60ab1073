#include "io/rating_labels.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "core/resource_limits.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "io/csv_reader.h"
#include "io/source_position.h"
#include "io/text_normalize.h"

namespace jtbd {

namespace {

struct BuiltInLabel {
  const char* label;  // in NormalizeText form
  int rating;
};

constexpr BuiltInLabel kImportanceLabels[] = {
    {"not at all important", 1},  {"slightly important", 2},
    {"moderately important", 3},  {"very important", 4},
    {"extremely important", 5},   {"pas du tout important", 1},
    {"legerement important", 2},  {"un peu important", 2},
    {"peu important", 2},         {"moderement important", 3},
    {"moyennement important", 3}, {"tres important", 4},
    {"extremement important", 5},
};

constexpr BuiltInLabel kSatisfactionLabels[] = {
    {"not at all satisfied", 1},  {"slightly satisfied", 2},
    {"moderately satisfied", 3},  {"very satisfied", 4},
    {"extremely satisfied", 5},   {"extremely dissatisfied", 1},
    {"somewhat dissatisfied", 2}, {"neither satisfied nor dissatisfied", 3},
    {"somewhat satisfied", 4},    {"pas du tout satisfait", 1},
    {"legerement satisfait", 2},  {"un peu satisfait", 2},
    {"peu satisfait", 2},         {"moderement satisfait", 3},
    {"moyennement satisfait", 3}, {"tres satisfait", 4},
    {"extremement satisfait", 5}, {"extremement insatisfait", 1},
    {"plutot insatisfait", 2},    {"ni satisfait ni insatisfait", 3},
    {"plutot satisfait", 4},
};

constexpr const char* kNoAnswerLabels[] = {
    "na",
    "n/a",
    "not applicable",
    "don't know",
    "dont know",
    "do not know",
    "sans objet",
    "non applicable",
    "je ne sais pas",
    "ne sait pas",
    "ne sais pas",
};

struct BuiltInTables {
  absl::flat_hash_map<std::string, int> importance;
  absl::flat_hash_map<std::string, int> satisfaction;
  absl::flat_hash_map<std::string, int> no_answer;
};

const BuiltInTables& BuiltIns() {
  static const BuiltInTables* const tables = [] {
    auto* built = new BuiltInTables;
    for (const BuiltInLabel& label : kImportanceLabels) {
      built->importance.emplace(label.label, label.rating);
    }
    for (const BuiltInLabel& label : kSatisfactionLabels) {
      built->satisfaction.emplace(label.label, label.rating);
    }
    for (const char* label : kNoAnswerLabels)
      built->no_answer.emplace(label, 0);
    return built;
  }();
  return *tables;
}

bool IsFivePointScale(const Scale& scale) {
  return scale.min == 1 && scale.max == 5;
}

absl::Status LabelError(absl::string_view where, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(where, ": ", what));
}

// A rating of a label map: a whole number >= 0, blank = 0 (no answer).
bool ParseMapRating(absl::string_view text, int* rating) {
  text = TrimSpaces(text);
  if (text.empty()) {
    *rating = 0;
    return true;
  }
  return absl::SimpleAtoi(text, rating) && *rating >= 0 &&
         *rating <= Scale::kMaxRating;
}

absl::StatusOr<RatingLabels> ParseLabelCsv(absl::string_view data,
                                           absl::string_view source_name,
                                           const ResourceLimits& limits) {
  CsvReader reader(data, CsvReader::DetectSeparator(data), limits);
  RatingLabels labels;
  auto csv_error = [&]() {
    return reader.error().WithCode(
        SourcePositionError(source_name, reader.error().line,
                            reader.error().field, "", reader.error().what));
  };
  CsvReader::Result result = reader.Read();
  if (result == CsvReader::Result::kError) return csv_error();
  if (result == CsvReader::Result::kEnd) {
    return SourcePositionError(source_name, 1, 1, "", "the file is empty");
  }
  ptrdiff_t label_column = -1;
  ptrdiff_t rating_column = -1;
  ptrdiff_t kind_column = -1;
  const size_t width = reader.fields().size();
  for (size_t i = 0; i < width; ++i) {
    const std::string name = NormalizeText(reader.fields()[i]);
    if (name == "label" && label_column < 0) label_column = i;
    if ((name == "rating" || name == "value") && rating_column < 0) {
      rating_column = i;
    }
    if (name == "kind" && kind_column < 0) kind_column = i;
  }
  if (label_column < 0 || rating_column < 0) {
    return SourcePositionError(
        source_name, reader.record_line(), 1, "",
        "a label map needs a header with columns label and rating (and "
        "optionally kind: importance, satisfaction or blank for both)");
  }
  for (;;) {
    result = reader.Read();
    if (result == CsvReader::Result::kError) return csv_error();
    if (result == CsvReader::Result::kEnd) break;
    const size_t line = reader.record_line();
    const auto& fields = reader.fields();
    if (fields.size() != width) {
      return SourcePositionError(source_name, line,
                                 std::min(fields.size(), width) + 1, "",
                                 absl::StrCat("expected ", width,
                                              " fields, as in the header, but "
                                              "found ",
                                              fields.size()));
    }
    const absl::string_view label = TrimSpaces(fields[label_column]);
    if (label.empty()) {
      return SourcePositionError(source_name, line, label_column + 1, "label",
                                 "the label is blank");
    }
    int rating = 0;
    if (!ParseMapRating(fields[rating_column], &rating)) {
      return SourcePositionError(
          source_name, line, rating_column + 1, "rating",
          absl::StrCat(Quoted(TrimSpaces(fields[rating_column])),
                       " is not a rating (a whole number; 0 or blank for no "
                       "answer)"));
    }
    std::vector<RatingKind> kinds;
    if (kind_column >= 0) {
      const std::string kind = NormalizeText(fields[kind_column]);
      if (kind == "importance") {
        kinds.push_back(RatingKind::kImportance);
      } else if (kind == "satisfaction") {
        kinds.push_back(RatingKind::kSatisfaction);
      } else if (!kind.empty()) {
        return SourcePositionError(
            source_name, line, kind_column + 1, "kind",
            absl::StrCat(Quoted(TrimSpaces(fields[kind_column])),
                         " is not a kind: importance, satisfaction or blank "
                         "for both"));
      }
    }
    labels.Add(label, rating, kinds,
               absl::StrCat(source_name, ": line ", line));
  }
  return labels;
}

absl::Status AddJsonLabels(const google::protobuf::Struct& object,
                           std::vector<RatingKind> kinds,
                           absl::string_view where, RatingLabels* labels) {
  for (const auto& [label, value] : object.fields()) {
    int rating = 0;
    if (value.kind_case() == google::protobuf::Value::kNumberValue) {
      const double number = value.number_value();
      if (number < 0 || number > Scale::kMaxRating ||
          number != static_cast<int>(number)) {
        return LabelError(where,
                          absl::StrCat("label ", Quoted(label), ": ", number,
                                       " is not a rating (a whole "
                                       "number; 0 or null for no "
                                       "answer)"));
      }
      rating = static_cast<int>(number);
    } else if (value.kind_case() == google::protobuf::Value::kNullValue ||
               (value.kind_case() == google::protobuf::Value::kStringValue &&
                TrimSpaces(value.string_value()).empty())) {
      rating = 0;
    } else if (value.kind_case() == google::protobuf::Value::kStringValue &&
               ParseMapRating(value.string_value(), &rating)) {
      // "4" as a string is forgiven.
    } else {
      return LabelError(where,
                        absl::StrCat("label ", Quoted(label),
                                     ": the rating must be a whole number "
                                     "(0 or null for no answer)"));
    }
    if (TrimSpaces(label).empty()) {
      return LabelError(where, "a label is blank");
    }
    labels->Add(label, rating, kinds, std::string(where));
  }
  return absl::OkStatus();
}

absl::StatusOr<RatingLabels> ParseLabelJson(absl::string_view data,
                                            absl::string_view source_name,
                                            const ResourceLimits& limits) {
  // protobuf parses deeply nested arrays in quadratic time.
  absl::Status depth = CheckJsonDepth(data, limits.max_json_depth, source_name);
  if (!depth.ok()) return depth;
  google::protobuf::Struct root;
  google::protobuf::util::JsonParseOptions options;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(data.data(), data.size()), &root, options);
  if (!status.ok()) {
    return LabelError(source_name, absl::StrCat("not a JSON object of labels: ",
                                                std::string(status.message())));
  }
  RatingLabels labels;
  const auto& fields = root.fields();
  const bool by_kind =
      !fields.empty() &&
      std::all_of(fields.begin(), fields.end(), [](const auto& field) {
        return (field.first == "importance" || field.first == "satisfaction") &&
               field.second.kind_case() ==
                   google::protobuf::Value::kStructValue;
      });
  if (!by_kind) {
    absl::Status added = AddJsonLabels(root, {}, source_name, &labels);
    if (!added.ok()) return added;
    return labels;
  }
  // Importance first, then satisfaction: map order is not the file's.
  for (const char* kind : {"importance", "satisfaction"}) {
    auto it = fields.find(kind);
    if (it == fields.end()) continue;
    const RatingKind rating_kind = std::string(kind) == "importance"
                                       ? RatingKind::kImportance
                                       : RatingKind::kSatisfaction;
    absl::Status added =
        AddJsonLabels(it->second.struct_value(), {rating_kind},
                      absl::StrCat(source_name, ": ", kind), &labels);
    if (!added.ok()) return added;
  }
  return labels;
}

}  // namespace

const char* RatingKindName(RatingKind kind) {
  return kind == RatingKind::kImportance ? "importance" : "satisfaction";
}

int RatingLabels::Find(RatingKind kind, absl::string_view cell,
                       const Scale& scale) const {
  const std::string label = NormalizeText(cell);
  const auto& user =
      kind == RatingKind::kImportance ? importance_ : satisfaction_;
  if (auto it = user.find(label); it != user.end()) return it->second;
  const BuiltInTables& built_in = BuiltIns();
  if (built_in.no_answer.contains(label)) return 0;
  if (!IsFivePointScale(scale)) return kUnknown;
  const auto& table = kind == RatingKind::kImportance ? built_in.importance
                                                      : built_in.satisfaction;
  if (auto it = table.find(label); it != table.end()) return it->second;
  return kUnknown;
}

void RatingLabels::Add(absl::string_view label, int rating,
                       std::vector<RatingKind> kinds, std::string source) {
  Entry entry;
  entry.source = std::move(source);
  entry.label = std::string(TrimSpaces(label));
  entry.rating = rating;
  entry.importance = kinds.empty();
  entry.satisfaction = kinds.empty();
  for (RatingKind kind : kinds) {
    (kind == RatingKind::kImportance ? entry.importance : entry.satisfaction) =
        true;
  }
  AddEntry(std::move(entry));
}

void RatingLabels::AddEntry(Entry entry) {
  const std::string key = NormalizeText(entry.label);
  if (entry.importance) importance_[key] = entry.rating;
  if (entry.satisfaction) satisfaction_[key] = entry.rating;
  entries_.push_back(std::move(entry));
}

void RatingLabels::Merge(const RatingLabels& other) {
  for (const Entry& entry : other.entries_) AddEntry(entry);
}

absl::Status RatingLabels::CheckScale(const Scale& scale) const {
  for (const Entry& entry : entries_) {
    if (entry.rating != 0 && !scale.Contains(entry.rating)) {
      const std::string where =
          entry.source.empty() ? std::string("label map") : entry.source;
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": label ", Quoted(entry.label), " has rating ",
                       entry.rating, ", outside the scale ", scale.min, "-",
                       scale.max, " (0 means no answer)"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<RatingLabels> RatingLabels::Parse(absl::string_view data,
                                                 absl::string_view source_name,
                                                 const ResourceLimits& limits) {
  absl::Status size =
      CheckRequestBytes(data.size(), limits.max_request_bytes, source_name);
  if (!size.ok()) return size;
  size_t first = 0;
  if (data.substr(0, 3) == "\xEF\xBB\xBF") first = 3;
  while (first < data.size() &&
         absl::ascii_isspace(static_cast<unsigned char>(data[first]))) {
    ++first;
  }
  if (first < data.size() && data[first] == '{') {
    return ParseLabelJson(data.substr(first), source_name, limits);
  }
  return ParseLabelCsv(data, source_name, limits);
}

absl::StatusOr<RatingLabels> RatingLabels::ParseFile(
    const std::string& path, const ResourceLimits& limits) {
  // Mapped, not copied: an oversized file is refused before it is read.
  absl::StatusOr<FileBytes> data = FileBytes::Open(path);
  if (!data.ok()) return data.status();
  return Parse(data->bytes(), path, limits);
}

RatingParser::RatingParser(const Scale& scale, const RatingLabels* labels)
    : scale_(scale), labels_(labels != nullptr ? labels : &no_labels_) {
  std::fill(std::begin(digit_ratings_), std::end(digit_ratings_),
            kNotADigitRating);
  for (int digit = 0; digit <= 9; ++digit) {
    if (scale.Contains(digit)) {
      digit_ratings_['0' + digit] = static_cast<uint8_t>(digit);
    }
  }
}

bool RatingParser::ParseSlow(absl::string_view cell, RatingKind kind,
                             uint8_t* rating, std::string* problem) {
  const absl::string_view text = TrimSpaces(cell);
  if (text.empty()) {
    *rating = 0;
    return true;
  }
  const bool numeric_look = absl::ascii_isdigit(text[0]) || text[0] == '-' ||
                            text[0] == '+' || text[0] == '.';
  if (numeric_look) {
    size_t i = 0;
    const bool negative = text[0] == '-';
    if (text[0] == '-' || text[0] == '+') ++i;
    const size_t digits_begin = i;
    int value = 0;
    for (; i < text.size() && absl::ascii_isdigit(text[i]); ++i) {
      // Saturate: any value this large is off every scale anyway.
      if (value < 1000000) value = value * 10 + (text[i] - '0');
    }
    bool whole = i > digits_begin;
    if (whole && i < text.size() && text[i] == '.') {
      const size_t fraction_begin = ++i;
      while (i < text.size() && text[i] == '0') ++i;
      if (i == fraction_begin) whole = false;  // "4." is not a number we write
    }
    if (whole && i == text.size()) {
      if (negative && value > 0) {  // a "not applicable" recode
        *rating = 0;
        return true;
      }
      if (!scale_.Contains(value)) {
        *problem =
            absl::StrCat(RatingKindName(kind), " ", text,
                         " is outside the scale ", scale_.min, "-", scale_.max);
        return false;
      }
      *rating = static_cast<uint8_t>(value);
      return true;
    }
  }
  auto& seen = seen_[kind == RatingKind::kImportance ? 0 : 1];
  auto it = seen.find(text);
  if (it == seen.end()) {
    it = seen.emplace(std::string(text), labels_->Find(kind, text, scale_))
             .first;
  }
  if (it->second != RatingLabels::kUnknown) {
    *rating = static_cast<uint8_t>(it->second);
    return true;
  }
  if (numeric_look) {
    *problem = absl::StrCat(Quoted(text), " is not a whole number");
  } else {
    *problem =
        absl::StrCat(Quoted(text), " is neither a rating on the scale ",
                     scale_.min, "-", scale_.max, " nor a known ",
                     RatingKindName(kind), " label (a label map can name it)");
  }
  return false;
}

}  // namespace jtbd
