// The summary of a report for a decision-maker, in plain words, as HTML
// (every figure from the report; every text escaped): the most underserved
// outcomes, the overserved ones, which segments differ from the rest and
// how (SegmentReport.more_underserved_outcome_ids and their comparisons),
// and how many bands the intervals cannot decide.
#ifndef JTBD_VISUAL_REPORT_SUMMARY_H_
#define JTBD_VISUAL_REPORT_SUMMARY_H_

#include <string>

#include "jtbd/v1/report.pb.h"
#include "visual/messages.h"

namespace jtbd {
namespace visual {

// How many underserved (and overserved) outcomes the summary names.
constexpr int kSummaryOutcomes = 5;

std::string SummaryHtml(const v1::Report& report, Language language);

// "statement (id)", or the id alone: how people are shown an outcome
// (escaped).
std::string OutcomeName(const v1::OutcomeScore& score);

// The opportunity as shown (three decimals for Olsen's 0-1 scores).
std::string OpportunityText(const v1::Report& report, Language language,
                            double value);

}  // namespace visual
}  // namespace jtbd

#endif  // JTBD_VISUAL_REPORT_SUMMARY_H_
