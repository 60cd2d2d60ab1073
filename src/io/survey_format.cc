// Which export a survey file is: forced by the options, else detected from
// the names of its first header row.
#include <algorithm>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "io/survey_layout.h"
#include "io/survey_questions.h"

namespace jtbd {

namespace {

absl::StatusOr<v1::SurveyFormat> DetectFormat(const SurveyHeader& header,
                                              const SurveyLayout& layout) {
  auto has = [&](absl::string_view name) {
    return std::find(header.names.begin(), header.names.end(), name) !=
           header.names.end();
  };
  const std::string& first = header.names.front();
  if (has("respondent id") && has("collector id")) {
    return v1::SURVEY_FORMAT_SURVEYMONKEY;
  }
  if ((has("responseid") && (has("startdate") || has("recordeddate"))) ||
      (first == "startdate" && has("enddate"))) {
    return v1::SURVEY_FORMAT_QUALTRICS;
  }
  if (first == "v1" && has("v2")) return v1::SURVEY_FORMAT_QUALTRICS_LEGACY;
  if (first == "#") return v1::SURVEY_FORMAT_TYPEFORM;
  auto has_lower = [&](absl::string_view name) {
    return std::find(header.lower_names.begin(), header.lower_names.end(),
                     name) != header.lower_names.end();
  };
  if (has_lower("outcome") && has_lower("importance") &&
      has_lower("satisfaction")) {
    return v1::SURVEY_FORMAT_LONG;
  }
  for (const std::string& name : header.lower_names) {
    if (absl::StartsWith(name, "imp_") || absl::StartsWith(name, "sat_")) {
      return v1::SURVEY_FORMAT_WIDE;
    }
  }
  bool grid = false;
  for (const std::string& cell : header.rows[0].cells) {
    absl::string_view question;
    absl::string_view row;
    if (SplitGridTitle(cell, &question, &row)) grid = true;
  }
  if (grid || IsOneOf(first, kGoogleFormsTimestamps)) {
    return v1::SURVEY_FORMAT_GOOGLE_FORMS;
  }
  return LayoutError(header, layout, header.Line(0), 1, kUnknownLayout);
}

}  // namespace

int DefaultHeaderRows(v1::SurveyFormat format) {
  switch (format) {
    case v1::SURVEY_FORMAT_QUALTRICS:
      return 3;
    case v1::SURVEY_FORMAT_QUALTRICS_LEGACY:
    case v1::SURVEY_FORMAT_SURVEYMONKEY:
      return 2;
    default:
      return 1;
  }
}

absl::StatusOr<v1::SurveyFormat> SurveyFormatOf(const SurveyHeader& header,
                                                const ReadOptions& options,
                                                const SurveyLayout& layout) {
  switch (options.format) {
    case InputFormat::kLong:
      return v1::SURVEY_FORMAT_LONG;
    case InputFormat::kWide:
      return v1::SURVEY_FORMAT_WIDE;
    case InputFormat::kQualtrics:
      return header.names.front() == "v1" ? v1::SURVEY_FORMAT_QUALTRICS_LEGACY
                                          : v1::SURVEY_FORMAT_QUALTRICS;
    case InputFormat::kSurveyMonkey:
      return v1::SURVEY_FORMAT_SURVEYMONKEY;
    case InputFormat::kGoogleForms:
      return v1::SURVEY_FORMAT_GOOGLE_FORMS;
    case InputFormat::kTypeform:
      return v1::SURVEY_FORMAT_TYPEFORM;
    case InputFormat::kAuto:
      break;
  }
  return DetectFormat(header, layout);
}

}  // namespace jtbd
