#include "design/design_reader.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "design/design_csv.h"
#include "design/json_error_position.h"
#include "google/protobuf/util/json_util.h"
#include "io/source_position.h"

namespace jtbd {
namespace design {

DesignFormat DetectDesignFormat(absl::string_view data,
                                absl::string_view source_name) {
  if (absl::EndsWithIgnoreCase(source_name, ".json"))
    return DesignFormat::kJson;
  if (absl::EndsWithIgnoreCase(source_name, ".binpb") ||
      absl::EndsWithIgnoreCase(source_name, ".pb")) {
    return DesignFormat::kBinary;
  }
  for (char c : data) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return c == '{' ? DesignFormat::kJson : DesignFormat::kCsv;
  }
  return DesignFormat::kCsv;
}

absl::StatusOr<v1::StudyDesign> ParseDesign(absl::string_view data,
                                            absl::string_view source_name,
                                            DesignFormat format,
                                            const ResourceLimits& limits) {
  if (format == DesignFormat::kAuto) {
    format = DetectDesignFormat(data, source_name);
  }
  if (format == DesignFormat::kCsv) {
    return ReadDesignCsv(data, source_name, limits);
  }
  if (absl::Status size =
          CheckRequestBytes(data.size(), limits.max_request_bytes, source_name);
      !size.ok()) {
    return size;
  }
  v1::StudyDesign design;
  if (format == DesignFormat::kBinary) {
    if (!design.ParseFromArray(data.data(), static_cast<int>(data.size()))) {
      return absl::InvalidArgumentError(
          absl::StrCat(source_name, ": the ", data.size(),
                       " bytes are not a serialized jtbd.v1.StudyDesign"));
    }
  } else {
    if (absl::Status depth =
            CheckJsonDepth(data, limits.max_json_depth, source_name);
        !depth.ok()) {
      return depth;
    }
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = true;  // newer writers, older library
    const auto parsed = google::protobuf::util::JsonStringToMessage(
        google::protobuf::StringPiece(data.data(), data.size()), &design,
        options);
    if (!parsed.ok()) {
      // protobuf says what but not where: the scan finds the token.
      const absl::optional<JsonErrorPosition> at =
          LocateJsonError(data, v1::StudyDesign::descriptor());
      if (!at.has_value()) {
        return absl::InvalidArgumentError(absl::StrCat(
            source_name, ": not a jtbd.v1.StudyDesign in protobuf JSON: ",
            parsed.message().ToString()));
      }
      return SourcePositionError(
          source_name, at->line, at->column, at->field,
          absl::StrCat(at->what,
                       " (not a jtbd.v1.StudyDesign in protobuf "
                       "JSON: ",
                       parsed.message().ToString(), ")"));
    }
  }
  if (absl::Status checked = CheckDesign(source_name, &design); !checked.ok()) {
    return checked;
  }
  return design;
}

}  // namespace design
}  // namespace jtbd
