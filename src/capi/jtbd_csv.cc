// jtbd_csv_restyle: the CSV every renderer writes, styled for the
// spreadsheet that opens it (render/csv_style).
#include <memory>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "capi/capi_internal.h"
#include "jtbd/jtbd.h"
#include "render/csv_style.h"

extern "C" {

jtbd_error* jtbd_csv_restyle(const char* csv, size_t size, int32_t separator,
                             uint32_t decimal_comma, uint32_t byte_order_mark,
                             jtbd_buffer** out) {
  return jtbd::capi::Guard([&, fn = __func__]() -> absl::Status {
    using jtbd::capi::CheckNotNull;
    JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "out", out));
    if (size > 0) JTBD_CAPI_RETURN_IF_ERROR(CheckNotNull(fn, "csv", csv));
    if (separator != ',' && separator != ';' && separator != '\t') {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": separator ", separator,
                       " is not ',' (44), ';' (59) or '\\t' (9)"));
    }
    jtbd::render::CsvStyle style;
    style.separator = static_cast<char>(separator);
    style.decimal_comma = decimal_comma != 0;
    style.byte_order_mark = byte_order_mark != 0;
    absl::StatusOr<std::string> styled = jtbd::render::RestyleCsv(
        absl::string_view(size == 0 ? "" : csv, size), style);
    if (!styled.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(fn, ": ", styled.status().message()));
    }
    auto buffer = std::make_unique<jtbd_buffer>();
    buffer->bytes = *std::move(styled);
    jtbd::capi::Publish(std::move(buffer), out);
    return absl::OkStatus();
  });
}

}  // extern "C"
