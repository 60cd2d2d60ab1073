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
#include "io/survey_layout.h"
#include "io/text_normalize.h"

namespace jtbd {

namespace {

// Answers go to the study in batches of about this many: large enough to
// amortize the call, small enough to keep the staging arrays in cache.
constexpr size_t kAnswerBatchSize = 4096;
// Progress is reported every this many rows (a power of two).
constexpr size_t kProgressEveryRows = 2048;

// A header alone is refused like an empty file: nothing to score, and a
// report of zero respondents would look like a result.
constexpr absl::string_view kNoRows =
    "no answers: the header is followed by no rows";

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
    header_.source = source_;
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
  // The message format every refusal shares (LayoutError); column 0 = no
  // column, line 0 = no line.
  absl::Status Error(size_t line, size_t column, absl::string_view what) const {
    return LayoutError(header_, layout_, line, column, what);
  }
  absl::Status MapError(absl::string_view field, absl::string_view what) const {
    return SurveyMapError(options_, field, what);
  }
  absl::Status CsvError() const {
    absl::Status status = Error(reader_.error().line, reader_.error().field,
                                reader_.error().what);
    return reader_.error().limit_exceeded ? ToResourceExhausted(status)
                                          : status;
  }
  // Reads one more header row; `expected` describes the format for the
  // message when the file ends first.
  absl::Status ReadHeaderRow(absl::string_view expected);
  absl::Status ReadQualtricsHeaderRows(v1::SurveyFormat* format);

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

  SurveyHeader header_;  // the header rows, as read
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

absl::Status SurveyParser::ReadHeaderRow(absl::string_view expected) {
  switch (reader_.Read()) {
    case CsvReader::Result::kEnd:
      if (header_.rows.empty()) return Error(1, 1, "the file is empty");
      return Error(
          header_.rows.back().line, 0,
          absl::StrCat("the file ends within the header: ", expected, " has ",
                       header_.rows.size() + 1, " header rows"));
    case CsvReader::Result::kError:
      return CsvError();
    case CsvReader::Result::kRecord:
      break;
  }
  SurveyHeader::Row row;
  row.line = reader_.record_line();
  row.cells.reserve(reader_.fields().size());
  for (absl::string_view field : reader_.fields()) {
    row.cells.emplace_back(TrimSpaces(field));
  }
  header_.rows.push_back(std::move(row));
  return absl::OkStatus();
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
  if (fields == header_.raw_width) {
    if (header_.raw_width == header_.width) return true;
  } else if (fields < header_.width || fields > header_.raw_width) {
    // The column is the first missing field, or the first extra one.
    const std::string expected =
        header_.raw_width == header_.width
            ? absl::StrCat(header_.raw_width, " fields, as in the header,")
            : absl::StrCat(header_.width, " to ", header_.raw_width,
                           " fields, as in the header (whose last ",
                           header_.raw_width - header_.width, " are empty),");
    return Error(reader_.record_line(),
                 std::min(fields, fields < header_.width ? header_.width
                                                         : header_.raw_width) +
                     1,
                 absl::StrCat("expected ", expected, " but found ", fields));
  }
  for (size_t c = header_.width; c < fields; ++c) {
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
  if (rows == 0)
    return Error(header_.Line(header_.rows.size() - 1), 1, kNoRows);
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
      return Error(header_.Line(0), columns.importance + 1,
                   added.status().message());
    }
  }
  // Competing solutions, declared in header order; solution_of[k] is the
  // solution of layout_.solution_columns[k].
  std::vector<size_t> solution_of;
  for (const SurveyLayout::SolutionColumn& column : layout_.solution_columns) {
    absl::StatusOr<size_t> declared = study_.AddSolution(column.solution);
    if (!declared.ok()) {
      return Error(header_.Line(0), column.column + 1,
                   declared.status().message());
    }
    solution_of.push_back(*declared);
  }
  std::vector<uint8_t> axis_index(256, 0);
  if (aggregate_.has_value()) {
    absl::StatusOr<Aggregate> created =
        Aggregate::Create(study_.scale(), study_.outcomes());
    if (!created.ok()) {
      return Error(header_.Line(0), 0, created.status().message());
    }
    *aggregate_ = *std::move(created);
    for (const std::string& solution : study_.solutions()) {
      absl::Status status = aggregate_->AddSolution(solution);
      if (!status.ok()) return Error(header_.Line(0), 0, status.message());
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
  std::vector<int32_t> rating_at(header_.raw_width + 1, kNotARating);
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
  std::vector<ptrdiff_t> kept_at(header_.width, -1);  // slot in `kept`, or -1
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

  // Plain lines of the right width go the fast way (CsvReader::
  // ReadPlainCodedRecord), every other row the general way (CsvReader::Read
  // and NextRow, which say what is wrong); either way the first bad cell,
  // the leftmost, is the one refused.
  static_assert((RatingParser::kNotADigitRating & 0x80) != 0,
                "a digit's rating (0-9) is a code, kNotADigitRating none");
  const CsvReader::CodedColumns coded{rating_at.data(),
                                      ratings_.digit_ratings(), header_.width,
                                      header_.raw_width};
  size_t bad_column = 0;  // 1-based; 0 = every cell read
  std::string problem;
  std::string cell_problem;
  auto other_cell = [&](size_t column, absl::string_view cell) {
    if (!take_cell(column, cell, &cell_problem) && bad_column == 0) {
      bad_column = column + 1;
      problem.swap(cell_problem);
    }
  };
  auto fast_row = [&](size_t* line) {
    bad_column = 0;
    return reader_.ReadPlainCodedRecord(coded, row.data(), other_cell, line);
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
      for (size_t c = 0; c < header_.width; ++c) {
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
    return Error(header_.Line(header_.rows.size() - 1), 1, kNoRows);
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
  // aggregate_ holds no answers in a counted read: it is the shape.
  Aggregate counted = *aggregate_;
  absl::Status status = counted.AddCounts(counts, respondents);
  if (!status.ok()) {
    return absl::InternalError(absl::StrCat(source_, ": ", status.message()));
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
  status = FixHeaderWidth(&header_, &layout_);  // first row only, for detection
  if (!status.ok()) return status;

  const v1::SurveyMap* map =
      options_.survey_map.has_value() ? &*options_.survey_map : nullptr;
  v1::SurveyFormat format;
  if (map != nullptr) {
    format = map->format();
    const size_t rows = map->header_rows() != 0
                            ? map->header_rows()
                            : static_cast<size_t>(DefaultHeaderRows(format));
    while (header_.rows.size() < rows) {
      status = ReadHeaderRow(absl::StrCat("the survey map says the file"));
      if (!status.ok()) return status;
    }
  } else {
    absl::StatusOr<v1::SurveyFormat> found =
        SurveyFormatOf(header_, options_, layout_);
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
  status = FixHeaderWidth(&header_, &layout_);
  if (!status.ok()) return status;
  layout_.format = format;
  layout_.header_rows = header_.rows.size();

  status = LayOutSurvey(header_, format, options_, &layout_);
  if (!status.ok()) return status;
  inspection_->layout_known = true;
  if (layout_.outcomes.size() > options_.limits.max_outcomes) {
    return ToResourceExhausted(Error(
        header_.Line(0), 0,
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
