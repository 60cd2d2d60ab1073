#include "io/csv_reader.h"

#include <algorithm>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "io/consumed_pages.h"
#include "io/utf8.h"

namespace jtbd {

namespace {

constexpr absl::string_view kByteOrderMark = "\xEF\xBB\xBF";

}  // namespace

char CsvReader::DetectSeparator(absl::string_view text) {
  size_t pos = 0;
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    pos = kByteOrderMark.size();
  }
  // Skip blank lines as Read() does; a tab on them is not a separator.
  for (;;) {
    size_t p = pos;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
    if (p < text.size() && (text[p] == '\n' || text[p] == '\r')) {
      pos = p + 1;
      continue;
    }
    break;
  }
  size_t commas = 0;
  size_t semicolons = 0;
  size_t tabs = 0;
  bool quoted = false;
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c == '"') {
      quoted = !quoted;  // "" inside quotes toggles twice: no change
    } else if (quoted) {
      continue;
    } else if (c == '\n') {
      break;
    } else if (c == ',') {
      ++commas;
    } else if (c == ';') {
      ++semicolons;
    } else if (c == '\t') {
      ++tabs;
    }
  }
  if (semicolons > commas && semicolons >= tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

namespace {

// FindInvalidUtf8(text.substr(begin)), a chunk at a time, the pages of
// each chunk released once it is checked. Chunks end just after a line
// break, where a valid text is between two characters, so a valid chunk
// leaves the check in the state the whole-text check would be in; at the
// first chunk that is not valid the rest is checked whole, giving exactly
// the offset the one pass gives.
size_t FindInvalidUtf8Releasing(absl::string_view text, size_t begin) {
  constexpr size_t kChunk = ConsumedPages::kStep;
  ConsumedPages pages(text, /*mapped=*/true, begin);
  size_t at = begin;
  while (at < text.size()) {
    size_t end = text.size();
    if (text.size() - at > kChunk) {
      const void* newline = std::memchr(text.data() + at + kChunk, '\n',
                                        text.size() - at - kChunk);
      if (newline != nullptr) {
        end = static_cast<size_t>(static_cast<const char*>(newline) -
                                  text.data()) +
              1;
      }
    }
    if (FindInvalidUtf8(text.substr(at, end - at)) != absl::string_view::npos) {
      const size_t bad = FindInvalidUtf8(text.substr(at));
      return bad == absl::string_view::npos ? bad : at - begin + bad;
    }
    at = end;
    pages.ReadUpTo(at);
  }
  return absl::string_view::npos;
}

}  // namespace

CsvReader::CsvReader(absl::string_view text, char separator,
                     const ResourceLimits& limits, bool mapped)
    : text_(text),
      separator_(separator),
      max_record_bytes_(limits.max_record_bytes),
      max_columns_(limits.max_columns) {
  if (text_.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    pos_ = kByteOrderMark.size();
  }
  // One pass up front is faster than checking field by field; records are
  // then compared against the single offset.
  invalid_utf8_at_ = mapped ? FindInvalidUtf8Releasing(text_, pos_)
                            : FindInvalidUtf8(text_.substr(pos_));
  if (invalid_utf8_at_ != absl::string_view::npos) invalid_utf8_at_ += pos_;
  field_end_[static_cast<unsigned char>(separator_)] = kSeparatorEnd;
  field_end_['\r'] = kRecordEnd;
  field_end_['\n'] = kRecordEnd;
}

CsvReader::CsvReader(const CsvReader& whole, size_t begin, size_t end,
                     bool plain)
    : field_end_(whole.field_end_),
      text_(whole.text_.substr(0, end)),
      separator_(whole.separator_),
      max_record_bytes_(whole.max_record_bytes_),
      max_columns_(whole.max_columns_),
      pos_(begin),
      invalid_utf8_at_(absl::string_view::npos),
      known_plain_(plain) {}

CsvReader::Result CsvReader::Fail(size_t line, size_t field, std::string what) {
  failed_ = true;
  error_.line = line;
  error_.field = field;
  error_.what = std::move(what);
  return Result::kError;
}

CsvReader::Result CsvReader::FailLimit(size_t line, size_t field,
                                       LimitKind kind, uint64_t limit,
                                       absl::string_view what) {
  Fail(line, field,
       absl::StrCat(what, " exceeds the limit ", LimitHint(kind, limit)));
  error_.limit_exceeded = true;
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
  const char separator = separator_;

  // The position lives in locals while the record is read: stores into
  // fields_ could otherwise alias the members and force reloads.
  size_t pos = pos_;
  size_t line = line_;
  // Skip lines that hold only spaces and tabs.
  for (;;) {
    size_t p = pos;
    while (p < size && (data[p] == ' ' || data[p] == '\t')) ++p;
    if (p == size) {
      pos_ = size;
      line_ = line;
      return Result::kEnd;
    }
    if (data[p] == '\n') {
      pos = p + 1;
      ++line;
    } else if (data[p] == '\r' && p + 1 == size) {
      pos = size;  // a final CR ends the text
    } else if (data[p] == '\r' && data[p + 1] == '\n') {
      pos = p + 2;
      ++line;
    } else {
      break;
    }
  }

  // Field starts are needed only to place an invalid byte, and a text has
  // one only when the check up front found it.
  const bool track_begins = invalid_utf8_at_ != absl::string_view::npos;
  raw_begins_.clear();
  if (!scratch_fields_.empty()) {
    scratch_fields_.clear();
    scratch_.clear();
  }
  record_line_ = line;
  // Fields go straight into the array; it doubles when a record is wider,
  // up to max_columns_: one more field than that is refused.
  if (fields_.empty()) {
    fields_.resize(static_cast<size_t>(std::min<uint64_t>(16, max_columns_)));
  }
  absl::string_view* out = fields_.data();
  size_t count = 0;
  size_t capacity = fields_.size();
  auto add_field = [&](absl::string_view field) {
    if (count == capacity) {
      if (capacity >= max_columns_) return false;
      fields_.resize(static_cast<size_t>(
          std::min<uint64_t>(2 * uint64_t{capacity}, max_columns_)));
      out = fields_.data();
      capacity = fields_.size();
    }
    out[count++] = field;
    return true;
  };
  auto fail_columns = [&]() {
    line_ = line;
    return FailLimit(record_line_, count + 1, LimitKind::kColumns, max_columns_,
                     absl::StrCat("field ", count + 1, " of the record"));
  };
  // The first offset that lies beyond the record bytes allowed.
  const size_t record_limit =
      max_record_bytes_ >= size - pos
          ? size + 1
          : pos + static_cast<size_t>(max_record_bytes_);
  auto fail_bytes = [&](size_t field) {
    line_ = line;
    return FailLimit(
        record_line_, field, LimitKind::kRecordBytes, max_record_bytes_,
        absl::StrCat("the record, over ", max_record_bytes_, " bytes,"));
  };
  const char* p = data + pos;
  const char* const text_end = data + size;
  field_count_ = 0;

  // The common record: one line without quotes. Two memchr calls find out,
  // and then splitting is one comparison per byte.
  const void* found_newline = std::memchr(p, '\n', size - pos);
  const char* const newline = found_newline == nullptr
                                  ? text_end
                                  : static_cast<const char*>(found_newline);
  if (std::memchr(p, '"', static_cast<size_t>(newline - p)) == nullptr) {
    // The CR of a CRLF (or of a final CR) ends the record, not the field.
    const char* const record_end =
        newline != p && newline[-1] == '\r' ? newline - 1 : newline;
    if (static_cast<size_t>(record_end - data) > record_limit) {
      // The field holding the first byte too many.
      return fail_bytes(1 + static_cast<size_t>(
                                std::count(p, data + record_limit, separator)));
    }
    const char* field_begin = p;
    if (track_begins) raw_begins_.push_back(pos);
    for (const char* c = p; c != record_end; ++c) {
      if (*c != separator) continue;
      if (!add_field(absl::string_view(field_begin,
                                       static_cast<size_t>(c - field_begin)))) {
        return fail_columns();
      }
      field_begin = c + 1;
      if (track_begins) {
        raw_begins_.push_back(static_cast<size_t>(field_begin - data));
      }
    }
    if (!add_field(absl::string_view(
            field_begin, static_cast<size_t>(record_end - field_begin)))) {
      return fail_columns();
    }
    p = newline;
    if (p != text_end) {
      ++p;
      ++line;
    }
  } else {
    for (;;) {  // one field per iteration
      if (track_begins) raw_begins_.push_back(static_cast<size_t>(p - data));
      if (p != text_end && *p == '"') {
        const size_t field_number = count + 1;
        const size_t quote_line = line;
        size_t segment = static_cast<size_t>(p - data) + 1;  // not yet copied
        const size_t content_begin = segment;
        bool escaped = false;
        size_t scratch_begin = 0;
        for (;;) {
          // The closing quote must come before the record's byte limit.
          const size_t search_end = std::min(size, record_limit);
          const void* found =
              segment >= search_end
                  ? nullptr
                  : std::memchr(data + segment, '"', search_end - segment);
          const size_t quote =
              found == nullptr
                  ? search_end
                  : static_cast<size_t>(static_cast<const char*>(found) - data);
          line +=
              std::count(data + std::min(segment, quote), data + quote, '\n');
          if (quote == search_end && search_end != size) {
            return fail_bytes(field_number);
          }
          if (quote == size) {
            line_ = line;
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
                {count, scratch_begin, scratch_.size() - scratch_begin});
            if (!add_field(absl::string_view())) return fail_columns();
          } else if (!add_field(absl::string_view(data + content_begin,
                                                  quote - content_begin))) {
            return fail_columns();
          }
          p = data + quote + 1;
          break;
        }
        const bool at_separator =
            p == text_end || *p == separator || *p == '\n' ||
            (*p == '\r' && (p + 1 == text_end || p[1] == '\n'));
        if (!at_separator) {
          line_ = line;
          return Fail(record_line_, field_number,
                      "text after the closing quote of a quoted field (a quote "
                      "inside quotes must be doubled: \"\")");
        }
      } else {
        const char* const begin = p;
        while (p != text_end && *p != separator && *p != '\n') ++p;
        const char* end = p;
        // The CR of a CRLF (or of a final CR) ends the record, not the field.
        if (end != begin && end[-1] == '\r' && (p == text_end || *p == '\n')) {
          --end;
        }
        if (static_cast<size_t>(end - data) > record_limit) {
          return fail_bytes(count + 1);
        }
        if (!add_field(
                absl::string_view(begin, static_cast<size_t>(end - begin)))) {
          return fail_columns();
        }
      }

      // p is at a separator, a line break or the end of the text.
      if (p != text_end && *p == separator) {
        ++p;
        continue;
      }
      if (p != text_end && *p == '\r') ++p;
      if (p != text_end && *p == '\n') {
        ++p;
        ++line;
      }
      break;
    }
  }
  field_count_ = count;
  pos_ = static_cast<size_t>(p - data);
  line_ = line;

  if (!RecordIsValidUtf8()) return Result::kError;
  for (const ScratchField& field : scratch_fields_) {  // usually none
    fields_[field.field] =
        absl::string_view(scratch_.data() + field.begin, field.size);
  }
  return Result::kRecord;
}

}  // namespace jtbd
