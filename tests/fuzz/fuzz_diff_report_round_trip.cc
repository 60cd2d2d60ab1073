// Differential: what jtbd writes, read back, is what it wrote. The first
// byte picks the input (bit 0: the rest is a binary jtbd.v1.Report, else a
// survey, layout detected, scored with bit 1: a bootstrap of 20 resamples,
// bit 2: segment_by "segment"); then
//  - the report serialized and parsed back is unchanged (binary protobuf,
//    and the bytes of a second serialization are the first's);
//  - the JSON the library writes (RenderJson, `jtbd score --format json`)
//    parses back (roadmap::ParseReportJson, `jtbd prioritize --report`)
//    to the same report;
//  - the saved-file envelope gives back the content it wrapped, and a
//    survey's study and aggregate survive their saved files.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/aggregate.h"
#include "core/study.h"
#include "fuzz_check.h"
#include "google/protobuf/util/field_comparator.h"
#include "google/protobuf/util/message_differencer.h"
#include "io/saved_file.h"
#include "io/survey_reader.h"
#include "jtbd/v1/report.pb.h"
#include "jtbd/v1/scoring.pb.h"
#include "render/report_render.h"
#include "roadmap/report_scores.h"

namespace {

// NaN compares equal to NaN here: a round trip must keep it, not turn it
// into a number. `equivalent`: a field left at its default equals one set
// to it (JSON writes -0.0 as 0, which proto3 then holds as unset).
void CheckSame(const google::protobuf::Message& expected,
               const google::protobuf::Message& actual, const char* oracle,
               bool equivalent = false) {
  google::protobuf::util::DefaultFieldComparator comparator;
  comparator.set_treat_nan_as_equal(true);
  google::protobuf::util::MessageDifferencer differencer;
  differencer.set_field_comparator(&comparator);
  if (equivalent) {
    differencer.set_message_field_comparison(
        google::protobuf::util::MessageDifferencer::EQUIVALENT);
  }
  std::string difference;
  differencer.ReportDifferencesToString(&difference);
  if (!differencer.Compare(expected, actual)) {
    jtbd::fuzz::Fail(__FILE__, __LINE__, oracle, difference);
  }
}

void CheckReportRoundTrips(const jtbd::v1::Report& report) {
  std::string bytes;
  JTBD_FUZZ_CHECK(report.SerializeToString(&bytes), "serialize");
  jtbd::v1::Report parsed;
  JTBD_FUZZ_CHECK(parsed.ParseFromString(bytes),
                  "oracle protobuf round trip: a written report does not "
                  "parse");
  CheckSame(report, parsed, "oracle protobuf round trip");
  std::string again;
  JTBD_FUZZ_CHECK(parsed.SerializeToString(&again) && again == bytes,
                  "oracle protobuf round trip: the bytes changed");

  // JSON carries no unknown fields.
  jtbd::v1::Report known = report;
  known.DiscardUnknownFields();
  absl::StatusOr<std::string> json = jtbd::RenderJson(known);
  JTBD_FUZZ_CHECK(json.ok(),
                  "oracle JSON round trip: the report does not "
                  "render: " +
                      json.status().ToString());
  absl::StatusOr<jtbd::v1::Report> from_json =
      jtbd::roadmap::ParseReportJson(*json, "report.json");
  JTBD_FUZZ_CHECK(from_json.ok(),
                  "oracle JSON round trip: the JSON written does not parse: " +
                      from_json.status().ToString() + "\n" + *json);
  CheckSame(known, *from_json, "oracle JSON round trip", true);
}

void CheckEnvelope(absl::string_view content) {
  const std::string file =
      jtbd::EncodeSavedFile(jtbd::SavedFileKind::kAggregate, content);
  absl::StatusOr<absl::string_view> back =
      jtbd::DecodeSavedFile(file, jtbd::SavedFileKind::kAggregate, "saved");
  JTBD_FUZZ_CHECK(back.ok(),
                  "oracle saved-file envelope: " + back.status().ToString());
  JTBD_FUZZ_CHECK(*back == content,
                  "oracle saved-file envelope: the content changed");
}

void CheckSavedFiles(const jtbd::Study& study) {
  const jtbd::v1::Study proto = study.ToProto();
  std::string content;
  JTBD_FUZZ_CHECK(proto.SerializeToString(&content), "serialize study");
  absl::StatusOr<jtbd::Study> loaded = jtbd::ParseStudyFile(
      jtbd::EncodeSavedFile(jtbd::SavedFileKind::kStudy, content), "study");
  JTBD_FUZZ_CHECK(loaded.ok(), "oracle study file round trip: " +
                                   loaded.status().ToString());
  CheckSame(proto, loaded->ToProto(), "oracle study file round trip");

  const jtbd::Aggregate aggregate = study.ToAggregate();
  absl::StatusOr<std::string> file = jtbd::EncodeAggregateFile(aggregate);
  JTBD_FUZZ_CHECK(file.ok(), file.status().ToString());
  absl::StatusOr<jtbd::Aggregate> parsed =
      jtbd::ParseAggregateFile(*file, "aggregate");
  JTBD_FUZZ_CHECK(parsed.ok(), "oracle aggregate file round trip: " +
                                   parsed.status().ToString());
  CheckSame(aggregate.ToProto(), parsed->ToProto(),
            "oracle aggregate file round trip");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t choice = data[0];
  const absl::string_view rest(reinterpret_cast<const char*>(data + 1),
                               size - 1);
  CheckEnvelope(rest);
  if (choice & 1) {
    jtbd::v1::Report report;
    if (!report.ParseFromArray(rest.data(), static_cast<int>(rest.size()))) {
      return 0;
    }
    CheckReportRoundTrips(report);
    return 0;
  }
  absl::StatusOr<jtbd::Study> study =
      jtbd::ReadSurveyCsv(rest, "survey", jtbd::ReadOptions());
  if (!study.ok()) return 0;
  CheckSavedFiles(*study);
  jtbd::v1::ScoringOptions options;
  options.set_bootstrap_resamples((choice & 2) ? 20 : 0);
  if (choice & 4) options.set_segment_by("segment");
  absl::StatusOr<jtbd::v1::Report> report = study->Score(options);
  if (!report.ok()) return 0;  // no segment column, say
  CheckReportRoundTrips(*report);
  return 0;
}
