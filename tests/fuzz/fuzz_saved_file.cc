// Fuzzes saved files (io/saved_file.h): the same bytes as a study, an
// aggregate and a segment model file, and sealed (a valid header and
// checksums around the input) so that the fuzzer also reaches the content
// checks past the checksum. An accepted file re-saves to bytes that load to
// the same content; every refusal names the file.
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "fuzz_check.h"
#include "io/saved_file.h"

namespace {

constexpr absl::string_view kSource = "fuzz.jtbd";

template <typename Loaded, typename Parse, typename ToProto>
void CheckBytes(absl::string_view bytes, jtbd::SavedFileKind kind, Parse parse,
                ToProto to_proto) {
  absl::StatusOr<Loaded> loaded = parse(bytes, kSource);
  if (!loaded.ok()) {
    jtbd::fuzz::CheckRefusalNames(loaded.status(), kSource);
    return;
  }
  const auto proto = to_proto(*loaded);
  const std::string again =
      jtbd::EncodeSavedFile(kind, proto.SerializeAsString());
  absl::StatusOr<Loaded> reloaded = parse(again, kSource);
  JTBD_FUZZ_CHECK(reloaded.ok(), reloaded.status().ToString());
  jtbd::fuzz::CheckSameMessage(proto, to_proto(*reloaded),
                               "saved file round trip");
}

template <typename Loaded, typename Parse, typename ToProto>
void CheckKind(absl::string_view bytes, jtbd::SavedFileKind kind, Parse parse,
               ToProto to_proto) {
  CheckBytes<Loaded>(bytes, kind, parse, to_proto);
  CheckBytes<Loaded>(jtbd::EncodeSavedFile(kind, bytes), kind, parse, to_proto);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  CheckKind<jtbd::Study>(
      bytes, jtbd::SavedFileKind::kStudy, jtbd::ParseStudyFile,
      [](const jtbd::Study& study) { return study.ToProto(); });
  CheckKind<jtbd::Aggregate>(
      bytes, jtbd::SavedFileKind::kAggregate, jtbd::ParseAggregateFile,
      [](const jtbd::Aggregate& aggregate) { return aggregate.ToProto(); });
  CheckKind<jtbd::SegmentModel>(
      bytes, jtbd::SavedFileKind::kSegmentModel, jtbd::ParseSegmentModelFile,
      [](const jtbd::SegmentModel& model) { return model.ToProto(); });
  return 0;
}
