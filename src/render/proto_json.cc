#include "render/proto_json.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/util/json_util.h"

namespace jtbd {
namespace render {

absl::StatusOr<std::string> MessageJson(
    const google::protobuf::Message& message, bool indented,
    absl::string_view what) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = indented;
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = false;  // lowerCamelCase
  options.always_print_enums_as_ints = false;  // "SEGMENT_FEATURE_..."
  std::string json;
  const google::protobuf::util::Status status =
      google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) {
    return absl::Status(static_cast<absl::StatusCode>(status.code()),
                        absl::StrCat("cannot render ", what, " as JSON: ",
                                     std::string(status.message())));
  }
  if (indented && (json.empty() || json.back() != '\n')) json.push_back('\n');
  return json;
}

}  // namespace render
}  // namespace jtbd
