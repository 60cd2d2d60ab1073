#include "design/design_csv.h"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "core/job_map.h"
#include "io/csv_reader.h"
#include "io/source_position.h"

namespace jtbd {
namespace design {
namespace {

class DesignParser {
 public:
  DesignParser(absl::string_view text, absl::string_view source,
               const ResourceLimits& limits)
      : reader_(text, ',', limits), source_(source) {}

  absl::StatusOr<v1::StudyDesign> Parse();

 private:
  absl::Status Error(size_t line, size_t column, absl::string_view what) const {
    const absl::string_view name = column != 0 && column <= header_.size()
                                       ? absl::string_view(header_[column - 1])
                                       : absl::string_view();
    return SourcePositionError(source_, line, column, name, what);
  }
  absl::Status ReaderError() const {
    return reader_.error().WithCode(Error(
        reader_.error().line, reader_.error().field, reader_.error().what));
  }
  absl::Status ReadHeader();
  ptrdiff_t Column(std::initializer_list<absl::string_view> names) const;
  // The trimmed cell of `column`, "" when there is no such column.
  absl::string_view Cell(ptrdiff_t column) const {
    return column < 0 ? absl::string_view()
                      : TrimSpaces(reader_.fields()[column]);
  }
  absl::Status ReadJob(size_t line, v1::Job* job);

