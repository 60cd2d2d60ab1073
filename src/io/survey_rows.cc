// What both row loops (long and wide) and the sinks share: the one reading
// of weight, duration and respondent id cells, and the batches of answers
// on their way to a Study.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/types/span.h"
#include "core/study.h"
#include "io/source_position.h"
#include "io/survey_parser.h"

namespace jtbd {

bool ParseWeightValue(absl::string_view text, double* weight) {
  return absl::SimpleAtod(text, weight) && std::isfinite(*weight) &&
         *weight > 0;
}

absl::Status ParseWeight(const SurveyHeader& header, const SurveyLayout& layout,
                         size_t line, absl::string_view cell, double* weight) {
  const size_t column = static_cast<size_t>(layout.weight_column) + 1;
  const absl::string_view text = TrimSpaces(cell);
  if (text.empty()) {
    return LayoutError(header, layout, line, column, "the weight is blank");
  }
  if (!ParseWeightValue(text, weight)) {
    return LayoutError(header, layout, line, column,
                       absl::StrCat("weight ", Quoted(text),
                                    " is not a finite number greater than 0"));
  }
  return absl::OkStatus();
}

absl::Status ParseDuration(const SurveyHeader& header,
                           const SurveyLayout& layout, size_t line,
                           absl::string_view cell, bool* known,
                           double* seconds) {
  const size_t column = static_cast<size_t>(layout.duration_column) + 1;
  const absl::string_view text = TrimSpaces(cell);
  *known = !text.empty();
  if (!*known) return absl::OkStatus();
  if (!absl::SimpleAtod(text, seconds) || !std::isfinite(*seconds) ||
      !(*seconds >= 0)) {
    return LayoutError(
        header, layout, line, column,
        absl::StrCat("duration ", Quoted(text),
                     " is not a number of seconds (at least 0)"));
  }
  return absl::OkStatus();
}

absl::Status BlankRespondentIdError(const SurveyHeader& header,
                                    const SurveyLayout& layout, size_t line) {
  return LayoutError(header, layout, line, layout.respondent_column + 1,
                     "the respondent id is blank");
}

absl::Status RepeatedRespondentError(const SurveyHeader& header,
                                     const SurveyLayout& layout, size_t line,
                                     absl::string_view id,
                                     size_t earlier_line) {
  return LayoutError(header, layout, line, layout.respondent_column + 1,
                     absl::StrCat("respondent ", id,
                                  " already has a row on line ", earlier_line));
}

void AnswerBatches::Grow() {
  const size_t size = std::max<size_t>(kAnswerBatchSize, 2 * staged_);
  respondents_.resize(size);
  outcomes_.resize(size);
  importance_.resize(size);
  satisfaction_.resize(size);
}

void AnswerBatches::StartRows(size_t outcome_count) {
  outcome_count_ = outcome_count;
  const size_t rows_per_batch = std::max<size_t>(
      1, kAnswerBatchSize / std::max<size_t>(1, outcome_count));
  const size_t capacity = rows_per_batch * outcome_count;
  respondents_.resize(capacity);
  outcomes_.resize(capacity);
  importance_.resize(capacity);
  satisfaction_.resize(capacity);
  for (size_t i = 0; i < capacity; ++i) {
    outcomes_[i] = static_cast<uint32_t>(i % outcome_count);
  }
}

absl::Status AnswerBatches::AddRow(size_t respondent, const uint8_t* importance,
                                   const uint8_t* satisfaction) {
  const size_t n = outcome_count_;
  // Straight into the study when it takes the row whole (it does for every
  // row it can refuse nothing of); else staged, and AddAnswers words why.
  if (study_->AddAnswerRow(respondent, absl::MakeConstSpan(importance, n),
                           absl::MakeConstSpan(satisfaction, n))) {
    return absl::OkStatus();
  }
  if (staged_ + n > respondents_.size()) {
    absl::Status status = Flush();
    if (!status.ok()) return status;
  }
  std::copy_n(importance, n, importance_.data() + staged_);
  std::copy_n(satisfaction, n, satisfaction_.data() + staged_);
  std::fill_n(respondents_.data() + staged_, n,
              static_cast<uint32_t>(respondent));
  staged_ += n;
  return absl::OkStatus();
}

absl::Status AnswerBatches::Flush() {
  if (staged_ == 0) return absl::OkStatus();
  AnswerBatch batch;
  batch.respondents = absl::MakeConstSpan(respondents_.data(), staged_);
  batch.outcomes = absl::MakeConstSpan(outcomes_.data(), staged_);
  batch.importance = absl::MakeConstSpan(importance_.data(), staged_);
  batch.satisfaction = absl::MakeConstSpan(satisfaction_.data(), staged_);
  staged_ = 0;
  // Ratings and repeats were checked row by row, so this cannot refuse;
  // should it ever, the file is still not read half-way.
  absl::Status status = study_->AddAnswers(batch);
  if (!status.ok()) {
    return absl::Status(status.code(),
                        absl::StrCat(source_, ": ", status.message()));
  }
  return absl::OkStatus();
}

}  // namespace jtbd
