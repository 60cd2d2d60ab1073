// The long layout's own row loop: one row per (respondent, outcome), into
// a Study; a respondent's attributes, weight and duration repeat on each of
// its rows and must agree.
#include <cstddef>
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "core/outcome.h"
#include "core/resource_limits.h"
#include "core/study.h"
#include "io/source_position.h"
#include "io/survey_layout.h"
#include "io/survey_parser.h"

namespace jtbd {

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
  AnswerBatches batches(&study_, source_);

  for (;;) {
    absl::StatusOr<bool> more = NextRow();
    if (!more.ok()) return more.status();
    if (!*more) break;
    ++rows;
    const size_t line = reader_.record_line();
    const absl::Span<const absl::string_view> fields = reader_.fields();

    absl::StatusOr<absl::string_view> given_id =
        RespondentIdOf(header_, layout_, line, fields[respondent_column]);
    if (!given_id.ok()) return given_id.status();
    const absl::string_view respondent_id = *given_id;
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
        double weight = 0;
        absl::Status status =
            ParseWeight(header_, layout_, line, fields[column], &weight);
        if (!status.ok()) return status;
        status = study_.SetWeight(respondent, weight);
        if (!status.ok()) return Error(line, column + 1, status.message());
        weight_lines[respondent] = line;
      } else {
        double weight = 0;
        const absl::string_view text = TrimSpaces(fields[column]);
        // Read as the first row's was: an invalid weight differs from it.
        if (!ParseWeightValue(text, &weight) ||
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
      absl::Status status = ParseDuration(header_, layout_, line,
                                          fields[column], &known, &seconds);
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
      batches.Add(respondent, outcome, importance, satisfaction);
    }
    if (batches.Full()) {
      absl::Status status = batches.Flush();
      if (!status.ok()) return status;
    }
    ReportProgress(rows, false);
  }
  if (rows == 0)
    return Error(header_.Line(header_.rows.size() - 1), 1, kNoRows);
  absl::Status status = batches.Flush();
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

}  // namespace jtbd
