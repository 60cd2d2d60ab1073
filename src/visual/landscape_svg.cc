#include "visual/landscape_svg.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"
#include "visual/label_placement.h"
#include "visual/markup.h"

namespace jtbd {
namespace visual {
namespace {

using G = LandscapeGeometry;
using Scores = google::protobuf::RepeatedPtrField<v1::OutcomeScore>;

constexpr double kMarkRadius = 6;
constexpr double kLabelFont = 11;
constexpr double kLabelHeight = 13;
// Statements up to this many code points label their marks directly;
// longer ones go to the numbered legend.
constexpr size_t kMaxInlineLabel = 32;
constexpr double kLegendLine = 15;
constexpr char kFontStack[] =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, "
    "'Liberation Sans', sans-serif";

// Okabe & Ito's palette, ordered so that the first colours stay apart for
// the common colour-vision deficiencies; yellow last (weak on white).
constexpr const char* kColours[8] = {"#0072B2", "#D55E00", "#009E73",
                                     "#CC79A7", "#E69F00", "#56B4E9",
                                     "#000000", "#F0E442"};

std::string P(double value) { return Fixed(value, 2); }

// Shapes centred on (0, 0), about 12 px across, one per series.
std::string ShapePath(size_t shape) {
  switch (shape % 8) {
    case 0:
      return "M-6 0a6 6 0 1 0 12 0a6 6 0 1 0-12 0Z";  // circle
    case 1:
      return "M-5-5h10v10h-10Z";  // square
    case 2:
      return "M0-6.5L6 4.5H-6Z";  // triangle up
    case 3:
      return "M0-7L7 0L0 7L-7 0Z";  // diamond
    case 4:
      return "M0 6.5L6-4.5H-6Z";  // triangle down
    case 5:
      return "M-6-3.5L-3.5-6L0-2.5L3.5-6L6-3.5L2.5 0L6 3.5L3.5 6L0 2.5"
             "L-3.5 6L-6 3.5L-2.5 0Z";  // cross
    case 6:
      return "M-2-6.5h4v4.5h4.5v4h-4.5v4.5h-4v-4.5h-4.5v-4h4.5Z";  // plus
    default: {
      std::string d;  // five-pointed star
      for (int k = 0; k < 10; ++k) {
        const double radius = k % 2 == 0 ? 7.0 : 3.0;
        const double angle = -M_PI / 2 + k * M_PI / 5;
        absl::StrAppend(&d, k == 0 ? "M" : "L", P(radius * std::cos(angle)),
                        " ", P(radius * std::sin(angle)));
      }
      return d + "Z";
    }
  }
}

// Series i: colour i, shape i; past eight, the shapes shift so that no two
// series share both.
const char* ColourOf(size_t series) { return kColours[series % 8]; }
size_t ShapeOf(size_t series) { return (series + series / 8) % 8; }

struct Series {
  std::string name;  // empty: all respondents
  const Scores* outcomes;
};

struct Mark {
  const v1::OutcomeScore* score;
  size_t series;
  int number;  // 1-based, the outcome's place in the whole-sample ranking
  double x;
  double y;
};

bool HasScores(const v1::OutcomeScore& score) {
  return score.importance_count() > 0 && score.satisfaction_count() > 0;
}

absl::Status CheckRange(const v1::OutcomeScore& score, double value) {
  if (!(value >= 0 && value <= 10)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "outcome \"", score.outcome_id(), "\": importance and satisfaction ",
        "must lie between 0 and 10 to be drawn, got ", value));
  }
  return absl::OkStatus();
}

// Words of `text` in lines of at most `width` pixels (a longer word stands
// alone on its line).
std::vector<std::string> Wrap(const std::string& text, double width) {
  std::vector<std::string> lines;
  std::string line;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    const std::string candidate = line.empty() ? word : line + " " + word;
    if (!line.empty() && TextWidth(candidate, kLabelFont) > width) {
      lines.push_back(line);
      line = word;
    } else {
      line = candidate;
    }
    start = end + 1;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::string Text(double x, double y, absl::string_view attributes,
                 absl::string_view escaped) {
  return absl::StrCat("<text x=\"", P(x), "\" y=\"", P(y), "\" ", attributes,
                      ">", escaped, "</text>\n");
}

std::string Line(double x1, double y1, double x2, double y2,
                 absl::string_view attributes) {
  return absl::StrCat("<line x1=\"", P(x1), "\" y1=\"", P(y1), "\" x2=\"",
                      P(x2), "\" y2=\"", P(y2), "\" ", attributes, "/>\n");
}

class LandscapeWriter {
 public:
  LandscapeWriter(const v1::Report& report, const LandscapeOptions& options)
      : report_(report),
        options_(options),
        messages_(MessagesFor(options.language)) {}

  absl::StatusOr<std::string> Write() {
    absl::Status status = CollectSeries();
    if (!status.ok()) return status;
    status = CollectMarks();
    if (!status.ok()) return status;
    PlaceMarkLabels();
    std::string body;
    WriteFrame(&body);
    WriteRegions(&body);
    if (options_.intervals) WriteWhiskers(&body);
    WriteMarks(&body);
    WriteLabels(&body);
    double y = G::Y(0) + 64;
    WriteSeriesLegend(&body, &y);
    WriteOutcomeLegend(&body, &y);
    WriteNotes(&body, &y);
    const double height = std::ceil(y + 8);
    std::string svg;
    if (!options_.embedded) {
      svg += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    }
    absl::StrAppend(
        &svg, "<svg",
        options_.embedded ? "" : " xmlns=\"http://www.w3.org/2000/svg\"",
        " class=\"jtbd-landscape\" viewBox=\"0 0 ", P(G::kWidth), " ",
        P(height), "\"");
    if (!options_.embedded) {
      absl::StrAppend(&svg, " width=\"", P(G::kWidth), "\" height=\"",
                      P(height), "\"");
    }
    // Inside a page several landscapes may sit together: no id to repeat.
    if (options_.embedded) {
      absl::StrAppend(&svg, " role=\"img\" aria-label=\"",
                      EscapeMarkup(Title()), "\"");
    } else {
      absl::StrAppend(&svg,
                      " role=\"img\" aria-labelledby=\"landscape-title\"");
    }
    absl::StrAppend(&svg, " font-family=\"", kFontStack, "\" font-size=\"",
                    P(kLabelFont), "\">\n");
    absl::StrAppend(&svg, "<title",
                    options_.embedded ? "" : " id=\"landscape-title\"", ">",
                    EscapeMarkup(Title()), "</title>\n");
    svg += body;
    svg += "</svg>\n";
    return svg;
  }

 private:
  std::string Title() const {
    std::string title = messages_.landscape_title;
    if (series_.size() == 1 && !series_[0].name.empty()) {
      absl::StrAppend(&title, " \xE2\x80\x94 ", series_[0].name);
    }
    return title;
  }

  absl::Status CollectSeries() {
    using SeriesKind = LandscapeOptions::Series;
    if (options_.series == SeriesKind::kOneSegment) {
      for (const v1::SegmentReport& segment : report_.segments()) {
        if (segment.name() == options_.segment) {
          series_.push_back(Series{segment.name(), &segment.outcomes()});
          return absl::OkStatus();
        }
      }
      return absl::NotFoundError(
          absl::StrCat("the report has no segment \"", options_.segment, "\""));
    }
    if (options_.series == SeriesKind::kAuto && report_.segments_size() > 0) {
      for (const v1::SegmentReport& segment : report_.segments()) {
        series_.push_back(Series{segment.name(), &segment.outcomes()});
      }
      return absl::OkStatus();
    }
    series_.push_back(Series{"", &report_.outcomes()});
    return absl::OkStatus();
  }

  absl::Status CollectMarks() {
    int number = 0;
    for (const v1::OutcomeScore& score : report_.outcomes()) {
      numbers_.emplace(score.outcome_id(), ++number);
    }
    for (size_t s = 0; s < series_.size(); ++s) {
      for (const v1::OutcomeScore& score : *series_[s].outcomes) {
        if (!HasScores(score)) {
          if (s == 0) not_drawn_.push_back(score.outcome_id());
          continue;
        }
        absl::Status status = CheckRange(score, score.importance());
        if (status.ok()) status = CheckRange(score, score.satisfaction());
        if (!status.ok()) return status;
        const auto found = numbers_.find(score.outcome_id());
        const int n = found == numbers_.end() ? ++number : found->second;
        marks_.push_back(Mark{&score, s, n, G::X(score.importance()),
                              G::Y(score.satisfaction())});
      }
    }
    // The most important first: they get the best label positions.
    std::stable_sort(marks_.begin(), marks_.end(),
                     [](const Mark& a, const Mark& b) {
                       return a.number != b.number ? a.number < b.number
                                                   : a.series < b.series;
                     });
    return absl::OkStatus();
  }

  // Fixed texts inside the plot that labels must not cover.
  std::vector<Box> Obstacles() const {
    std::vector<Box> boxes;
    for (const FixedText& text : fixed_texts_) boxes.push_back(text.box);
    return boxes;
  }

  struct FixedText {
    Box box;
    std::string svg;
  };

  void AddFixedText(double x, double y, const std::string& text,
                    double font_size, bool end_anchor,
                    absl::string_view attributes) {
    const double width = TextWidth(text, font_size);
    FixedText fixed;
    fixed.box =
        Box{end_anchor ? x - width : x, y - font_size, width, font_size * 1.3};
    fixed.svg =
        Text(x, y,
             absl::StrCat(end_anchor ? "text-anchor=\"end\" " : "",
                          "font-size=\"", P(font_size), "\" ", attributes),
             EscapeMarkup(text));
    fixed_texts_.push_back(std::move(fixed));
  }

  void PlaceMarkLabels() {
    AddFixedText(G::X(0.3), G::Y(9.4), messages_.overserved, 13, false,
                 "class=\"region-name\" font-weight=\"600\" fill=\"#6b6b6b\"");
    AddFixedText(G::X(9.8), G::Y(0.3), messages_.underserved, 13, true,
                 "class=\"region-name\" font-weight=\"600\" fill=\"#6b6b6b\"");
    AddFixedText(G::X(2.0), G::Y(0.3), messages_.appropriately_served, 11,
                 false,
                 "class=\"region-name\" font-weight=\"600\" fill=\"#8a8a8a\"");
    for (const int k : {10, 12, 15}) {
      const double s_end = std::min({20.0 - k, static_cast<double>(k), 10.0});
      AddFixedText(G::X(10) + 6, G::Y(s_end) + 4,
                   absl::Substitute(messages_.opportunity_line, k), 11, false,
                   "class=\"line-name\" fill=\"#555555\"");
    }
    const Box bounds{G::X(0), G::Y(10), G::kWidth - 4 - G::X(0), G::kPlot};
    // Direct labels: one series, every statement (or id) short, and room
    // for all of them.
    bool direct = series_.size() == 1;
    for (const Mark& mark : marks_) {
      if (!direct) break;
      // TextWidth at font size 1 is 0.6 x the code points.
      direct = TextWidth(DirectText(mark), 1) <= kMaxInlineLabel * 0.6 + 1e-9;
    }
    if (direct) {
      labels_ = Place(bounds, true);
      for (const PlacedLabel& label : labels_) direct = direct && label.placed;
    }
    numbered_ = !direct;
    if (numbered_) labels_ = Place(bounds, false);
  }

  std::string DirectText(const Mark& mark) const {
    return mark.score->statement().empty() ? mark.score->outcome_id()
                                           : mark.score->statement();
  }

  std::string LabelText(const Mark& mark) const {
    return numbered_ ? absl::StrCat(mark.number) : DirectText(mark);
  }

  std::vector<PlacedLabel> Place(const Box& bounds, bool direct) {
    std::vector<LabelRequest> requests;
    for (const Mark& mark : marks_) {
      const std::string text =
          direct ? DirectText(mark) : absl::StrCat(mark.number);
      requests.push_back(LabelRequest{
          mark.x, mark.y, TextWidth(text, kLabelFont) + 2, kLabelHeight});
    }
    return PlaceLabels(requests, kMarkRadius + 1, Obstacles(), bounds);
  }

  void WriteFrame(std::string* out) const {
    absl::StrAppend(out, "<rect class=\"background\" x=\"0\" y=\"0\" width=\"",
                    P(G::kWidth), "\" height=\"100%\" fill=\"#ffffff\"/>\n");
    absl::StrAppend(out, Text(16, 26,
                              "font-size=\"16\" font-weight=\"700\" "
                              "class=\"chart-title\"",
                              EscapeMarkup(Title())));
    // Regions, lightly shaded: overserved above the diagonal, underserved
    // past the opportunity-10 line.
    absl::StrAppend(out, "<path class=\"region overserved\" d=\"M", P(G::X(0)),
                    " ", P(G::Y(0)), "L", P(G::X(0)), " ", P(G::Y(10)), "L",
                    P(G::X(10)), " ", P(G::Y(10)), "Z\" fill=\"#f2f2f2\"/>\n");
    absl::StrAppend(out, "<path class=\"region underserved\" d=\"M", P(G::X(5)),
                    " ", P(G::Y(0)), "L", P(G::X(10)), " ", P(G::Y(0)), "L",
                    P(G::X(10)), " ", P(G::Y(10)), "Z\" fill=\"#fbeee6\"/>\n");
    for (int v = 0; v <= 10; ++v) {
      const std::string value = absl::StrCat(v);
      absl::StrAppend(out, Line(G::X(v), G::Y(0), G::X(v), G::Y(0) + 5,
                                absl::StrCat("class=\"tick\" data-axis=\"x\" "
                                             "data-value=\"",
                                             v, "\" stroke=\"#333333\"")));
      absl::StrAppend(
          out, Text(G::X(v), G::Y(0) + 18,
                    "text-anchor=\"middle\" class=\"tick-label\"", value));
      absl::StrAppend(out, Line(G::X(0) - 5, G::Y(v), G::X(0), G::Y(v),
                                absl::StrCat("class=\"tick\" data-axis=\"y\" "
                                             "data-value=\"",
                                             v, "\" stroke=\"#333333\"")));
      absl::StrAppend(out,
                      Text(G::X(0) - 8, G::Y(v) + 4,
                           "text-anchor=\"end\" class=\"tick-label\"", value));
      if (v > 0 && v < 10) {
        absl::StrAppend(out, Line(G::X(v), G::Y(0), G::X(v), G::Y(10),
                                  "class=\"grid\" stroke=\"#e3e3e3\""));
        absl::StrAppend(out, Line(G::X(0), G::Y(v), G::X(10), G::Y(v),
                                  "class=\"grid\" stroke=\"#e3e3e3\""));
      }
    }
    absl::StrAppend(out, "<rect class=\"plot-frame\" x=\"", P(G::X(0)),
                    "\" y=\"", P(G::Y(10)), "\" width=\"", P(G::kPlot),
                    "\" height=\"", P(G::kPlot),
                    "\" fill=\"none\" stroke=\"#333333\"/>\n");
    absl::StrAppend(out, Text(G::X(5), G::Y(0) + 40,
                              "text-anchor=\"middle\" font-size=\"13\" "
                              "font-weight=\"600\" class=\"axis-title\"",
                              EscapeMarkup(messages_.axis_importance)));
    absl::StrAppend(out, "<text class=\"axis-title\" transform=\"translate(22 ",
                    P(G::Y(5)),
                    ") rotate(-90)\" text-anchor=\"middle\" font-size=\"13\" "
                    "font-weight=\"600\">",
                    EscapeMarkup(messages_.axis_satisfaction), "</text>\n");
  }

  void WriteRegions(std::string* out) const {
    absl::StrAppend(out, Line(G::X(0), G::Y(0), G::X(10), G::Y(10),
                              "class=\"region-line\" data-line=\"diagonal\" "
                              "stroke=\"#333333\" stroke-width=\"1.5\""));
    static const char* const kDashes[3] = {"6 3", "3 3", "1.5 2.5"};
    int i = 0;
    for (const int k : {10, 12, 15}) {
      // I = (S + k) / 2 from S = 0 up to where it leaves the square or
      // meets the diagonal.
      const double s_end = std::min({20.0 - k, static_cast<double>(k), 10.0});
      absl::StrAppend(
          out, Line(G::X(k / 2.0), G::Y(0), G::X((s_end + k) / 2), G::Y(s_end),
                    absl::StrCat("class=\"region-line\" data-opportunity=\"", k,
                                 "\" stroke=\"#555555\" stroke-width=\"1.2\" "
                                 "stroke-dasharray=\"",
                                 kDashes[i++], "\"")));
    }
    absl::StrAppend(out, "<text class=\"line-name\" transform=\"translate(",
                    P(G::X(1.2)), " ", P(G::Y(1.2) - 6),
                    ") rotate(-45)\" fill=\"#555555\">I = S</text>\n");
    for (const FixedText& text : fixed_texts_) out->append(text.svg);
  }

  void WriteWhiskers(std::string* out) const {
    for (const Mark& mark : marks_) {
      const v1::OutcomeScore& score = *mark.score;
      const std::string attributes = absl::StrCat(
          "data-outcome-id=\"", EscapeMarkup(score.outcome_id()),
          "\" data-segment=\"", EscapeMarkup(series_[mark.series].name),
          "\" stroke=\"", ColourOf(mark.series), "\" stroke-width=\"1.2\"");
      if (score.has_importance_interval()) {
        const v1::Interval& interval = score.importance_interval();
        absl::StrAppend(
            out,
            Line(G::X(Clamp(interval.low())), mark.y,
                 G::X(Clamp(interval.high())), mark.y,
                 absl::StrCat("class=\"whisker\" data-axis=\"importance\" ",
                              attributes)));
      }
      if (score.has_satisfaction_interval()) {
        const v1::Interval& interval = score.satisfaction_interval();
        absl::StrAppend(
            out,
            Line(mark.x, G::Y(Clamp(interval.low())), mark.x,
                 G::Y(Clamp(interval.high())),
                 absl::StrCat("class=\"whisker\" data-axis=\"satisfaction\" ",
                              attributes)));
      }
    }
  }

  static double Clamp(double value) {
    return std::isfinite(value) ? std::min(10.0, std::max(0.0, value)) : 0;
  }

  void WriteMarks(std::string* out) const {
    for (const Mark& mark : marks_) {
      const v1::OutcomeScore& score = *mark.score;
      const std::string& segment = series_[mark.series].name;
      std::string tip = absl::StrCat(mark.number, ". ", score.outcome_id());
      if (!score.statement().empty())
        absl::StrAppend(&tip, " \xE2\x80\x94 ", score.statement());
      if (!segment.empty()) absl::StrAppend(&tip, " [", segment, "]");
      absl::StrAppend(&tip, ": I ",
                      Number(options_.language, score.importance(), 1), ", S ",
                      Number(options_.language, score.satisfaction(), 1));
      absl::StrAppend(out, "<g class=\"mark\" data-outcome-id=\"",
                      EscapeMarkup(score.outcome_id()), "\" data-segment=\"",
                      EscapeMarkup(segment), "\" transform=\"translate(",
                      P(mark.x), " ", P(mark.y), ")\"><path d=\"",
                      ShapePath(ShapeOf(mark.series)), "\" fill=\"",
                      ColourOf(mark.series),
                      "\" stroke=\"#1a1a1a\" stroke-width=\"0.8\"/><title>",
                      EscapeMarkup(tip), "</title></g>\n");
    }
  }

  void WriteLabels(std::string* out) const {
    for (size_t i = 0; i < marks_.size(); ++i) {
      const PlacedLabel& label = labels_[i];
      if (!label.placed) continue;
      const Mark& mark = marks_[i];
      if (label.leader) {
        const double x = std::min(std::max(mark.x, label.box.x),
                                  label.box.x + label.box.width);
        const double y = std::min(std::max(mark.y, label.box.y),
                                  label.box.y + label.box.height);
        absl::StrAppend(out, Line(mark.x, mark.y, x, y,
                                  "class=\"leader\" stroke=\"#777777\" "
                                  "stroke-width=\"0.7\""));
      }
      absl::StrAppend(
          out, Text(label.box.x + 1, label.box.y + kLabelHeight - 3,
                    absl::StrCat("class=\"label\" data-outcome-id=\"",
                                 EscapeMarkup(mark.score->outcome_id()),
                                 "\" data-segment=\"",
                                 EscapeMarkup(series_[mark.series].name),
                                 "\" stroke=\"#ffffff\" stroke-width=\"3\" "
                                 "paint-order=\"stroke\" fill=\"#1a1a1a\""),
                    EscapeMarkup(LabelText(mark))));
    }
  }

  void WriteSeriesLegend(std::string* out, double* y) const {
    if (series_.size() == 1 && series_[0].name.empty()) return;
    double x = 16;
    for (size_t s = 0; s < series_.size(); ++s) {
      const std::string name = series_[s].name;
      const double width = 22 + TextWidth(name, kLabelFont) + 18;
      if (x > 16 && x + width > G::kWidth - 16) {
        x = 16;
        *y += kLegendLine + 4;
      }
      absl::StrAppend(out, "<g class=\"series-key\" data-segment=\"",
                      EscapeMarkup(name), "\" transform=\"translate(", P(x + 7),
                      " ", P(*y - 4), ")\"><path d=\"", ShapePath(ShapeOf(s)),
                      "\" fill=\"", ColourOf(s),
                      "\" stroke=\"#1a1a1a\" stroke-width=\"0.8\"/></g>\n");
      absl::StrAppend(
          out, Text(x + 18, *y, "class=\"series-name\"", EscapeMarkup(name)));
      x += width;
    }
    *y += kLegendLine + 8;
  }

  void WriteOutcomeLegend(std::string* out, double* y) const {
    if (!numbered_) return;
    absl::StrAppend(out,
                    Text(16, *y, "font-weight=\"600\" class=\"legend-title\"",
                         EscapeMarkup(messages_.outcomes_legend)));
    *y += kLegendLine + 2;
    const bool one_series = series_.size() == 1;
    std::vector<const v1::OutcomeScore*> listed;
    for (const v1::OutcomeScore& score : report_.outcomes()) {
      if (HasScores(score) || !one_series) listed.push_back(&score);
    }
    // A segment drawn alone may have outcomes the whole sample lacks.
    for (const Mark& mark : marks_) {
      if (numbers_.count(mark.score->outcome_id()) == 0) {
        listed.push_back(mark.score);
      }
    }
    int number = 0;
    for (const v1::OutcomeScore* score : listed) {
      const auto found = numbers_.find(score->outcome_id());
      number = found == numbers_.end() ? number + 1 : found->second;
      if (one_series && !HasScores(*score)) continue;
      std::string entry = score->outcome_id();
      if (!score->statement().empty()) {
        absl::StrAppend(&entry, " \xE2\x80\x94 ", score->statement());
      }
      if (one_series) {
        absl::StrAppend(
            &entry, " (I ", Number(options_.language, score->importance(), 1),
            ", S ", Number(options_.language, score->satisfaction(), 1), ")");
      }
      const std::vector<std::string> lines = Wrap(entry, G::kWidth - 48 - 16);
      absl::StrAppend(out, "<text class=\"legend-entry\" data-outcome-id=\"",
                      EscapeMarkup(score->outcome_id()), "\" x=\"16\" y=\"",
                      P(*y), "\"><tspan font-weight=\"600\">", number,
                      "</tspan>");
      for (size_t i = 0; i < lines.size(); ++i) {
        absl::StrAppend(
            out, "<tspan x=\"44\"",
            i == 0 ? "" : absl::StrCat(" dy=\"", P(kLegendLine), "\""), ">",
            EscapeMarkup(lines[i]), "</tspan>");
      }
      out->append("</text>\n");
      *y += kLegendLine * static_cast<double>(lines.size());
    }
    *y += 6;
  }

  void WriteNotes(std::string* out, double* y) const {
    if (options_.intervals) {
      const std::string level = Percent(
          options_.language,
          report_.confidence_level() > 0 ? report_.confidence_level() : 0.95);
      absl::StrAppend(
          out, Text(16, *y, "class=\"note\" fill=\"#555555\"",
                    absl::Substitute(messages_.whiskers, EscapeMarkup(level))));
      *y += kLegendLine;
    }
    if (!not_drawn_.empty()) {
      std::string ids;
      for (const std::string& id : not_drawn_) {
        absl::StrAppend(&ids, ids.empty() ? "" : ", ", id);
      }
      for (const std::string& line :
           Wrap(absl::Substitute(messages_.not_drawn, ids), G::kWidth - 32)) {
        absl::StrAppend(out, Text(16, *y, "class=\"note\" fill=\"#555555\"",
                                  EscapeMarkup(line)));
        *y += kLegendLine;
      }
    }
  }

  const v1::Report& report_;
  const LandscapeOptions& options_;
  const Messages& messages_;
  std::vector<Series> series_;
  std::vector<Mark> marks_;
  absl::flat_hash_map<std::string, int> numbers_;
  std::vector<std::string> not_drawn_;
  std::vector<FixedText> fixed_texts_;
  std::vector<PlacedLabel> labels_;
  bool numbered_ = false;
};

}  // namespace

absl::StatusOr<std::string> RenderLandscapeSvg(
    const v1::Report& report, const LandscapeOptions& options) {
  return LandscapeWriter(report, options).Write();
}

}  // namespace visual
}  // namespace jtbd
