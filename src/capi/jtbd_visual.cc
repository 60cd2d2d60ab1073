// Reports drawn for people: the landscape SVG and the HTML report
// (src/visual), the same renderers as `jtbd landscape` and `jtbd report`.
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "capi/capi_internal.h"
#include "jtbd/jtbd.h"
#include "visual/html_report.h"
#include "visual/landscape_svg.h"
#include "visual/messages.h"

using jtbd::capi::CheckNotNull;
using jtbd::capi::Guard;
using jtbd::capi::Publish;
using jtbd::capi::TextArgument;
using jtbd::visual::LandscapeOptions;

namespace {

static_assert(
    static_cast<int>(JTBD_LANDSCAPE_SERIES_AUTO) ==
            static_cast<int>(LandscapeOptions::Series::kAuto) &&
        static_cast<int>(JTBD_LANDSCAPE_SERIES_WHOLE_SAMPLE) ==
            static_cast<int>(LandscapeOptions::Series::kWholeSample) &&
        static_cast<int>(JTBD_LANDSCAPE_SERIES_SEGMENT) ==
            static_cast<int>(LandscapeOptions::Series::kOneSegment),
    "jtbd_landscape_series mirrors LandscapeOptions::Series");

struct VisualChoices {
  LandscapeOptions::Series series = LandscapeOptions::Series::kAuto;
  std::string segment;
  bool intervals = false;
  bool fragment = false;
  jtbd::visual::Language language = jtbd::visual::Language::kEnglish;
};

// The caller's options, checked: the size (convention 8; the struct is
// read, so only its first struct_size bytes), the series, the texts.
absl::StatusOr<VisualChoices> ChoicesOf(const char* fn,
                                        const jtbd_visual_options* options,
                                        bool default_intervals) {
  VisualChoices choices;
  choices.intervals = default_intervals;
  if (options == nullptr) return choices;
  if (options->struct_size < JTBD_VISUAL_OPTIONS_STRUCT_SIZE) {
    return absl::InvalidArgumentError(
        absl::StrCat(fn, ": options->struct_size is ", options->struct_size,
                     "; set it to sizeof(jtbd_visual_options) (",
                     sizeof(jtbd_visual_options),
                     "), at least JTBD_VISUAL_OPTIONS_STRUCT_SIZE (",
                     JTBD_VISUAL_OPTIONS_STRUCT_SIZE, ")"));
  }
  // Only the bytes the caller's struct has are read (a newer, larger
  // struct's extra fields are not this library's to know).
  jtbd_visual_options copy;
  std::memset(&copy, 0, sizeof(copy));
  std::memcpy(&copy, options,
              std::min<size_t>(options->struct_size, sizeof(copy)));
  options = &copy;
  if (options->series < JTBD_LANDSCAPE_SERIES_AUTO ||
      options->series > JTBD_LANDSCAPE_SERIES_SEGMENT) {
    return absl::InvalidArgumentError(
        absl::StrCat(fn, ": options->series is ", options->series,
                     " (expected a jtbd_landscape_series value, 0 to 2)"));
  }
  choices.series = static_cast<LandscapeOptions::Series>(options->series);
  JTBD_CAPI_ASSIGN_OR_RETURN(
      choices.segment, TextArgument(fn, "options->segment", options->segment,
                                    options->segment_len));
  choices.intervals = options->intervals != 0;
  choices.fragment = options->fragment != 0;
  JTBD_CAPI_ASSIGN_OR_RETURN(
      const std::string lang,
      TextArgument(fn, "options->lang", options->lang, options->lang_len));
  absl::StatusOr<jtbd::visual::Language> language =
      jtbd::visual::ParseLanguage(lang);
  if (!language.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(fn, ": options->lang: ", language.status().message()));
  }
  choices.language = *language;
  return choices;
}

