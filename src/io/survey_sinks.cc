#include "io/survey_sinks.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "core/outcome.h"
#include "io/source_position.h"

namespace jtbd {

// ------------------------------------------------------------ study

absl::Status StudySink::Start(const WideRows& rows) {
  rows_ = &rows;
  batches_.StartRows(rows.outcome_count);
  return absl::OkStatus();
}

absl::Status StudySink::AddRow(const WideRow& row) {
  const WideRows& rows = *rows_;
  const SurveyLayout& layout = *rows.layout;
  const size_t outcome_count = rows.outcome_count;
  if (!row.respondent_id.empty()) {
    respondent_id_.assign(row.respondent_id.data(), row.respondent_id.size());
  } else {
    respondent_id_ = absl::StrCat(row.number);
  }
  // Blank ids were refused by the row loop; a repeat is the Study's to see.
  absl::StatusOr<size_t> added = study_->AddRespondent(respondent_id_);
  if (!added.ok()) {
    const ptrdiff_t earlier = study_->FindRespondent(respondent_id_);
    if (earlier >= 0) {
      return RepeatedRespondentError(*rows.header, layout, row.line,
                                     respondent_id_,
                                     respondent_lines_[earlier]);
    }
    return rows.Error(row.line, layout.respondent_column + 1,
                      added.status().message());
  }
  const size_t respondent = *added;
  respondent_lines_.push_back(row.line);

  for (size_t a = 0; a < layout.attributes.size(); ++a) {
    const absl::string_view value = TrimSpaces(row.attributes[a]);
    if (value.empty()) continue;
    const SurveyLayout::AttributeColumn& attribute = layout.attributes[a];
    absl::Status status =
        study_->SetAttribute(respondent, attribute.name, std::string(value));
    if (!status.ok()) {
      return rows.Error(row.line, attribute.column + 1, status.message());
    }
  }
  if (layout.weight_column >= 0) {
    double weight = 0;
    absl::Status status =
        ParseWeight(*rows.header, layout, row.line, row.weight, &weight);
    if (!status.ok()) return status;
    status = study_->SetWeight(respondent, weight);
    if (!status.ok()) {
      return rows.Error(row.line, layout.weight_column + 1, status.message());
    }
  }
  if (row.duration_known) {
    absl::Status status = study_->SetDuration(respondent, row.duration_seconds);
    if (!status.ok()) {
      return rows.Error(row.line, layout.duration_column + 1, status.message());
    }
  }

  const size_t solution_column_count = layout.solution_columns.size();
  if (solution_column_count != 0) {
    solution_respondents_.clear();
    solution_indices_.clear();
    solution_outcomes_.clear();
    solution_ratings_.clear();
    for (size_t k = 0; k < solution_column_count; ++k) {
      const uint8_t rating = row.ratings[2 * outcome_count + k];
      if (rating == 0) continue;
      solution_respondents_.push_back(static_cast<uint32_t>(respondent));
      solution_indices_.push_back(static_cast<uint32_t>(rows.solution_of[k]));
      solution_outcomes_.push_back(
          static_cast<uint32_t>(layout.solution_columns[k].outcome));
      solution_ratings_.push_back(rating);
    }
    // Ratings were parsed on the scale and columns are distinct pairs, so
    // this cannot refuse.
    absl::Status status =
        study_->AddSolutionAnswers({solution_respondents_, solution_indices_,
                                    solution_outcomes_, solution_ratings_});
    if (!status.ok()) return rows.Error(row.line, 0, status.message());
  }
  // Every pair in the row is an answer, (0, 0) included, as a long file has
  // a row for it.
  return batches_.AddRow(respondent, row.ratings, row.ratings + outcome_count);
}

// ------------------------------------------------------------ aggregate

absl::Status AggregateSink::Start(const WideRows& rows) {
  rows_ = &rows;
  const Study& study = *rows.study;
  const size_t line = rows.header->Line(0);
  absl::StatusOr<Aggregate> created =
      Aggregate::Create(study.scale(), study.outcomes());
  if (!created.ok()) return rows.Error(line, 0, created.status().message());
  for (const std::string& solution : study.solutions()) {
    absl::Status status = created->AddSolution(solution);
    if (!status.ok()) return rows.Error(line, 0, status.message());
  }
  empty_ = *std::move(created);
  axis_index_.assign(256, 0);
  const Scale& scale = study.scale();
  for (int rating = scale.min; rating <= scale.max; ++rating) {
    axis_index_[rating] = static_cast<uint8_t>(rating - scale.min + 1);
  }
  whole_ = NewTables();
  return absl::OkStatus();
}

AggregateSink::Tables AggregateSink::NewTables() const {
  Tables tables;
  if (rows_->layout->weight_column < 0) {
    tables.counts.assign(empty_->cell_count(), 0);
  } else {
    tables.aggregate = *empty_;
    if (whole_.aggregate.has_value() && whole_.aggregate->weighted()) {
      tables.aggregate->EnableWeights();
    }
  }
  return tables;
}

void AggregateSink::CountRow(const uint8_t* const row,
                             uint64_t* const table) const {
  // Locals only: the stores through uint64_t* may alias this object's
  // size_t members.
  const size_t outcome_count = rows_->outcome_count;
  const size_t solution_count = rows_->study->solution_count();
  const size_t* const pair_offset = rows_->pair_offset.data();
  const size_t stride = static_cast<size_t>(empty_->scale().points()) + 1;
  const size_t cells = stride * stride;
  const uint8_t* const axis = axis_index_.data();
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
}

void AggregateSink::AddCountedRows(const std::vector<uint64_t>& table,
                                   uint64_t rows) {
  uint64_t* const counts = whole_.counts.data();
  for (size_t cell = 0; cell < table.size(); ++cell)
    counts[cell] += table[cell];
  whole_.respondents += rows;
}

void AggregateSink::AddWeightedRow(const uint8_t* const row, double weight,
                                   Aggregate* aggregate) const {
  const size_t outcome_count = rows_->outcome_count;
  const size_t solution_count = rows_->study->solution_count();
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
      const int theirs = row[rows_->pair_offset[s * outcome_count + o]];
      if (aggregate->weighted()) {
        aggregate->AddValidatedSolutionWeighted(s, o, ours, theirs, weight);
      } else {
        aggregate->AddValidatedSolution(s, o, ours, theirs);
      }
    }
  }
  aggregate->AddRespondentCount(1);
}

