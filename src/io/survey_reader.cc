#include "io/survey_reader.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/types/span.h"
#include "core/aggregate.h"
#include "core/outcome.h"
#include "core/resource_limits.h"
#include "google/protobuf/util/json_util.h"
#include "io/csv_reader.h"
#include "io/source_position.h"
#include "io/text_normalize.h"

namespace jtbd {

namespace {

// Answers go to the study in batches of about this many: large enough to
// amortize the call, small enough to keep the staging arrays in cache.
constexpr size_t kAnswerBatchSize = 4096;
// Progress is reported every this many rows (a power of two).
constexpr size_t kProgressEveryRows = 2048;

constexpr absl::string_view kUnknownLayout =
    "the header matches no known layout: expected a long layout "
    "(respondent, outcome, importance, satisfaction), a wide layout "
    "(imp_<outcome>, sat_<outcome>), or a Qualtrics, SurveyMonkey, Google "
    "Forms or Typeform export (a format can also be forced, or the columns "
    "named by a survey map)";

// A header alone is refused like an empty file: nothing to score, and a
// report of zero respondents would look like a result.
constexpr absl::string_view kNoRows =
    "no answers: the header is followed by no rows";

// Qualtrics metadata columns (first header row, NormalizeText form) that
// are neither answers nor useful attributes: times, progress, personal
// data. DistributionChannel, UserLanguage and ExternalReference are kept
// as attributes.
constexpr absl::string_view kQualtricsIgnored[] = {
    "startdate",          "enddate",          "status",
    "ipaddress",          "progress",         "duration (in seconds)",
    "finished",           "recordeddate",     "recipientlastname",
    "recipientfirstname", "recipientemail",   "locationlatitude",
    "locationlongitude",  "q_recaptchascore", "q_relevantidduplicate",
};
// SurveyMonkey's leading columns that are not kept (Collector ID and Custom
// Data are attributes).
constexpr absl::string_view kSurveyMonkeyIgnored[] = {
    "start date",    "end date",   "ip address",
    "email address", "first name", "last name",
};
// Typeform's trailing metadata columns.
constexpr absl::string_view kTypeformIgnored[] = {
    "response type",     "start date (utc)", "stage date (utc)",
    "submit date (utc)", "network id",       "tags",
};
// The first column of a Google Forms export, in a few languages.
constexpr absl::string_view kGoogleFormsTimestamps[] = {
    "timestamp",   "horodateur",           "marca temporal",
    "zeitstempel", "carimbo de data/hora", "informazioni cronologiche",
};
// Row labels of SurveyMonkey columns that are not matrix rows.
constexpr absl::string_view kSurveyMonkeySingleLabels[] = {
    "", "response", "open-ended response"};
constexpr absl::string_view kSurveyMonkeyOtherLabels[] = {
    "other (please specify)", "open-ended response", "response"};

template <size_t N>
bool IsOneOf(absl::string_view value, const absl::string_view (&set)[N]) {
  return std::find(std::begin(set), std::end(set), value) != std::end(set);
}

int DefaultHeaderRows(v1::SurveyFormat format) {
  switch (format) {
    case v1::SURVEY_FORMAT_QUALTRICS:
      return 3;
    case v1::SURVEY_FORMAT_QUALTRICS_LEGACY:
    case v1::SURVEY_FORMAT_SURVEYMONKEY:
      return 2;
    default:
      return 1;
  }
}

// "Q2_13" -> ("Q2", 13); false when the name does not end in _<digits>.
bool SplitMatrixId(absl::string_view id, absl::string_view* question,
                   size_t* row) {
  const size_t underscore = id.rfind('_');
  if (underscore == absl::string_view::npos || underscore == 0 ||
      underscore + 1 == id.size()) {
    return false;
  }
  const absl::string_view digits = id.substr(underscore + 1);
  if (!std::all_of(digits.begin(), digits.end(),
                   [](char c) { return absl::ascii_isdigit(c); })) {
    return false;
  }
  *question = id.substr(0, underscore);
  return absl::SimpleAtoi(digits, row);
}

// {"ImportId":"QID2_1"} -> "QID2_1"; "" when absent.
std::string ImportIdOf(absl::string_view cell) {
  constexpr absl::string_view kKey = "\"importid\"";
  const std::string lower = absl::AsciiStrToLower(cell);
  size_t at = absl::string_view(lower).find(kKey);
  if (at == std::string::npos) return "";
  at = cell.find(':', at + kKey.size());
  if (at == absl::string_view::npos) return "";
  const size_t open = cell.find('"', at);
  if (open == absl::string_view::npos) return "";
  const size_t close = cell.find('"', open + 1);
  if (close == absl::string_view::npos) return "";
  return std::string(cell.substr(open + 1, close - open - 1));
}

// "<question> - <statement>" split at the LAST " - " (a statement holding
// " - " itself cannot be told apart; the question text then keeps part of
// it). No " - ": the whole text is both.
void SplitQuestionText(absl::string_view text, absl::string_view* question,
                       absl::string_view* statement) {
  const size_t dash = text.rfind(" - ");
  if (dash == absl::string_view::npos) {
    *question = text;
    *statement = text;
    return;
  }
  *question = TrimSpaces(text.substr(0, dash));
  *statement = TrimSpaces(text.substr(dash + 3));
}

// "Question [Row]" -> ("Question", "Row"); false otherwise.
bool SplitGridTitle(absl::string_view title, absl::string_view* question,
                    absl::string_view* row) {
  if (title.size() < 4 || title.back() != ']') return false;
  const size_t open = title.rfind(" [");
  if (open == absl::string_view::npos || open == 0) return false;
  *question = TrimSpaces(title.substr(0, open));
  *row = TrimSpaces(title.substr(open + 2, title.size() - open - 3));
  return !question->empty() && !row->empty();
}

enum class QuestionKind { kNone, kImportance, kSatisfaction };

// From the question text (NormalizeText form): "important", "importance",
// "importants" (French too) or "satisf..." ("satisfied", "satisfaction",
// "satisfait", "insatisfait"); a text saying both says neither.
QuestionKind KindFromText(absl::string_view normalized) {
  const bool importance = ContainsWord(normalized, "importan");
  const bool satisfaction = ContainsWord(normalized, "satisf");
  if (importance && !satisfaction) return QuestionKind::kImportance;
  if (satisfaction && !importance) return QuestionKind::kSatisfaction;
  return QuestionKind::kNone;
}

// One question of an export: a matrix (grid) with one column per row
// (statement), or a single column.
struct Question {
  std::string id;         // Qualtrics "Q2"; elsewhere the question text
  std::string import_id;  // Qualtrics "QID2"; else empty
  std::string text;       // the question text, for people
  std::string normalized_text;
  std::vector<size_t> columns;
  std::vector<std::string> statements;  // per column
  bool single = false;                  // not a matrix
  bool has_statement_rows = true;       // statements are row labels to compare

  std::string Describe() const {
    if (id == text || text.empty()) return absl::StrCat("\"", text, "\"");
    return absl::StrCat(id, " (\"", text, "\")");
  }
};

// A refusal for exceeding a ResourceLimits value: the position message
// Error() builds, as RESOURCE_EXHAUSTED.
absl::Status ToResourceExhausted(const absl::Status& status) {
  return absl::ResourceExhaustedError(status.message());
}
std::string ExceedsLimit(absl::string_view what, LimitKind kind,
                         uint64_t limit) {
  return absl::StrCat(what, " exceeds the limit ", LimitHint(kind, limit));
}

// Reads one survey text into a Study; used once.
class SurveyParser {
 public:
  SurveyParser(absl::string_view text, absl::string_view source,
               const ReadOptions& options, const RatingLabels& labels,
               SurveyInspection* inspection)
      : text_(text),
        reader_(text, CsvReader::DetectSeparator(text), options.limits),
        source_(source),
        options_(options),
        study_(options.scale),
        ratings_(options.scale, &labels),
        inspection_(inspection) {
    inspection_->separator = reader_.separator();
  }

  absl::StatusOr<Study> Parse();
  // Reads the file into the aggregate scoring needs, without keeping
  // respondents (wide-like layouts; the long layout goes through a Study).
  absl::StatusOr<Aggregate> ParseAggregate();
  // Reads the file into the whole-sample aggregate and one per value of the
  // attribute segment_by, in the same single pass (the long layout goes
  // through a Study).
  absl::StatusOr<SegmentedAggregate> ParseSegmentedAggregate(
      absl::string_view segment_by);

 private:
  // Segmented aggregate mode: one value's tables, as the whole sample's.
  struct SegmentTables {
    std::string value;
    std::vector<uint64_t> counts;         // without weights: like counts_
    absl::optional<Aggregate> aggregate;  // with a weight column
    uint64_t respondents = 0;             // counted in `counts`
  };

  // Detects the layout and reads every row, into study_ or, with
  // to_aggregate and a wide-like layout, into aggregate_.
  absl::Status Run(bool to_aggregate);
  struct HeaderRow {
    size_t line = 0;
    std::vector<std::string> cells;  // trimmed
  };

  // The message format every refusal shares; column 0 = no column, line 0 =
  // no line. The header name is shown when the column has a non-blank one.
  absl::Status Error(size_t line, size_t column, absl::string_view what) const;
  absl::Status MapError(absl::string_view field, absl::string_view what) const;
  absl::Status CsvError() const {
    absl::Status status = Error(reader_.error().line, reader_.error().field,
                                reader_.error().what);
    return reader_.error().limit_exceeded ? ToResourceExhausted(status)
                                          : status;
  }
  // Reads one more header row; `expected` describes the format for the
  // message when the file ends first.
  absl::Status ReadHeaderRow(absl::string_view expected);
  absl::StatusOr<v1::SurveyFormat> DetectFormat() const;
  absl::StatusOr<v1::SurveyFormat> ForcedFormat() const;
  absl::Status ReadQualtricsHeaderRows(v1::SurveyFormat* format);
  absl::Status FixWidth();
  absl::Status CheckNamesForTables();
  void SetReferences();
  const std::string& Cell(size_t row, size_t column) const;
  size_t HeaderLine(size_t row) const { return header_rows_[row].line; }

  absl::Status LayOutLong(size_t outcome, size_t importance,
                          size_t satisfaction);
  absl::Status LayOutWide();
  absl::Status LayOutQualtrics(bool legacy);
  absl::Status LayOutSurveyMonkey();
  absl::Status LayOutTitled(bool typeform);
  absl::Status LayOutFromMap(const v1::SurveyMap& map);
  // Adds competitor columns (outcome = index in layout_.outcomes) to the
  // layout: refuses a (solution, outcome) rated twice, spells each solution
  // as first met.
  absl::Status AddSolutionColumns(
      std::vector<SurveyLayout::SolutionColumn> columns);
  absl::Status ApplyWeightOption();
  // The duration column: the one ReadOptions names, else a column named
  // duration or duration_seconds in long and wide layouts (Qualtrics'
  // own is found by LayOutQualtrics); it stops being an attribute.
  absl::Status ApplyDurationOption();
  // Picks the importance and satisfaction questions and pairs their rows
  // into outcomes; the other questions' columns become attributes named by
  // attribute_name(column).
  absl::Status AssignOutcomes(
      std::vector<Question>& questions, size_t statement_row,
      const std::function<std::string(size_t)>& attribute_name);
  absl::StatusOr<std::vector<const Question*>> NamedQuestions(
      const std::vector<Question>& questions,
      const std::vector<std::string>& names, absl::string_view kind) const;

  // Reads the next record, checking its width; false at the end.
  absl::StatusOr<bool> NextRow();
  absl::Status ReadLongRows(const v1::SurveyMap* map);
  absl::Status ReadWideRows();
  absl::Status SetWeight(size_t respondent, size_t line,
                         absl::string_view cell);
  absl::Status ParseWeight(size_t line, absl::string_view cell,
                           double* weight) const;
  // A duration cell: blank = unknown (*known false), else a finite number
  // of seconds, at least 0.
  absl::Status ParseDuration(size_t line, absl::string_view cell, bool* known,
                             double* seconds) const;
  void StageAnswer(size_t respondent, size_t outcome, uint8_t importance,
                   uint8_t satisfaction);
  absl::Status FlushAnswers();
  void ReportProgress(size_t rows, bool always);
  // Segmented aggregate mode, per row: notes the attributes it gives and
  // returns the tables of its segment (created when new), nullptr when the
  // row has no value of the segment attribute.
  absl::StatusOr<SegmentTables*> SegmentOfRow(
      size_t line, absl::Span<const absl::string_view> kept,
      const std::vector<size_t>& attribute_slots);
  // counts (like counts_) as an aggregate shaped like aggregate_.
  absl::StatusOr<Aggregate> CountedAggregate(
      const std::vector<uint64_t>& counts, uint64_t respondents) const;

  absl::string_view text_;
  CsvReader reader_;
  std::string source_;
  const ReadOptions& options_;
  Study study_;
  RatingParser ratings_;
  SurveyInspection* inspection_;

  std::vector<HeaderRow> header_rows_;
  size_t raw_width_ = 0;                  // fields of the header rows
  size_t width_ = 0;                      // without the trailing empty columns
  std::vector<std::string> names_;        // first row, NormalizeText form
  std::vector<std::string> lower_names_;  // first row, ASCII lower case
  SurveyLayout& layout_ = inspection_->layout;

  // Answers waiting for the study: the first staged_ elements of each
  // array (sized kAnswerBatchSize plus one row of the wide layout).
  std::vector<uint32_t> staged_respondents_;
  std::vector<uint32_t> staged_outcomes_;
  std::vector<uint8_t> staged_importance_;
  std::vector<uint8_t> staged_satisfaction_;
  size_t staged_ = 0;

  // Aggregate mode: the tables, and respondent ids as 64-bit fingerprints
  // (-> line), so that a repeated id is still refused while memory stays
  // small.
  absl::optional<Aggregate> aggregate_;
  absl::flat_hash_map<uint64_t, size_t> id_lines_;
  // Without weights the tables are counted here, in jtbd.v1.Aggregate's
  // cell order (outcome, importance index, satisfaction index; index 0 = no
  // answer), and handed over once at the end: cheaper than a call per
  // answer.
  std::vector<uint64_t> counts_;
  size_t respondents_counted_ = 0;

