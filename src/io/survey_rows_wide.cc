// The one row loop of every layout but the long one: a row per respondent,
// split the fast way when it can be (CsvReader::ReadPlainCodedRecord),
// checked (ratings, duration, respondent id, the respondent limit) and
// handed to a sink (survey_sinks.h). A sink that only counts may have the
// rows counted on several threads first (survey_rows_parallel.cc).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "core/outcome.h"
#include "core/resource_limits.h"
#include "io/consumed_pages.h"
#include "io/csv_reader.h"
#include "io/source_position.h"
#include "io/survey_layout.h"
#include "io/survey_parser.h"
#include "io/survey_sinks.h"

namespace jtbd {

absl::Status SurveyParser::ReadWideRows(WideRowSink* sink) {
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
  const size_t outcome_count = layout_.outcomes.size();

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
  WideRows rows;
  rows.header = &header_;
  rows.layout = &layout_;
  rows.study = &study_;
  rows.outcome_count = outcome_count;
  rows.solution_of = solution_of;
  std::vector<size_t>& pair_offset = rows.pair_offset;
  pair_offset.assign(solution_count * outcome_count, no_rating_slot);
  for (size_t k = 0; k < solution_column_count; ++k) {
    const SurveyLayout::SolutionColumn& column = layout_.solution_columns[k];
    rating_at[column.column] = static_cast<int32_t>(2 * outcome_count + k);
    pair_offset[solution_of[k] * outcome_count + column.outcome] =
        2 * outcome_count + k;
  }
  std::vector<uint8_t> row(no_rating_slot + 1, 0);
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
  // Attributes are kept contiguously: the sink reads them as an array.
  const size_t first_attribute_slot = kept.size();
  for (const SurveyLayout::AttributeColumn& attribute : layout_.attributes) {
    keep(attribute.column);
  }
  const size_t weight_slot =
      layout_.weight_column >= 0 ? keep(layout_.weight_column) : 0;
  const size_t duration_slot =
      layout_.duration_column >= 0 ? keep(layout_.duration_column) : 0;

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

  absl::Status status = sink->Start(rows);
  if (!status.ok()) return status;
  // Respondent ids as 64-bit fingerprints (-> line), so that a repeated id
  // is refused while memory stays small; a sink that keeps the ids anyway
  // (a Study) refuses repeats itself, rather than paying for a second index.
  const bool fingerprint_ids = !sink->KeepsRespondentIds();
  absl::flat_hash_map<uint64_t, size_t> id_lines;
  size_t row_number = 0;
  AggregateSink* const counter = sink->PlainRowCounter();
  const bool counted =
      counter != nullptr &&
      CountPlainRowsInParallel(counter, coded, row.size(), &row_number);
  // Rows are read once: the file's pages behind them can go.
  ConsumedPages pages(reader_.text(), mapped_, reader_.offset());
  while (!counted) {
    pages.ReadUpTo(reader_.offset());
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
    WideRow wide_row;
    wide_row.line = line;
    wide_row.number = row_number;
    wide_row.ratings = row.data();
    wide_row.attributes = kept.data() + first_attribute_slot;
    if (layout_.duration_column >= 0) {
      // Checked for every sink, so that all reads refuse the same files.
      status =
          ParseDuration(header_, layout_, line, kept[duration_slot],
                        &wide_row.duration_known, &wide_row.duration_seconds);
      if (!status.ok()) return status;
    }
    if (respondent_column >= 0) {
      absl::StatusOr<absl::string_view> id =
          RespondentIdOf(header_, layout_, line, kept[respondent_slot]);
      if (!id.ok()) return id.status();
      if (fingerprint_ids) {
        const auto [earlier, added] =
            id_lines.emplace(absl::Hash<absl::string_view>()(*id), line);
        if (!added) {
          return RepeatedRespondentError(header_, layout_, line, *id,
                                         earlier->second);
        }
      }
      wide_row.respondent_id = *id;
    }
    if (layout_.weight_column >= 0) wide_row.weight = kept[weight_slot];
    status = sink->AddRow(wide_row);
    if (!status.ok()) return status;
    ReportProgress(row_number, false);
  }
  if (row_number == 0) {
    return Error(header_.Line(header_.rows.size() - 1), 1, kNoRows);
  }
  status = sink->Finish();
  if (!status.ok()) return status;
  ReportProgress(row_number, true);
  return absl::OkStatus();
}

}  // namespace jtbd
