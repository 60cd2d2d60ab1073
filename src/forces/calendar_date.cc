#include "forces/calendar_date.h"

namespace jtbd {
namespace forces {
namespace {

bool Digits(absl::string_view text, size_t begin, size_t count, int* value) {
  *value = 0;
  for (size_t i = begin; i < begin + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    *value = *value * 10 + (text[i] - '0');
  }
  return true;
}

bool IsLeap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

}  // namespace

std::optional<int64_t> DaysFromIsoDate(absl::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') {
    return std::nullopt;
  }
  int year = 0;
  int month = 0;
  int day = 0;
  if (!Digits(text, 0, 4, &year) || !Digits(text, 5, 2, &month) ||
      !Digits(text, 8, 2, &day) || year < 1000 || month < 1 || month > 12 ||
      day < 1) {
    return std::nullopt;
  }
  static constexpr int kDaysIn[12] = {31, 28, 31, 30, 31, 30,
                                      31, 31, 30, 31, 30, 31};
  const int days_in_month = kDaysIn[month - 1] + (month == 2 && IsLeap(year));
  if (day > days_in_month) return std::nullopt;
  // Howard Hinnant's days_from_civil: eras of 400 years, March-based years.
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = y / 400;
  const int year_of_era = y - era * 400;
  const int shifted_month = month > 2 ? month - 3 : month + 9;
  const int day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
  const int day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return int64_t{era} * 146097 + day_of_era - 719468;
}

}  // namespace forces
}  // namespace jtbd
