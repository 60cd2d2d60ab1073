#ifndef JTBD_IO_SURVEY_SINKS_H_
#define JTBD_IO_SURVEY_SINKS_H_

// Internal to io: where the rows of a wide-like layout go. The row loop
// (survey_rows_wide.cc) reads and checks each row (ratings on the scale,
// duration, respondent id neither blank nor repeated, the respondent
// limit) and hands it to one sink: a Study, the scoring Aggregate, or the
// whole-sample and per-segment aggregates.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/optional.h"
#include "core/aggregate.h"
#include "core/segmented_scoring.h"
#include "core/study.h"
#include "io/survey_layout.h"
#include "io/survey_parser.h"
#include "io/survey_reader.h"

namespace jtbd {

class AggregateSink;

// What a sink is told before the first row: the layout and the study that
// holds its outcomes and solutions (declared in header order).
struct WideRows {
  const SurveyHeader* header = nullptr;
  const SurveyLayout* layout = nullptr;
  const Study* study = nullptr;  // outcomes, solutions, scale
  size_t outcome_count = 0;
  // solution_of[k]: the study's solution rated by layout.solution_columns[k].
  std::vector<size_t> solution_of;
  // pair_offset[s * outcome_count + o]: where in WideRow::ratings solution
  // s's satisfaction on outcome o is (the last slot, always 0, when no
  // column rates the pair).
  std::vector<size_t> pair_offset;

  absl::Status Error(size_t line, size_t column, absl::string_view what) const {
    return LayoutError(*header, *layout, line, column, what);
  }
};

// One row, read and checked.
struct WideRow {
  size_t line = 0;
  size_t number = 0;  // 1-based, among answer rows
  // Importance of outcome o at o, satisfaction at outcome_count + o, the
  // rating of layout.solution_columns[k] at 2 outcome_count + k, then 0.
  const uint8_t* ratings = nullptr;
  absl::string_view respondent_id;  // trimmed; empty: numbered by row
  // Per layout.attributes, the cell as read (untrimmed).
  const absl::string_view* attributes = nullptr;
  absl::string_view weight;  // the weight cell, when a column has weights
  bool duration_known = false;
  double duration_seconds = 0;
};

class WideRowSink {
 public:
  virtual ~WideRowSink() = default;
  // Once the layout is known, before the first row; `rows` outlives the
  // sink's use.
  virtual absl::Status Start(const WideRows& rows) = 0;
  virtual absl::Status AddRow(const WideRow& row) = 0;
  // Whether the sink keeps respondent ids (a Study does) and so refuses a
  // repeat itself (RepeatedRespondentError); for the others the row loop
  // refuses repeats by fingerprint.
  virtual bool KeepsRespondentIds() const { return false; }
  // The sink as a counter of unweighted rows that need nothing but their
  // ratings (CountRow, AddCountedRows), so that the row loop may count
  // parts of the text on several threads; nullptr when rows must come one
  // by one through AddRow.
  virtual AggregateSink* PlainRowCounter() { return nullptr; }
  // After the last row.
  virtual absl::Status Finish() = 0;
};

// Into the Study (every respondent kept, with attributes, weight and
// duration).
class StudySink : public WideRowSink {
 public:
  StudySink(Study* study, absl::string_view source)
      : study_(study), batches_(study, source) {}
  absl::Status Start(const WideRows& rows) override;
  absl::Status AddRow(const WideRow& row) override;
  bool KeepsRespondentIds() const override { return true; }
  absl::Status Finish() override { return batches_.Flush(); }

 private:
  Study* study_;
  AnswerBatches batches_;
  const WideRows* rows_ = nullptr;
  std::string respondent_id_;
  std::vector<size_t> respondent_lines_;  // by respondent index
  std::vector<uint32_t> solution_respondents_, solution_indices_,
      solution_outcomes_;
  std::vector<uint8_t> solution_ratings_;
};

// Into the scoring Aggregate, without keeping respondents.
class AggregateSink : public WideRowSink {
 public:
  explicit AggregateSink(absl::string_view source) : source_(source) {}
  absl::Status Start(const WideRows& rows) override;
  absl::Status AddRow(const WideRow& row) override {
    return AddRowTo(row, nullptr);
  }
  absl::Status Finish() override { return absl::OkStatus(); }
  absl::StatusOr<Aggregate> TakeAggregate() { return TakeTables(&whole_); }

