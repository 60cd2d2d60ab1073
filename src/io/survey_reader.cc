#include "io/survey_reader.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "core/outcome.h"
#include "io/csv_reader.h"
#include "io/source_position.h"

namespace jtbd {

namespace {

// Answers go to the study in batches of about this many: large enough to
// amortize the call, small enough to keep the staging arrays in cache.
constexpr size_t kAnswerBatchSize = 4096;

constexpr absl::string_view kNoAnswerColumns =
    "the header has no answer columns; expected a long layout (respondent, "
    "outcome, importance, satisfaction) or a wide layout (imp_<outcome>, "
    "sat_<outcome>)";

// A header alone is refused like an empty file: nothing to score, and a
// report of zero respondents would look like a result.
constexpr absl::string_view kNoRows =
    "no answers: the header is followed by no rows";

bool IsNoAnswer(absl::string_view trimmed) {
  return absl::EqualsIgnoreCase(trimmed, "na") ||
         absl::EqualsIgnoreCase(trimmed, "n/a");
}

// Reads one rating cell. Blank, NA and N/A (any case, spaces around) are 0,
// no answer; otherwise the cell must hold a whole number on the scale, where
// a zero fraction ("4.0") still counts as whole. On failure *problem says
// what is wrong, naming the rating as `kind`.
bool ParseRating(absl::string_view cell, absl::string_view kind,
                 const Scale& scale, uint8_t* rating, std::string* problem) {
  // The common cell is one bare digit on the scale.
  if (cell.size() == 1 && absl::ascii_isdigit(cell[0]) &&
      scale.Contains(cell[0] - '0')) {
    *rating = static_cast<uint8_t>(cell[0] - '0');
    return true;
  }
  const absl::string_view text = TrimSpaces(cell);
  if (text.empty() || IsNoAnswer(text)) {
    *rating = 0;
    return true;
  }
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
  if (!whole || i != text.size()) {
    *problem = absl::StrCat(Quoted(text), " is not a whole number");
    return false;
  }
  if (negative) value = -value;
  if (!scale.Contains(value)) {
    *problem = absl::StrCat(kind, " ", text, " is outside the scale ",
                            scale.min, "-", scale.max);
    return false;
  }
  *rating = static_cast<uint8_t>(value);
  return true;
}

// Reads one survey text into a Study; used once.
class SurveyParser {
 public:
  SurveyParser(absl::string_view text, absl::string_view source,
               const Scale& scale)
      : reader_(text), source_(source), study_(scale) {}

  absl::StatusOr<Study> Parse();

 private:
  // The message format every refusal shares; column 0 = no column, line 0 =
  // no line. The header name is shown when the column has a non-blank one.
  absl::Status Error(size_t line, size_t column, absl::string_view what) const;
  absl::Status ReadHeader();
  // Reads the next record into reader_.fields(), checking its width; false
  // at the end of the text.
  absl::StatusOr<bool> NextRow();
  ptrdiff_t FindColumn(absl::string_view lower_name) const;
  ptrdiff_t FindFirstColumn(std::initializer_list<absl::string_view> names);
  absl::Status ReadLong(size_t outcome_column, size_t importance_column,
                        size_t satisfaction_column);
  absl::Status ReadWide();
  void StageAnswer(size_t respondent, size_t outcome, uint8_t importance,
                   uint8_t satisfaction);
  absl::Status FlushAnswers();

  CsvReader reader_;
  std::string source_;
  Study study_;
  size_t header_line_ = 0;
  std::vector<std::string> header_;        // names trimmed, as written
  std::vector<std::string> lower_header_;  // the same in lower case