  // Segmented aggregate mode (with aggregate_): the attribute, the indices
  // in layout_.attributes of its columns, and the segments met so far.
  bool segmented_ = false;
  std::string segment_by_;
  std::vector<size_t> segment_attributes_;
  absl::flat_hash_map<std::string, size_t> segment_index_;
  std::vector<SegmentTables> segments_;
  uint64_t unsegmented_ = 0;
  absl::optional<Aggregate> empty_segment_;  // weighted reads: a template
  // Which distinct attribute name each of layout_.attributes has, whether a
  // row gave it yet, and how many names are still waiting for a value.
  std::vector<size_t> attribute_name_of_;
  std::vector<bool> attribute_given_;
  size_t attributes_pending_ = 0;
};

absl::Status SurveyParser::Error(size_t line, size_t column,
                                 absl::string_view what) const {
  // Both branches string_view: with "" the common type would be a temporary
  // std::string, destroyed before the view is used.
  const absl::string_view name =
      column != 0 && column <= layout_.headers.size()
          ? absl::string_view(layout_.headers[column - 1])
          : absl::string_view();
  return SourcePositionError(source_, line, column, name, what);
}

absl::Status SurveyParser::MapError(absl::string_view field,
                                    absl::string_view what) const {
  const std::string map_name = options_.survey_map_source.empty()
                                   ? std::string("survey map")
                                   : options_.survey_map_source;
  return absl::InvalidArgumentError(
      absl::StrCat(map_name, ": ", field, ": ", what));
}

const std::string& SurveyParser::Cell(size_t row, size_t column) const {
  static const std::string* const kEmpty = new std::string();
  const std::vector<std::string>& cells = header_rows_[row].cells;
  return column < cells.size() ? cells[column] : *kEmpty;
}

absl::Status SurveyParser::ReadHeaderRow(absl::string_view expected) {
  switch (reader_.Read()) {
    case CsvReader::Result::kEnd:
      if (header_rows_.empty()) return Error(1, 1, "the file is empty");
      return Error(
          header_rows_.back().line, 0,
          absl::StrCat("the file ends within the header: ", expected, " has ",
                       header_rows_.size() + 1, " header rows"));
    case CsvReader::Result::kError:
      return CsvError();
    case CsvReader::Result::kRecord:
      break;
  }
  HeaderRow row;
  row.line = reader_.record_line();
  row.cells.reserve(reader_.fields().size());
  for (absl::string_view field : reader_.fields()) {
    row.cells.emplace_back(TrimSpaces(field));
  }
  header_rows_.push_back(std::move(row));
  return absl::OkStatus();
}

absl::StatusOr<v1::SurveyFormat> SurveyParser::DetectFormat() const {
  auto has = [this](absl::string_view name) {
    return std::find(names_.begin(), names_.end(), name) != names_.end();
  };
  const std::string& first = names_.front();
  if (has("respondent id") && has("collector id")) {
    return v1::SURVEY_FORMAT_SURVEYMONKEY;
  }
  if ((has("responseid") && (has("startdate") || has("recordeddate"))) ||
      (first == "startdate" && has("enddate"))) {
    return v1::SURVEY_FORMAT_QUALTRICS;
  }
  if (first == "v1" && has("v2")) return v1::SURVEY_FORMAT_QUALTRICS_LEGACY;
  if (first == "#") return v1::SURVEY_FORMAT_TYPEFORM;
  auto has_lower = [this](absl::string_view name) {
    return std::find(lower_names_.begin(), lower_names_.end(), name) !=
           lower_names_.end();
  };
  if (has_lower("outcome") && has_lower("importance") &&
      has_lower("satisfaction")) {
    return v1::SURVEY_FORMAT_LONG;
  }
  for (const std::string& name : lower_names_) {
    if (absl::StartsWith(name, "imp_") || absl::StartsWith(name, "sat_")) {
      return v1::SURVEY_FORMAT_WIDE;
    }
  }
  bool grid = false;
  for (const std::string& cell : header_rows_[0].cells) {
    absl::string_view question;
    absl::string_view row;
    if (SplitGridTitle(cell, &question, &row)) grid = true;
  }
  if (grid || IsOneOf(first, kGoogleFormsTimestamps)) {
    return v1::SURVEY_FORMAT_GOOGLE_FORMS;
  }
  return Error(HeaderLine(0), 1, kUnknownLayout);
}

absl::StatusOr<v1::SurveyFormat> SurveyParser::ForcedFormat() const {
  switch (options_.format) {
    case InputFormat::kLong:
      return v1::SURVEY_FORMAT_LONG;
    case InputFormat::kWide:
      return v1::SURVEY_FORMAT_WIDE;
    case InputFormat::kQualtrics:
      return names_.front() == "v1" ? v1::SURVEY_FORMAT_QUALTRICS_LEGACY
                                    : v1::SURVEY_FORMAT_QUALTRICS;
    case InputFormat::kSurveyMonkey:
      return v1::SURVEY_FORMAT_SURVEYMONKEY;
    case InputFormat::kGoogleForms:
      return v1::SURVEY_FORMAT_GOOGLE_FORMS;
    case InputFormat::kTypeform:
      return v1::SURVEY_FORMAT_TYPEFORM;
    case InputFormat::kAuto:
      break;
  }
  return DetectFormat();
}

// Qualtrics: the question texts follow; then, in current exports, the
// ImportId row. Without it (or in legacy exports) the third record is
// already an answer row and is read again as one.
absl::Status SurveyParser::ReadQualtricsHeaderRows(v1::SurveyFormat* format) {
  const bool legacy = *format == v1::SURVEY_FORMAT_QUALTRICS_LEGACY;
  absl::Status status = ReadHeaderRow(legacy ? "a legacy Qualtrics export"
                                             : "a Qualtrics export");
  if (!status.ok()) return status;
  if (legacy) return absl::OkStatus();
  const CsvReader::Position before = reader_.position();
  switch (reader_.Read()) {
    case CsvReader::Result::kEnd:
      return absl::OkStatus();
    case CsvReader::Result::kError:
      return CsvError();
    case CsvReader::Result::kRecord:
      break;
  }
  bool import_row = false;
  for (absl::string_view field : reader_.fields()) {
    const absl::string_view cell = TrimSpaces(field);
    if (cell.empty()) continue;
    import_row = cell.front() == '{' &&
                 absl::StrContains(absl::AsciiStrToLower(cell), "importid");
    break;
  }
  reader_.Seek(before);
  if (!import_row) return absl::OkStatus();
  return ReadHeaderRow("a Qualtrics export");
}

absl::Status SurveyParser::FixWidth() {
  raw_width_ = header_rows_[0].cells.size();
  for (size_t r = 1; r < header_rows_.size(); ++r) {
    const size_t fields = header_rows_[r].cells.size();
    if (fields != raw_width_) {
      return Error(HeaderLine(r), std::min(fields, raw_width_) + 1,
                   absl::StrCat("header row ", r + 1, " has ", fields,
                                " fields but header row 1 has ", raw_width_));
    }
  }
  // Spreadsheets add empty columns after the last one used.
  width_ = raw_width_;
  while (width_ > 1) {
    bool blank = true;
    for (size_t r = 0; r < header_rows_.size(); ++r) {
      if (!Cell(r, width_ - 1).empty()) blank = false;
    }
    if (!blank) break;
    --width_;
  }
  names_.clear();
  lower_names_.clear();
  layout_.headers.clear();
  for (size_t c = 0; c < width_; ++c) {
    layout_.headers.push_back(Cell(0, c));
    names_.push_back(NormalizeText(Cell(0, c)));
    lower_names_.push_back(absl::AsciiStrToLower(Cell(0, c)));
  }
  return absl::OkStatus();
}

void SurveyParser::SetReferences() {
  absl::flat_hash_map<std::string, size_t> uses;
  for (size_t c = 0; c < width_; ++c) ++uses[names_[c]];
  layout_.references.clear();
  for (size_t c = 0; c < width_; ++c) {
    if (!names_[c].empty() && uses[names_[c]] == 1 && names_[c][0] != '#') {
      layout_.references.push_back(Cell(0, c));
    } else {
      layout_.references.push_back(absl::StrCat("#", c + 1));
    }
  }
}

// Long and wide tables name every column once.
absl::Status SurveyParser::CheckNamesForTables() {
  absl::flat_hash_map<std::string, size_t> first_column;
  for (size_t c = 0; c < width_; ++c) {
    if (Cell(0, c).empty()) {
      return Error(HeaderLine(0), c + 1, "the header name is blank");
    }
    auto [it, inserted] = first_column.emplace(lower_names_[c], c + 1);
    if (!inserted) {
      return Error(HeaderLine(0), c + 1,
                   absl::StrCat("the header name repeats column ", it->second,
                                " (names are compared ignoring case)"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> SurveyParser::NextRow() {
  switch (reader_.Read()) {
    case CsvReader::Result::kEnd:
      return false;
    case CsvReader::Result::kError:
      return CsvError();
    case CsvReader::Result::kRecord:
      break;
  }
  const size_t fields = reader_.fields().size();
  if (fields == raw_width_) {
    if (raw_width_ == width_) return true;
  } else if (fields < width_ || fields > raw_width_) {
    // The column is the first missing field, or the first extra one.
    const std::string expected =
        raw_width_ == width_
            ? absl::StrCat(raw_width_, " fields, as in the header,")
            : absl::StrCat(width_, " to ", raw_width_,
                           " fields, as in the header (whose last ",
                           raw_width_ - width_, " are empty),");
    return Error(reader_.record_line(),
                 std::min(fields, fields < width_ ? width_ : raw_width_) + 1,
                 absl::StrCat("expected ", expected, " but found ", fields));
  }
  for (size_t c = width_; c < fields; ++c) {
    const absl::string_view cell = TrimSpaces(reader_.fields()[c]);
    if (!cell.empty()) {
      return Error(reader_.record_line(), c + 1,
                   absl::StrCat(Quoted(cell),
                                " is in a column with no "
                                "header name"));
    }
  }
  return true;
}

// ------------------------------------------------------------ layouts

absl::Status SurveyParser::LayOutLong(size_t outcome, size_t importance,
                                      size_t satisfaction) {
  layout_.long_layout = true;
  layout_.outcome_column = outcome;
  layout_.importance_column = importance;
  layout_.satisfaction_column = satisfaction;
  auto find = [this](std::initializer_list<absl::string_view> names) {
    for (absl::string_view name : names) {
      for (size_t c = 0; c < width_; ++c) {
        if (lower_names_[c] == name) return static_cast<ptrdiff_t>(c);
      }
    }
    return ptrdiff_t{-1};
  };
  layout_.respondent_column =
      find({"respondent", "respondent_id", "id", "subject"});
  if (layout_.respondent_column < 0) {
    return Error(HeaderLine(0), 1,
                 "the long layout (outcome, importance, satisfaction) needs a "
                 "respondent column: respondent, respondent_id, id or "
                 "subject");
  }
  // Columns that describe the outcome, not the respondent: a long export
  // from a database often repeats the statement on every row.
  layout_.statement_column = find({"statement"});
  layout_.job_step_column = find({"job_step"});
  // Rows naming a competing solution rate it (docs/SCORING.md).
  layout_.solution_column = find({"solution"});
  for (size_t c = 0; c < width_; ++c) {
    const ptrdiff_t column = static_cast<ptrdiff_t>(c);
    if (column != layout_.respondent_column && c != outcome &&
        c != importance && c != satisfaction &&
        column != layout_.statement_column &&
        column != layout_.job_step_column &&
        column != layout_.solution_column) {
      layout_.attributes.push_back({c, Cell(0, c)});
    }
  }
  return absl::OkStatus();
}

absl::Status SurveyParser::LayOutWide() {
  // Answer columns by outcome id in lower case (header names match ignoring
  // case; duplicates were refused, so the ids are unique that way too).
  absl::flat_hash_map<std::string, size_t> importance_by_id;
  absl::flat_hash_map<std::string, size_t> satisfaction_by_id;
  std::vector<size_t> importance_columns;  // in header order
  std::vector<bool> is_answer_column(width_, false);
  for (size_t i = 0; i < width_; ++i) {
    const bool importance = absl::StartsWith(lower_names_[i], "imp_");
    const bool satisfaction = absl::StartsWith(lower_names_[i], "sat_");
    if (!importance && !satisfaction) continue;
    is_answer_column[i] = true;
    if (Cell(0, i).size() == 4) {
      return Error(HeaderLine(0), i + 1,
                   "the column names no outcome after its prefix");
    }
    std::string id = lower_names_[i].substr(4);
    if (importance) {
      importance_by_id.emplace(std::move(id), i);
      importance_columns.push_back(i);
    } else {
      satisfaction_by_id.emplace(std::move(id), i);
    }
  }

  // Pair the columns, reporting the leftmost one that has no partner.
  std::vector<bool> competitor_column(width_, false);
  // Competitor columns with the importance column of their outcome (made
  // an outcome index below).
  std::vector<SurveyLayout::SolutionColumn> competitor_columns;
  for (size_t i = 0; i < width_; ++i) {
    if (!is_answer_column[i]) continue;
    const absl::string_view id = absl::string_view(Cell(0, i)).substr(4);
    const std::string lower_id = lower_names_[i].substr(4);
    if (absl::StartsWith(lower_names_[i], "imp_")) {
      if (!satisfaction_by_id.contains(lower_id)) {
        return Error(HeaderLine(0), i + 1,
                     absl::StrCat("there is no sat_", id,
                                  " column to go with this importance column"));
      }
      continue;
    }
    if (importance_by_id.contains(lower_id)) continue;
    // sat_<solution>__<outcome id> rates a competing solution on a known
    // outcome; the plugin's sat_<solution>_<outcome id> is taken when no
    // double-underscore split fits and exactly one single one does.
    // (end of the solution name, start of the outcome id) per fitting split.
    std::vector<std::pair<size_t, size_t>> splits;
    for (size_t separator : {size_t{2}, size_t{1}}) {
      for (size_t p = 0; p + separator < lower_id.size(); ++p) {
        if (lower_id.compare(p, separator, "__", separator) == 0 &&
            importance_by_id.contains(lower_id.substr(p + separator))) {
          splits.emplace_back(p, p + separator);
        }
      }
      if (!splits.empty()) break;
    }
    if (splits.empty()) {
      return Error(HeaderLine(0), i + 1,
                   absl::StrCat("there is no imp_", id,
                                " column to go with this satisfaction column"));
    }
    if (splits.size() > 1) {
      std::vector<std::string> readings;
      for (const auto& [end, start] : splits) {
        readings.push_back(absl::StrCat("solution ", Quoted(id.substr(0, end)),
                                        " on outcome ",
                                        Quoted(id.substr(start))));
      }
      return Error(HeaderLine(0), i + 1,
                   absl::StrCat("ambiguous competitor column: it reads as ",
                                absl::StrJoin(readings, " or as "),
                                "; rename it sat_<solution>__<outcome id> "
                                "with one reading, or name it in a survey "
                                "map"));
    }
    const auto [end, start] = splits[0];
    const absl::string_view solution = id.substr(0, end);
    if (TrimSpaces(solution).empty()) {
      return Error(HeaderLine(0), i + 1,
                   "ambiguous competitor column: it names no solution before "
                   "the outcome id");
    }
    competitor_column[i] = true;
    competitor_columns.push_back({std::string(solution),
                                  importance_by_id.at(lower_id.substr(start)),
                                  i});
  }

  for (size_t column : importance_columns) {
    layout_.outcomes.push_back(
        {Cell(0, column).substr(4), "", column,
         satisfaction_by_id.at(lower_names_[column].substr(4))});
  }
  for (SurveyLayout::SolutionColumn& column : competitor_columns) {
    column.outcome = static_cast<size_t>(std::find(importance_columns.begin(),
                                                   importance_columns.end(),
                                                   column.outcome) -
                                         importance_columns.begin());
  }
  absl::Status status = AddSolutionColumns(std::move(competitor_columns));
  if (!status.ok()) return status;
  for (absl::string_view name :
       {"respondent_id", "respondent", "id", "subject"}) {
    const auto it = std::find(lower_names_.begin(), lower_names_.end(), name);
    if (it != lower_names_.end()) {
      layout_.respondent_column = it - lower_names_.begin();
      break;
    }
  }
  for (size_t i = 0; i < width_; ++i) {
    if (competitor_column[i]) {
      continue;  // read as a competing solution's satisfaction
    } else if (!is_answer_column[i] &&
               static_cast<ptrdiff_t>(i) != layout_.respondent_column) {
      layout_.attributes.push_back({i, Cell(0, i)});
    }
  }
  return absl::OkStatus();
}

absl::Status SurveyParser::AddSolutionColumns(
    std::vector<SurveyLayout::SolutionColumn> columns) {
  // Names compare ignoring ASCII case and keep their first spelling; one
  // column per (solution, outcome).
  absl::flat_hash_map<std::string, std::string> spelling;
  absl::flat_hash_map<std::pair<std::string, size_t>, size_t> column_of;
  for (SurveyLayout::SolutionColumn& column : columns) {
    std::string lower = absl::AsciiStrToLower(column.solution);
    const std::string& name =
        spelling.emplace(lower, column.solution).first->second;
    column.solution = name;
    const auto [earlier, added] = column_of.emplace(
        std::make_pair(std::move(lower), column.outcome), column.column);
    if (!added) {
      return Error(
          HeaderLine(0), column.column + 1,
          absl::StrCat("solution ", Quoted(name), " on outcome ",
                       Quoted(layout_.outcomes[column.outcome].id),
                       " is already rated in column ", earlier->second + 1));
    }
    layout_.solution_columns.push_back(std::move(column));
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<const Question*>> SurveyParser::NamedQuestions(
    const std::vector<Question>& questions,
    const std::vector<std::string>& names, absl::string_view kind) const {
  std::vector<const Question*> found;
  for (const std::string& name : names) {
    const std::string wanted = NormalizeText(name);
    const Question* match = nullptr;
    for (const Question& question : questions) {
      if (NormalizeText(question.id) == wanted ||
          (!question.import_id.empty() &&
           NormalizeText(question.import_id) == wanted) ||
          question.normalized_text == wanted) {
        match = &question;
        break;
      }
    }
    if (match == nullptr) {
      std::vector<std::string> known;
      for (const Question& question : questions) {
        known.push_back(question.Describe());
      }
      return Error(HeaderLine(0), 0,
                   absl::StrCat("no question ", Quoted(name), " (named as ",
                                kind, ") in the header; its questions are: ",
                                absl::StrJoin(known, ", ")));
    }
    found.push_back(match);
  }
  return found;
}

absl::Status SurveyParser::AssignOutcomes(
    std::vector<Question>& questions, size_t statement_row,
    const std::function<std::string(size_t)>& attribute_name) {
  std::vector<const Question*> importance;
  std::vector<const Question*> satisfaction;
  if (!options_.importance_questions.empty()) {
    auto found =
        NamedQuestions(questions, options_.importance_questions, "importance");
    if (!found.ok()) return found.status();
    importance = *std::move(found);
  }
  if (!options_.satisfaction_questions.empty()) {
    auto found = NamedQuestions(questions, options_.satisfaction_questions,
                                "satisfaction");
    if (!found.ok()) return found.status();
    satisfaction = *std::move(found);
  }
  // Matrices first; single questions only when no matrix reads as either.
  for (bool single : {false, true}) {
    std::vector<const Question*> found_importance;
    std::vector<const Question*> found_satisfaction;
    for (const Question& question : questions) {
      if (question.single != single) continue;
      const bool taken = std::find(importance.begin(), importance.end(),
                                   &question) != importance.end() ||
                         std::find(satisfaction.begin(), satisfaction.end(),
                                   &question) != satisfaction.end();
      if (taken) continue;
      switch (KindFromText(question.normalized_text)) {
        case QuestionKind::kImportance:
          found_importance.push_back(&question);
          break;
        case QuestionKind::kSatisfaction:
          found_satisfaction.push_back(&question);
          break;
        case QuestionKind::kNone:
          break;
      }
    }
    if (options_.importance_questions.empty() && importance.empty()) {
      importance = found_importance;
    }
    if (options_.satisfaction_questions.empty() && satisfaction.empty()) {
      satisfaction = found_satisfaction;
    }
    if (!importance.empty() && !satisfaction.empty()) break;
    // Matrices that read as one kind are not completed by single questions.
    if (!found_importance.empty() || !found_satisfaction.empty()) break;
  }
  if (importance.empty() || satisfaction.empty()) {
    std::vector<std::string> known;
    for (const Question& question : questions) {
      known.push_back(question.Describe());
    }
    const char* missing = importance.empty() && satisfaction.empty()
                              ? "no importance and no satisfaction question"
                          : importance.empty() ? "no importance question"
                                               : "no satisfaction question";
    return Error(
        HeaderLine(statement_row), 0,
        absl::StrCat(
            "found ", missing,
            " (none whose text says important or satisfied); name "
            "them explicitly, or give a survey map. Questions: ",
            known.empty() ? std::string("none") : absl::StrJoin(known, ", ")));
  }

  struct Row {
    const Question* question;
    size_t index;
  };
  auto rows_of = [](const std::vector<const Question*>& list) {
    std::vector<Row> rows;
    for (const Question* question : list) {
      for (size_t i = 0; i < question->columns.size(); ++i) {
        rows.push_back({question, i});
      }
    }
    return rows;
  };
  auto describe = [](const std::vector<const Question*>& list) {
    std::vector<std::string> parts;
    for (const Question* question : list) parts.push_back(question->Describe());
    return absl::StrJoin(parts, ", ");
  };
  const std::vector<Row> importance_rows = rows_of(importance);
  const std::vector<Row> satisfaction_rows = rows_of(satisfaction);
  if (importance_rows.size() != satisfaction_rows.size()) {
    return Error(
        HeaderLine(statement_row), 0,
        absl::StrCat("the importance question(s) ", describe(importance),
                     " have ", importance_rows.size(),
                     " rows but the satisfaction question(s) ",
                     describe(satisfaction), " have ", satisfaction_rows.size(),
                     "; the k-th rows pair, so the counts must match (a "
                     "survey map can pair columns explicitly)"));
  }
  std::vector<bool> used(width_, false);
  for (size_t k = 0; k < importance_rows.size(); ++k) {
    const Row& imp = importance_rows[k];
    const Row& sat = satisfaction_rows[k];
    const size_t imp_column = imp.question->columns[imp.index];
    const size_t sat_column = sat.question->columns[sat.index];
    const std::string& imp_statement = imp.question->statements[imp.index];
    const std::string& sat_statement = sat.question->statements[sat.index];
    if (imp.question->has_statement_rows && sat.question->has_statement_rows &&
        NormalizeText(imp_statement) != NormalizeText(sat_statement)) {
      return Error(
          HeaderLine(statement_row), sat_column + 1,
          absl::StrCat("satisfaction row ", k + 1, " ", Quoted(sat_statement),
                       " does not match importance row ", k + 1, " ",
                       Quoted(imp_statement), " (column ", imp_column + 1,
                       "); the k-th rows pair, so their statements must be "
                       "the same (a survey map can pair columns explicitly)"));
    }
    if (imp_column == sat_column) {
      return Error(HeaderLine(0), imp_column + 1,
                   "the same column is named as importance and satisfaction");
    }
    layout_.outcomes.push_back(
        {absl::StrCat("o", k + 1),
         imp_statement.empty() ? sat_statement : imp_statement, imp_column,
         sat_column});
    used[imp_column] = true;
    used[sat_column] = true;
  }
  for (const Question* question : importance) {
    layout_.importance_questions.push_back(question->Describe());
  }
  for (const Question* question : satisfaction) {
    layout_.satisfaction_questions.push_back(question->Describe());
  }
  for (const Question& question : questions) {
    for (size_t column : question.columns) {
      if (!used[column]) {
        layout_.attributes.push_back({column, attribute_name(column)});
      }
    }
  }
  std::sort(layout_.attributes.begin(), layout_.attributes.end(),
            [](const SurveyLayout::AttributeColumn& a,
               const SurveyLayout::AttributeColumn& b) {
              return a.column < b.column;
            });
  return absl::OkStatus();
}

absl::Status SurveyParser::LayOutQualtrics(bool legacy) {
  const bool has_import_row = !legacy && header_rows_.size() > 2;
  std::vector<Question> questions;
  absl::flat_hash_map<std::string, size_t> question_index;
  layout_.headers.clear();
  for (size_t c = 0; c < width_; ++c) {
    const std::string& id = Cell(0, c);
    const std::string& text = Cell(1, c);
    layout_.headers.push_back(id.empty() ? text : id);
    if (legacy) {
      // V1..V10 hold the response metadata, named in the second row.
      const std::string field = NormalizeText(text);
      if (names_[c].size() > 1 && names_[c][0] == 'v' &&
          std::all_of(names_[c].begin() + 1, names_[c].end(),
                      [](char ch) { return absl::ascii_isdigit(ch); })) {
        layout_.headers.back() = text;
        if (field == "responseid") {
          layout_.respondent_column = static_cast<ptrdiff_t>(c);
        } else if (field == "externaldatareference") {
          layout_.attributes.push_back({c, text});
        } else {
          layout_.ignored_columns.push_back(c);
        }
        continue;
      }
    } else {
      if (names_[c] == "responseid") {
        layout_.respondent_column = static_cast<ptrdiff_t>(c);
        continue;
      }
      if (names_[c] == "duration (in seconds)" &&
          TrimSpaces(options_.duration_column).empty() &&
          layout_.duration_column < 0) {
        layout_.duration_column = static_cast<ptrdiff_t>(c);
        continue;
      }
      if (IsOneOf(names_[c], kQualtricsIgnored)) {
        layout_.ignored_columns.push_back(c);
        continue;
      }
    }
    if (id.empty()) {
      return Error(HeaderLine(0), c + 1, "the question id is blank");
    }
    std::string import_id = has_import_row ? ImportIdOf(Cell(2, c)) : "";
    absl::string_view question_id;
    size_t row = 0;
    const bool matrix = SplitMatrixId(id, &question_id, &row);
    absl::string_view question_text;
    absl::string_view statement;
    if (matrix) {
      SplitQuestionText(text, &question_text, &statement);
      absl::string_view import_question;
      size_t import_row = 0;
      if (SplitMatrixId(import_id, &import_question, &import_row)) {
        import_id = std::string(import_question);
      }
    } else {
      question_id = id;
      question_text = text;
      statement = text;
    }
    const std::string key = absl::AsciiStrToLower(question_id);
    auto [it, inserted] = question_index.emplace(key, questions.size());
    if (inserted) {
      Question question;
      question.id = std::string(question_id);
      question.import_id = import_id;
      question.text = std::string(question_text);
      question.normalized_text = NormalizeText(question_text);
      question.single = !matrix;
      questions.push_back(std::move(question));
    } else if (!matrix || questions[it->second].single) {
      return Error(HeaderLine(0), c + 1,
                   absl::StrCat("question id ", id, " repeats column ",
                                questions[it->second].columns.front() + 1));
    }
    questions[it->second].columns.push_back(c);
    questions[it->second].statements.emplace_back(statement);
  }
  return AssignOutcomes(questions, 1,
                        [this](size_t column) { return Cell(0, column); });
}

absl::Status SurveyParser::LayOutSurveyMonkey() {
  std::vector<Question> questions;
  std::vector<std::string> attribute_names(width_);
  layout_.headers.clear();
  size_t c = 0;
  while (c < width_) {
    // A question spans its own column and the blank-topped ones after it.
    size_t end = c + 1;
    while (end < width_ && Cell(0, end).empty()) ++end;
    const std::string& text = Cell(0, c);
    const std::string normalized = NormalizeText(text);
    if (end == c + 1 &&
        IsOneOf(NormalizeText(Cell(1, c)), kSurveyMonkeySingleLabels)) {
      layout_.headers.push_back(text);
      if (normalized == "respondent id") {
        layout_.respondent_column = static_cast<ptrdiff_t>(c);
      } else if (IsOneOf(normalized, kSurveyMonkeyIgnored)) {
        layout_.ignored_columns.push_back(c);
      } else if (normalized == "collector id" ||
                 absl::StartsWith(normalized, "custom data")) {
        layout_.attributes.push_back({c, text});
      } else {
        Question question;
        question.id = text;
        question.text = text;
        question.normalized_text = normalized;
        question.single = true;
        question.has_statement_rows = false;
        question.columns.push_back(c);
        question.statements.push_back(text);
        attribute_names[c] = text;
        questions.push_back(std::move(question));
      }
      c = end;
      continue;
    }
    Question question;
    question.id = text;
    question.text = text;
    question.normalized_text = normalized;
    for (size_t k = c; k < end; ++k) {
      const std::string& label = Cell(1, k);
      layout_.headers.push_back(label.empty() ? text : label);
      if (IsOneOf(NormalizeText(label), kSurveyMonkeyOtherLabels) ||
          label.empty()) {
        // "Other (please specify)" and comment boxes: text, not ratings.
        layout_.attributes.push_back(
            {k, label.empty() ? text : absl::StrCat(text, " - ", label)});
        continue;
      }
      question.columns.push_back(k);
      question.statements.push_back(label);
      attribute_names[k] = absl::StrCat(text, " - ", label);
    }
    if (!question.columns.empty()) questions.push_back(std::move(question));
    c = end;
  }
  return AssignOutcomes(questions, 1, [&attribute_names](size_t column) {
    return attribute_names[column];
  });
}

absl::Status SurveyParser::LayOutTitled(bool typeform) {
  std::vector<Question> questions;
  absl::flat_hash_map<std::string, size_t> grid_index;
  for (size_t c = 0; c < width_; ++c) {
    const std::string& title = Cell(0, c);
    if (title.empty()) {
      return Error(HeaderLine(0), c + 1, "the header name is blank");
    }
    if (typeform && names_[c] == "#") {
      layout_.respondent_column = static_cast<ptrdiff_t>(c);
      continue;
    }
    if (typeform ? IsOneOf(names_[c], kTypeformIgnored)
                 : (c == 0 && IsOneOf(names_[c], kGoogleFormsTimestamps))) {
      layout_.ignored_columns.push_back(c);
      continue;
    }
    absl::string_view question_text;
    absl::string_view row;
    if (SplitGridTitle(title, &question_text, &row)) {
      const std::string key = NormalizeText(question_text);
      auto [it, inserted] = grid_index.emplace(key, questions.size());
      if (inserted) {
        Question question;
        question.id = std::string(question_text);
        question.text = std::string(question_text);
        question.normalized_text = key;
        questions.push_back(std::move(question));
      }
      questions[it->second].columns.push_back(c);
      questions[it->second].statements.emplace_back(row);
      continue;
    }
    Question question;
    question.id = title;
    question.text = title;
    question.normalized_text = names_[c];
    question.single = true;
    question.has_statement_rows = false;
    question.columns.push_back(c);
    question.statements.push_back(title);
    questions.push_back(std::move(question));
  }
  return AssignOutcomes(questions, 0,
                        [this](size_t column) { return Cell(0, column); });
}

absl::Status SurveyParser::LayOutFromMap(const v1::SurveyMap& map) {
  std::vector<std::string> roles(width_);  // what each column is, if used
  auto resolve = [&](absl::string_view field, const std::string& reference,
                     bool required, ptrdiff_t* column) -> absl::Status {
    *column = -1;
    const absl::string_view ref = TrimSpaces(reference);
    if (ref.empty()) {
      if (required) return MapError(field, "no column given");
      return absl::OkStatus();
    }
    if (ref[0] == '#' && ref.size() > 1) {
      size_t number = 0;
      if (!absl::SimpleAtoi(ref.substr(1), &number) || number == 0 ||
          number > width_) {
        return MapError(field, absl::StrCat("column ", Quoted(ref),
                                            " is not a column number from #1 "
                                            "to #",
                                            width_, " of ", source_));
      }
      *column = static_cast<ptrdiff_t>(number - 1);
    } else {
      const std::string wanted = NormalizeText(ref);
      std::vector<size_t> matches;
      for (size_t c = 0; c < width_; ++c) {
        if (names_[c] == wanted) matches.push_back(c);
      }
      if (matches.empty()) {
        return MapError(field,
                        absl::StrCat("no column ", Quoted(ref),
                                     " in the first header row of ", source_,
                                     " (line ", HeaderLine(0), ")"));
      }
      if (matches.size() > 1) {
        return MapError(
            field,
            absl::StrCat("column name ", Quoted(ref), " is ambiguous in ",
                         source_, ": columns #", matches[0] + 1, " and #",
                         matches[1] + 1, " (name one as #<n>)"));
      }
      *column = static_cast<ptrdiff_t>(matches[0]);
    }
    std::string& role = roles[*column];
    if (!role.empty()) {
      return MapError(field, absl::StrCat("column ", Quoted(ref),
                                          " is already used as ", role));
    }
    role = std::string(field);
    return absl::OkStatus();
  };

  ptrdiff_t column = -1;
  absl::Status status = resolve("respondent_id_column",
                                map.respondent_id_column(), false, &column);
  if (!status.ok()) return status;
  layout_.respondent_column = column;

  if (map.has_long_layout()) {
    const v1::SurveyMapLongLayout& layout = map.long_layout();
    if (layout_.respondent_column < 0) {
      return MapError("respondent_id_column",
                      "a long layout needs the respondent id column");
    }
    ptrdiff_t outcome = -1;
    ptrdiff_t importance = -1;
    ptrdiff_t satisfaction = -1;
    for (auto [field, reference, required, target] : std::initializer_list<
             std::tuple<const char*, const std::string*, bool, ptrdiff_t*>>{
             {"long_layout.outcome_column", &layout.outcome_column(), true,
              &outcome},
             {"long_layout.importance_column", &layout.importance_column(),
              true, &importance},
             {"long_layout.satisfaction_column", &layout.satisfaction_column(),
              true, &satisfaction},
             {"long_layout.statement_column", &layout.statement_column(), false,
              &layout_.statement_column},
             {"long_layout.job_step_column", &layout.job_step_column(), false,
              &layout_.job_step_column},
             {"long_layout.solution_column", &layout.solution_column(), false,
              &layout_.solution_column}}) {
      status = resolve(field, *reference, required, target);
      if (!status.ok()) return status;
    }
    layout_.long_layout = true;
    layout_.outcome_column = static_cast<size_t>(outcome);
    layout_.importance_column = static_cast<size_t>(importance);
    layout_.satisfaction_column = static_cast<size_t>(satisfaction);
  } else if (map.outcomes().empty()) {
    return MapError("outcomes", "the map names no outcomes");
  }

  absl::flat_hash_set<std::string> ids;
  for (int i = 0; i < map.outcomes_size(); ++i) {
    const v1::SurveyMapOutcome& outcome = map.outcomes(i);
    const std::string field = absl::StrCat("outcomes[", i, "]");
    const absl::string_view id = TrimSpaces(outcome.id());
    if (id.empty()) return MapError(field, "the outcome id is blank");
    if (!ids.insert(std::string(id)).second) {
      return MapError(
          field, absl::StrCat("outcome id ", Quoted(id), " is given twice"));
    }
    SurveyLayout::OutcomeColumns columns{
        std::string(id), std::string(outcome.statement()), 0, 0};
    if (!map.has_long_layout()) {
      ptrdiff_t importance = -1;
      ptrdiff_t satisfaction = -1;
      status = resolve(absl::StrCat(field, ".importance_column"),
                       outcome.importance_column(), true, &importance);
      if (!status.ok()) return status;
      status = resolve(absl::StrCat(field, ".satisfaction_column"),
                       outcome.satisfaction_column(), true, &satisfaction);
      if (!status.ok()) return status;
      columns.importance = static_cast<size_t>(importance);
      columns.satisfaction = static_cast<size_t>(satisfaction);
    } else if (!outcome.importance_column().empty() ||
               !outcome.satisfaction_column().empty()) {
      return MapError(field,
                      "in a long layout the rating columns are "
                      "long_layout's; outcomes only add statements");
    }
    layout_.outcomes.push_back(std::move(columns));
  }

  std::vector<SurveyLayout::SolutionColumn> solution_columns;
  for (int i = 0; i < map.solution_columns_size(); ++i) {
    const v1::SurveyMapSolutionColumn& entry = map.solution_columns(i);
    const std::string field = absl::StrCat("solution_columns[", i, "]");
    if (map.has_long_layout()) {
      return MapError(field,
                      "a long layout names its solutions in "
                      "long_layout.solution_column");
    }
    const absl::string_view solution = TrimSpaces(entry.solution());
    if (solution.empty()) {
      return MapError(absl::StrCat(field, ".solution"),
                      "the solution name is blank");
    }
    const absl::string_view outcome_id = TrimSpaces(entry.outcome_id());
    const auto outcome =
        std::find_if(layout_.outcomes.begin(), layout_.outcomes.end(),
                     [outcome_id](const SurveyLayout::OutcomeColumns& outcome) {
                       return outcome.id == outcome_id;
                     });
    if (outcome == layout_.outcomes.end()) {
      return MapError(absl::StrCat(field, ".outcome_id"),
                      absl::StrCat(Quoted(outcome_id),
                                   " is not an id of the map's outcomes"));
    }
    status =
        resolve(absl::StrCat(field, ".column"), entry.column(), true, &column);
    if (!status.ok()) return status;
    solution_columns.push_back(
        {std::string(solution),
         static_cast<size_t>(outcome - layout_.outcomes.begin()),
         static_cast<size_t>(column)});
  }
  status = AddSolutionColumns(std::move(solution_columns));
  if (!status.ok()) return status;

  absl::flat_hash_set<std::string> attribute_names;
  auto add_attribute = [&](size_t column, std::string name,
                           absl::string_view field) -> absl::Status {
    if (name.empty()) name = Cell(0, column);
    if (name.empty()) name = layout_.references[column];
    if (!attribute_names.insert(name).second) {
      return MapError(field, absl::StrCat("attribute name ", Quoted(name),
                                          " is given twice"));
    }
    layout_.attributes.push_back({column, std::move(name)});
    return absl::OkStatus();
  };
  for (int i = 0; i < map.attributes_size(); ++i) {
    const std::string field = absl::StrCat("attributes[", i, "]");
    status = resolve(absl::StrCat(field, ".column"), map.attributes(i).column(),
                     true, &column);
    if (!status.ok()) return status;
    status =
        add_attribute(static_cast<size_t>(column),
                      std::string(TrimSpaces(map.attributes(i).name())), field);
    if (!status.ok()) return status;
  }
  status = resolve("solution_column", map.solution_column(), false, &column);
  if (!status.ok()) return status;
  if (column >= 0) {
    status = add_attribute(static_cast<size_t>(column), "solution",
                           "solution_column");
    if (!status.ok()) return status;
  }
  status = resolve("weight_column", map.weight_column(), false, &column);
  if (!status.ok()) return status;
  layout_.weight_column = column;
  status = resolve("duration_column", map.duration_column(), false, &column);
  if (!status.ok()) return status;
  layout_.duration_column = column;
  for (size_t c = 0; c < width_; ++c) {
    if (roles[c].empty()) layout_.ignored_columns.push_back(c);
  }
  return absl::OkStatus();
}

absl::Status SurveyParser::ApplyWeightOption() {
  const absl::string_view reference = TrimSpaces(options_.weight_column);
  if (reference.empty() || options_.survey_map.has_value()) {
    return absl::OkStatus();
  }
  ptrdiff_t found = -1;
  for (size_t c = 0; c < width_; ++c) {
    if (layout_.references[c] == reference ||
        names_[c] == NormalizeText(reference)) {
      found = static_cast<ptrdiff_t>(c);
      break;
    }
  }
  if (found < 0) {
    return Error(
        HeaderLine(0), 0,
        absl::StrCat("no weight column ", Quoted(reference), " in the header"));
  }
  auto& attributes = layout_.attributes;
  const auto attribute =
      std::find_if(attributes.begin(), attributes.end(),
                   [found](const SurveyLayout::AttributeColumn& a) {
                     return static_cast<ptrdiff_t>(a.column) == found;
                   });
  auto& ignored = layout_.ignored_columns;
  const auto ignored_at =
      std::find(ignored.begin(), ignored.end(), static_cast<size_t>(found));
  if (attribute != attributes.end()) {
    attributes.erase(attribute);
  } else if (ignored_at != ignored.end()) {
    ignored.erase(ignored_at);
  } else {
    return Error(HeaderLine(0), found + 1,
                 "the weight column is already read as answers or ids");
  }
  layout_.weight_column = found;
  return absl::OkStatus();
}

absl::Status SurveyParser::ApplyDurationOption() {
  if (options_.survey_map.has_value()) return absl::OkStatus();
  const absl::string_view reference = TrimSpaces(options_.duration_column);
  ptrdiff_t found = -1;
  if (!reference.empty()) {
    for (size_t c = 0; c < width_; ++c) {
      if (layout_.references[c] == reference ||
          names_[c] == NormalizeText(reference)) {
        found = static_cast<ptrdiff_t>(c);
        break;
      }
    }
    if (found < 0) {
      return Error(HeaderLine(0), 0,
                   absl::StrCat("no duration column ", Quoted(reference),
                                " in the header"));
    }
  } else if (layout_.format == v1::SURVEY_FORMAT_LONG ||
             layout_.format == v1::SURVEY_FORMAT_WIDE) {
    for (absl::string_view name : {"duration", "duration_seconds"}) {
      const auto it = std::find(lower_names_.begin(), lower_names_.end(), name);
      if (it != lower_names_.end()) {
        found = it - lower_names_.begin();
        break;
      }
    }
    if (found < 0) return absl::OkStatus();
  } else {
    return absl::OkStatus();
  }
  auto& attributes = layout_.attributes;
  const auto attribute =
      std::find_if(attributes.begin(), attributes.end(),
                   [found](const SurveyLayout::AttributeColumn& a) {
                     return static_cast<ptrdiff_t>(a.column) == found;
                   });
  auto& ignored = layout_.ignored_columns;
  const auto ignored_at =
      std::find(ignored.begin(), ignored.end(), static_cast<size_t>(found));
  if (attribute != attributes.end()) {
    attributes.erase(attribute);
  } else if (ignored_at != ignored.end()) {
    ignored.erase(ignored_at);
  } else {
    return Error(HeaderLine(0), found + 1,
                 "the duration column is already read as answers, ids or "
                 "weights");
  }
  layout_.duration_column = found;
  return absl::OkStatus();
}

// ------------------------------------------------------------ rows

void SurveyParser::StageAnswer(size_t respondent, size_t outcome,
                               uint8_t importance, uint8_t satisfaction) {
  if (staged_ == staged_respondents_.size()) {
    const size_t size = std::max<size_t>(kAnswerBatchSize, 2 * staged_);
    staged_respondents_.resize(size);
    staged_outcomes_.resize(size);
    staged_importance_.resize(size);
    staged_satisfaction_.resize(size);
  }
  staged_respondents_[staged_] = static_cast<uint32_t>(respondent);
  staged_outcomes_[staged_] = static_cast<uint32_t>(outcome);
  staged_importance_[staged_] = importance;
  staged_satisfaction_[staged_] = satisfaction;
  ++staged_;
}

absl::Status SurveyParser::FlushAnswers() {
  if (staged_ == 0) return absl::OkStatus();
  AnswerBatch batch;
  batch.respondents = absl::MakeConstSpan(staged_respondents_.data(), staged_);
  batch.outcomes = absl::MakeConstSpan(staged_outcomes_.data(), staged_);
  batch.importance = absl::MakeConstSpan(staged_importance_.data(), staged_);
  batch.satisfaction =
      absl::MakeConstSpan(staged_satisfaction_.data(), staged_);
  staged_ = 0;
  // Ratings and repeats were checked row by row, so this cannot refuse;
  // should it ever, the file is still not read half-way.
  absl::Status status = study_.AddAnswers(batch);
  if (!status.ok()) {
    return absl::Status(status.code(),
                        absl::StrCat(source_, ": ", status.message()));
  }
  return absl::OkStatus();
}

void SurveyParser::ReportProgress(size_t rows, bool always) {
  inspection_->rows = rows;
  if (!options_.progress) return;
  if (!always && (rows & (kProgressEveryRows - 1)) != 0) return;
  options_.progress(ReadProgress{reader_.offset(), text_.size(), rows});
}

absl::Status SurveyParser::ParseWeight(size_t line, absl::string_view cell,
                                       double* weight) const {
  const size_t column = static_cast<size_t>(layout_.weight_column) + 1;
  const absl::string_view text = TrimSpaces(cell);
  if (text.empty()) return Error(line, column, "the weight is blank");
  if (!absl::SimpleAtod(text, weight) || !std::isfinite(*weight) ||
      *weight <= 0) {
    return Error(line, column,
                 absl::StrCat("weight ", Quoted(text),
                              " is not a finite number greater than 0"));
  }
  return absl::OkStatus();
}

absl::Status SurveyParser::ParseDuration(size_t line, absl::string_view cell,
                                         bool* known, double* seconds) const {
  const size_t column = static_cast<size_t>(layout_.duration_column) + 1;
  const absl::string_view text = TrimSpaces(cell);
  *known = !text.empty();
  if (!*known) return absl::OkStatus();
  if (!absl::SimpleAtod(text, seconds) || !std::isfinite(*seconds) ||
      !(*seconds >= 0)) {
    return Error(line, column,
                 absl::StrCat("duration ", Quoted(text),
                              " is not a number of seconds (at least 0)"));
  }
  return absl::OkStatus();
}

absl::Status SurveyParser::SetWeight(size_t respondent, size_t line,
                                     absl::string_view cell) {
  const size_t column = static_cast<size_t>(layout_.weight_column) + 1;
  double weight = 0;
  absl::Status status = ParseWeight(line, cell, &weight);
  if (!status.ok()) return status;
  status = study_.SetWeight(respondent, weight);
  if (!status.ok()) return Error(line, column, status.message());
  return absl::OkStatus();
}

absl::Status SurveyParser::ReadLongRows(const v1::SurveyMap* map) {
  const size_t respondent_column =
      static_cast<size_t>(layout_.respondent_column);
  const size_t outcome_column = layout_.outcome_column;
  const size_t importance_column = layout_.importance_column;
  const size_t satisfaction_column = layout_.satisfaction_column;
  struct OutcomeTextColumn {
    ptrdiff_t column;
    const char* name;
    absl::Status (Study::*set)(size_t, std::string);
    std::string Outcome::*field;
  };
  const OutcomeTextColumn outcome_text_columns[] = {
      {layout_.statement_column, "statement", &Study::SetOutcomeStatement,
       &Outcome::statement},
      {layout_.job_step_column, "job step", &Study::SetOutcomeJobStep,
       &Outcome::job_step_id},
  };
  const size_t attribute_count = layout_.attributes.size();

  // Lines where each (respondent, outcome) was answered and where each
  // respondent's attribute was first given, 0 = not yet: the errors name
  // both lines.
  std::vector<std::vector<size_t>> answer_lines;
  // [outcome * 2 + k]: line where outcome_text_columns[k] was first given.
  std::vector<size_t> outcome_text_lines;
  std::vector<size_t> attribute_lines;  // [respondent * attribute_count + a]
  std::vector<size_t> weight_lines;     // by respondent
  // (respondent, solution, outcome) -> line where it was rated.
  absl::flat_hash_map<std::tuple<size_t, size_t, size_t>, size_t>
      solution_lines;
  std::vector<size_t> duration_lines;  // by respondent
  // Rows usually come grouped by respondent: skip the lookup then.
  std::string last_respondent_id;
  size_t last_respondent = 0;
  bool have_last_respondent = false;
  size_t rows = 0;
  std::string problem;

  for (;;) {
    absl::StatusOr<bool> more = NextRow();
    if (!more.ok()) return more.status();
    if (!*more) break;
    ++rows;
    const size_t line = reader_.record_line();
    const absl::Span<const absl::string_view> fields = reader_.fields();

    const absl::string_view respondent_id =
        TrimSpaces(fields[respondent_column]);
    if (respondent_id.empty()) {
      return Error(line, respondent_column + 1, "the respondent id is blank");
    }
    const absl::string_view outcome_id = TrimSpaces(fields[outcome_column]);
    if (outcome_id.empty()) {
      return Error(line, outcome_column + 1, "the outcome id is blank");
    }
    // A row naming a solution rates that solution's satisfaction only.
    const absl::string_view solution =
        layout_.solution_column >= 0
            ? TrimSpaces(fields[layout_.solution_column])
            : absl::string_view();
    if (!solution.empty() && !TrimSpaces(fields[importance_column]).empty()) {
      return Error(line, importance_column + 1,
                   absl::StrCat("this row rates solution ", Quoted(solution),
                                ", whose satisfaction only is asked: leave "
                                "importance blank"));
    }
    uint8_t importance;
    uint8_t satisfaction;
    if (!ratings_.Parse(fields[importance_column], RatingKind::kImportance,
                        &importance, &problem)) {
      return Error(line, importance_column + 1, problem);
    }
    if (!ratings_.Parse(fields[satisfaction_column], RatingKind::kSatisfaction,
                        &satisfaction, &problem)) {
      return Error(line, satisfaction_column + 1, problem);
    }

    size_t respondent;
    bool new_respondent = false;
    if (have_last_respondent && respondent_id == last_respondent_id) {
      respondent = last_respondent;
    } else {
      const ptrdiff_t known = study_.FindRespondent(respondent_id);
      if (known >= 0) {
        respondent = static_cast<size_t>(known);
      } else {
        if (study_.respondent_count() >= options_.limits.max_respondents) {
          return ToResourceExhausted(Error(
              line, respondent_column + 1,
              ExceedsLimit(
                  absl::StrCat("respondent ", study_.respondent_count() + 1),
                  LimitKind::kRespondents, options_.limits.max_respondents)));
        }
        absl::StatusOr<size_t> added =
            study_.AddRespondent(std::string(respondent_id));
        if (!added.ok())
          return Error(line, respondent_column + 1, added.status().message());
        respondent = *added;
        new_respondent = true;
        answer_lines.emplace_back();
        attribute_lines.resize(attribute_lines.size() + attribute_count, 0);
        weight_lines.push_back(0);
        duration_lines.push_back(0);
      }
      last_respondent_id.assign(respondent_id.data(), respondent_id.size());
      last_respondent = respondent;
      have_last_respondent = true;
    }

    size_t outcome;
    const ptrdiff_t known_outcome = study_.FindOutcome(outcome_id);
    if (known_outcome >= 0) {
      outcome = static_cast<size_t>(known_outcome);
    } else {
      if (study_.outcome_count() >= options_.limits.max_outcomes) {
        return ToResourceExhausted(Error(
            line, outcome_column + 1,
            ExceedsLimit(absl::StrCat("outcome ", study_.outcome_count() + 1),
                         LimitKind::kOutcomes, options_.limits.max_outcomes)));
      }
      absl::StatusOr<size_t> added =
          study_.AddOutcome(Outcome{std::string(outcome_id), "", ""});
      if (!added.ok()) {
        return Error(line, outcome_column + 1, added.status().message());
      }
      outcome = *added;
      outcome_text_lines.resize(2 * (outcome + 1), 0);
    }
    for (size_t k = 0; k < 2; ++k) {
      const OutcomeTextColumn& text = outcome_text_columns[k];
      if (text.column < 0) continue;
      const absl::string_view value = TrimSpaces(fields[text.column]);
      if (value.empty()) continue;  // blank never conflicts
      size_t& given_on = outcome_text_lines[2 * outcome + k];
      if (given_on == 0) {
        absl::Status status = (study_.*text.set)(outcome, std::string(value));
        if (!status.ok()) return Error(line, text.column + 1, status.message());
        given_on = line;
        continue;
      }
      const std::string& earlier = study_.outcomes()[outcome].*text.field;
      if (earlier != value) {
        return Error(line, text.column + 1,
                     absl::StrCat("outcome ", outcome_id, " has ", text.name,
                                  " ", Quoted(earlier), " on line ", given_on,
                                  " but ", Quoted(value), " here"));
      }
    }

    size_t solution_index = 0;
    if (!solution.empty()) {
      const size_t column = static_cast<size_t>(layout_.solution_column);
      absl::StatusOr<size_t> declared = study_.AddSolution(solution);
      if (!declared.ok()) {
        return Error(line, column + 1, declared.status().message());
      }
      solution_index = *declared;
      const auto [earlier, added] = solution_lines.emplace(
          std::make_tuple(respondent, solution_index, outcome), line);
      if (!added) {
        return Error(
            line, column + 1,
            absl::StrCat("respondent ", respondent_id,
                         " already rated solution ",
                         study_.solutions()[solution_index], " on outcome ",
                         outcome_id, " on line ", earlier->second));
      }
    }
    std::vector<size_t>& lines = answer_lines[respondent];
    if (lines.size() <= outcome) lines.resize(outcome + 1, 0);
    if (solution.empty() && lines[outcome] != 0) {
      return Error(
          line, outcome_column + 1,
          absl::StrCat("respondent ", respondent_id, " already rated outcome ",
                       outcome_id, " on line ", lines[outcome]));
    }
    if (solution.empty()) lines[outcome] = line;

    for (size_t a = 0; a < attribute_count; ++a) {
      const SurveyLayout::AttributeColumn& attribute = layout_.attributes[a];
      const size_t column = attribute.column;
      const absl::string_view value = TrimSpaces(fields[column]);
      if (value.empty()) continue;  // blank never conflicts
      size_t& given_on = attribute_lines[respondent * attribute_count + a];
      if (given_on == 0) {
        absl::Status status =
            study_.SetAttribute(respondent, attribute.name, std::string(value));
        if (!status.ok()) return Error(line, column + 1, status.message());
        given_on = line;
        continue;
      }
      const absl::string_view earlier =
          study_.attribute(respondent, attribute.name);
      if (earlier != value) {
        return Error(
            line, column + 1,
            absl::StrCat("respondent ", respondent_id, " has ", attribute.name,
                         " ", Quoted(earlier), " on line ", given_on, " but ",
                         Quoted(value), " here"));
      }
    }
    if (layout_.weight_column >= 0) {
      const size_t column = static_cast<size_t>(layout_.weight_column);
      if (new_respondent) {
        absl::Status status = SetWeight(respondent, line, fields[column]);
        if (!status.ok()) return status;
        weight_lines[respondent] = line;
      } else {
        double weight = 0;
        const absl::string_view text = TrimSpaces(fields[column]);
        if (!absl::SimpleAtod(text, &weight) ||
            weight != study_.weight(respondent)) {
          return Error(line, column + 1,
                       absl::StrCat("respondent ", respondent_id,
                                    " has weight ", study_.weight(respondent),
                                    " on line ", weight_lines[respondent],
                                    " but ", Quoted(text), " here"));
        }
      }
    }

    if (layout_.duration_column >= 0) {
      // Repeated on every row of the respondent: the rows must agree.
      const size_t column = static_cast<size_t>(layout_.duration_column);
      bool known = false;
      double seconds = 0;
      absl::Status status =
          ParseDuration(line, fields[column], &known, &seconds);
      if (!status.ok()) return status;
      if (new_respondent) {
        if (known) {
          status = study_.SetDuration(respondent, seconds);
          if (!status.ok()) return Error(line, column + 1, status.message());
        }
        duration_lines[respondent] = line;
      } else if (known != study_.has_duration(respondent) ||
                 (known && seconds != study_.duration(respondent))) {
        const std::string earlier =
            study_.has_duration(respondent)
                ? absl::StrCat("duration ", study_.duration(respondent))
                : std::string("no duration");
        return Error(
            line, column + 1,
            absl::StrCat("respondent ", respondent_id, " has ", earlier,
                         " on line ", duration_lines[respondent], " but ",
                         Quoted(TrimSpaces(fields[column])), " here"));
      }
    }

    if (!solution.empty()) {
      if (satisfaction != 0) {
        // Checked above (scale, repeats), so this cannot refuse.
        const uint32_t r32 = static_cast<uint32_t>(respondent);
        const uint32_t s32 = static_cast<uint32_t>(solution_index);
        const uint32_t o32 = static_cast<uint32_t>(outcome);
        absl::Status status = study_.AddSolutionAnswers(
            {absl::MakeConstSpan(&r32, 1), absl::MakeConstSpan(&s32, 1),
             absl::MakeConstSpan(&o32, 1),
             absl::MakeConstSpan(&satisfaction, 1)});
        if (!status.ok()) return Error(line, 0, status.message());
      }
    } else {
      StageAnswer(respondent, outcome, importance, satisfaction);
    }
    if (staged_ >= kAnswerBatchSize) {
      absl::Status status = FlushAnswers();
      if (!status.ok()) return status;
    }
    ReportProgress(rows, false);
  }
  if (rows == 0) return Error(HeaderLine(header_rows_.size() - 1), 1, kNoRows);
  absl::Status status = FlushAnswers();
  if (!status.ok()) return status;
  if (map != nullptr) {
    for (int i = 0; i < map->outcomes_size(); ++i) {
      const v1::SurveyMapOutcome& described = map->outcomes(i);
      const ptrdiff_t outcome = study_.FindOutcome(TrimSpaces(described.id()));
      if (outcome < 0) {
        return MapError(absl::StrCat("outcomes[", i, "]"),
                        absl::StrCat("outcome ", Quoted(described.id()),
                                     " has no rows in ", source_));
      }
      if (described.statement().empty()) continue;
      status = study_.SetOutcomeStatement(outcome, described.statement());
      if (!status.ok()) return status;
    }
  }
  ReportProgress(rows, true);
  return absl::OkStatus();
}

absl::Status SurveyParser::ReadWideRows() {
  for (const SurveyLayout::OutcomeColumns& columns : layout_.outcomes) {
    absl::StatusOr<size_t> added =
        study_.AddOutcome(Outcome{columns.id, columns.statement, ""});
    if (!added.ok()) {
      return Error(HeaderLine(0), columns.importance + 1,
                   added.status().message());
    }
  }
  // Competing solutions, declared in header order; solution_of[k] is the
  // solution of layout_.solution_columns[k].
  std::vector<size_t> solution_of;
  for (const SurveyLayout::SolutionColumn& column : layout_.solution_columns) {
    absl::StatusOr<size_t> declared = study_.AddSolution(column.solution);
    if (!declared.ok()) {
      return Error(HeaderLine(0), column.column + 1,
                   declared.status().message());
    }
    solution_of.push_back(*declared);
  }
  std::vector<uint8_t> axis_index(256, 0);
  if (aggregate_.has_value()) {
    absl::StatusOr<Aggregate> created =
        Aggregate::Create(study_.scale(), study_.outcomes());
    if (!created.ok()) {
      return Error(HeaderLine(0), 0, created.status().message());
    }
    *aggregate_ = *std::move(created);
    for (const std::string& solution : study_.solutions()) {
      absl::Status status = aggregate_->AddSolution(solution);
      if (!status.ok()) return Error(HeaderLine(0), 0, status.message());
    }
    const Scale& scale = study_.scale();
    for (int rating = scale.min; rating <= scale.max; ++rating) {
      axis_index[rating] = static_cast<uint8_t>(rating - scale.min + 1);
    }
    const size_t stride = static_cast<size_t>(scale.points()) + 1;
    if (layout_.weight_column < 0) {
      counts_.assign(layout_.outcomes.size() * (1 + study_.solution_count()) *
                         stride * stride,
                     0);
    }
  }
  const size_t outcome_count = layout_.outcomes.size();
  // Rows are staged whole, so every batch starts at a row: the outcome
  // indices repeat 0, 1, ..., n-1 and are written once.
  const size_t rows_per_batch = std::max<size_t>(
      1, kAnswerBatchSize / std::max<size_t>(1, outcome_count));
  const size_t capacity = rows_per_batch * outcome_count;
  staged_respondents_.resize(capacity);
  staged_outcomes_.resize(capacity);
  staged_importance_.resize(capacity);
  staged_satisfaction_.resize(capacity);
  for (size_t i = 0; i < capacity; ++i) {
    staged_outcomes_[i] = static_cast<uint32_t>(i % outcome_count);
  }

  // What each column is, so that a row is handled in one pass over its
  // cells, left to right (the first bad cell is the leftmost one). A row's
  // ratings go to `row`: importance of outcome o at o, satisfaction at
  // outcome_count + o; a rating column's entry in `rating_at` is that
  // offset, other columns have kNotARating. One entry past the header's
  // fields keeps the splitting loop free of bounds checks.
  constexpr int32_t kNotARating = -1;
  std::vector<int32_t> rating_at(raw_width_ + 1, kNotARating);
  for (size_t o = 0; o < outcome_count; ++o) {
    rating_at[layout_.outcomes[o].importance] = static_cast<int32_t>(o);
    rating_at[layout_.outcomes[o].satisfaction] =
        static_cast<int32_t>(outcome_count + o);
  }
  // Competitor column k's rating goes to 2 outcome_count + k; the last
  // slot of `row` stays 0, the rating of a (solution, outcome) pair without
  // a column. pair_offset[s * outcome_count + o] is where (s, o) is read.
  const size_t solution_column_count = layout_.solution_columns.size();
  const size_t solution_count = study_.solution_count();
  const size_t no_rating_slot = 2 * outcome_count + solution_column_count;
  std::vector<size_t> pair_offset(solution_count * outcome_count,
                                  no_rating_slot);
  for (size_t k = 0; k < solution_column_count; ++k) {
    const SurveyLayout::SolutionColumn& column = layout_.solution_columns[k];
    rating_at[column.column] = static_cast<int32_t>(2 * outcome_count + k);
    pair_offset[solution_of[k] * outcome_count + column.outcome] =
        2 * outcome_count + k;
  }
  std::vector<uint8_t> row(no_rating_slot + 1, 0);
  std::vector<uint32_t> solution_respondents, solution_indices,
      solution_outcomes;
  std::vector<uint8_t> solution_ratings;
  std::vector<ptrdiff_t> kept_at(width_, -1);  // slot in `kept`, or -1
  std::vector<absl::string_view> kept;
  auto keep = [&](size_t column) {
    kept_at[column] = static_cast<ptrdiff_t>(kept.size());
    kept.emplace_back();
    return kept.size() - 1;
  };
  const ptrdiff_t respondent_column = layout_.respondent_column;
  const size_t respondent_slot =
      respondent_column >= 0 ? keep(respondent_column) : 0;
  std::vector<size_t> attribute_slots;
  for (const SurveyLayout::AttributeColumn& attribute : layout_.attributes) {
    attribute_slots.push_back(keep(attribute.column));
  }
  if (segmented_) {
    absl::flat_hash_map<std::string, size_t> name_index;
    for (size_t a = 0; a < layout_.attributes.size(); ++a) {
      const std::string& name = layout_.attributes[a].name;
      attribute_name_of_.push_back(
          name_index.emplace(name, name_index.size()).first->second);
      if (name == segment_by_) segment_attributes_.push_back(a);
    }
    attribute_given_.assign(name_index.size(), false);
    attributes_pending_ = name_index.size();
    if (layout_.weight_column >= 0) empty_segment_ = *aggregate_;
  }
  const size_t weight_slot =
      layout_.weight_column >= 0 ? keep(layout_.weight_column) : 0;
  const size_t duration_slot =
      layout_.duration_column >= 0 ? keep(layout_.duration_column) : 0;
  bool duration_known = false;
  double duration_seconds = 0;

  // Reads one cell (of a column within the header) into `row` or `kept`;
  // false (with *problem) for a cell that is no rating.
  auto take_cell = [&](size_t column, absl::string_view cell,
                       std::string* problem) {
    const int32_t offset = rating_at[column];
    if (offset != kNotARating) {
      const RatingKind kind = static_cast<size_t>(offset) < outcome_count
                                  ? RatingKind::kImportance
                                  : RatingKind::kSatisfaction;
      return ratings_.Parse(cell, kind, &row[offset], problem);
    }
    if (kept_at[column] >= 0) kept[kept_at[column]] = cell;
    return true;
  };

  // The fast way through a row: a line ended by a line break, without
  // quotes (so without separators or line breaks inside fields), not blank
  // and without invalid UTF-8, split here in one pass over its bytes.
  // Anything else, and any row of the wrong width, goes the general way
  // (CsvReader::Read and NextRow, which say what is wrong).
  const absl::string_view text = reader_.text();
  const size_t invalid_utf8 = reader_.first_invalid_utf8();
  // By byte: whether it ends a cell, as the separator or as the record's
  // end (CR or LF), on the lines the fast way takes.
  constexpr uint8_t kNotAnEnd = 0;
  constexpr uint8_t kSeparator = 1;
  constexpr uint8_t kRecordEnd = 2;
  std::vector<uint8_t> cell_end_kind(256, kNotAnEnd);
  cell_end_kind[static_cast<unsigned char>(reader_.separator())] = kSeparator;
  cell_end_kind['\r'] = kRecordEnd;
  cell_end_kind['\n'] = kRecordEnd;
  size_t bad_column = 0;  // 1-based; 0 = every cell read
  std::string problem;
  std::string cell_problem;
  auto fast_row = [&](size_t* line) {
    const CsvReader::Position start = reader_.position();
    if (start.offset >= text.size()) return false;
    const char* const data = text.data();
    const char* p = data + start.offset;
    if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') return false;
    const void* found = std::memchr(p, '\n', text.size() - start.offset);
    if (found == nullptr) return false;  // the last line: rare, general
    const char* const newline = static_cast<const char*>(found);
    // Over-long lines go the general way, which refuses them.
    if (static_cast<uint64_t>(newline - p) > options_.limits.max_record_bytes) {
      return false;
    }
    if (std::memchr(p, '"', static_cast<size_t>(newline - p)) != nullptr) {
      return false;
    }
    if (invalid_utf8 != absl::string_view::npos &&
        invalid_utf8 < static_cast<size_t>(newline - data)) {
      return false;
    }
    // Bytes up to the line break are readable, record_end's included. A
    // CR before it would be an ordinary character: such lines go the
    // general way, so that CR and LF below can only mean the record's end.
    const char* const record_end = newline[-1] == '\r' ? newline - 1 : newline;
    if (std::memchr(p, '\r', static_cast<size_t>(record_end - p)) != nullptr) {
      return false;
    }
    // Locals only in the loop: the stores into `row` are through uint8_t*,
    // which may alias anything reached through a pointer or reference.
    const char separator = reader_.separator();
    const int32_t* const rating_of = rating_at.data();
    uint8_t* const ratings = row.data();
    const uint8_t* const digit_rating = ratings_.digit_ratings();
    const uint8_t* const ends = cell_end_kind.data();
    const size_t width = width_;
    const size_t raw_width = raw_width_;
    size_t column = 0;
    bad_column = 0;
    for (;;) {
      // Four cells at a time while they read "d,d,d,d," (a digit on the
      // scale in four rating columns): most of a wide export.
      while (column + 4 <= width && record_end - p >= 8) {
        const bool separators = (p[1] == separator) & (p[3] == separator) &
                                (p[5] == separator) & (p[7] == separator);
        const uint8_t d0 = digit_rating[static_cast<unsigned char>(p[0])];
        const uint8_t d1 = digit_rating[static_cast<unsigned char>(p[2])];
        const uint8_t d2 = digit_rating[static_cast<unsigned char>(p[4])];
        const uint8_t d3 = digit_rating[static_cast<unsigned char>(p[6])];
        const int32_t o0 = rating_of[column];
        const int32_t o1 = rating_of[column + 1];
        const int32_t o2 = rating_of[column + 2];
        const int32_t o3 = rating_of[column + 3];
        // kNotADigitRating has the high bit (a digit's rating, 0-9, does
        // not); kNotARating is negative.
        static_assert((RatingParser::kNotADigitRating & 0x80) != 0, "");
        static_assert(kNotARating < 0, "");
        if (!separators || ((d0 | d1 | d2 | d3) & 0x80) != 0 ||
            (o0 | o1 | o2 | o3) < 0) {
          break;
        }
        ratings[o0] = d0;
        ratings[o1] = d1;
        ratings[o2] = d2;
        ratings[o3] = d3;
        column += 4;
        p += 8;
      }
      // column <= raw_width here: the general branch below stops wider rows.
      const int32_t offset = rating_of[column];
      if (offset != kNotARating) {
        // The common cells: empty, or one digit on the scale.
        const uint8_t first = ends[static_cast<unsigned char>(*p)];
        if (first != kNotAnEnd) {
          ratings[offset] = 0;
          ++column;
          if (first == kRecordEnd) break;
          ++p;
          continue;
        }
        const uint8_t second = ends[static_cast<unsigned char>(p[1])];
        if (second != kNotAnEnd) {
          const uint8_t digit = digit_rating[static_cast<unsigned char>(*p)];
          if (digit != RatingParser::kNotADigitRating) {
            ratings[offset] = digit;
            ++column;
            if (second == kRecordEnd) break;
            p += 2;
            continue;
          }
        }
      }
      const char* end = p;
      while (end != record_end && *end != separator) ++end;
      const absl::string_view cell(p, static_cast<size_t>(end - p));
      if (column < width) {
        if (!take_cell(column, cell, &cell_problem) && bad_column == 0) {
          bad_column = column + 1;
          problem.swap(cell_problem);
        }
      } else if (column >= raw_width || !TrimSpaces(cell).empty()) {
        return false;
      }
      ++column;
      if (end == record_end) break;
      p = end + 1;
    }
    if (column < width) return false;
    *line = start.line;
    reader_.Seek({static_cast<size_t>(newline - data) + 1, start.line + 1});
    return true;
  };

  // Aggregate mode: adds the row to tables counted like counts_ ...
  const size_t stride = static_cast<size_t>(study_.scale().points()) + 1;
  auto count_row = [&](uint64_t* const table) {
    // Table axis index of each rating: 0 for no answer, then 1.. from the
    // scale's minimum.
    const size_t cells = stride * stride;
    const uint8_t* const axis = axis_index.data();
    for (size_t o = 0; o < outcome_count; ++o) {
      ++table[o * cells + axis[row[o]] * stride + axis[row[outcome_count + o]]];
    }
    // Solution tables follow, solution-major (Aggregate's order).
    for (size_t s = 0; s < solution_count; ++s) {
      uint64_t* const solution_table = table + (1 + s) * outcome_count * cells;
      for (size_t o = 0; o < outcome_count; ++o) {
        ++solution_table[o * cells + axis[row[outcome_count + o]] * stride +
                         axis[row[pair_offset[s * outcome_count + o]]]];
      }
    }
  };
  // ... or to an Aggregate, with the row's weight when it is weighted.
  auto add_row = [&](double weight, Aggregate* aggregate) {
    if (aggregate->weighted()) {
      for (size_t o = 0; o < outcome_count; ++o) {
        aggregate->AddValidatedWeighted(o, row[o], row[outcome_count + o],
                                        weight);
      }
    } else {
      for (size_t o = 0; o < outcome_count; ++o) {
        aggregate->AddValidated(o, row[o], row[outcome_count + o]);
      }
    }
    for (size_t s = 0; s < solution_count; ++s) {
      for (size_t o = 0; o < outcome_count; ++o) {
        const int ours = row[outcome_count + o];
        const int theirs = row[pair_offset[s * outcome_count + o]];
        if (aggregate->weighted()) {
          aggregate->AddValidatedSolutionWeighted(s, o, ours, theirs, weight);
        } else {
          aggregate->AddValidatedSolution(s, o, ours, theirs);
        }
      }
    }
    aggregate->AddRespondentCount(1);
  };

  std::vector<size_t> respondent_lines;  // by respondent index
  std::string respondent_id;
  size_t row_number = 0;
  for (;;) {
    if (staged_ + outcome_count > capacity) {
      absl::Status status = FlushAnswers();
      if (!status.ok()) return status;
    }
    size_t line = 0;
    if (!fast_row(&line)) {
      absl::StatusOr<bool> more = NextRow();
      if (!more.ok()) return more.status();
      if (!*more) break;
      line = reader_.record_line();
      const absl::Span<const absl::string_view> fields = reader_.fields();
      bad_column = 0;
      for (size_t c = 0; c < width_; ++c) {
        if (!take_cell(c, fields[c], &problem)) {
          bad_column = c + 1;
          break;
        }
      }
    }
    if (bad_column != 0) return Error(line, bad_column, problem);
    ++row_number;
    if (row_number > options_.limits.max_respondents) {
      return ToResourceExhausted(
          Error(line, 0,
                ExceedsLimit(absl::StrCat("respondent ", row_number),
                             LimitKind::kRespondents,
                             options_.limits.max_respondents)));
    }
    if (layout_.duration_column >= 0) {
      // Checked in both reads, so that they refuse the same files.
      absl::Status status = ParseDuration(line, kept[duration_slot],
                                          &duration_known, &duration_seconds);
      if (!status.ok()) return status;
    }

    if (aggregate_.has_value()) {
      if (respondent_column >= 0) {
        const absl::string_view id = TrimSpaces(kept[respondent_slot]);
        if (id.empty()) {
          return Error(line, respondent_column + 1,
                       "the respondent id is blank");
        }
        const auto [earlier, added] =
            id_lines_.emplace(absl::Hash<absl::string_view>()(id), line);
        if (!added) {
          return Error(
              line, respondent_column + 1,
              absl::StrCat("respondent ", id, " already has a row on line ",
                           earlier->second));
        }
      }
      SegmentTables* segment = nullptr;
      if (segmented_) {
        absl::StatusOr<SegmentTables*> found =
            SegmentOfRow(line, kept, attribute_slots);
        if (!found.ok()) return found.status();
        segment = *found;
      }
      if (layout_.weight_column < 0) {
        count_row(counts_.data());
        ++respondents_counted_;
        if (segment != nullptr) {
          count_row(segment->counts.data());
          ++segment->respondents;
        }
        ReportProgress(row_number, false);
        continue;
      }
      double weight = 1;
      {
        absl::Status status = ParseWeight(line, kept[weight_slot], &weight);
        if (!status.ok()) return status;
        // As a Study: weighted once any weight differs from 1, segments
        // included.
        if (weight != 1 && !aggregate_->weighted()) {
          aggregate_->EnableWeights();
          for (SegmentTables& tables : segments_) {
            tables.aggregate->EnableWeights();
          }
        }
      }
      add_row(weight, &*aggregate_);
      if (segment != nullptr) add_row(weight, &*segment->aggregate);
      ReportProgress(row_number, false);
      continue;
    }

    std::memcpy(staged_importance_.data() + staged_, row.data(), outcome_count);
    std::memcpy(staged_satisfaction_.data() + staged_,
                row.data() + outcome_count, outcome_count);

    if (respondent_column >= 0) {
      const absl::string_view id = TrimSpaces(kept[respondent_slot]);
      if (id.empty()) {
        return Error(line, respondent_column + 1, "the respondent id is blank");
      }
      respondent_id.assign(id.data(), id.size());
    } else {
      respondent_id = absl::StrCat(row_number);
    }
    absl::StatusOr<size_t> added = study_.AddRespondent(respondent_id);
    if (!added.ok()) {
      const ptrdiff_t earlier = study_.FindRespondent(respondent_id);
      if (earlier >= 0) {
        return Error(line, respondent_column + 1,
                     absl::StrCat("respondent ", respondent_id,
                                  " already has a row on line ",
                                  respondent_lines[earlier]));
      }
      return Error(line, respondent_column + 1, added.status().message());
    }
    const size_t respondent = *added;
    respondent_lines.push_back(line);

    for (size_t a = 0; a < attribute_slots.size(); ++a) {
      const absl::string_view value = TrimSpaces(kept[attribute_slots[a]]);
      if (value.empty()) continue;
      const SurveyLayout::AttributeColumn& attribute = layout_.attributes[a];
      absl::Status status =
          study_.SetAttribute(respondent, attribute.name, std::string(value));
      if (!status.ok()) {
        return Error(line, attribute.column + 1, status.message());
      }
    }
    if (layout_.weight_column >= 0) {
      absl::Status status = SetWeight(respondent, line, kept[weight_slot]);
      if (!status.ok()) return status;
    }
    if (duration_known) {
      absl::Status status = study_.SetDuration(respondent, duration_seconds);
      if (!status.ok()) {
        return Error(line, layout_.duration_column + 1, status.message());
      }
    }

    if (solution_column_count != 0) {
      solution_respondents.clear();
      solution_indices.clear();
      solution_outcomes.clear();
      solution_ratings.clear();
      for (size_t k = 0; k < solution_column_count; ++k) {
        const uint8_t rating = row[2 * outcome_count + k];
        if (rating == 0) continue;
        solution_respondents.push_back(static_cast<uint32_t>(respondent));
        solution_indices.push_back(static_cast<uint32_t>(solution_of[k]));
        solution_outcomes.push_back(
            static_cast<uint32_t>(layout_.solution_columns[k].outcome));
        solution_ratings.push_back(rating);
      }
      // Ratings were parsed on the scale and columns are distinct pairs,
      // so this cannot refuse.
      absl::Status status =
          study_.AddSolutionAnswers({solution_respondents, solution_indices,
                                     solution_outcomes, solution_ratings});
      if (!status.ok()) return Error(line, 0, status.message());
    }

    // Every pair in the row is an answer, (0, 0) included, as a long file
    // has a row for it.
    std::fill_n(staged_respondents_.data() + staged_, outcome_count,
                static_cast<uint32_t>(respondent));
    staged_ += outcome_count;
    ReportProgress(row_number, false);
  }
  if (row_number == 0) {
    return Error(HeaderLine(header_rows_.size() - 1), 1, kNoRows);
  }
  absl::Status status = FlushAnswers();
  if (!status.ok()) return status;
  ReportProgress(row_number, true);
  return absl::OkStatus();
}

absl::StatusOr<Study> SurveyParser::Parse() {
  absl::Status status = Run(false);
  if (!status.ok()) return status;
  return std::move(study_);
}

absl::StatusOr<Aggregate> SurveyParser::ParseAggregate() {
  absl::Status status = Run(true);
  if (!status.ok()) return status;
  if (!aggregate_.has_value() || layout_.long_layout) {
    return study_.ToAggregate();
  }
  if (layout_.weight_column >= 0) return *std::move(aggregate_);
  return CountedAggregate(counts_, respondents_counted_);
}

absl::StatusOr<Aggregate> SurveyParser::CountedAggregate(
    const std::vector<uint64_t>& counts, uint64_t respondents) const {
  // The counted tables, through the aggregate's serialized form.
  v1::Aggregate proto = aggregate_->ToProto();
  const size_t stride = static_cast<size_t>(aggregate_->scale().points()) + 1;
  const size_t cells = stride * stride;
  for (int o = 0; o < proto.outcomes_size(); ++o) {
    auto* table = proto.mutable_outcomes(o)->mutable_cells();
    table->Clear();
    table->Add(counts.begin() + o * cells, counts.begin() + (o + 1) * cells);
  }
  for (int t = 0; t < proto.solution_tables_size(); ++t) {
    auto* table = proto.mutable_solution_tables(t)->mutable_cells();
    table->Clear();
    const size_t first = (proto.outcomes_size() + t) * cells;
    table->Add(counts.begin() + first, counts.begin() + first + cells);
  }
  proto.set_respondent_count(respondents);
  absl::StatusOr<Aggregate> counted = Aggregate::FromProto(proto);
  if (!counted.ok()) {
    return absl::InternalError(
        absl::StrCat(source_, ": ", counted.status().message()));
  }
  return counted;
}

absl::StatusOr<SurveyParser::SegmentTables*> SurveyParser::SegmentOfRow(
    size_t line, absl::Span<const absl::string_view> kept,
    const std::vector<size_t>& attribute_slots) {
  if (attributes_pending_ != 0) {
    for (size_t a = 0; a < attribute_slots.size(); ++a) {
      const size_t name = attribute_name_of_[a];
      if (attribute_given_[name] ||
          TrimSpaces(kept[attribute_slots[a]]).empty()) {
        continue;
      }
      attribute_given_[name] = true;
      --attributes_pending_;
      inspection_->attributes_given.push_back(layout_.attributes[a].name);
    }
  }
  // As a Study keeps it: the last non-blank value of the columns so named.
  absl::string_view value;
  size_t value_column = 0;
  for (const size_t a : segment_attributes_) {
    const absl::string_view cell = TrimSpaces(kept[attribute_slots[a]]);
    if (cell.empty()) continue;
    value = cell;
    value_column = layout_.attributes[a].column;
  }
  if (value.empty()) {
    ++unsegmented_;
    return nullptr;
  }
  const auto found = segment_index_.find(value);
  if (found != segment_index_.end()) return &segments_[found->second];
  if (segments_.size() >= kMaxSegmentValues) {
    return ToResourceExhausted(
        Error(line, value_column + 1,
              absl::StrCat("more than ", kMaxSegmentValues,
                           " distinct values of \"", segment_by_,
                           "\" to segment by; segment by a coarser "
                           "attribute (fewer distinct values)")));
  }
  segment_index_.emplace(std::string(value), segments_.size());
  segments_.emplace_back();
  SegmentTables& tables = segments_.back();
  tables.value = std::string(value);
  if (layout_.weight_column < 0) {
    tables.counts.assign(counts_.size(), 0);
  } else {
    tables.aggregate = *empty_segment_;
    if (aggregate_->weighted()) tables.aggregate->EnableWeights();
  }
  return &tables;
}

absl::StatusOr<SegmentedAggregate> SurveyParser::ParseSegmentedAggregate(
    absl::string_view segment_by) {
  segmented_ = true;
  segment_by_ = std::string(segment_by);
  absl::Status status = Run(true);
  if (!status.ok()) return status;
  if (!aggregate_.has_value() || layout_.long_layout) {
    inspection_->attributes_given = study_.attribute_names();
    return study_.ToSegmentedAggregate(segment_by);
  }
  if (std::find(inspection_->attributes_given.begin(),
                inspection_->attributes_given.end(),
                segment_by_) == inspection_->attributes_given.end()) {
    return SegmentAttributeNotFoundError(segment_by_,
                                         inspection_->attributes_given);
  }
  const bool counted = layout_.weight_column < 0;
  absl::StatusOr<Aggregate> all =
      counted ? CountedAggregate(counts_, respondents_counted_)
              : absl::StatusOr<Aggregate>(*std::move(aggregate_));
  if (!all.ok()) return all.status();
  SegmentedAggregate aggregates(*std::move(all));
  aggregates.segment_by = segment_by_;
  aggregates.unsegmented_respondent_count = unsegmented_;
  for (SegmentTables& tables : segments_) {
    absl::StatusOr<Aggregate> segment =
        counted ? CountedAggregate(tables.counts, tables.respondents)
                : absl::StatusOr<Aggregate>(*std::move(tables.aggregate));
    if (!segment.ok()) return segment.status();
    aggregates.segments.emplace(std::move(tables.value), *std::move(segment));
    // Each segment's tables are freed once converted.
    tables.counts = std::vector<uint64_t>();
  }
  return aggregates;
}

absl::Status SurveyParser::Run(bool to_aggregate) {
  absl::Status status = ReadHeaderRow("");
  if (!status.ok()) return status;
  status = FixWidth();  // first row only, for detection
  if (!status.ok()) return status;

  const v1::SurveyMap* map =
      options_.survey_map.has_value() ? &*options_.survey_map : nullptr;
  v1::SurveyFormat format;
  if (map != nullptr) {
    format = map->format();
    const size_t rows = map->header_rows() != 0
                            ? map->header_rows()
                            : static_cast<size_t>(DefaultHeaderRows(format));
    while (header_rows_.size() < rows) {
      status = ReadHeaderRow(absl::StrCat("the survey map says the file"));
      if (!status.ok()) return status;
    }
  } else {
    absl::StatusOr<v1::SurveyFormat> found = ForcedFormat();
    if (!found.ok()) return found.status();
    format = *found;
    if (format == v1::SURVEY_FORMAT_QUALTRICS ||
        format == v1::SURVEY_FORMAT_QUALTRICS_LEGACY) {
      status = ReadQualtricsHeaderRows(&format);
    } else if (format == v1::SURVEY_FORMAT_SURVEYMONKEY) {
      status = ReadHeaderRow("a SurveyMonkey export");
    }
    if (!status.ok()) return status;
  }
  status = FixWidth();
  if (!status.ok()) return status;
  layout_.format = format;
  layout_.header_rows = header_rows_.size();

  if (map != nullptr) {
    SetReferences();
    status = LayOutFromMap(*map);
  } else {
    switch (format) {
      case v1::SURVEY_FORMAT_LONG:
      case v1::SURVEY_FORMAT_WIDE: {
        status = CheckNamesForTables();
        if (!status.ok()) break;
        const auto find = [this](absl::string_view name) {
          const auto it =
              std::find(lower_names_.begin(), lower_names_.end(), name);
          return it == lower_names_.end() ? ptrdiff_t{-1}
                                          : it - lower_names_.begin();
        };
        const ptrdiff_t outcome = find("outcome");
        const ptrdiff_t importance = find("importance");
        const ptrdiff_t satisfaction = find("satisfaction");
        const bool long_columns =
            outcome >= 0 && importance >= 0 && satisfaction >= 0;
        ptrdiff_t first_wide_column = -1;
        for (size_t i = 0; i < width_; ++i) {
          if (absl::StartsWith(lower_names_[i], "imp_") ||
              absl::StartsWith(lower_names_[i], "sat_")) {
            first_wide_column = static_cast<ptrdiff_t>(i);
            break;
          }
        }
        SetReferences();
        if (long_columns && first_wide_column >= 0) {
          status = Error(HeaderLine(0), first_wide_column + 1,
                         "a wide-layout answer column in a long-layout header "
                         "(outcome, importance, satisfaction); use one "
                         "layout");
        } else if (format == v1::SURVEY_FORMAT_LONG) {
          status = long_columns
                       ? LayOutLong(outcome, importance, satisfaction)
                       : Error(HeaderLine(0), 1,
                               "the long layout needs outcome, importance and "
                               "satisfaction columns");
        } else {
          status = first_wide_column >= 0
                       ? LayOutWide()
                       : Error(HeaderLine(0), 1,
                               "the wide layout needs imp_<outcome> and "
                               "sat_<outcome> columns");
        }
        break;
      }
      case v1::SURVEY_FORMAT_QUALTRICS:
      case v1::SURVEY_FORMAT_QUALTRICS_LEGACY:
        status = LayOutQualtrics(format == v1::SURVEY_FORMAT_QUALTRICS_LEGACY);
        SetReferences();
        break;
      case v1::SURVEY_FORMAT_SURVEYMONKEY:
        status = LayOutSurveyMonkey();
        SetReferences();
        break;
      case v1::SURVEY_FORMAT_GOOGLE_FORMS:
      case v1::SURVEY_FORMAT_TYPEFORM:
        SetReferences();
        status = LayOutTitled(format == v1::SURVEY_FORMAT_TYPEFORM);
        break;
      default:
        status = Error(HeaderLine(0), 1, kUnknownLayout);
    }
    if (status.ok()) status = ApplyWeightOption();
    if (status.ok()) status = ApplyDurationOption();
  }
  if (!status.ok()) return status;
  inspection_->layout_known = true;
  if (layout_.outcomes.size() > options_.limits.max_outcomes) {
    return ToResourceExhausted(Error(
        HeaderLine(0), 0,
        ExceedsLimit(
            absl::StrCat("the header's ", layout_.outcomes.size(), " outcomes"),
            LimitKind::kOutcomes, options_.limits.max_outcomes)));
  }

  if (layout_.long_layout) return ReadLongRows(map);
  // A placeholder until ReadWideRows knows the outcomes.
  if (to_aggregate) aggregate_ = *Aggregate::Create(study_.scale(), {});
  return ReadWideRows();
}

}  // namespace

const char* InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kLong:
      return "long";
    case InputFormat::kWide:
      return "wide";
    case InputFormat::kQualtrics:
      return "qualtrics";
    case InputFormat::kSurveyMonkey:
      return "surveymonkey";
    case InputFormat::kGoogleForms:
      return "google-forms";
    case InputFormat::kTypeform:
      return "typeform";
  }
  return "auto";
}

bool ParseInputFormat(absl::string_view name, InputFormat* format) {
  for (InputFormat candidate :
       {InputFormat::kAuto, InputFormat::kLong, InputFormat::kWide,
        InputFormat::kQualtrics, InputFormat::kSurveyMonkey,
        InputFormat::kGoogleForms, InputFormat::kTypeform}) {
    if (name == InputFormatName(candidate)) {
      *format = candidate;
      return true;
    }
  }
  return false;
}

const char* SurveyFormatName(v1::SurveyFormat format) {
  switch (format) {
    case v1::SURVEY_FORMAT_LONG:
      return "long";
    case v1::SURVEY_FORMAT_WIDE:
      return "wide";
    case v1::SURVEY_FORMAT_QUALTRICS:
      return "qualtrics";
    case v1::SURVEY_FORMAT_QUALTRICS_LEGACY:
      return "qualtrics-legacy";
    case v1::SURVEY_FORMAT_SURVEYMONKEY:
      return "surveymonkey";
    case v1::SURVEY_FORMAT_GOOGLE_FORMS:
      return "google-forms";
    case v1::SURVEY_FORMAT_TYPEFORM:
      return "typeform";
    default:
      return "unspecified";
  }
}

v1::SurveyMap SurveyLayoutToMap(const SurveyLayout& layout) {
  v1::SurveyMap map;
  map.set_format(layout.format);
  map.set_header_rows(static_cast<uint32_t>(layout.header_rows));
  auto reference = [&layout](size_t column) {
    return column < layout.references.size() ? layout.references[column]
                                             : absl::StrCat("#", column + 1);
  };
  if (layout.respondent_column >= 0) {
    map.set_respondent_id_column(reference(layout.respondent_column));
  }
  if (layout.long_layout) {
    v1::SurveyMapLongLayout* long_layout = map.mutable_long_layout();
    long_layout->set_outcome_column(reference(layout.outcome_column));
    long_layout->set_importance_column(reference(layout.importance_column));
    long_layout->set_satisfaction_column(reference(layout.satisfaction_column));
    if (layout.statement_column >= 0) {
      long_layout->set_statement_column(reference(layout.statement_column));
    }
    if (layout.job_step_column >= 0) {
      long_layout->set_job_step_column(reference(layout.job_step_column));
    }
    if (layout.solution_column >= 0) {
      long_layout->set_solution_column(reference(layout.solution_column));
    }
  } else {
    for (const SurveyLayout::OutcomeColumns& columns : layout.outcomes) {
      v1::SurveyMapOutcome* outcome = map.add_outcomes();
      outcome->set_id(columns.id);
      outcome->set_statement(columns.statement);
      outcome->set_importance_column(reference(columns.importance));
      outcome->set_satisfaction_column(reference(columns.satisfaction));
    }
    for (const SurveyLayout::SolutionColumn& column : layout.solution_columns) {
      v1::SurveyMapSolutionColumn* entry = map.add_solution_columns();
      entry->set_solution(column.solution);
      entry->set_outcome_id(layout.outcomes[column.outcome].id);
      entry->set_column(reference(column.column));
    }
  }
  for (const SurveyLayout::AttributeColumn& attribute : layout.attributes) {
    v1::SurveyMapAttribute* entry = map.add_attributes();
    entry->set_column(reference(attribute.column));
    entry->set_name(attribute.name);
  }
  if (layout.weight_column >= 0) {
    map.set_weight_column(reference(layout.weight_column));
  }
  if (layout.duration_column >= 0) {
    map.set_duration_column(reference(layout.duration_column));
  }
  return map;
}

namespace {

// Both reads: checks the options, merges the label maps, decodes the text,
// then runs the parser to a Study or an Aggregate.
template <typename Result>
absl::StatusOr<Result> ReadSurvey(absl::string_view data,
                                  absl::string_view source_name,
                                  const ReadOptions& options,
                                  SurveyInspection* inspection,
                                  absl::string_view segment_by = "") {
  SurveyInspection local_inspection;
  if (inspection == nullptr) inspection = &local_inspection;
  *inspection = SurveyInspection();
  absl::Status scale_status = options.scale.Validate();
  if (!scale_status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(source_name, ": ", scale_status.message()));
  }
  // Labels: the built-in ones, under the map's, under the options'.
  const RatingLabels* labels = &options.labels;
  RatingLabels merged;
  if (options.survey_map.has_value() && options.survey_map->labels_size() > 0) {
    const std::string map_name = options.survey_map_source.empty()
                                     ? std::string("survey map")
                                     : options.survey_map_source;
    for (int i = 0; i < options.survey_map->labels_size(); ++i) {
      const v1::SurveyMapLabel& label = options.survey_map->labels(i);
      std::vector<RatingKind> kinds;
      if (label.kind() == v1::RATING_KIND_IMPORTANCE) {
        kinds.push_back(RatingKind::kImportance);
      } else if (label.kind() == v1::RATING_KIND_SATISFACTION) {
        kinds.push_back(RatingKind::kSatisfaction);
      }
      if (TrimSpaces(label.label()).empty()) {
        return absl::InvalidArgumentError(
            absl::StrCat(map_name, ": labels[", i, "]: the label is blank"));
      }
      merged.Add(label.label(),
                 static_cast<int>(
                     std::min<uint32_t>(label.rating(), Scale::kMaxRating + 1)),
                 kinds, absl::StrCat(map_name, ": labels[", i, "]"));
    }
    merged.Merge(options.labels);
    labels = &merged;
  }
  absl::Status labels_status = labels->CheckScale(options.scale);
  if (!labels_status.ok()) return labels_status;

  std::string converted;
  absl::StatusOr<DecodedText> text =
      DecodeSurveyText(data, source_name, &converted);
  if (!text.ok()) return text.status();
  inspection->encoding = text->encoding;
  SurveyParser parser(text->utf8, source_name, options, *labels, inspection);
  if constexpr (std::is_same_v<Result, Study>) {
    return parser.Parse();
  } else if constexpr (std::is_same_v<Result, SegmentedAggregate>) {
    return parser.ParseSegmentedAggregate(segment_by);
  } else {
    return parser.ParseAggregate();
  }
}

}  // namespace

absl::StatusOr<Study> ReadSurveyCsv(absl::string_view data,
                                    absl::string_view source_name,
                                    const ReadOptions& options,
                                    SurveyInspection* inspection) {
  return ReadSurvey<Study>(data, source_name, options, inspection);
}

absl::StatusOr<Aggregate> ReadSurveyCsvAggregate(absl::string_view data,
                                                 absl::string_view source_name,
                                                 const ReadOptions& options,
                                                 SurveyInspection* inspection) {
  return ReadSurvey<Aggregate>(data, source_name, options, inspection);
}

absl::StatusOr<Aggregate> ReadSurveyCsvFileAggregate(
    const std::string& path, const ReadOptions& options,
    SurveyInspection* inspection) {
  absl::StatusOr<FileBytes> file = FileBytes::Open(path);
  if (!file.ok()) return file.status();
  return ReadSurveyCsvAggregate(file->bytes(), path, options, inspection);
}

absl::StatusOr<SegmentedAggregate> ReadSurveyCsvSegmentedAggregate(
    absl::string_view data, absl::string_view source_name,
    const ReadOptions& options, absl::string_view segment_by,
    SurveyInspection* inspection) {
  return ReadSurvey<SegmentedAggregate>(data, source_name, options, inspection,
                                        segment_by);
}

absl::StatusOr<SegmentedAggregate> ReadSurveyCsvFileSegmentedAggregate(
    const std::string& path, const ReadOptions& options,
    absl::string_view segment_by, SurveyInspection* inspection) {
  absl::StatusOr<FileBytes> file = FileBytes::Open(path);
  if (!file.ok()) return file.status();
  return ReadSurveyCsvSegmentedAggregate(file->bytes(), path, options,
                                         segment_by, inspection);
}

absl::StatusOr<Study> ReadSurveyCsvFile(const std::string& path,
                                        const ReadOptions& options,
                                        SurveyInspection* inspection) {
  absl::StatusOr<FileBytes> file = FileBytes::Open(path);
  if (!file.ok()) return file.status();
  return ReadSurveyCsv(file->bytes(), path, options, inspection);
}

absl::StatusOr<v1::SurveyMap> ParseSurveyMapJson(absl::string_view json,
                                                 absl::string_view source_name,
                                                 const ResourceLimits& limits) {
  // protobuf parses deeply nested arrays in quadratic time.
  absl::Status checked = CheckMapLimits(json, limits, source_name);
  if (!checked.ok()) return checked;
  v1::SurveyMap map;
  google::protobuf::util::JsonParseOptions parse_options;
  parse_options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(json.data(), json.size()), &map,
      parse_options);
  if (!status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(source_name,
                     ": not a survey map (jtbd.v1.SurveyMap as "
                     "JSON): ",
                     std::string(status.message())));
  }
  return map;
}

absl::StatusOr<v1::SurveyMap> ReadSurveyMapFile(const std::string& path,
                                                const ResourceLimits& limits) {
  absl::StatusOr<FileBytes> data = FileBytes::Open(path);
  if (!data.ok()) return data.status();
  return ParseSurveyMapJson(data->bytes(), path, limits);
}

std::string SurveyMapToJson(const v1::SurveyMap& map) {
  std::string json;
  google::protobuf::util::JsonPrintOptions print_options;
  print_options.add_whitespace = true;
  // A map written for editing shows its (rare) defaults as nothing: an
  // empty statement or column is simply absent.
  (void)google::protobuf::util::MessageToJsonString(map, &json, print_options);
  return json;
}

}  // namespace jtbd