absl::Status AggregateSink::AddRowTo(const WideRow& row, Tables* segment) {
  if (!whole_.aggregate.has_value()) {
    CountRow(row.ratings, whole_.counts.data());
    ++whole_.respondents;
    if (segment != nullptr) {
      CountRow(row.ratings, segment->counts.data());
      ++segment->respondents;
    }
    return absl::OkStatus();
  }
  double weight = 1;
  absl::Status status = ParseWeight(*rows_->header, *rows_->layout, row.line,
                                    row.weight, &weight);
  if (!status.ok()) return status;
  if (weight != 1 && !whole_.aggregate->weighted()) EnableWeights();
  AddWeightedRow(row.ratings, weight, &*whole_.aggregate);
  if (segment != nullptr) {
    AddWeightedRow(row.ratings, weight, &*segment->aggregate);
  }
  return absl::OkStatus();
}

absl::StatusOr<Aggregate> AggregateSink::TakeTables(Tables* tables) const {
  if (tables->aggregate.has_value()) return *std::move(tables->aggregate);
  Aggregate counted = *empty_;
  absl::Status status = counted.AddCounts(tables->counts, tables->respondents);
  if (!status.ok()) {
    return absl::InternalError(absl::StrCat(source_, ": ", status.message()));
  }
  // The counts are freed once handed over.
  tables->counts = std::vector<uint64_t>();
  return counted;
}

