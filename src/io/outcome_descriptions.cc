#include "io/outcome_descriptions.h"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/types/optional.h"
#include "io/csv_reader.h"
#include "io/source_position.h"

namespace jtbd {
namespace {

// The error lists the study's outcomes, up to this many, to show what ids
// look like without flooding the terminal.
constexpr size_t kMaxOutcomesListed = 10;

// One row, checked and waiting to be applied.
struct Description {
  size_t outcome;
  absl::optional<std::string> statement;  // nullopt: leave as it was
  absl::optional<std::string> job_step;
};

class DescriptionsParser {
 public:
  DescriptionsParser(absl::string_view text, absl::string_view source,
                     const std::vector<Outcome>& outcomes,
                     const ResourceLimits& limits)
      : reader_(text, ',', limits), source_(source), outcomes_(outcomes) {
    for (size_t o = 0; o < outcomes.size(); ++o) {
      outcome_index_.emplace(outcomes[o].id, o);
    }
  }

  // Checks the whole text; the outcomes are not touched.
  absl::StatusOr<std::vector<Description>> Parse();

 private:
  absl::Status Error(size_t line, size_t column, absl::string_view what) const {
    // Both arms string_view: a std::string arm would make the view point
    // into a temporary copy.
    const absl::string_view name = column != 0 && column <= header_.size()
                                       ? absl::string_view(header_[column - 1])
                                       : absl::string_view();
    return SourcePositionError(source_, line, column, name, what);
  }
  absl::Status ReadHeader();
  // false at the end of the text.
  absl::StatusOr<bool> NextRow();
  // The first of `names` present in the header, or -1.
  ptrdiff_t FindFirstColumn(
      std::initializer_list<absl::string_view> names) const;
  std::string UnknownOutcome(absl::string_view id) const;