  CsvReader reader_;
  absl::string_view source_;
  size_t header_line_ = 0;
  std::vector<std::string> header_;
  std::vector<std::string> normalized_;
  ptrdiff_t id_ = -1, statement_ = -1, job_step_ = -1, kind_ = -1,
            executor_ = -1, type_ = -1;
};

absl::Status DesignParser::ReadHeader() {
  switch (reader_.Read()) {
    case CsvReader::Result::kEnd:
      return Error(1, 1, "the file is empty");
    case CsvReader::Result::kError:
      return ReaderError();
    case CsvReader::Result::kRecord:
      break;
  }
  header_line_ = reader_.record_line();
  for (absl::string_view field : reader_.fields()) {
    header_.emplace_back(TrimSpaces(field));
    normalized_.push_back(NormalizedColumnName(header_.back()));
  }
  static constexpr absl::string_view kUsed[] = {
      "id",       "outcome_id", "outcome",  "statement",
      "job_step", "kind",       "executor", "type"};
  for (size_t i = 0; i < normalized_.size(); ++i) {
    if (std::find(std::begin(kUsed), std::end(kUsed), normalized_[i]) ==
        std::end(kUsed)) {
      continue;
    }
    for (size_t j = 0; j < i; ++j) {
      if (normalized_[j] == normalized_[i]) {
        return Error(header_line_, i + 1,
                     absl::StrCat("the header name repeats column ", j + 1,
                                  " (names are compared ignoring case)"));
      }
    }
  }
  id_ = Column({"id", "outcome_id", "outcome"});
  if (id_ < 0) {
    return Error(header_line_, 1,
                 "the header has no id column: id, outcome_id or outcome");
  }
  statement_ = Column({"statement"});
  job_step_ = Column({"job_step"});
  kind_ = Column({"kind"});
  executor_ = Column({"executor"});
  type_ = Column({"type"});
  return absl::OkStatus();
}

ptrdiff_t DesignParser::Column(
    std::initializer_list<absl::string_view> names) const {
  for (absl::string_view name : names) {
    for (size_t i = 0; i < normalized_.size(); ++i) {
      if (normalized_[i] == name) return static_cast<ptrdiff_t>(i);
    }
  }
  return -1;
}

absl::Status DesignParser::ReadJob(size_t line, v1::Job* job) {
  job->set_id(std::string(Cell(id_)));
  job->set_statement(std::string(Cell(statement_)));
  job->set_executor(std::string(Cell(executor_)));
  const std::string type = absl::AsciiStrToLower(Cell(type_));
  if (type.empty()) {
    job->set_type(v1::JOB_TYPE_UNSPECIFIED);
  } else if (type == "functional") {
    job->set_type(v1::JOB_TYPE_FUNCTIONAL);
  } else if (type == "emotional") {
    job->set_type(v1::JOB_TYPE_EMOTIONAL);
  } else if (type == "social") {
    job->set_type(v1::JOB_TYPE_SOCIAL);
  } else {
    return Error(line, type_ + 1,
                 absl::StrCat("unknown job type ", Quoted(Cell(type_)),
                              " (functional, emotional or social)"));
  }
  if (job->statement().empty()) {
    return Error(line, statement_ < 0 ? id_ + 1 : statement_ + 1,
                 "the job row has no statement");
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::StudyDesign> DesignParser::Parse() {
  if (absl::Status header = ReadHeader(); !header.ok()) return header;
  v1::StudyDesign design;
  size_t job_line = 0;
  // Where each id was first given, for repeats and unknown steps.
  absl::flat_hash_map<std::string, size_t> outcome_lines, step_lines;
  std::vector<size_t> outcome_step_lines;  // per outcome, its row's line
  size_t rows = 0;
  for (;;) {
    const CsvReader::Result result = reader_.Read();
    if (result == CsvReader::Result::kEnd) break;
    if (result == CsvReader::Result::kError) return ReaderError();
    const size_t line = reader_.record_line();
    if (reader_.fields().size() != header_.size()) {
      return Error(line, std::min(reader_.fields().size(), header_.size()) + 1,
                   absl::StrCat("expected ", header_.size(),
                                " fields, as in the header, but found ",
                                reader_.fields().size()));
    }
    ++rows;
    const std::string kind = absl::AsciiStrToLower(Cell(kind_));
    if (kind == "job") {
      if (job_line != 0) {
        return Error(line, kind_ + 1,
                     absl::StrCat("a second job row (the job is on line ",
                                  job_line, ")"));
      }
      job_line = line;
      if (absl::Status job = ReadJob(line, design.mutable_job()); !job.ok()) {
        return job;
      }
      continue;
    }
    if (!kind.empty() && kind != "outcome" && kind != "step") {
      return Error(line, kind_ + 1,
                   absl::StrCat("unknown kind ", Quoted(Cell(kind_)),
                                " (outcome, job or step)"));
    }
    const absl::string_view id = Cell(id_);
    if (id.empty()) {
      return Error(
          line, id_ + 1,
          kind == "step" ? "the step id is blank" : "the outcome id is blank");
    }
    if (kind == "step") {
      const std::string step_id = StepIdOf(id);
      const auto [at, fresh] = step_lines.emplace(step_id, line);
      if (!fresh) {
        return Error(
            line, id_ + 1,
            absl::StrCat("step ", Quoted(step_id),
                         " is already in the job map on line ", at->second));
      }
      v1::JobStep* step = design.mutable_job()->add_steps();
      step->set_id(step_id);
      step->set_universal_step(UniversalStepNamed(id));
      step->set_name(std::string(Cell(statement_)));
      continue;
    }
    const auto [at, fresh] = outcome_lines.emplace(std::string(id), line);
    if (!fresh) {
      return Error(
          line, id_ + 1,
          absl::StrCat("outcome ", Quoted(id),
                       " is already in the design on line ", at->second));
    }
    v1::DesiredOutcome* outcome = design.add_outcomes();
    outcome->set_id(std::string(id));
    outcome->set_statement(std::string(Cell(statement_)));
    const absl::string_view step = Cell(job_step_);
    outcome->set_job_step_id(step.empty() ? std::string() : StepIdOf(step));
    outcome_step_lines.push_back(line);
  }
  if (rows == 0) {
    return Error(header_line_, 1, "the header is followed by no rows");
  }
  // Steps are checked once all are known: a step row may follow the
  // outcomes that name it.
  if (design.job().steps_size() > 0) {
    for (int o = 0; o < design.outcomes_size(); ++o) {
      const std::string& step = design.outcomes(o).job_step_id();
      if (!step.empty() && !step_lines.contains(step)) {
        return Error(outcome_step_lines[o], job_step_ + 1,
                     absl::StrCat("step ", Quoted(step),
                                  " is not in the job map (its step rows)"));
      }
    }
  }
  CompleteJobMap(&design);
  return design;
}

}  // namespace

absl::StatusOr<v1::StudyDesign> ReadDesignCsv(absl::string_view data,
                                              absl::string_view source_name,
                                              const ResourceLimits& limits) {
  if (absl::Status size =
          CheckRequestBytes(data.size(), limits.max_request_bytes, source_name);
      !size.ok()) {
    return size;
  }
  DesignParser parser(data, source_name, limits);
  return parser.Parse();
}

}  // namespace design
}  // namespace jtbd