// ------------------------------------------------------------ segments

absl::Status SegmentedAggregateSink::Start(const WideRows& rows) {
  absl::Status status = AggregateSink::Start(rows);
  if (!status.ok()) return status;
  const SurveyLayout& layout = *rows.layout;
  absl::flat_hash_map<std::string, size_t> name_index;
  for (size_t a = 0; a < layout.attributes.size(); ++a) {
    const std::string& name = layout.attributes[a].name;
    attribute_name_of_.push_back(
        name_index.emplace(name, name_index.size()).first->second);
    if (name == segment_by_) segment_attributes_.push_back(a);
  }
  attribute_given_.assign(name_index.size(), false);
  attributes_pending_ = name_index.size();
  return absl::OkStatus();
}

absl::Status SegmentedAggregateSink::AddRow(const WideRow& row) {
  absl::StatusOr<Segment*> segment = SegmentOf(row);
  if (!segment.ok()) return segment.status();
  return AddRowTo(row, *segment != nullptr ? &(*segment)->tables : nullptr);
}

void SegmentedAggregateSink::EnableWeights() {
  AggregateSink::EnableWeights();
  for (Segment& segment : segments_) segment.tables.aggregate->EnableWeights();
}

absl::StatusOr<SegmentedAggregateSink::Segment*>
SegmentedAggregateSink::SegmentOf(const WideRow& row) {
  const SurveyLayout& layout = *rows_->layout;
  if (attributes_pending_ != 0) {
    for (size_t a = 0; a < layout.attributes.size(); ++a) {
      const size_t name = attribute_name_of_[a];
      if (attribute_given_[name] || TrimSpaces(row.attributes[a]).empty()) {
        continue;
      }
      attribute_given_[name] = true;
      --attributes_pending_;
      inspection_->attributes_given.push_back(layout.attributes[a].name);
    }
  }
  // As a Study keeps it: the last non-blank value of the columns so named.
  absl::string_view value;
  size_t value_column = 0;
  for (const size_t a : segment_attributes_) {
    const absl::string_view cell = TrimSpaces(row.attributes[a]);
    if (cell.empty()) continue;
    value = cell;
    value_column = layout.attributes[a].column;
  }
  if (value.empty()) {
    ++unsegmented_;
    return nullptr;
  }
  const auto found = segment_index_.find(value);
  if (found != segment_index_.end()) return &segments_[found->second];
  if (segments_.size() >= kMaxSegmentValues) {
    return ToResourceExhausted(
        rows_->Error(row.line, value_column + 1,
                     absl::StrCat("more than ", kMaxSegmentValues,
                                  " distinct values of \"", segment_by_,
                                  "\" to segment by; segment by a coarser "
                                  "attribute (fewer distinct values)")));
  }
  segment_index_.emplace(std::string(value), segments_.size());
  segments_.push_back({std::string(value), NewTables()});
  return &segments_.back();
}

absl::StatusOr<SegmentedAggregate> SegmentedAggregateSink::TakeSegments() {
  const std::vector<std::string>& given = inspection_->attributes_given;
  if (std::find(given.begin(), given.end(), segment_by_) == given.end()) {
    return SegmentAttributeNotFoundError(segment_by_, given);
  }
  absl::StatusOr<Aggregate> all = TakeTables(&whole_);
  if (!all.ok()) return all.status();
  SegmentedAggregate aggregates(*std::move(all));
  aggregates.segment_by = segment_by_;
  aggregates.unsegmented_respondent_count = unsegmented_;
  for (Segment& segment : segments_) {
    absl::StatusOr<Aggregate> tables = TakeTables(&segment.tables);
    if (!tables.ok()) return tables.status();
    aggregates.segments.emplace(std::move(segment.value), *std::move(tables));
  }
  return aggregates;
}

}  // namespace jtbd
