// The CSV half of interview_reader.h: one row per force observation.
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "forces/calendar_date.h"
#include "forces/force_names.h"
#include "forces/interview_reader.h"
#include "io/csv_reader.h"
#include "io/source_position.h"
#include "io/text_encoding.h"
#include "io/text_normalize.h"

namespace jtbd {
namespace forces {
namespace {

// The columns the reader knows; everything else is an attribute.
enum class Role {
  kAttribute,
  kInterview,
  kSwitched,
  kForce,
  kIntensity,
  kQuote,
  kSource,
  kMoment,
  kStage,
  kDate,
  kSolutionLeft,
  kSolutionHired,
};

// A header name compared without case, accents, and with spaces and
// hyphens as "_".
std::string HeaderKey(absl::string_view trimmed) {
  std::string key = NormalizeText(trimmed);
  for (char& c : key) {
    if (c == ' ' || c == '-') c = '_';
  }
  return key;
}

Role RoleOf(const std::string& key) {
  static const auto* const kRoles = new absl::flat_hash_map<std::string, Role>{
      {"interview", Role::kInterview},
      {"interview_id", Role::kInterview},
      {"entretien", Role::kInterview},
      {"id", Role::kInterview},
      {"switched", Role::kSwitched},
      {"outcome", Role::kSwitched},
      {"a_change", Role::kSwitched},
      {"force", Role::kForce},
      {"intensity", Role::kIntensity},
      {"intensite", Role::kIntensity},
      {"quote", Role::kQuote},
      {"citation", Role::kQuote},
      {"source", Role::kSource},
      {"moment", Role::kMoment},
      {"stage", Role::kStage},
      {"etape", Role::kStage},
      {"date", Role::kDate},
      {"solution_left", Role::kSolutionLeft},
      {"left", Role::kSolutionLeft},
      {"from", Role::kSolutionLeft},
      {"ancienne_solution", Role::kSolutionLeft},
      {"solution_hired", Role::kSolutionHired},
      {"hired", Role::kSolutionHired},
      {"to", Role::kSolutionHired},
      {"nouvelle_solution", Role::kSolutionHired},
  };
  const auto found = kRoles->find(key);
  return found == kRoles->end() ? Role::kAttribute : found->second;
}

struct InterviewState {
  size_t first_line = 0;
  size_t switched_line = 0;
  absl::flat_hash_map<std::string, size_t> value_lines;  // by column
  // Per stage: the line its date was given on (0: undated).
  absl::flat_hash_map<int, size_t> stage_lines;
};

class InterviewCsvParser {
 public:
  InterviewCsvParser(absl::string_view text, absl::string_view source,
                     const InterviewReadOptions& options)
      : reader_(text, CsvReader::DetectSeparator(text), options.limits),
        source_(source),
        require_outcome_(options.require_outcome) {}

  absl::StatusOr<v1::SwitchInterviews> Parse();

 private:
  absl::Status Error(size_t line, size_t column, absl::string_view what) const {
    const absl::string_view name = column != 0 && column <= header_.size()
                                       ? absl::string_view(header_[column - 1])
                                       : absl::string_view();
    return SourcePositionError(source_, line, column, name, what);
  }
  absl::Status ReaderError() const {
    const CsvError& error = reader_.error();
    return error.WithCode(
        SourcePositionError(source_, error.line, error.field, "", error.what));
  }
  absl::Status ReadHeader();
  absl::Status ReadRow(size_t line, absl::Span<const absl::string_view> fields);
  // The switched cell of a row: the interview's outcome, or a refusal when
  // it contradicts an earlier row.
  absl::Status ReadSwitched(size_t line, size_t switched_column,
                            absl::string_view switched, absl::string_view id,
                            v1::SwitchInterview* interview,
                            InterviewState* state);
  // Sets a single-valued text of the interview (a solution, an attribute),
  // refusing a different one.
  absl::Status SetOnce(size_t line, size_t column, absl::string_view value,
                       std::string* slot, InterviewState* state);
  absl::Status CheckTimelineOrder() const;

