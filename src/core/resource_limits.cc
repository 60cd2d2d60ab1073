#include "core/resource_limits.h"

#include <cstddef>
#include <string>

#include "absl/strings/str_cat.h"

namespace jtbd {

namespace {

struct LimitInfo {
  LimitKind kind;
  const char* name;       // the ResourceLimits field
  const char* enum_name;  // jtbd.h
  const char* flag;       // the CLI's, or nullptr
  uint64_t ResourceLimits::*field;
};

constexpr LimitInfo kLimits[] = {
    {LimitKind::kRecordBytes, "max_record_bytes", "JTBD_LIMIT_RECORD_BYTES",
     "--max-record-bytes", &ResourceLimits::max_record_bytes},
    {LimitKind::kColumns, "max_columns", "JTBD_LIMIT_COLUMNS", "--max-columns",
     &ResourceLimits::max_columns},
    {LimitKind::kOutcomes, "max_outcomes", "JTBD_LIMIT_OUTCOMES",
     "--max-outcomes", &ResourceLimits::max_outcomes},
    {LimitKind::kRespondents, "max_respondents", "JTBD_LIMIT_RESPONDENTS",
     "--max-respondents", &ResourceLimits::max_respondents},
    {LimitKind::kRequestBytes, "max_request_bytes", "JTBD_LIMIT_REQUEST_BYTES",
     "--max-request-bytes", &ResourceLimits::max_request_bytes},
    // Only ever lowered (kLargestMaxJsonDepth is the default).
    {LimitKind::kJsonDepth, "max_json_depth", "JTBD_LIMIT_JSON_DEPTH",
     "--max-json-depth", &ResourceLimits::max_json_depth},
    // Bounds requests (not the caller's own options); at most
    // kMaxBootstrapResamples.
    {LimitKind::kBootstrapResamples, "max_bootstrap_resamples",
     "JTBD_LIMIT_BOOTSTRAP_RESAMPLES", "--max-bootstrap-resamples",
     &ResourceLimits::max_bootstrap_resamples},
};

constexpr LimitKind kLastLimitKind = LimitKind::kBootstrapResamples;

const LimitInfo* FindLimit(int32_t kind) {
  for (const LimitInfo& info : kLimits) {
    if (static_cast<int32_t>(info.kind) == kind) return &info;
  }
  return nullptr;
}

absl::Status CheckValue(const LimitInfo& info, uint64_t value) {
  if (value == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat(info.name,
                     " is 0: a limit must be at least 1 (there is "
                     "no \"unlimited\"; set a large value instead)"));
  }
  if (info.kind == LimitKind::kJsonDepth &&
      value > ResourceLimits::kLargestMaxJsonDepth) {
    return absl::InvalidArgumentError(
        absl::StrCat(info.name, " is ", value, "; at most ",
                     ResourceLimits::kLargestMaxJsonDepth, " is accepted"));
  }
  if (info.kind == LimitKind::kBootstrapResamples &&
      value > ResourceLimits::kMaxBootstrapResamples) {
    return absl::InvalidArgumentError(
        absl::StrCat(info.name, " is ", value, "; at most ",
                     ResourceLimits::kMaxBootstrapResamples,
                     " is accepted (the fixed cap of any scoring)"));
  }
  return absl::OkStatus();
}

}  // namespace

const char* LimitName(int32_t kind) {
  const LimitInfo* info = FindLimit(kind);
  return info == nullptr ? nullptr : info->name;
}

