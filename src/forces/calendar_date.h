#ifndef JTBD_FORCES_CALENDAR_DATE_H_
#define JTBD_FORCES_CALENDAR_DATE_H_

#include <cstdint>
#include <optional>

#include "absl/strings/string_view.h"

namespace jtbd {
namespace forces {

// Days since 1970-01-01 of a date written YYYY-MM-DD (proleptic Gregorian,
// years 1000-9999; a time after it, "T..." or " ...", is ignored, as CRM
// exports add one), or nullopt when it is not such a date (2026-02-30
// included). Timeline durations are differences of these.
std::optional<int64_t> DaysFromIsoDate(absl::string_view text);

}  // namespace forces
}  // namespace jtbd

#endif  // JTBD_FORCES_CALENDAR_DATE_H_