  CsvReader reader_;
  absl::string_view source_;
  bool require_outcome_;
  std::vector<std::string> header_;
  std::vector<Role> roles_;
  std::vector<int> column_of_role_ = std::vector<int>(12, -1);
  v1::SwitchInterviews interviews_;
  std::vector<InterviewState> states_;
  absl::flat_hash_map<std::string, size_t> index_of_;
  std::string normalized_;
};

absl::Status InterviewCsvParser::ReadHeader() {
  const CsvReader::Result result = reader_.Read();
  if (result == CsvReader::Result::kError) return ReaderError();
  if (result == CsvReader::Result::kEnd) {
    return SourcePositionError(source_, 0, 0, "", "the file is empty");
  }
  const size_t line = reader_.record_line();
  for (absl::string_view field : reader_.fields()) {
    header_.emplace_back(TrimSpaces(field));
  }
  for (size_t c = 0; c < header_.size(); ++c) {
    const Role role = RoleOf(HeaderKey(header_[c]));
    roles_.push_back(role);
    if (header_[c].empty()) {
      return Error(line, c + 1, "a column without a name");
    }
    if (role == Role::kAttribute) continue;
    int& column = column_of_role_[static_cast<int>(role)];
    if (column >= 0) {
      return Error(line, c + 1,
                   absl::StrCat("a second column for what column ", column + 1,
                                " (\"", header_[column], "\") holds"));
    }
    column = static_cast<int>(c);
  }
  if (column_of_role_[static_cast<int>(Role::kInterview)] < 0) {
    return Error(line, 0,
                 "no interview column (interview, interview_id, entretien or "
                 "id)");
  }
  if (require_outcome_ &&
      column_of_role_[static_cast<int>(Role::kSwitched)] < 0) {
    return Error(line, 0, "no switched column (switched, outcome or a_change)");
  }
  if ((column_of_role_[static_cast<int>(Role::kForce)] < 0) !=
      (column_of_role_[static_cast<int>(Role::kIntensity)] < 0)) {
    return Error(line, 0,
                 "a force column needs an intensity column and "
                 "the other way round");
  }
  return absl::OkStatus();
}

absl::Status InterviewCsvParser::SetOnce(size_t line, size_t column,
                                         absl::string_view value,
                                         std::string* slot,
                                         InterviewState* state) {
  if (value.empty()) return absl::OkStatus();
  if (slot->empty()) {
    *slot = std::string(value);
    state->value_lines[header_[column - 1]] = line;
    return absl::OkStatus();
  }
  if (*slot != value) {
    return Error(line, column,
                 absl::StrCat(Quoted(value), " differs from ", Quoted(*slot),
                              " given for this interview on line ",
                              state->value_lines[header_[column - 1]]));
  }
  return absl::OkStatus();
}

absl::Status InterviewCsvParser::ReadSwitched(
    size_t line, size_t switched_column, absl::string_view switched,
    absl::string_view id, v1::SwitchInterview* interview_ptr,
    InterviewState* state_ptr) {
  v1::SwitchInterview& interview = *interview_ptr;
  InterviewState& state = *state_ptr;
  NormalizeTextInto(switched, &normalized_);
  const std::optional<v1::SwitchOutcome> outcome = ParseSwitched(normalized_);
  if (!outcome) {
    return Error(line, switched_column,
                 absl::StrCat(Quoted(switched),
                              " is not a switched value (1/0, yes/no, "
                              "oui/non, switched/stayed)"));
  }
  if (interview.outcome() == v1::SWITCH_OUTCOME_UNSPECIFIED) {
    interview.set_outcome(*outcome);
    state.switched_line = line;
  } else if (interview.outcome() != *outcome) {
    return Error(
        line, switched_column,
        absl::StrCat(
            "interview ", Quoted(id), " is ",
            *outcome == v1::SWITCH_OUTCOME_SWITCHED ? "switched" : "stayed",
            " here but ",
            interview.outcome() == v1::SWITCH_OUTCOME_SWITCHED ? "switched"
                                                               : "stayed",
            " on line ", state.switched_line,
            " (switched must be the same on every row of "
            "an interview)"));
  }
  return absl::OkStatus();
}

absl::Status InterviewCsvParser::ReadRow(
    size_t line, absl::Span<const absl::string_view> fields) {
  if (fields.size() > header_.size()) {
    for (size_t c = header_.size(); c < fields.size(); ++c) {
      if (!TrimSpaces(fields[c]).empty()) {
        return Error(line, c + 1,
                     absl::StrCat("a value past the header's ", header_.size(),
                                  " columns"));
      }
    }
  }
  auto cell = [&](Role role) -> std::pair<absl::string_view, size_t> {
    const int column = column_of_role_[static_cast<int>(role)];
    if (column < 0 || static_cast<size_t>(column) >= fields.size()) {
      return {absl::string_view(), column < 0 ? 0 : column + 1};
    }
    return {TrimSpaces(fields[column]), static_cast<size_t>(column) + 1};
  };
  const auto [id, id_column] = cell(Role::kInterview);
  if (id.empty()) return Error(line, id_column, "no interview id");
  auto [found, inserted] =
      index_of_.try_emplace(std::string(id), states_.size());
  if (inserted) {
    v1::SwitchInterview* interview = interviews_.add_interviews();
    interview->set_id(std::string(id));
    states_.emplace_back();
    states_.back().first_line = line;
  }
  v1::SwitchInterview& interview =
      *interviews_.mutable_interviews(static_cast<int>(found->second));
  InterviewState& state = states_[found->second];

  const auto [switched, switched_column] = cell(Role::kSwitched);
  // Open interviews (require_outcome_ false) may leave it blank.
  if (!switched.empty() || require_outcome_) {
    if (switched.empty()) {
      return Error(line, switched_column, "no switched value");
    }
    if (absl::Status status = ReadSwitched(line, switched_column, switched, id,
                                           &interview, &state);
        !status.ok()) {
      return status;
    }
  }

  const auto [force_text, force_column] = cell(Role::kForce);
  const auto [intensity_text, intensity_column] = cell(Role::kIntensity);
  const auto [moment_text, moment_column] = cell(Role::kMoment);
  if (!force_text.empty()) {
    NormalizeTextInto(force_text, &normalized_);
    const std::optional<v1::Force> force = ParseForce(normalized_);
    if (!force) {
      return Error(line, force_column,
                   absl::StrCat("unknown force ", Quoted(force_text),
                                " (expected push, pull, anxiety, habit or "
                                "poussée, attraction, anxiété, habitude)"));
    }
    int intensity = 0;
    if (intensity_text.empty()) {
      return Error(line, intensity_column, "a force needs an intensity (1-5)");
    }
    if (!absl::SimpleAtoi(intensity_text, &intensity) || intensity < 1 ||
        intensity > 5) {
      return Error(line, intensity_column,
                   absl::StrCat("intensity ", Quoted(intensity_text),
                                " is off the scale (a whole number 1-5)"));
    }
    v1::ForceObservation* observation = interview.add_observations();
    observation->set_force(*force);
    observation->set_intensity(static_cast<uint32_t>(intensity));
    observation->set_quote(std::string(cell(Role::kQuote).first));
    observation->set_source(std::string(cell(Role::kSource).first));
    if (!moment_text.empty()) {
      NormalizeTextInto(moment_text, &normalized_);
      const std::optional<v1::ForceMoment> moment = ParseMoment(normalized_);
      if (!moment) {
        return Error(line, moment_column,
                     absl::StrCat("unknown moment ", Quoted(moment_text),
                                  " (expected choice or use, choix or "
                                  "usage)"));
      }
      observation->set_moment(*moment);
    }
  } else if (!intensity_text.empty()) {
    return Error(line, intensity_column, "an intensity without a force");
  } else if (!moment_text.empty()) {
    return Error(line, moment_column, "a moment without a force");
  }

  const auto [stage_text, stage_column] = cell(Role::kStage);
  const auto [date_text, date_column] = cell(Role::kDate);
  if (!stage_text.empty()) {
    NormalizeTextInto(stage_text, &normalized_);
    const std::optional<v1::TimelineStage> stage = ParseStage(normalized_);
    if (!stage) {
      return Error(line, stage_column,
                   absl::StrCat("unknown stage ", Quoted(stage_text),
                                " (expected first thought, passive looking, "
                                "active looking, deciding, first use or "
                                "ongoing use)"));
    }
    if (!date_text.empty() && !DaysFromIsoDate(date_text)) {
      return Error(line, date_column,
                   absl::StrCat(Quoted(date_text),
                                " is not a date (expected YYYY-MM-DD)"));
    }
    v1::TimelineEvent* event = nullptr;
    for (v1::TimelineEvent& existing : *interview.mutable_timeline_events()) {
      if (existing.stage() == *stage) event = &existing;
    }
    if (event == nullptr) {
      event = interview.add_timeline_events();
      event->set_stage(*stage);
    }
    if (!date_text.empty()) {
      if (event->date().empty()) {
        event->set_date(std::string(date_text));
        state.stage_lines[*stage] = line;
      } else if (event->date() != date_text) {
        return Error(line, date_column,
                     absl::StrCat("stage ", StageName(*stage), " is dated ",
                                  event->date(), " on line ",
                                  state.stage_lines[*stage]));
      }
    }
  } else if (!date_text.empty()) {
    return Error(line, date_column, "a date without a stage");
  }

  const auto [left, left_column] = cell(Role::kSolutionLeft);
  if (absl::Status status = SetOnce(line, left_column, left,
                                    interview.mutable_solution_left(), &state);
      !status.ok()) {
    return status;
  }
  const auto [hired, hired_column] = cell(Role::kSolutionHired);
  if (absl::Status status = SetOnce(line, hired_column, hired,
                                    interview.mutable_solution_hired(), &state);
      !status.ok()) {
    return status;
  }
  for (size_t c = 0; c < header_.size() && c < fields.size(); ++c) {
    if (roles_[c] != Role::kAttribute) continue;
    const absl::string_view value = TrimSpaces(fields[c]);
    if (value.empty()) continue;
    std::string& slot = (*interview.mutable_attributes())[header_[c]];
    if (absl::Status status = SetOnce(line, c + 1, value, &slot, &state);
        !status.ok()) {
      return status;
    }
  }
  return absl::OkStatus();
}

absl::Status InterviewCsvParser::CheckTimelineOrder() const {
  const int date_column = column_of_role_[static_cast<int>(Role::kDate)] + 1;
  for (int i = 0; i < interviews_.interviews_size(); ++i) {
    const v1::SwitchInterview& interview = interviews_.interviews(i);
    // The latest date of any earlier stage, and its stage.
    for (const v1::TimelineEvent& later : interview.timeline_events()) {
      if (later.date().empty()) continue;
      for (const v1::TimelineEvent& earlier : interview.timeline_events()) {
        if (earlier.date().empty() || earlier.stage() >= later.stage())
          continue;
        if (*DaysFromIsoDate(earlier.date()) > *DaysFromIsoDate(later.date())) {
          const auto line = states_[i].stage_lines.find(later.stage());
          return Error(
              line->second, date_column,
              absl::StrCat("interview ", Quoted(interview.id()), ": stage ",
                           StageName(later.stage()), " (", later.date(),
                           ") is dated before ", StageName(earlier.stage()),
                           " (", earlier.date(), ")"));
        }
      }
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::SwitchInterviews> InterviewCsvParser::Parse() {
  if (absl::Status status = ReadHeader(); !status.ok()) return status;
  for (;;) {
    const CsvReader::Result result = reader_.Read();
    if (result == CsvReader::Result::kError) return ReaderError();
    if (result == CsvReader::Result::kEnd) break;
    if (absl::Status status = ReadRow(reader_.record_line(), reader_.fields());
        !status.ok()) {
      return status;
    }
  }
  if (interviews_.interviews_size() == 0) {
    return SourcePositionError(source_, 0, 0, "",
                               "no interview (only a header)");
  }
  if (absl::Status status = CheckTimelineOrder(); !status.ok()) return status;
  return std::move(interviews_);
}

}  // namespace

absl::StatusOr<v1::SwitchInterviews> ReadInterviewsCsv(
    absl::string_view bytes, absl::string_view source_name,
    const InterviewReadOptions& options) {
  std::string storage;
  const absl::StatusOr<DecodedText> text =
      DecodeSurveyText(bytes, source_name, &storage);
  if (!text.ok()) return text.status();
  InterviewCsvParser parser(text->utf8, source_name, options);
  return parser.Parse();
}

}  // namespace forces
}  // namespace jtbd
