#include "pipeline/survey_read.h"

#include <string>
#include <utility>

#include "io/outcome_descriptions.h"
#include "io/source_position.h"

namespace jtbd {
namespace {

template <typename Target>
absl::Status Describe(const InputSource& descriptions,
                      const ResourceLimits& limits, Target* target) {
  return ReadInput(
      descriptions,
      [&](const std::string& path) -> absl::Status {
        // Mapped, not copied: an oversized file is refused before it is
        // read.
        absl::StatusOr<FileBytes> data = FileBytes::Open(path);
        if (!data.ok()) return data.status();
        return ReadOutcomeDescriptionsCsv(data->bytes(), path, target, limits);
      },
      [&](absl::string_view data, const std::string& name) {
        return ReadOutcomeDescriptionsCsv(data, name, target, limits);
      });
}

}  // namespace

absl::StatusOr<Study> ReadSurveyStudy(const InputSource& survey,
                                      const ReadOptions& options,
                                      SurveyInspection* inspection) {
  return ReadInput(
      survey,
      [&](const std::string& path) {
        return ReadSurveyCsvFile(path, options, inspection);
      },
      [&](absl::string_view data, const std::string& name) {
        return ReadSurveyCsv(data, name, options, inspection);
      });
}

absl::StatusOr<Aggregate> ReadSurveyAggregate(const InputSource& survey,
                                              const ReadOptions& options,
                                              SurveyInspection* inspection) {
  return ReadInput(
      survey,
      [&](const std::string& path) {
        return ReadSurveyCsvFileAggregate(path, options, inspection);
      },
      [&](absl::string_view data, const std::string& name) {
        return ReadSurveyCsvAggregate(data, name, options, inspection);
      });
}

absl::StatusOr<SegmentedAggregate> ReadSurveySegmentedAggregate(
    const InputSource& survey, const ReadOptions& options,
    absl::string_view segment_by, SurveyInspection* inspection) {
  return ReadInput(
      survey,
      [&](const std::string& path) {
        return ReadSurveyCsvFileSegmentedAggregate(path, options, segment_by,
                                                   inspection);
      },
      [&](absl::string_view data, const std::string& name) {
        return ReadSurveyCsvSegmentedAggregate(data, name, options, segment_by,
                                               inspection);
      });
}

absl::Status DescribeOutcomes(const InputSource& descriptions,
                              const ResourceLimits& limits, Study* study) {
  return Describe(descriptions, limits, study);
}

absl::Status DescribeOutcomes(const InputSource& descriptions,
                              const ResourceLimits& limits,
                              Aggregate* aggregate) {
  return Describe(descriptions, limits, aggregate);
}

absl::Status DescribeOutcomes(const InputSource& descriptions,
                              const ResourceLimits& limits,
                              SegmentedAggregate* aggregates) {
  return Describe(descriptions, limits, aggregates);
}

}  // namespace jtbd