absl::Status ValidateResourceLimits(const ResourceLimits& limits) {
  for (const LimitInfo& info : kLimits) {
    absl::Status status = CheckValue(info, limits.*info.field);
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

absl::StatusOr<uint64_t> GetLimit(const ResourceLimits& limits, int32_t kind) {
  const LimitInfo* info = FindLimit(kind);
  if (info == nullptr) {
    return absl::InvalidArgumentError(
        absl::StrCat("limit ", kind, " is not a jtbd_limit (1-",
                     static_cast<int32_t>(kLastLimitKind), ")"));
  }
  return limits.*info->field;
}

absl::Status SetLimit(ResourceLimits* limits, int32_t kind, uint64_t value) {
  const LimitInfo* info = FindLimit(kind);
  if (info == nullptr) return GetLimit(*limits, kind).status();
  absl::Status status = CheckValue(*info, value);
  if (!status.ok()) return status;
  limits->*info->field = value;
  return absl::OkStatus();
}

std::string LimitHint(LimitKind kind, uint64_t limit) {
  const LimitInfo& info = *FindLimit(static_cast<int32_t>(kind));
  if (kind == LimitKind::kJsonDepth) {
    return absl::StrCat(info.name, " = ", limit, " (at most ",
                        ResourceLimits::kLargestMaxJsonDepth,
                        "; lower it with jtbd_limits_set(", info.enum_name,
                        ") or ", info.flag, ")");
  }
  if (kind == LimitKind::kRequestBytes) {
    return absl::StrCat(info.name, " = ", limit,
                        " (fixed for serialized objects and saved files; for "
                        "requests, survey and label maps set it with "
                        "jtbd_limits_set(",
                        info.enum_name, ") or ", info.flag, ")");
  }
  std::string hint =
      absl::StrCat(info.name, " = ", limit, "; raise it with jtbd_limits_set(",
                   info.enum_name, ")");
  if (info.flag != nullptr) absl::StrAppend(&hint, " or ", info.flag);
  return hint;
}

absl::Status LimitExceededError(LimitKind kind, uint64_t limit,
                                absl::string_view where,
                                absl::string_view what) {
  return absl::ResourceExhaustedError(
      absl::StrCat(where, where.empty() ? "" : ": ", what,
                   " exceeds the limit ", LimitHint(kind, limit)));
}

absl::Status CheckRequestBytes(uint64_t size, uint64_t max_request_bytes,
                               absl::string_view where) {
  if (size <= max_request_bytes) return absl::OkStatus();
  return LimitExceededError(LimitKind::kRequestBytes, max_request_bytes, where,
                            absl::StrCat(size, " bytes"));
}

absl::Status CheckStudySize(size_t outcomes, size_t respondents,
                            const ResourceLimits& limits,
                            absl::string_view where) {
  if (outcomes > limits.max_outcomes) {
    return LimitExceededError(
        LimitKind::kOutcomes, limits.max_outcomes, where,
        absl::StrCat("the study's ", outcomes, " outcomes"));
  }
  if (respondents > limits.max_respondents) {
    return LimitExceededError(
        LimitKind::kRespondents, limits.max_respondents, where,
        absl::StrCat("the study's ", respondents, " respondents"));
  }
  return absl::OkStatus();
}

absl::Status CheckMapLimits(absl::string_view text,
                            const ResourceLimits& limits,
                            absl::string_view source) {
  absl::Status status =
      CheckRequestBytes(text.size(), limits.max_request_bytes, source);
  if (!status.ok()) return status;
  return CheckJsonDepth(text, limits.max_json_depth, source);
}

absl::Status CheckJsonDepth(absl::string_view json, uint64_t max_depth,
                            absl::string_view source) {
  uint64_t depth = 0;
  size_t line = 1;
  size_t line_start = 0;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // the escaped character cannot end the string
      } else if (c == '"') {
        in_string = false;
      } else if (c == '\n') {  // invalid JSON; keeps the position right
        ++line;
        line_start = i + 1;
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        break;
      case '{':
      case '[':
        if (++depth > max_depth) {
          return LimitExceededError(
              LimitKind::kJsonDepth, max_depth,
              absl::StrCat(source, source.empty() ? "" : ": ", "line ", line,
                           ", column ", i - line_start + 1),
              "the nesting of JSON objects and arrays");
        }
        break;
      case '}':
      case ']':
        if (depth > 0) --depth;  // unbalanced: protobuf says what is wrong
        break;
      case '\n':
        ++line;
        line_start = i + 1;
        break;
      default:
        break;
    }
  }
  return absl::OkStatus();
}

}  // namespace jtbd
