#include "cli/survey_input.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "core/scoring.h"
#include "io/rating_labels.h"

namespace jtbd {
namespace cli {

namespace {

// One line on stderr, rewritten in place: bytes and rows read, rate, time
// left. Shown only once a read has taken longer than the delay
// ($JTBD_PROGRESS_DELAY seconds, default 1), so quick reads print nothing.
class ProgressLine {
 public:
  explicit ProgressLine(std::string name) : name_(std::move(name)) {
    double delay = 1.0;
    const char* setting = std::getenv("JTBD_PROGRESS_DELAY");
    if (setting != nullptr && absl::SimpleAtod(setting, &delay) && delay >= 0) {
      delay_ = std::chrono::duration<double>(delay);
    } else {
      delay_ = std::chrono::duration<double>(1.0);
    }
  }

  void Update(const ReadProgress& progress) {
    const auto now = std::chrono::steady_clock::now();
    const std::chrono::duration<double> elapsed = now - start_;
    const bool done = progress.bytes_read >= progress.bytes_total;
    if (elapsed < delay_ && !(done && shown_)) return;
    if (!done && shown_ && now - last_ < std::chrono::milliseconds(100)) {
      return;
    }
    last_ = now;
    shown_ = true;
    const double seconds = std::max(elapsed.count(), 1e-6);
    const double rate = progress.bytes_read / seconds;
    const double left =
        rate > 0 ? (progress.bytes_total - progress.bytes_read) / rate : 0;
    std::fprintf(stderr,
                 "\rjtbd: reading %s: %.1f of %.1f MB, %zu rows, %.1f MB/s, "
                 "%.1f s left ",
                 name_.c_str(), progress.bytes_read / 1e6,
                 progress.bytes_total / 1e6, progress.rows, rate / 1e6, left);
    if (done) {
      std::fputs("\n", stderr);
      finished_ = true;
    }
    std::fflush(stderr);
  }

  // Ends a line left open by a read that failed half-way.
  void Close() {
    if (shown_ && !finished_) std::fputs("\n", stderr);
    finished_ = true;
  }