  std::vector<uint32_t> staged_respondents_;
  std::vector<uint32_t> staged_outcomes_;
  std::vector<uint8_t> staged_importance_;
  std::vector<uint8_t> staged_satisfaction_;
};

absl::Status SurveyParser::Error(size_t line, size_t column,
                                 absl::string_view what) const {
  const absl::string_view name =
      column != 0 && column <= header_.size() ? header_[column - 1] : "";
  return SourcePositionError(source_, line, column, name, what);
}

absl::StatusOr<bool> SurveyParser::NextRow() {
  switch (reader_.Read()) {
    case CsvReader::Result::kEnd:
      return false;
    case CsvReader::Result::kError:
      return Error(reader_.error().line, reader_.error().field,
                   reader_.error().what);
    case CsvReader::Result::kRecord:
      break;
  }
  if (reader_.fields().size() != header_.size()) {
    // The column is the first missing field, or the first extra one.
    return Error(reader_.record_line(),
                 std::min(reader_.fields().size(), header_.size()) + 1,
                 absl::StrCat("expected ", header_.size(),
                              " fields, as in the header, but found ",
                              reader_.fields().size()));
  }
  return true;
}

ptrdiff_t SurveyParser::FindColumn(absl::string_view lower_name) const {
  for (size_t i = 0; i < lower_header_.size(); ++i) {
    if (lower_header_[i] == lower_name) return static_cast<ptrdiff_t>(i);
  }
  return -1;
}

ptrdiff_t SurveyParser::FindFirstColumn(
    std::initializer_list<absl::string_view> names) {
  for (absl::string_view name : names) {
    const ptrdiff_t column = FindColumn(name);
    if (column >= 0) return column;
  }
  return -1;
}

absl::Status SurveyParser::ReadHeader() {
  switch (reader_.Read()) {
    case CsvReader::Result::kEnd:
      return Error(1, 1, "the file is empty");
    case CsvReader::Result::kError:
      return Error(reader_.error().line, reader_.error().field,
                   reader_.error().what);
    case CsvReader::Result::kRecord:
      break;
  }
  header_line_ = reader_.record_line();
  absl::flat_hash_map<std::string, size_t> first_column;
  for (absl::string_view field : reader_.fields()) {
    const size_t column = header_.size() + 1;
    header_.emplace_back(TrimSpaces(field));
    lower_header_.push_back(absl::AsciiStrToLower(header_.back()));
    if (header_.back().empty()) {
      return Error(header_line_, column, "the header name is blank");
    }
    auto [it, inserted] = first_column.emplace(lower_header_.back(), column);
    if (!inserted) {
      return Error(header_line_, column,
                   absl::StrCat("the header name repeats column ", it->second,
                                " (names are compared ignoring case)"));
    }
  }
  return absl::OkStatus();
}

void SurveyParser::StageAnswer(size_t respondent, size_t outcome,
                               uint8_t importance, uint8_t satisfaction) {
  staged_respondents_.push_back(static_cast<uint32_t>(respondent));
  staged_outcomes_.push_back(static_cast<uint32_t>(outcome));
  staged_importance_.push_back(importance);
  staged_satisfaction_.push_back(satisfaction);
}

absl::Status SurveyParser::FlushAnswers() {
  if (staged_respondents_.empty()) return absl::OkStatus();
  AnswerBatch batch;
  batch.respondents = staged_respondents_;
  batch.outcomes = staged_outcomes_;
  batch.importance = staged_importance_;
  batch.satisfaction = staged_satisfaction_;
  // Ratings and repeats were checked row by row, so this cannot refuse;
  // should it ever, the file is still not read half-way.
  absl::Status status = study_.AddAnswers(batch);
  staged_respondents_.clear();
  staged_outcomes_.clear();
  staged_importance_.clear();
  staged_satisfaction_.clear();
  if (!status.ok()) {
    return absl::Status(status.code(),
                        absl::StrCat(source_, ": ", status.message()));
  }
  return absl::OkStatus();
}

absl::Status SurveyParser::ReadLong(size_t outcome_column,
                                    size_t importance_column,
                                    size_t satisfaction_column) {
  const ptrdiff_t found_respondent_column =
      FindFirstColumn({"respondent", "respondent_id", "id", "subject"});
  if (found_respondent_column < 0) {
    return Error(header_line_, 1,
                 "the long layout (outcome, importance, satisfaction) needs a "
                 "respondent column: respondent, respondent_id, id or "
                 "subject");
  }
  const size_t respondent_column = static_cast<size_t>(found_respondent_column);
  // Columns that describe the outcome, not the respondent: a long export
  // from a database often repeats the statement on every row.
  struct OutcomeTextColumn {
    ptrdiff_t column;
    const char* name;
    absl::Status (Study::*set)(size_t, std::string);
    std::string Outcome::*field;
  };
  const OutcomeTextColumn outcome_text_columns[] = {
      {FindColumn("statement"), "statement", &Study::SetOutcomeStatement,
       &Outcome::statement},
      {FindColumn("job_step"), "job step", &Study::SetOutcomeJobStep,
       &Outcome::job_step_id},
  };
  std::vector<size_t> attribute_columns;
  for (size_t i = 0; i < header_.size(); ++i) {
    const ptrdiff_t column = static_cast<ptrdiff_t>(i);
    if (i != respondent_column && i != outcome_column &&
        i != importance_column && i != satisfaction_column &&
        column != outcome_text_columns[0].column &&
        column != outcome_text_columns[1].column) {
      attribute_columns.push_back(i);
    }
  }
  const size_t attribute_count = attribute_columns.size();

  // Lines where each (respondent, outcome) was answered and where each
  // respondent's attribute was first given, 0 = not yet: the errors name
  // both lines.
  std::vector<std::vector<size_t>> answer_lines;
  // [outcome * 2 + k]: line where outcome_text_columns[k] was first given.
  std::vector<size_t> outcome_text_lines;
  std::vector<size_t> attribute_lines;  // [respondent * attribute_count + a]
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
    const std::vector<absl::string_view>& fields = reader_.fields();

    const absl::string_view respondent_id =
        TrimSpaces(fields[respondent_column]);
    if (respondent_id.empty()) {
      return Error(line, respondent_column + 1, "the respondent id is blank");
    }
    const absl::string_view outcome_id = TrimSpaces(fields[outcome_column]);
    if (outcome_id.empty()) {
      return Error(line, outcome_column + 1, "the outcome id is blank");
    }
    uint8_t importance;
    uint8_t satisfaction;
    if (!ParseRating(fields[importance_column], "importance", study_.scale(),
                     &importance, &problem)) {
      return Error(line, importance_column + 1, problem);
    }
    if (!ParseRating(fields[satisfaction_column], "satisfaction",
                     study_.scale(), &satisfaction, &problem)) {
      return Error(line, satisfaction_column + 1, problem);
    }

    size_t respondent;
    if (have_last_respondent && respondent_id == last_respondent_id) {
      respondent = last_respondent;
    } else {
      const ptrdiff_t known = study_.FindRespondent(respondent_id);
      if (known >= 0) {
        respondent = static_cast<size_t>(known);
      } else {
        absl::StatusOr<size_t> added =
            study_.AddRespondent(std::string(respondent_id));
        if (!added.ok())
          return Error(line, respondent_column + 1, added.status().message());
        respondent = *added;
        answer_lines.emplace_back();
        attribute_lines.resize(attribute_lines.size() + attribute_count, 0);
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

    std::vector<size_t>& lines = answer_lines[respondent];
    if (lines.size() <= outcome) lines.resize(outcome + 1, 0);
    if (lines[outcome] != 0) {
      return Error(
          line, outcome_column + 1,
          absl::StrCat("respondent ", respondent_id, " already rated outcome ",
                       outcome_id, " on line ", lines[outcome]));
    }
    lines[outcome] = line;

    for (size_t a = 0; a < attribute_count; ++a) {
      const size_t column = attribute_columns[a];
      const absl::string_view value = TrimSpaces(fields[column]);
      if (value.empty()) continue;  // blank never conflicts
      size_t& given_on = attribute_lines[respondent * attribute_count + a];
      if (given_on == 0) {
        absl::Status status = study_.SetAttribute(respondent, header_[column],
                                                  std::string(value));
        if (!status.ok()) return Error(line, column + 1, status.message());
        given_on = line;
        continue;
      }
      const absl::string_view earlier =
          study_.attribute(respondent, header_[column]);
      if (earlier != value) {
        return Error(
            line, column + 1,
            absl::StrCat("respondent ", respondent_id, " has ", header_[column],
                         " ", Quoted(earlier), " on line ", given_on, " but ",
                         Quoted(value), " here"));
      }
    }

    StageAnswer(respondent, outcome, importance, satisfaction);
    if (staged_respondents_.size() >= kAnswerBatchSize) {
      absl::Status status = FlushAnswers();
      if (!status.ok()) return status;
    }
  }
  if (rows == 0) return Error(header_line_, 1, kNoRows);
  return FlushAnswers();
}

absl::Status SurveyParser::ReadWide() {
  // Answer columns by outcome id in lower case (header names match ignoring
  // case; duplicates were refused, so the ids are unique that way too).
  absl::flat_hash_map<std::string, size_t> importance_by_id;
  absl::flat_hash_map<std::string, size_t> satisfaction_by_id;
  std::vector<size_t> importance_columns;  // in header order
  std::vector<bool> is_answer_column(header_.size(), false);
  for (size_t i = 0; i < header_.size(); ++i) {
    const bool importance = absl::StartsWith(lower_header_[i], "imp_");
    const bool satisfaction = absl::StartsWith(lower_header_[i], "sat_");
    if (!importance && !satisfaction) continue;
    is_answer_column[i] = true;
    if (header_[i].size() == 4) {
      return Error(header_line_, i + 1,
                   "the column names no outcome after its prefix");
    }
    std::string id = lower_header_[i].substr(4);
    if (importance) {
      importance_by_id.emplace(std::move(id), i);
      importance_columns.push_back(i);
    } else {
      satisfaction_by_id.emplace(std::move(id), i);
    }
  }

  // Pair the columns, reporting the leftmost one that has no partner.
  for (size_t i = 0; i < header_.size(); ++i) {
    if (!is_answer_column[i]) continue;
    const absl::string_view id = absl::string_view(header_[i]).substr(4);
    const std::string lower_id = lower_header_[i].substr(4);
    if (absl::StartsWith(lower_header_[i], "imp_")) {
      if (!satisfaction_by_id.contains(lower_id)) {
        return Error(header_line_, i + 1,
                     absl::StrCat("there is no sat_", id,
                                  " column to go with this importance column"));
      }
      continue;
    }
    if (importance_by_id.contains(lower_id)) continue;
    // sat_<solution>_<outcome id> rates a competing solution on a known
    // outcome (issue 3: competitor satisfaction). Not read yet; skipped so
    // that such files still score.
    bool competitor = false;
    for (const auto& [known_id, column] : importance_by_id) {
      if (lower_id.size() > known_id.size() + 1 &&
          absl::EndsWith(lower_id, known_id) &&
          lower_id[lower_id.size() - known_id.size() - 1] == '_') {
        competitor = true;
        break;
      }
    }
    if (!competitor) {
      return Error(header_line_, i + 1,
                   absl::StrCat("there is no imp_", id,
                                " column to go with this satisfaction column"));
    }
  }

  struct OutcomeColumns {
    size_t importance;
    size_t satisfaction;
  };
  std::vector<OutcomeColumns> outcome_columns;
  for (size_t column : importance_columns) {
    const std::string& lower_id = lower_header_[column];
    outcome_columns.push_back(
        {column, satisfaction_by_id.at(lower_id.substr(4))});
    absl::StatusOr<size_t> added =
        study_.AddOutcome(Outcome{header_[column].substr(4), "", ""});
    if (!added.ok()) {
      return Error(header_line_, column + 1, added.status().message());
    }
  }

  const ptrdiff_t respondent_column =
      FindFirstColumn({"respondent_id", "respondent", "id", "subject"});
  std::vector<size_t> attribute_columns;
  for (size_t i = 0; i < header_.size(); ++i) {
    if (!is_answer_column[i] &&
        static_cast<ptrdiff_t>(i) != respondent_column) {
      attribute_columns.push_back(i);
    }
  }

  const size_t outcome_count = outcome_columns.size();
  std::vector<uint8_t> importance(outcome_count);
  std::vector<uint8_t> satisfaction(outcome_count);
  std::vector<size_t> respondent_lines;  // by respondent index
  std::string problem;
  size_t row_number = 0;
  for (;;) {
    absl::StatusOr<bool> more = NextRow();
    if (!more.ok()) return more.status();
    if (!*more) break;
    ++row_number;
    const size_t line = reader_.record_line();
    const std::vector<absl::string_view>& fields = reader_.fields();

    std::string respondent_id;
    if (respondent_column >= 0) {
      const absl::string_view id = TrimSpaces(fields[respondent_column]);
      if (id.empty()) {
        return Error(line, respondent_column + 1, "the respondent id is blank");
      }
      respondent_id.assign(id.data(), id.size());
    } else {
      respondent_id = absl::StrCat(row_number);
    }

    for (size_t o = 0; o < outcome_count; ++o) {
      const OutcomeColumns& columns = outcome_columns[o];
      if (!ParseRating(fields[columns.importance], "importance", study_.scale(),
                       &importance[o], &problem)) {
        return Error(line, columns.importance + 1, problem);
      }
      if (!ParseRating(fields[columns.satisfaction], "satisfaction",
                       study_.scale(), &satisfaction[o], &problem)) {
        return Error(line, columns.satisfaction + 1, problem);
      }
    }

    const ptrdiff_t earlier = study_.FindRespondent(respondent_id);
    if (earlier >= 0) {
      return Error(line, respondent_column + 1,
                   absl::StrCat("respondent ", respondent_id,
                                " already has a row on line ",
                                respondent_lines[earlier]));
    }
    absl::StatusOr<size_t> added = study_.AddRespondent(respondent_id);
    if (!added.ok()) {
      return Error(line, respondent_column + 1, added.status().message());
    }
    const size_t respondent = *added;
    respondent_lines.push_back(line);

    for (size_t column : attribute_columns) {
      const absl::string_view value = TrimSpaces(fields[column]);
      if (value.empty()) continue;
      absl::Status status =
          study_.SetAttribute(respondent, header_[column], std::string(value));
      if (!status.ok()) return Error(line, column + 1, status.message());
    }

    // Every pair in the row is an answer, (0, 0) included, as a long file
    // has a row for it.
    for (size_t o = 0; o < outcome_count; ++o) {
      StageAnswer(respondent, o, importance[o], satisfaction[o]);
    }
    if (staged_respondents_.size() >= kAnswerBatchSize) {
      absl::Status status = FlushAnswers();
      if (!status.ok()) return status;
    }
  }
  if (row_number == 0) return Error(header_line_, 1, kNoRows);
  return FlushAnswers();
}

absl::StatusOr<Study> SurveyParser::Parse() {
  absl::Status status = ReadHeader();
  if (!status.ok()) return status;

  const ptrdiff_t outcome_column = FindColumn("outcome");
  const ptrdiff_t importance_column = FindColumn("importance");
  const ptrdiff_t satisfaction_column = FindColumn("satisfaction");
  const bool long_layout =
      outcome_column >= 0 && importance_column >= 0 && satisfaction_column >= 0;
  ptrdiff_t first_wide_column = -1;
  for (size_t i = 0; i < lower_header_.size(); ++i) {
    if (absl::StartsWith(lower_header_[i], "imp_") ||
        absl::StartsWith(lower_header_[i], "sat_")) {
      first_wide_column = static_cast<ptrdiff_t>(i);
      break;
    }
  }

  if (long_layout && first_wide_column >= 0) {
    status = Error(header_line_, first_wide_column + 1,
                   "a wide-layout answer column in a long-layout header "
                   "(outcome, importance, satisfaction); use one layout");
  } else if (long_layout) {
    status = ReadLong(outcome_column, importance_column, satisfaction_column);
  } else if (first_wide_column >= 0) {
    status = ReadWide();
  } else {
    status = Error(header_line_, 1, kNoAnswerColumns);
  }
  if (!status.ok()) return status;
  return std::move(study_);
}

}  // namespace

absl::StatusOr<Study> ReadSurveyCsv(absl::string_view data,
                                    absl::string_view source_name,
                                    const ReadOptions& options) {
  absl::Status scale_status = options.scale.Validate();
  if (!scale_status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(source_name, ": ", scale_status.message()));
  }
  SurveyParser parser(data, source_name, options.scale);
  return parser.Parse();
}

absl::StatusOr<Study> ReadSurveyCsvFile(const std::string& path,
                                        const ReadOptions& options) {
  absl::StatusOr<std::string> data = ReadWholeFile(path);
  if (!data.ok()) return data.status();
  return ReadSurveyCsv(*data, path, options);
}

}  // namespace jtbd
