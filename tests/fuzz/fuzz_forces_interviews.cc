// Fuzzes the switch interview reader (forces/interview_reader.h):
// ReadInterviewsCsv, all or nothing. What it accepts is what
// ValidateInterviews accepts, survives the protobuf round trip, and
// analyses (model included) without an internal error.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "forces/forces_analysis.h"
#include "forces/interview_reader.h"
#include "fuzz_check.h"
#include "jtbd/v1/forces.pb.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static constexpr absl::string_view kSource = "fuzz-interviews.csv";
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<jtbd::v1::SwitchInterviews> interviews =
      jtbd::forces::ReadInterviewsCsv(text, kSource);
  if (!interviews.ok()) {
    jtbd::fuzz::CheckRefusalNames(interviews.status(), kSource);
    return 0;
  }
  const absl::Status valid =
      jtbd::forces::ValidateInterviews(*interviews, "read");
  JTBD_FUZZ_CHECK(valid.ok(), valid.ToString());
  absl::StatusOr<jtbd::v1::SwitchInterviews> again =
      jtbd::forces::ParseInterviewsBinary(interviews->SerializeAsString(),
                                          "bytes");
  JTBD_FUZZ_CHECK(again.ok(), again.status().ToString());
  jtbd::fuzz::CheckSameMessage(*interviews, *again, "binary round trip");

  jtbd::forces::ForcesAnalysisOptions options;
  options.model.folds = 2;
  absl::StatusOr<jtbd::v1::ForcesReport> report =
      jtbd::forces::AnalyzeForces(*interviews, options);
  JTBD_FUZZ_CHECK(report.ok(), report.status().ToString());
  JTBD_FUZZ_CHECK(report->interview_count() ==
                      static_cast<uint32_t>(interviews->interviews_size()),
                  absl::StrCat(report->interview_count()));
  for (const jtbd::v1::ForceSummary& force : report->forces()) {
    JTBD_FUZZ_CHECK(force.prevalence() >= 0 && force.prevalence() <= 1,
                    absl::StrCat(force.prevalence()));
    JTBD_FUZZ_CHECK(
        force.mean_intensity() == 0 ||
            (force.mean_intensity() >= 1 && force.mean_intensity() <= 5),
        absl::StrCat(force.mean_intensity()));
  }
  JTBD_FUZZ_CHECK(report->has_model() != !report->model_note().empty(),
                  "a model or a note, never both or neither");
  if (report->has_model()) {
    JTBD_FUZZ_CHECK(report->model().auc() >= 0 && report->model().auc() <= 1,
                    absl::StrCat(report->model().auc()));
  }
  return 0;
}
