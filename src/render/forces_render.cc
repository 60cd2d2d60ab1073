#include "render/forces_render.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "render/proto_json.h"
#include "render/table_text.h"

namespace jtbd {
namespace {

using render::CsvField;
using render::OneLine;
using render::Truncate;

std::string Interval(const v1::Interval& interval) {
  return absl::StrFormat("[%.2f, %.2f]", interval.low(), interval.high());
}

std::string Share(double share) {
  return absl::StrFormat("%.1f%%", 100 * share);
}

void AppendForceRows(
    const google::protobuf::RepeatedPtrField<v1::ForceSummary>& forces,
    std::string* out) {
  for (const v1::ForceSummary& force : forces) {
    absl::StrAppend(
        out,
        absl::StrFormat(
            "  %-8s %4u/%-4u %6s  %-14s", force.name(), force.mention_count(),
            force.interview_count(), Share(force.prevalence()),
            absl::StrFormat("[%s, %s]",
                            Share(force.prevalence_interval().low()),
                            Share(force.prevalence_interval().high()))));
    if (force.mention_count() == 0) {
      absl::StrAppend(out, "   -\n");
    } else if (force.has_mean_intensity_interval()) {
      absl::StrAppend(
          out, absl::StrFormat("  %4.2f %s\n", force.mean_intensity(),
                               Interval(force.mean_intensity_interval())));
    } else {
      absl::StrAppend(out,
                      absl::StrFormat("  %4.2f\n", force.mean_intensity()));
    }
  }
}

void AppendGroups(
    absl::string_view title,
    const google::protobuf::RepeatedPtrField<v1::ForceGroup>& groups,
    std::string* out) {
  for (const v1::ForceGroup& group : groups) {
    absl::StrAppend(out, "\n", title, " ", OneLine(group.value()), " (",
                    group.interview_count(), " interviews, ",
                    group.switched_count(), " switched)\n");
    AppendForceRows(group.forces(), out);
  }
}

const char* kForceHeader =
    "  force    mentioned  share  interval         mean intensity\n";

void AppendCoefficient(absl::string_view name, const v1::ModelCoefficient& c,
                       std::string* out) {
  absl::StrAppend(
      out, absl::StrFormat("  %-10s %+8.3f  (SE %.3f)  [%+.3f, %+.3f]\n", name,
                           c.estimate(), c.standard_error(), c.interval().low(),
                           c.interval().high()));
}

void AppendCsvRow(absl::string_view scope, absl::string_view group,
                  const v1::ForceSummary& force, std::string* out) {
  absl::StrAppend(
      out,
      absl::StrCat(scope, ",", CsvField(group), ",", force.name(), ",",
                   force.interview_count(), ",", force.mention_count(), ","),
      absl::StrFormat("%.6f,%.6f,%.6f,", force.prevalence(),
                      force.prevalence_interval().low(),
                      force.prevalence_interval().high()));
  if (force.mention_count() == 0) {
    absl::StrAppend(out, ",,\n");
  } else if (force.has_mean_intensity_interval()) {
    absl::StrAppend(out,
                    absl::StrFormat("%.6f,%.6f,%.6f\n", force.mean_intensity(),
                                    force.mean_intensity_interval().low(),
                                    force.mean_intensity_interval().high()));
  } else {
    absl::StrAppend(out, absl::StrFormat("%.6f,,\n", force.mean_intensity()));
  }
}

}  // namespace

absl::StatusOr<std::string> RenderForcesJson(const v1::ForcesReport& report) {
  return render::MessageJson(report, /*indented=*/true, "the forces report");
}

std::string RenderForcesTable(const v1::ForcesReport& report) {
  std::string out = absl::StrFormat(
      "Switching forces: %u interviews (%u switched, %u stayed), %u "
      "observations\n",
      report.interview_count(), report.switched_count(), report.stayed_count(),
      report.observation_count());
  absl::StrAppend(&out,
                  absl::StrFormat("Intervals at %g%%: share Wilson, mean "
                                  "intensity Student t (among the interviews "
                                  "that mention the force)\n\n",
                                  100 * report.confidence_level()));
  absl::StrAppend(&out, "All interviews\n", kForceHeader);
  AppendForceRows(report.forces(), &out);
  if (!report.segments().empty()) {
    AppendGroups(absl::StrCat(OneLine(report.segment_by()), " ="),
                 report.segments(), &out);
  }
  AppendGroups("Solution left:", report.left_solutions(), &out);
  AppendGroups("Solution hired:", report.hired_solutions(), &out);

  const v1::BalanceSummary& balance = report.balance();
  absl::StrAppend(&out, "\nBalance (push + pull - anxiety - habit)\n");
  absl::StrAppend(
      &out,
      absl::StrFormat("  mean %+.2f (switchers %+.2f, stayers %+.2f)\n",
                      balance.mean_balance(), balance.switcher_mean_balance(),
                      balance.stayer_mean_balance()));
  absl::StrAppend(
      &out,
      absl::StrFormat("  balance > 0: %u switched, %u stayed; balance <= 0: %u "
                      "switched, %u stayed\n",
                      balance.positive_switched_count(),
                      balance.positive_stayed_count(),
                      balance.non_positive_switched_count(),
                      balance.non_positive_stayed_count()));
  absl::StrAppend(
      &out, absl::StrFormat("  \"balance > 0\" agrees with the outcome in %s "
                            "[%s, %s]\n",
                            Share(balance.agreement()),
                            Share(balance.agreement_interval().low()),
                            Share(balance.agreement_interval().high())));

  if (!report.stage_durations().empty()) {
    absl::StrAppend(&out, "\nDays to the next dated stage\n",
                    "  stage             interviews  median  quartiles\n");
    for (const v1::StageDuration& stage : report.stage_durations()) {
      absl::StrAppend(
          &out, absl::StrFormat(
                    "  %-17s %10u  %6.1f  [%.1f, %.1f]\n", stage.name(),
                    stage.interview_count(), stage.median_days(),
                    stage.lower_quartile_days(), stage.upper_quartile_days()));
    }
  }
  if (!report.comparisons().empty()) {
    absl::StrAppend(
        &out,
        "\nSwitchers vs stayers (Mann-Whitney U, Holm over the "
        "four forces)\n",
        "  force    switchers  stayers      U       p  adjusted p\n");
    for (const v1::ForceComparison& c : report.comparisons()) {
      absl::StrAppend(
          &out, absl::StrFormat("  %-8s %9.2f %8.2f %6.1f %7.4f %11.4f\n",
                                c.name(), c.switcher_mean(), c.stayer_mean(),
                                c.mann_whitney_u(), c.p_value(),
                                c.adjusted_p_value()));
    }
  }
  if (report.has_model()) {
    const v1::PropensityReport& model = report.model();
    absl::StrAppend(
        &out,
        absl::StrFormat(
            "\nPropensity model: logit P(switch), L2 penalty %g (intercept "
            "not penalised)\n  cross-validated AUC %.3f (%u folds, seed %u), "
            "training AUC %.3f, Brier %.4f\n",
            model.fitted().l2_penalty(), model.auc(), model.folds(),
            model.seed(), model.training_auc(), model.brier_score()));
    absl::StrAppend(&out,
                    "  coefficient   estimate             interval "
                    "(penalised Hessian)\n");
    AppendCoefficient("intercept", model.intercept(), &out);
    AppendCoefficient("push", model.coefficients().push(), &out);
    AppendCoefficient("pull", model.coefficients().pull(), &out);
    AppendCoefficient("anxiety", model.coefficients().anxiety(), &out);
    AppendCoefficient("habit", model.coefficients().habit(), &out);
    absl::StrAppend(&out,
                    "  reliability (out of fold): predicted -> observed\n");
    for (const v1::ReliabilityBin& bin : model.reliability_bins()) {
      absl::StrAppend(
          &out, absl::StrFormat("    %.1f-%.1f  %4u interviews  %5.1f%% -> "
                                "%5.1f%%\n",
                                bin.lower(), bin.upper(), bin.interview_count(),
                                100 * bin.mean_predicted(),
                                100 * bin.observed_share()));
    }
  } else if (!report.model_note().empty()) {
    absl::StrAppend(&out, "\nPropensity model: none: ", report.model_note(),
                    "\n");
  }
  return out;
}

std::string RenderForcesCsv(const v1::ForcesReport& report) {
  std::string out =
      "scope,group,force,interviews,mentions,prevalence,prevalence_low,"
      "prevalence_high,mean_intensity,mean_intensity_low,mean_intensity_high\n";
  for (const v1::ForceSummary& force : report.forces()) {
    AppendCsvRow("all", "", force, &out);
  }
  const struct {
    const char* scope;
    const google::protobuf::RepeatedPtrField<v1::ForceGroup>* groups;
  } scopes[] = {{"segment", &report.segments()},
                {"solution_left", &report.left_solutions()},
                {"solution_hired", &report.hired_solutions()}};
  for (const auto& scope : scopes) {
    for (const v1::ForceGroup& group : *scope.groups) {
      for (const v1::ForceSummary& force : group.forces()) {
        AppendCsvRow(scope.scope, group.value(), force, &out);
      }
    }
  }
  return out;
}

absl::StatusOr<std::string> RenderForcePredictionsJson(
    const v1::ForcePredictions& predictions) {
  return render::MessageJson(predictions, /*indented=*/true,
                             "the force predictions");
}

std::string RenderForcePredictionsTable(
    const v1::ForcePredictions& predictions) {
  std::string out =
      "interview             P(switch)   push    pull   anxiety  habit  "
      "segment\n";
  for (const v1::ForcePrediction& p : predictions.predictions()) {
    absl::StrAppend(
        &out, absl::StrFormat(
                  "%-20s %9.1f%% %+6.2f  %+6.2f  %+6.2f  %+6.2f  %+6.2f\n",
                  Truncate(OneLine(p.interview_id()), 20),
                  100 * p.probability(), p.contributions().push(),
                  p.contributions().pull(), p.contributions().anxiety(),
                  p.contributions().habit(), p.segment_contribution()));
  }
  return out;
}

std::string RenderForcePredictionsCsv(const v1::ForcePredictions& predictions) {
  std::string out =
      "interview_id,probability,log_odds,push,pull,anxiety,habit,segment\n";
  for (const v1::ForcePrediction& p : predictions.predictions()) {
    absl::StrAppend(
        &out, CsvField(p.interview_id()),
        absl::StrFormat(",%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f\n",
                        p.probability(), p.log_odds(), p.contributions().push(),
                        p.contributions().pull(), p.contributions().anxiety(),
                        p.contributions().habit(), p.segment_contribution()));
  }
  return out;
}

}  // namespace jtbd
