#include "io/csv_reader.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "absl/strings/str_format.h"
#include "io/utf8.h"

namespace jtbd {

namespace {

constexpr absl::string_view kByteOrderMark = "\xEF\xBB\xBF";

}  // namespace

CsvReader::CsvReader(absl::string_view text) : text_(text) {
  if (text_.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    pos_ = kByteOrderMark.size();
  }
  // One pass up front is faster than checking field by field; records are
  // then compared against the single offset.
  invalid_utf8_at_ = FindInvalidUtf8(text_.substr(pos_));
  if (invalid_utf8_at_ != absl::string_view::npos) invalid_utf8_at_ += pos_;
}

CsvReader::Result CsvReader::Fail(size_t line, size_t field, std::string what) {
  failed_ = true;
  error_.line = line;
  error_.field = field;
  error_.what = std::move(what);
  return Result::kError;
}

bool CsvReader::RecordIsValidUtf8() {
  if (invalid_utf8_at_ >= pos_) return true;
  // Separators, quotes and line breaks are ASCII, so the byte lies in the
  // last field that starts at or before it.
  const auto field = std::upper_bound(raw_begins_.begin(), raw_begins_.end(),
                                      invalid_utf8_at_) -
                     raw_begins_.begin();
  Fail(record_line_, static_cast<size_t>(field),
       absl::StrFormat("invalid UTF-8 (byte 0x%02X)",
                       static_cast<unsigned char>(text_[invalid_utf8_at_])));
  return false;
}

CsvReader::Result CsvReader::Read() {
  if (failed_) return Result::kError;
  const char* const data = text_.data();
  const size_t size = text_.size();

  // Skip lines that hold only spaces and tabs.
  for (;;) {
    size_t p = pos_;
    while (p < size && (data[p] == ' ' || data[p] == '\t')) ++p;
    if (p == size) {
      pos_ = size;
      return Result::kEnd;
    }
    if (data[p] == '\n') {
      pos_ = p + 1;
      ++line_;
    } else if (data[p] == '\r' && p + 1 == size) {
      pos_ = size;  // a final CR ends the text
    } else if (data[p] == '\r' && data[p + 1] == '\n') {
      pos_ = p + 2;
      ++line_;
    } else {
      break;
    }
  }

  raw_begins_.clear();
  fields_.clear();
  scratch_fields_.clear();
  scratch_.clear();
  record_line_ = line_;
  for (;;) {  // one field per iteration
    const size_t field_number = fields_.size() + 1;
    raw_begins_.push_back(pos_);
    if (pos_ < size && data[pos_] == '"') {
      const size_t quote_line = line_;
      size_t segment = pos_ + 1;  // start of content not yet copied
      const size_t content_begin = segment;
      bool escaped = false;
      size_t scratch_begin = 0;
      for (;;) {
        const void* found = std::memchr(data + segment, '"', size - segment);
        const size_t quote =
            found == nullptr
                ? size
                : static_cast<size_t>(static_cast<const char*>(found) - data);
        line_ += std::count(data + segment, data + quote, '\n');
        if (quote == size) {
          return Fail(quote_line, field_number,
                      "a quoted field is not closed: the closing quote is "
                      "missing");
        }
        if (quote + 1 < size && data[quote + 1] == '"') {
          if (!escaped) {
            escaped = true;
            scratch_begin = scratch_.size();
          }
          scratch_.append(data + segment, quote + 1 - segment);  // keeps one
          segment = quote + 2;
          continue;
        }
        if (escaped) {
          scratch_.append(data + segment, quote - segment);
          scratch_fields_.push_back(
              {fields_.size(), scratch_begin, scratch_.size() - scratch_begin});
          fields_.emplace_back();
        } else {
          fields_.emplace_back(data + content_begin, quote - content_begin);
        }
        pos_ = quote + 1;
        break;
      }
      const bool at_separator =
          pos_ == size || data[pos_] == ',' || data[pos_] == '\n' ||
          (data[pos_] == '\r' && (pos_ + 1 == size || data[pos_ + 1] == '\n'));
      if (!at_separator) {
        return Fail(record_line_, field_number,
                    "text after the closing quote of a quoted field (a quote "
                    "inside quotes must be doubled: \"\")");
      }
    } else {
      const size_t begin = pos_;
      while (pos_ < size && data[pos_] != ',' && data[pos_] != '\n') ++pos_;
      size_t end = pos_;
      // The CR of a CRLF (or of a final CR) ends the record, not the field.
      if (end > begin && data[end - 1] == '\r' &&
          (pos_ == size || data[pos_] == '\n')) {
        --end;
      }
      fields_.emplace_back(data + begin, end - begin);
    }

    // pos_ is at a separator, a line break or the end of the text.
    if (pos_ < size && data[pos_] == ',') {
      ++pos_;
      continue;
    }
    if (pos_ < size && data[pos_] == '\r') ++pos_;
    if (pos_ < size && data[pos_] == '\n') {
      ++pos_;
      ++line_;
    }
    break;
  }

  if (!RecordIsValidUtf8()) return Result::kError;
  for (const ScratchField& field : scratch_fields_) {
    fields_[field.field] =
        absl::string_view(scratch_.data() + field.begin, field.size);
  }
  return Result::kRecord;
}

}  // namespace jtbd
