#include "pipeline/wave_read.h"

#include <fstream>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "io/saved_file.h"
#include "pipeline/score_survey.h"
#include "pipeline/survey_read.h"

namespace jtbd {
namespace {

// Whether the input is a saved file: its first bytes only, so that a large
// survey file is not read twice (the survey reader maps it afterwards).
bool IsSavedFile(const InputSource& source) {
  if (source.kind() != InputSource::Kind::kFile) {
    return HasSavedFileSignature(source.bytes());
  }
  std::ifstream file(source.name(), std::ios::binary);
  char prefix[8] = {};
  file.read(prefix, sizeof(prefix));
  return HasSavedFileSignature(
      absl::string_view(prefix, static_cast<size_t>(file.gcount())));
}

absl::StatusOr<Aggregate> ReadSavedAggregate(const InputSource& source) {
  absl::StatusOr<std::string> bytes = ReadInputBytes(source);
  if (!bytes.ok()) return bytes.status();
  return ParseAggregateFile(*bytes, source.name());
}

}  // namespace

absl::StatusOr<Aggregate> ReadWave(const InputSource& given,
                                   const ReadOptions& read_options) {
  // Standard input is looked at, then read: keep it.
  std::string stdin_bytes;
  absl::StatusOr<InputSource> wave = Rereadable(given, &stdin_bytes);
  if (!wave.ok()) return wave.status();
  if (IsSavedFile(*wave)) return ReadSavedAggregate(*wave);
  return ReadSurveyAggregate(*wave, read_options);
}

absl::StatusOr<SegmentedAggregate> ReadSegmentedWave(
    const InputSource& given, const ReadOptions& read_options,
    absl::string_view segment_by) {
  std::string stdin_bytes;
  absl::StatusOr<InputSource> wave = Rereadable(given, &stdin_bytes);
  if (!wave.ok()) return wave.status();
  if (IsSavedFile(*wave)) {
    return absl::FailedPreconditionError(absl::StrCat(
        wave->name(),
        ": a saved aggregate keeps no respondent attributes, so it cannot be "
        "compared by segment (--segment-by \"",
        segment_by, "\"); give the survey itself"));
  }
  SurveyInspection inspection;
  absl::StatusOr<SegmentedAggregate> aggregates = ReadSurveySegmentedAggregate(
      *wave, read_options, segment_by, &inspection);
  if (!aggregates.ok() &&
      aggregates.status() == SegmentAttributeNotFoundError(
                                 segment_by, inspection.attributes_given)) {
    return SegmentColumnNotFoundError(wave->name(), segment_by,
                                      inspection.attributes_given);
  }
  return aggregates;
}

}  // namespace jtbd
