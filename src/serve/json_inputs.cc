#include "serve/json_inputs.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"

namespace jtbd {
namespace serve {
namespace {

// {"a": "...", "b": "..."}: what the messages show the body should be.
std::string Expected(const std::vector<std::string>& names) {
  std::vector<std::string> fields;
  for (const std::string& name : names) {
    fields.push_back(absl::StrCat("\"", name, "\": \"...\""));
  }
  return absl::StrCat("{", absl::StrJoin(fields, ", "), "}");
}

absl::Status TakeInput(const google::protobuf::Struct& body,
                       const std::string& name, std::string* bytes) {
  const std::string base64_name = name + "Base64";
  const auto text = body.fields().find(name);
  const auto base64 = body.fields().find(base64_name);
  const bool has_text = text != body.fields().end();
  const bool has_base64 = base64 != body.fields().end();
  if (has_text == has_base64) {
    return absl::InvalidArgumentError(absl::StrCat(
        "body: give ", name, " as \"", name, "\" (text) or as \"", base64_name,
        "\" (its bytes in base64), ", has_text ? "not both" : "one of them"));
  }
  const google::protobuf::Value& value =
      has_text ? text->second : base64->second;
  const std::string& field = has_text ? name : base64_name;
  if (value.kind_case() != google::protobuf::Value::kStringValue) {
    return absl::InvalidArgumentError(
        absl::StrCat("body: \"", field, "\" must be a string"));
  }
  if (has_text) {
    *bytes = value.string_value();
  } else if (!absl::Base64Unescape(value.string_value(), bytes)) {
    return absl::InvalidArgumentError(
        absl::StrCat("body: \"", field, "\" is not valid base64"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::map<std::string, std::string>> ReadJsonInputs(
    absl::string_view body, const std::vector<std::string>& names) {
  google::protobuf::Struct parsed;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(body.data(), body.size()), &parsed);
  if (!status.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("body: not a JSON object: ", status.message().ToString(),
                     " (expected ", Expected(names), ")"));
  }
  for (const auto& entry : parsed.fields()) {
    // A named reference, not a structured binding: clang 14 (the fuzz
    // build) cannot capture a binding in a lambda.
    const std::string& field = entry.first;
    const bool known = std::any_of(
        names.begin(), names.end(), [&field](const std::string& name) {
          return field == name || field == name + "Base64";
        });
    if (!known) {
      return absl::InvalidArgumentError(
          absl::StrCat("body: unknown field \"", field, "\" (expected ",
                       Expected(names), ", or a name + \"Base64\")"));
    }
  }
  std::map<std::string, std::string> inputs;
  for (const std::string& name : names) {
    absl::Status taken = TakeInput(parsed, name, &inputs[name]);
    if (!taken.ok()) return taken;
  }
  return inputs;
}

}  // namespace serve
}  // namespace jtbd
