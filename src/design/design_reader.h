// A study design from any of its forms: CSV (design_csv.h), or a
// jtbd.v1.StudyDesign in protobuf binary or JSON; every form is checked by
// the same rules.
#ifndef JTBD_DESIGN_DESIGN_READER_H_
#define JTBD_DESIGN_DESIGN_READER_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/resource_limits.h"
#include "core/study_design.h"
#include "jtbd/v1/job.pb.h"

namespace jtbd {
namespace design {

enum class DesignFormat {
  // JSON when the name ends in ".json" or the text starts with "{" (after
  // spaces); binary when the name ends in ".binpb" or ".pb"; else CSV.
  kAuto,
  kCsv,
  kJson,
  kBinary,
};

// Reads a design from `data` in `format`, held to `limits` (its size:
// max_request_bytes; JSON nesting: max_json_depth; CSV records:
// max_record_bytes, max_columns). Refusals name `source_name` and the line
// and column (CSV) or the field (messages).
absl::StatusOr<v1::StudyDesign> ParseDesign(
    absl::string_view data, absl::string_view source_name,
    DesignFormat format = DesignFormat::kAuto,
    const ResourceLimits& limits = ResourceLimits());

// The format kAuto chooses for these bytes and name.
DesignFormat DetectDesignFormat(absl::string_view data,
                                absl::string_view source_name);

}  // namespace design
}  // namespace jtbd

#endif  // JTBD_DESIGN_DESIGN_READER_H_