 private:
  std::string name_;
  std::chrono::duration<double> delay_;
  std::chrono::steady_clock::time_point start_ =
      std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_;
  bool shown_ = false;
  bool finished_ = false;
};

// One read per process: the line of the current one.
std::shared_ptr<ProgressLine>& CurrentProgress() {
  static auto* progress = new std::shared_ptr<ProgressLine>();
  return *progress;
}

// The limits every reading command takes, then those only requests have.
constexpr LimitKind kReadLimitKinds[] = {
    LimitKind::kRecordBytes,       LimitKind::kColumns,
    LimitKind::kOutcomes,          LimitKind::kRespondents,
    LimitKind::kRequestBytes,      LimitKind::kJsonDepth,
    LimitKind::kBootstrapResamples};
constexpr size_t kSurveyLimitCount = 6;

std::string LimitFlag(LimitKind kind) {
  std::string flag =
      absl::StrCat("--", LimitName(static_cast<int32_t>(kind)));  // max_...
  std::replace(flag.begin(), flag.end(), '_', '-');
  return flag;
}

// The kind of a --max-* flag; nullptr when it is none.
const LimitKind* FindLimitFlag(absl::string_view name,
                               bool with_request_limits) {
  const size_t count =
      with_request_limits ? std::size(kReadLimitKinds) : kSurveyLimitCount;
  for (size_t i = 0; i < count; ++i) {
    if (name == LimitFlag(kReadLimitKinds[i])) return &kReadLimitKinds[i];
  }
  return nullptr;
}

// 16 MiB, 1 GiB: bytes as a person reads them when they are whole units.
std::string ByteSize(uint64_t bytes) {
  if (bytes >= (uint64_t{1} << 30) && bytes % (uint64_t{1} << 30) == 0) {
    return absl::StrCat(bytes >> 30, " GiB");
  }
  if (bytes >= (uint64_t{1} << 20) && bytes % (uint64_t{1} << 20) == 0) {
    return absl::StrCat(bytes >> 20, " MiB");
  }
  return absl::StrCat(bytes);
}

}  // namespace

bool IsLimitFlag(absl::string_view name, bool with_request_limits) {
  return FindLimitFlag(name, with_request_limits) != nullptr;
}

std::string ParseLimitFlag(absl::string_view name, const std::string& value,
                           ResourceLimits* limits) {
  const LimitKind* kind = FindLimitFlag(name, /*with_request_limits=*/true);
  if (kind == nullptr) return absl::StrCat("unknown limit flag ", name);
  uint64_t limit = 0;
  if (!absl::SimpleAtoi(value, &limit) || limit == 0) {
    return absl::StrCat(name, " needs a whole number of at least 1, not \"",
                        value, "\"");
  }
  const absl::Status status =
      SetLimit(limits, static_cast<int32_t>(*kind), limit);
  return std::string(status.message());
}

std::string LimitFlagsHelp(const ResourceLimits& defaults,
                           bool with_request_limits) {
  std::string help = absl::StrCat(
      "  --max-record-bytes N     bytes of one CSV record (default: ",
      ByteSize(defaults.max_record_bytes),
      ")\n"
      "  --max-columns N          fields of one CSV record (default: ",
      defaults.max_columns,
      ")\n"
      "  --max-outcomes N         outcomes of one study (default: ",
      defaults.max_outcomes,
      ")\n"
      "  --max-respondents N      respondents of one study (default:\n"
      "                           ",
      defaults.max_respondents,
      ")\n"
      "  --max-request-bytes N    bytes of ",
      with_request_limits ? "a request body" : "a label map, survey map or",
      "\n"
      "                           ",
      with_request_limits ? "" : "--outcomes file ",
      "(default: ", ByteSize(defaults.max_request_bytes),
      ")\n"
      "  --max-json-depth N       nesting of JSON objects and arrays\n"
      "                           (default, and most: ",
      defaults.max_json_depth, ")\n");
  if (with_request_limits) {
    absl::StrAppend(
        &help,
        "  --max-bootstrap-resamples N\n"
        "                           bootstrap resamples a request may ask\n"
        "                           for, the default ",
        ScoringPlan::kDefaultBootstrapResamples,
        " included (default:\n"
        "                           ",
        defaults.max_bootstrap_resamples, "; at most ",
        ResourceLimits::kMaxBootstrapResamples, ")\n");
  }
  absl::StrAppend(&help,
                  "                           Over a limit: refused, naming "
                  "it\n"
                  "                           (docs/LIMITS.md)\n");
  return help;
}

bool IsSurveyInputFlag(absl::string_view name) {
  return name == "--input-format" || name == "--importance" ||
         name == "--satisfaction" || name == "--labels" || name == "--map" ||
         name == "--weight" || name == "--duration" ||
         IsLimitFlag(name, /*with_request_limits=*/false);
}

std::string ParseSurveyInputFlag(absl::string_view name,
                                 const std::string& value,
                                 SurveyInputArgs* args) {
  if (name == "--input-format") {
    if (!ParseInputFormat(value, &args->format)) {
      return absl::StrCat("unknown input format \"", value,
                          "\" (expected auto, long, wide, qualtrics, "
                          "surveymonkey, google-forms or typeform)");
    }
    return "";
  }
  if (IsLimitFlag(name, /*with_request_limits=*/false)) {
    return ParseLimitFlag(name, value, &args->limits);
  }
  if (value.empty()) {
    return absl::StrCat(name, " needs a ",
                        name == "--labels" || name == "--map" ? "file name"
                        : name == "--weight" || name == "--duration"
                            ? "column name"
                            : "question");
  }
  if (name == "--importance") {
    args->importance_questions.push_back(value);
  } else if (name == "--satisfaction") {
    args->satisfaction_questions.push_back(value);
  } else if (name == "--labels") {
    args->labels_path = value;
  } else if (name == "--map") {
    args->map_path = value;
  } else if (name == "--duration") {
    args->duration_column = value;
  } else {
    args->weight_column = value;
  }
  return "";
}

std::string CheckSurveyInputArgs(const SurveyInputArgs& args) {
  if (args.map_path.empty()) return "";
  if (args.format != InputFormat::kAuto) {
    return "--map already gives the layout; drop --input-format";
  }
  if (!args.importance_questions.empty() ||
      !args.satisfaction_questions.empty()) {
    return "--map already names the columns; drop --importance and "
           "--satisfaction";
  }
  if (!args.weight_column.empty()) {
    return "--map already names the weight column (weight_column); drop "
           "--weight";
  }
  if (!args.duration_column.empty()) {
    return "--map already names the duration column (duration_column); drop "
           "--duration";
  }
  return "";
}

absl::StatusOr<ReadOptions> MakeReadOptions(const SurveyInputArgs& args,
                                            const Scale& scale,
                                            absl::string_view input_name) {
  ReadOptions options;
  options.scale = scale;
  options.format = args.format;
  options.importance_questions = args.importance_questions;
  options.satisfaction_questions = args.satisfaction_questions;
  options.weight_column = args.weight_column;
  options.duration_column = args.duration_column;
  options.limits = args.limits;
  if (!args.labels_path.empty()) {
    absl::StatusOr<RatingLabels> labels =
        RatingLabels::ParseFile(args.labels_path, args.limits);
    if (!labels.ok()) return labels.status();
    options.labels = *std::move(labels);
  }
  if (!args.map_path.empty()) {
    absl::StatusOr<v1::SurveyMap> map =
        ReadSurveyMapFile(args.map_path, args.limits);
    if (!map.ok()) return map.status();
    options.survey_map = *std::move(map);
    options.survey_map_source = args.map_path;
  }
  if (isatty(STDERR_FILENO)) {
    auto progress = std::make_shared<ProgressLine>(std::string(input_name));
    CurrentProgress() = progress;
    options.progress = [progress](const ReadProgress& report) {
      progress->Update(report);
    };
  }
  return options;
}

InputSource SourceOf(const std::string& path) {
  return path == "-" ? InputSource::StandardInput() : InputSource::File(path);
}

void CloseProgress() {
  if (CurrentProgress() != nullptr) CurrentProgress()->Close();
}

}  // namespace cli
}  // namespace jtbd