// The caller's sections, checked (convention 8, as ChoicesOf); the
// results stay the caller's and are only read.
absl::StatusOr<jtbd::visual::ReportSections> SectionsOf(
    const char* fn, const jtbd_report_sections* sections) {
  jtbd::visual::ReportSections out;
  if (sections == nullptr) return out;
  if (sections->struct_size < JTBD_REPORT_SECTIONS_STRUCT_SIZE) {
    return absl::InvalidArgumentError(
        absl::StrCat(fn, ": sections->struct_size is ", sections->struct_size,
                     "; set it to sizeof(jtbd_report_sections) (",
                     sizeof(jtbd_report_sections),
                     "), at least JTBD_REPORT_SECTIONS_STRUCT_SIZE (",
                     JTBD_REPORT_SECTIONS_STRUCT_SIZE, ")"));
  }
  jtbd_report_sections copy;
  std::memset(&copy, 0, sizeof(copy));
  std::memcpy(&copy, sections,
              std::min<size_t>(sections->struct_size, sizeof(copy)));
  if (copy.forces != nullptr) out.forces = &copy.forces->report;
  if (copy.waves != nullptr) out.waves = &copy.waves->comparison;
  if (copy.roadmap != nullptr) out.roadmap = &copy.roadmap->report;
  return out;
}

}  // namespace

extern "C" {

jtbd_error* jtbd_report_render_landscape(const jtbd_report* report,
                                         const jtbd_visual_options* options,
                                         jtbd_buffer** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(const VisualChoices choices,
                               ChoicesOf(fn, options, false));
    LandscapeOptions landscape;
    landscape.series = choices.series;
    landscape.segment = choices.segment;
    landscape.intervals = choices.intervals;
    landscape.language = choices.language;
    auto buffer = std::make_unique<jtbd_buffer>();
    JTBD_CAPI_ASSIGN_OR_RETURN(buffer->bytes, jtbd::visual::RenderLandscapeSvg(
                                                  report->report, landscape));
    Publish(std::move(buffer), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_report_render_html(const jtbd_report* report,
                                    const jtbd_visual_options* options,
                                    jtbd_buffer** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(const VisualChoices choices,
                               ChoicesOf(fn, options, true));
    jtbd::visual::HtmlOptions html;
    html.intervals = choices.intervals;
    html.language = choices.language;
    html.fragment = choices.fragment;
    auto buffer = std::make_unique<jtbd_buffer>();
    JTBD_CAPI_ASSIGN_OR_RETURN(
        buffer->bytes, jtbd::visual::RenderHtmlReport(report->report, html));
    Publish(std::move(buffer), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_report_render_html_sections(
    const jtbd_report* report, const jtbd_visual_options* options,
    const jtbd_report_sections* sections, jtbd_buffer** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "report", report));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(const VisualChoices choices,
                               ChoicesOf(fn, options, true));
    if (choices.fragment) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn,
                       ": options->fragment: the sections belong to the "
                       "whole document; use jtbd_report_render_html for "
                       "a fragment"));
    }
    jtbd::visual::HtmlOptions html;
    html.intervals = choices.intervals;
    html.language = choices.language;
    JTBD_CAPI_ASSIGN_OR_RETURN(html.sections, SectionsOf(fn, sections));
    auto buffer = std::make_unique<jtbd_buffer>();
    JTBD_CAPI_ASSIGN_OR_RETURN(
        buffer->bytes, jtbd::visual::RenderHtmlReport(report->report, html));
    Publish(std::move(buffer), out);
    return absl::OkStatus();
  });
}

jtbd_error* jtbd_render_sections_html(const jtbd_visual_options* options,
                                      const jtbd_report_sections* sections,
                                      jtbd_buffer** out) {
  return Guard([&, fn = __func__]() -> absl::Status {
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "sections", sections));
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    JTBD_CAPI_ASSIGN_OR_RETURN(const VisualChoices choices,
                               ChoicesOf(fn, options, true));
    JTBD_CAPI_ASSIGN_OR_RETURN(const jtbd::visual::ReportSections drawn,
                               SectionsOf(fn, sections));
    if (drawn.forces == nullptr && drawn.waves == nullptr &&
        drawn.roadmap == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat(
          fn, ": sections has no forces, waves or roadmap to draw"));
    }
    auto buffer = std::make_unique<jtbd_buffer>();
    buffer->bytes = jtbd::visual::RenderSectionsPage(drawn, choices.language);
    Publish(std::move(buffer), out);
    return absl::OkStatus();
  });
}

}  // extern "C"