  // Without a weight column, rows are counted into a plain array that
  // parts of the text may fill on their own threads: CountRow into a
  // table of cell_count() zeros, then AddCountedRows once per part, which
  // gives exactly the counts of AddRow row by row.
  AggregateSink* PlainRowCounter() override {
    return rows_->layout->weight_column < 0 ? this : nullptr;
  }
  size_t cell_count() const { return whole_.counts.size(); }
  // Thread-safe: reads only what Start set.
  void CountRow(const uint8_t* ratings, uint64_t* table) const;
  void AddCountedRows(const std::vector<uint64_t>& table, uint64_t rows);

 protected:
  // One set of tables: without a weight column counted into a plain array
  // in the aggregate's cell order (Aggregate::AddCounts at the end, cheaper
  // than a call per answer), with one an Aggregate.
  struct Tables {
    std::vector<uint64_t> counts;
    uint64_t respondents = 0;             // counted in `counts`
    absl::optional<Aggregate> aggregate;  // with a weight column
  };
  // Tables shaped like the whole sample's, empty.
  Tables NewTables() const;
  // The row into the whole sample's tables and, when not null, `segment`'s.
  absl::Status AddRowTo(const WideRow& row, Tables* segment);
  absl::StatusOr<Aggregate> TakeTables(Tables* tables) const;
  // Called before a weight other than 1 is added: every table set becomes
  // weighted (as a Study is weighted once any weight differs from 1).
  virtual void EnableWeights() { whole_.aggregate->EnableWeights(); }

  const WideRows* rows_ = nullptr;
  std::string source_;
  Tables whole_;

 private:
  void AddWeightedRow(const uint8_t* ratings, double weight,
                      Aggregate* aggregate) const;

  absl::optional<Aggregate> empty_;  // the shape: no answers
  std::vector<uint8_t> axis_index_;  // rating -> table index (0: none)
};

// Into the whole-sample aggregate and one per value of the attribute
// segment_by (at most kMaxSegmentValues), in the same pass.
class SegmentedAggregateSink : public AggregateSink {
 public:
  SegmentedAggregateSink(absl::string_view source, absl::string_view segment_by,
                         SurveyInspection* inspection)
      : AggregateSink(source),
        segment_by_(segment_by),
        inspection_(inspection) {}
  absl::Status Start(const WideRows& rows) override;
  absl::Status AddRow(const WideRow& row) override;
  // Segments need each row's attributes.
  AggregateSink* PlainRowCounter() override { return nullptr; }
  // NOT_FOUND (Study::Score's message) when no row gave the attribute.
  absl::StatusOr<SegmentedAggregate> TakeSegments();

 private:
  struct Segment {
    std::string value;
    Tables tables;
  };
  // Notes the attributes the row gives and returns its segment (created
  // when new), nullptr when it has no value of the segment attribute.
  absl::StatusOr<Segment*> SegmentOf(const WideRow& row);
  void EnableWeights() override;

  std::string segment_by_;
  SurveyInspection* inspection_;
  std::vector<size_t> segment_attributes_;  // indices in layout.attributes
  absl::flat_hash_map<std::string, size_t> segment_index_;
  std::vector<Segment> segments_;
  uint64_t unsegmented_ = 0;
  // Which distinct attribute name each of layout.attributes has, whether a
  // row gave it yet, and how many names are still waiting for a value.
  std::vector<size_t> attribute_name_of_;
  std::vector<bool> attribute_given_;
  size_t attributes_pending_ = 0;
};

}  // namespace jtbd

#endif  // JTBD_IO_SURVEY_SINKS_H_