  CsvReader reader_;
  absl::string_view source_;
  const std::vector<Outcome>& outcomes_;
  absl::flat_hash_map<absl::string_view, size_t> outcome_index_;
  size_t header_line_ = 0;
  std::vector<std::string> header_;             // trimmed, as written
  std::vector<std::string> normalized_header_;  // see NormalizedColumnName
};

absl::Status DescriptionsParser::ReadHeader() {
  switch (reader_.Read()) {
    case CsvReader::Result::kEnd:
      return Error(1, 1, "the file is empty");
    case CsvReader::Result::kError:
      return reader_.error().WithCode(Error(
          reader_.error().line, reader_.error().field, reader_.error().what));
    case CsvReader::Result::kRecord:
      break;
  }
  header_line_ = reader_.record_line();
  for (absl::string_view field : reader_.fields()) {
    header_.emplace_back(TrimSpaces(field));
    normalized_header_.push_back(NormalizedColumnName(header_.back()));
  }
  // A column this reader uses must be unambiguous; repeats of ignored
  // columns do no harm.
  for (size_t i = 0; i < normalized_header_.size(); ++i) {
    const std::string& name = normalized_header_[i];
    if (name != "id" && name != "outcome_id" && name != "outcome" &&
        name != "statement" && name != "job_step") {
      continue;
    }
    for (size_t j = 0; j < i; ++j) {
      if (normalized_header_[j] == name) {
        return Error(header_line_, i + 1,
                     absl::StrCat("the header name repeats column ", j + 1,
                                  " (names are compared ignoring case)"));
      }
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> DescriptionsParser::NextRow() {
  switch (reader_.Read()) {
    case CsvReader::Result::kEnd:
      return false;
    case CsvReader::Result::kError:
      return reader_.error().WithCode(Error(
          reader_.error().line, reader_.error().field, reader_.error().what));
    case CsvReader::Result::kRecord:
      break;
  }
  // A statement with an unquoted comma shows up here as one field too many.
  if (reader_.fields().size() != header_.size()) {
    return Error(reader_.record_line(),
                 std::min(reader_.fields().size(), header_.size()) + 1,
                 absl::StrCat("expected ", header_.size(),
                              " fields, as in the header, but found ",
                              reader_.fields().size()));
  }
  return true;
}

ptrdiff_t DescriptionsParser::FindFirstColumn(
    std::initializer_list<absl::string_view> names) const {
  for (absl::string_view name : names) {
    for (size_t i = 0; i < normalized_header_.size(); ++i) {
      if (normalized_header_[i] == name) return static_cast<ptrdiff_t>(i);
    }
  }
  return -1;
}

std::string DescriptionsParser::UnknownOutcome(absl::string_view id) const {
  const std::vector<Outcome>& outcomes = outcomes_;
  std::string message =
      absl::StrCat("outcome ", Quoted(id), " is not in the survey (");
  if (outcomes.empty()) {
    absl::StrAppend(&message, "it has no outcomes)");
    return message;
  }
  absl::StrAppend(&message, "outcomes: ");
  for (size_t o = 0; o < outcomes.size() && o < kMaxOutcomesListed; ++o) {
    absl::StrAppend(&message, o == 0 ? "" : ", ", outcomes[o].id);
  }
  if (outcomes.size() > kMaxOutcomesListed) {
    absl::StrAppend(&message, ", ...");
  }
  absl::StrAppend(&message, ")");
  return message;
}

absl::StatusOr<std::vector<Description>> DescriptionsParser::Parse() {
  absl::Status status = ReadHeader();
  if (!status.ok()) return status;
  const ptrdiff_t id_column = FindFirstColumn({"id", "outcome_id", "outcome"});
  if (id_column < 0) {
    return Error(header_line_, 1,
                 "the header has no outcome id column: id, outcome_id or "
                 "outcome");
  }
  const ptrdiff_t statement_column = FindFirstColumn({"statement"});
  const ptrdiff_t job_step_column = FindFirstColumn({"job_step"});
  if (statement_column < 0 && job_step_column < 0) {
    return Error(header_line_, 1,
                 "the header has neither a statement nor a job_step column, "
                 "so it describes nothing");
  }
  // A blank cell, or no such column, leaves the field as it was.
  auto text_of = [this](ptrdiff_t column) -> absl::optional<std::string> {
    if (column < 0) return absl::nullopt;
    const absl::string_view text = TrimSpaces(reader_.fields()[column]);
    if (text.empty()) return absl::nullopt;
    return std::string(text);
  };

  std::vector<Description> descriptions;
  // By outcome index: the line describing it, 0 = none yet.
  std::vector<size_t> described_on(outcomes_.size(), 0);
  for (;;) {
    absl::StatusOr<bool> more = NextRow();
    if (!more.ok()) return more.status();
    if (!*more) break;
    const size_t line = reader_.record_line();
    const absl::string_view id = TrimSpaces(reader_.fields()[id_column]);
    if (id.empty()) {
      return Error(line, id_column + 1, "the outcome id is blank");
    }
    const auto found = outcome_index_.find(id);
    if (found == outcome_index_.end()) {
      return Error(line, id_column + 1, UnknownOutcome(id));
    }
    const size_t outcome = found->second;
    if (described_on[outcome] != 0) {
      return Error(
          line, id_column + 1,
          absl::StrCat("outcome ", id, " is already described on line ",
                       described_on[outcome]));
    }
    described_on[outcome] = line;
    descriptions.push_back(
        {outcome, text_of(statement_column), text_of(job_step_column)});
  }
  if (descriptions.empty()) {
    return Error(header_line_, 1,
                 "no descriptions: the header is followed by no rows");
  }
  return descriptions;
}

// What descriptions are checked against and applied to, per target.
// Every index was found in the outcomes just before, so no setter refuses.
const std::vector<Outcome>& OutcomesOf(const Study& study) {
  return study.outcomes();
}
const std::vector<Outcome>& OutcomesOf(const Aggregate& aggregate) {
  return aggregate.outcomes();
}
// Segments share the whole sample's outcomes, in the same order.
const std::vector<Outcome>& OutcomesOf(const SegmentedAggregate& aggregates) {
  return aggregates.all.outcomes();
}

void Apply(size_t outcome, const Outcome& described, Study* study) {
  study->SetOutcomeStatement(outcome, described.statement).IgnoreError();
  study->SetOutcomeJobStep(outcome, described.job_step_id).IgnoreError();
}
void Apply(size_t outcome, const Outcome& described, Aggregate* aggregate) {
  aggregate
      ->SetOutcomeDescription(outcome, described.statement,
                              described.job_step_id)
      .IgnoreError();
}
void Apply(size_t outcome, const Outcome& described,
           SegmentedAggregate* aggregates) {
  Apply(outcome, described, &aggregates->all);
  for (auto& [name, segment] : aggregates->segments) {
    Apply(outcome, described, &segment);
  }
}

// Parses and checks `data` against the target's outcomes (held to the
// limits), then applies every description: all or nothing.
template <typename Target>
absl::Status Describe(absl::string_view data, absl::string_view source_name,
                      Target* target, absl::string_view target_name,
                      const ResourceLimits& limits) {
  if (target == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat(source_name, ": no ", target_name, " to describe"));
  }
  absl::Status size =
      CheckRequestBytes(data.size(), limits.max_request_bytes, source_name);
  if (!size.ok()) return size;
  const std::vector<Outcome>& outcomes = OutcomesOf(*target);
  DescriptionsParser parser(data, source_name, outcomes, limits);
  absl::StatusOr<std::vector<Description>> descriptions = parser.Parse();
  if (!descriptions.ok()) return descriptions.status();
  for (Description& description : *descriptions) {
    Outcome described = outcomes[description.outcome];
    if (description.statement.has_value()) {
      described.statement = *std::move(description.statement);
    }
    if (description.job_step.has_value()) {
      described.job_step_id = *std::move(description.job_step);
    }
    Apply(description.outcome, described, target);
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ReadOutcomeDescriptionsCsv(absl::string_view data,
                                        absl::string_view source_name,
                                        Study* study,
                                        const ResourceLimits& limits) {
  return Describe(data, source_name, study, "study", limits);
}

absl::Status ReadOutcomeDescriptionsCsv(absl::string_view data,
                                        absl::string_view source_name,
                                        Aggregate* aggregate,
                                        const ResourceLimits& limits) {
  return Describe(data, source_name, aggregate, "aggregate", limits);
}

absl::Status ReadOutcomeDescriptionsCsv(absl::string_view data,
                                        absl::string_view source_name,
                                        SegmentedAggregate* aggregates,
                                        const ResourceLimits& limits) {
  return Describe(data, source_name, aggregates, "aggregates", limits);
}

absl::Status ReadOutcomeDescriptionsCsvFile(const std::string& path,
                                            Study* study,
                                            const ResourceLimits& limits) {
  // Mapped, not copied: an oversized file is refused before it is read.
  absl::StatusOr<FileBytes> data = FileBytes::Open(path);
  if (!data.ok()) return data.status();
  return ReadOutcomeDescriptionsCsv(data->bytes(), path, study, limits);
}

}  // namespace jtbd
