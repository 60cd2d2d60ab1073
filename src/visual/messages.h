// Every fixed text of the landscape and the HTML report, one table per
// language, and numbers written as readers of that language write them
// (English "1,234.5"; French "1 234,5" with a narrow no-break space).
// Templates use absl::Substitute's $0, $1...; what is substituted is already
// escaped by the caller.
#ifndef JTBD_VISUAL_MESSAGES_H_
#define JTBD_VISUAL_MESSAGES_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "jtbd/v1/report.pb.h"

namespace jtbd {
namespace visual {

enum class Language { kEnglish, kFrench };

// "en" (and "") → English, "fr" → French; anything else INVALID_ARGUMENT.
absl::StatusOr<Language> ParseLanguage(absl::string_view code);
// "en", "fr": the HTML lang attribute.
const char* LanguageCode(Language language);

struct Messages {
  // Landscape.
  const char* landscape_title;
  const char* axis_importance;
  const char* axis_satisfaction;
  const char* overserved;
  const char* underserved;
  const char* appropriately_served;
  const char* opportunity_line;  // $0: 10, 12, 15
  const char* all_respondents;
  const char* outcomes_legend;
  const char* not_drawn;  // $0: the outcome ids
  const char* whiskers;   // $0: the confidence level in percent
  // HTML report.
  const char* report_title;
  const char* report_meta;  // $0 respondents, $1 scale, $2 top box, $3 level
  const char* summary;
  const char* summary_underserved;
  const char* summary_no_underserved;
  const char* summary_overserved;
  const char* summary_no_overserved;
  const char* summary_segment;  // $0 segment, $1 respondents
  const char* summary_segments_same;
  const char* summary_segment_same;  // $0 segment
  const char* summary_uncertain;     // $0 count
  const char* opportunity_word;
  const char* ranked_title;
  const char* column_rank;
  const char* column_outcome;
  const char* column_importance;
  const char* column_satisfaction;
  const char* column_opportunity;
  const char* column_band;
  const char* column_answers;
  const char* segments_title;
  const char* segment_heading;  // $0 name, $1 respondents, $2 rest
  const char* segment_top;
  const char* segment_more_underserved;
  const char* segment_none_more_underserved;
  const char* column_rest;
  const char* column_difference;
  const char* column_adjusted_p;
  const char* competitors_title;
  const char* column_ours;
  const char* column_best;
  const char* column_gap;
  const char* screening_title;
  const char* screening_text;  // $0 flagged, $1 screened, $2 straight-lining,
                               // $3 speeding, $4 blanks
  const char* screening_excluded;
  const char* screening_kept;
  const char* warnings_title;
  const char* no_warnings;
  const char* warning_small_sample;     // $0 what, $1 effective count
  const char* warning_band_uncertain;   // $0 what
  const char* warning_no_structure;     // $0 silhouette
  const char* warning_screening_many;   // $0 share in percent
  const char* warning_other;            // $0 what
  const char* what_outcome;             // $0 outcome id
  const char* what_outcome_in_segment;  // $0 outcome id, $1 segment
  const char* what_segment;             // $0 segment
  const char* what_whole_sample;
  const char* method_note;  // $0 level
  const char* generated_by;
  // Band names for people, indexed by v1::Band (0..7).
  const char* bands[8];
};

const Messages& MessagesFor(Language language);

// The sections of the other analyses a report may carry (report_sections.h):
// switching forces, changes since the previous wave, the chosen roadmap,
// and their sentences in the summary.
struct SectionMessages {
  // Forces.
  const char* forces_title;
  const char* forces_intro;  // $0 interviews, $1 switched, $2 stayed, $3 level
  const char* force_names[5];  // indexed by v1::Force
  const char* column_force;
  const char* column_mentioned;
  const char* column_intensity;
  const char* column_switchers;
  const char* column_stayers;
  const char* forces_note;
  const char* forces_balance;  // $0 agreement, $1 low, $2 high
  const char* model_title;
  const char* model_quality;  // $0 quality words, $1 AUC, $2 folds, $3 Brier
  const char* model_quality_words[4];  // chance, weakly, fairly well, well
  const char* model_none;              // $0 why
  const char* column_weight;
  const char* column_reading;
  const char* effect_up;
  const char* effect_down;
  const char* effect_unclear;
  // Wave changes.
  const char* waves_title;
  const char* waves_intro;  // $0 previous, $1 this wave, $2 changed, $3 of,
                            // $4 tests
  const char* waves_intro_one;  // the same, when one outcome changed
  const char* waves_none;
  const char* waves_note;
  const char* column_bands;
  const char* waves_one_wave;  // $0 outcome ids
  // Roadmap.
  const char* roadmap_title;
  const char* roadmap_intro;  // $0 budget, $1 count, $2 cost, $3 value
  const char* roadmap_none;   // $0 budget
  const char* roadmap_optimal;
  const char* roadmap_not_optimal;  // $0 gap
  const char* roadmap_stability;    // $0 redraws, $1 share
  const char* column_initiative;
  const char* column_cost;
  const char* column_marginal;
  const char* column_chosen_share;
  const char* roadmap_outcomes;
  const char* column_before;
  const char* column_after;
  const char* column_closed;
  const char* column_by;
  // Summary sentences.
  const char* summary_forces;  // $0 switched, $1 interviews, $2 agreement
  const char* summary_waves;   // $0 changed outcomes
  const char* summary_waves_one;
  const char* summary_waves_none;
  const char* summary_roadmap;  // $0 initiatives, $1 cost, $2 value
  const char* summary_roadmap_none;
};

const SectionMessages& SectionMessagesFor(Language language);

// Fixed texts of the job-map coverage section (coverage_section.cc).
struct CoverageMessages {
  const char* title;
  const char* intro;  // $0 steps, $1 outcomes, $2 steps without an outcome
  const char* job;    // $0 the job statement
  const char* step_names[9];  // indexed by v1::UniversalStep (0: unused)
  const char* column_step;
  const char* column_outcomes;
  const char* column_scored;
  const char* column_underserved;
  const char* column_overserved;
  const char* column_excess;
  const char* column_highest;
  const char* column_reading;
  const char* reading_none;
  const char* reading_all_underserved;
  const char* reading_all_overserved;
  const char* reading_most;
  const char* most;  // $0 step, $1 excess, $2 highest opportunity
  const char* most_none;
  const char* unassigned;  // $0 outcome ids
  const char* unscored;    // $0 outcome ids
  const char* note;
  const char* summary;          // $0 step, $1 steps without an outcome
  const char* summary_no_most;  // $0 steps without an outcome
};

const CoverageMessages& CoverageMessagesFor(Language language);

// The band of an outcome in `language` ("–" when not computed).
std::string BandText(Language language, v1::Band band);

// `value` with `decimals` decimals in the language's notation.
std::string Number(Language language, double value, int decimals);
// A whole count with the language's thousands separator.
std::string Count(Language language, uint64_t value);
// A share (0.95) as a percentage ("95%", French "95 %"), up to one decimal.
std::string Percent(Language language, double share);

}  // namespace visual
}  // namespace jtbd

#endif  // JTBD_VISUAL_MESSAGES_H_
