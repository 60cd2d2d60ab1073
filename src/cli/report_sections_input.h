// The other analyses `jtbd report` can add as sections, each computed by
// the entry point of its own command and nothing else: --interviews (the
// switching forces, forces::AnalyzeForces as `jtbd forces`), --previous
// (this survey compared with a previous wave, waves::CompareWaves as `jtbd
// compare PREVIOUS FILE`) and --initiatives with --budget (the chosen
// roadmap, roadmap::BuildRoadmap as `jtbd prioritize FILE INITIATIVES`, on
// the whole sample).
#ifndef JTBD_CLI_REPORT_SECTIONS_INPUT_H_
#define JTBD_CLI_REPORT_SECTIONS_INPUT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/optional.h"
#include "cli/report_input.h"
#include "jtbd/v1/forces.pb.h"
#include "jtbd/v1/roadmap.pb.h"
#include "jtbd/v1/waves.pb.h"
#include "visual/report_sections.h"

namespace jtbd {
namespace cli {

struct ReportSectionsArgs {
  std::string interviews_path;   // empty: no forces section
  std::string previous_path;     // empty: no wave changes
  std::string initiatives_path;  // empty: no roadmap
  absl::optional<double> budget;
  absl::optional<uint64_t> node_limit;
  absl::optional<double> time_limit;
  absl::optional<uint32_t> resamples;
};

// The flags above, each taking a value (for ExtraFlags::valued).
std::vector<std::string> ReportSectionsFlags();
// Applies one of them; returns a usage problem, empty when fine.
std::string ParseReportSectionsOption(const std::string& name,
                                      const std::string& value,
                                      ReportSectionsArgs* args);
// What the flags need together (--budget with --initiatives, no standard
// input read twice); a usage problem, empty when fine.
std::string CheckReportSectionsArgs(const ReportSectionsArgs& sections,
                                    const ReportInputArgs& input);
// The help lines of the flags.
const char* ReportSectionsHelp();

struct ReportSectionResults {
  absl::optional<v1::ForcesReport> forces;
  absl::optional<v1::WaveComparison> waves;
  absl::optional<v1::RoadmapReport> roadmap;
  // Pointers into this object, for visual::HtmlOptions.
  visual::ReportSections View() const;
};

// Runs the analyses asked for; a refusal names the file, line and column.
absl::StatusOr<ReportSectionResults> ComputeReportSections(
    const ReportSectionsArgs& sections, const ReportInputArgs& input);

}  // namespace cli
}  // namespace jtbd

#endif  // JTBD_CLI_REPORT_SECTIONS_INPUT_H_
