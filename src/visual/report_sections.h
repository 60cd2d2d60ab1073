// The sections of the other analyses a report may carry, each drawn from
// the result its own command computes (nothing recomputed here): the
// switching forces of interviews (`jtbd forces`, forces_section.cc), the
// changes since a previous wave (`jtbd compare`, waves_section.cc) and the
// chosen roadmap (`jtbd prioritize`, roadmap_section.cc). Every text is
// escaped (markup.h); every fixed text comes from messages.h.
#ifndef JTBD_VISUAL_REPORT_SECTIONS_H_
#define JTBD_VISUAL_REPORT_SECTIONS_H_

#include <string>

#include "jtbd/v1/forces.pb.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/roadmap.pb.h"
#include "jtbd/v1/waves.pb.h"
#include "visual/messages.h"

namespace jtbd {
namespace visual {

// The results to draw, not owned; a null one has no section.
struct ReportSections {
  const v1::ForcesReport* forces = nullptr;
  const v1::WaveComparison* waves = nullptr;
  const v1::RoadmapReport* roadmap = nullptr;
};

// Each section as one <section id="forces|waves|roadmap">. `report`, when
// not null, gives statements to outcomes the result names by id only.
std::string ForcesSectionHtml(const v1::ForcesReport& forces,
                              Language language);
std::string WavesSectionHtml(const v1::WaveComparison& waves,
                             const v1::Report* report, Language language);
std::string RoadmapSectionHtml(const v1::RoadmapReport& roadmap,
                               const v1::Report* report, Language language);

// One plain sentence per result for the summary (a <p> each).
std::string ForcesSummaryHtml(const v1::ForcesReport& forces,
                              Language language);
std::string WavesSummaryHtml(const v1::WaveComparison& waves,
                             Language language);
std::string RoadmapSummaryHtml(const v1::RoadmapReport& roadmap,
                               Language language);

// The job-map coverage of a report scored with a study design, as
// <section id="coverage">, and its summary sentence; empty without one.
std::string CoverageSectionHtml(const v1::Report& report, Language language);
std::string CoverageSummaryHtml(const v1::Report& report, Language language);

// Every present section, in the order above; and their summary sentences.
std::string SectionsHtml(const ReportSections& sections,
                         const v1::Report* report, Language language);
std::string SectionsSummaryHtml(const ReportSections& sections,
                                Language language);

// Shared by the sections: an interval "low–high" in a muted span; a p
// value ("< 0.001" below it); an amount of money or effort, whole when it
// is whole, else one decimal; an outcome's statement and id (escaped).
std::string IntervalSpan(Language language, double low, double high,
                         int decimals);
std::string PValueText(Language language, double p);
std::string AmountText(Language language, double value);
std::string OutcomeLabel(const std::string& outcome_id,
                         const std::string& statement,
                         const v1::Report* report);

}  // namespace visual
}  // namespace jtbd

#endif  // JTBD_VISUAL_REPORT_SECTIONS_H_
