#ifndef JTBD_IO_SURVEY_PARSER_H_
#define JTBD_IO_SURVEY_PARSER_H_

// Internal to io: the read of one survey text behind survey_reader.h. The
// header rows give a SurveyLayout (survey_layout.h); then the long layout
// keeps its own row loop into a Study (survey_rows_long.cc) and every other
// layout, survey-tool exports included, goes through one row loop
// (survey_rows_wide.cc) that checks each row and hands it to a sink: the
// study, the aggregate, or the per-segment aggregates (survey_sinks.h).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/aggregate.h"
#include "core/segmented_scoring.h"
#include "core/study.h"
#include "io/csv_reader.h"
#include "io/rating_labels.h"
#include "io/source_position.h"
#include "io/survey_layout.h"
#include "io/survey_reader.h"
#include "jtbd/v1/survey_map.pb.h"

namespace jtbd {

class WideRowSink;
class AggregateSink;

// A header alone is refused like an empty file: nothing to score, and a
// report of zero respondents would look like a result.
inline constexpr absl::string_view kNoRows =
    "no answers: the header is followed by no rows";

// The one reading of a weight cell: a finite number greater than 0.
bool ParseWeightValue(absl::string_view text, double* weight);
// The weight cell of layout.weight_column, refused when blank or invalid.
absl::Status ParseWeight(const SurveyHeader& header, const SurveyLayout& layout,
                         size_t line, absl::string_view cell, double* weight);
// A duration cell of layout.duration_column: blank = unknown (*known
// false), else a finite number of seconds, at least 0.
absl::Status ParseDuration(const SurveyHeader& header,
                           const SurveyLayout& layout, size_t line,
                           absl::string_view cell, bool* known,
                           double* seconds);
// The respondent id in `cell` (of layout.respondent_column), trimmed;
// refused when blank. Inline: the long layout calls it on every row.
absl::Status BlankRespondentIdError(const SurveyHeader& header,
                                    const SurveyLayout& layout, size_t line);
inline absl::StatusOr<absl::string_view> RespondentIdOf(
    const SurveyHeader& header, const SurveyLayout& layout, size_t line,
    absl::string_view cell) {
  const absl::string_view id = TrimSpaces(cell);
  if (id.empty()) return BlankRespondentIdError(header, layout, line);
  return id;
}

// The one refusal of a respondent id given twice, whoever noticed it.
absl::Status RepeatedRespondentError(const SurveyHeader& header,
                                     const SurveyLayout& layout, size_t line,
                                     absl::string_view id, size_t earlier_line);

// Answers on their way to a Study, in batches (Study::AddAnswers): large
// enough to amortize the call, small enough to stay in cache.
class AnswerBatches {
 public:
  AnswerBatches(Study* study, absl::string_view source)
      : study_(study), source_(source) {}

  // One answer (long rows); Full() says when to Flush(). Inline: called
  // on every row of a long file.
  void Add(size_t respondent, size_t outcome, uint8_t importance,
           uint8_t satisfaction) {
    if (staged_ == respondents_.size()) Grow();
    respondents_[staged_] = static_cast<uint32_t>(respondent);
    outcomes_[staged_] = static_cast<uint32_t>(outcome);
    importance_[staged_] = importance;
    satisfaction_[staged_] = satisfaction;
    ++staged_;
  }
  bool Full() const { return staged_ >= kAnswerBatchSize; }
  // Whole rows of outcome_count answers (wide rows): the outcome indices
  // repeat 0..n-1 in every batch and are written once.
  void StartRows(size_t outcome_count);
  absl::Status AddRow(size_t respondent, const uint8_t* importance,
                      const uint8_t* satisfaction);
  // Hands the staged answers to the study (cannot refuse: ratings and
  // repeats were checked row by row).
  absl::Status Flush();

 private:
  // Answers go to the study in batches of about this many: large enough to
  // amortize the call, small enough to keep the staging arrays in cache.
  static constexpr size_t kAnswerBatchSize = 4096;
  void Grow();

  Study* study_;
  std::string source_;
  size_t outcome_count_ = 0;  // wide rows
  std::vector<uint32_t> respondents_;
  std::vector<uint32_t> outcomes_;
  std::vector<uint8_t> importance_;
  std::vector<uint8_t> satisfaction_;
  size_t staged_ = 0;
};

// Reads one survey text; used once.
class SurveyParser {
 public:
  // `mapped`: `text` lies in a read-only file mapping, whose pages the
  // row loops release as they read past them (ConsumedPages).
  SurveyParser(absl::string_view text, absl::string_view source,
               const ReadOptions& options, const RatingLabels& labels,
               SurveyInspection* inspection, bool mapped = false);

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
  // Reads the header rows, lays them out, and reads every row: long rows
  // into study_, the others into `sink`.
  absl::Status Run(WideRowSink* sink);
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
  // survey_rows_long.cc
  absl::Status ReadLongRows(const v1::SurveyMap* map);
  // survey_rows_wide.cc: the one loop of every other layout.
  absl::Status ReadWideRows(WideRowSink* sink);
  // survey_rows_parallel.cc: counts every remaining row into `counter` on
  // several threads, each reading its own part of the text, when the text
  // and options allow it and every row is plain and valid; true then (the
  // reader stands at the end, *rows says how many). Otherwise false, with
  // nothing changed, and the row loop reads the rows one by one (and says
  // what is wrong with them).
  bool CountPlainRowsInParallel(AggregateSink* counter,
                                const CsvReader::CodedColumns& coded,
                                size_t row_size, size_t* rows);
  void ReportProgress(size_t rows, bool always);

  absl::string_view text_;
  bool mapped_;
  CsvReader reader_;
  std::string source_;
  const ReadOptions& options_;
  Study study_;
  RatingParser ratings_;
  SurveyInspection* inspection_;

  SurveyHeader header_;  // the header rows, as read
  SurveyLayout& layout_ = inspection_->layout;
};

}  // namespace jtbd

#endif  // JTBD_IO_SURVEY_PARSER_H_
