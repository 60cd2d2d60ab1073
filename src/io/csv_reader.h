#ifndef JTBD_IO_CSV_READER_H_
#define JTBD_IO_CSV_READER_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "core/resource_limits.h"
#include "io/source_position.h"

namespace jtbd {

// Where and why a CSV text cannot be tokenized.
struct CsvError {
  size_t line = 0;   // 1-based
  size_t field = 0;  // 1-based field number within the record; 0 = none
  std::string what;
  // The record exceeds limits.max_record_bytes or max_columns: a
  // RESOURCE_EXHAUSTED refusal rather than a malformed text.
  bool limit_exceeded = false;

  // `status` (a message about this error) with the code the error
  // warrants: RESOURCE_EXHAUSTED for a limit, else unchanged.
  absl::Status WithCode(const absl::Status& status) const {
    return limit_exceeded ? absl::ResourceExhaustedError(status.message())
                          : status;
  }
};

// An RFC 4180 tokenizer over text held in memory: separator ',' (or another
// one: ';' in French Excel, TAB in Excel's "Unicode text"), fields
// optionally enclosed in double quotes, "" inside quotes for one quote,
// separators and line breaks allowed inside quotes, records ended by LF or
// CRLF. Beyond the RFC: a leading UTF-8 byte order mark is skipped, lines
// holding nothing but spaces and tabs are skipped, a quote inside an
// unquoted field is kept as an ordinary character, and every byte must be
// valid UTF-8.
//
// Bounded: a record longer than limits.max_record_bytes (from its first
// byte to its line break) or with more than limits.max_columns fields is
// refused (CsvError::limit_exceeded) as soon as the scan crosses the limit,
// before anything is allocated for the excess.
//
// Fields are views into the input, or into the reader's own buffer for
// quoted fields that contained "" (the quotes are removed either way); they
// stay valid until the next call to Read().
class CsvReader {
 public:
  enum class Result { kRecord, kEnd, kError };

  // Where the reader stands, to come back to it (see Seek).
  struct Position {
    size_t offset;
    size_t line;
  };

  // `text` must outlive the reader. `mapped` says it lies in a read-only
  // file mapping whose pages may be released as they are read
  // (ConsumedPages): the UTF-8 check up front then goes a line-aligned
  // chunk at a time, releasing each.
  explicit CsvReader(absl::string_view text, char separator = ',',
                     const ResourceLimits& limits = ResourceLimits(),
                     bool mapped = false);

  // A reader over bytes [begin, end) of `whole`'s text, for a caller that
  // splits a text at record boundaries and reads the parts on several
  // threads: whole's separator and limits, lines counted from 1 at begin.
  // The whole text must be valid UTF-8 (whole.first_invalid_utf8() is
  // npos), so the part is not checked again. `plain` says the caller found
  // no quote and no CR in the part: ReadPlainCodedRecord then need not
  // search each record for them.
  CsvReader(const CsvReader& whole, size_t begin, size_t end, bool plain);

  // The separator among ',', ';' and TAB that splits the first record
  // (after a byte order mark and blank lines) into the most fields, counting
  // only separators outside quotes; ',' when none splits it or on a tie
  // (then ';' before TAB).
  static char DetectSeparator(absl::string_view text);

  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the next record. After kError, error() says what went wrong and
  // every further call returns kError again.
  Result Read();

  absl::Span<const absl::string_view> fields() const {
    return absl::MakeConstSpan(fields_.data(), field_count_);
  }
  // The 1-based line where the record last read starts.
  size_t record_line() const { return record_line_; }
  const CsvError& error() const { return error_; }
  char separator() const { return separator_; }
  // Bytes of the text consumed so far (for progress reports).
  size_t offset() const { return pos_; }
  // The text (after a byte order mark: offsets count from the text's start)
  // and the offset of its first invalid UTF-8 byte, npos when none: for a
  // caller that splits simple lines itself and Seeks past them.
  absl::string_view text() const { return text_; }
  size_t first_invalid_utf8() const { return invalid_utf8_at_; }

  // The fast way through a record of coded cells (a survey's ratings):
  // what each column is, for ReadPlainCodedRecord.
  struct CodedColumns {
    // Per column, width + 1 entries (the last one for the field past the
    // header's, never coded): the slot in `codes` of a coded column, or a
    // negative number for any other column.
    const int32_t* slot_of = nullptr;
    // Per byte: the code of a coded cell holding just that byte; any value
    // with the high bit set says "no one-byte code" (0 is an empty cell's).
    const uint8_t* code_of_byte = nullptr;
    size_t width = 0;      // fields a record must have
    size_t raw_width = 0;  // fields it may have (those past width blank)
  };
  // Reads the next record the fast way when it is a plain line: ended by a
  // line break, without quotes (so no separator or line break inside a
  // field), no CR before its end, not starting with a blank, valid UTF-8,
  // within max_record_bytes, with width to raw_width fields, the ones past
  // width blank. Coded cells that are empty or hold one byte with a code
  // are written to codes[slot] (in runs of four "d,d,d,d," at a time);
  // every other field within width goes to other_field(column, field)
  // (left to right). Returns false, having consumed nothing, for any other
  // record (Read() then reads it and says what is wrong); the caller must
  // then forget what other_field was given. On true, *line is the record's
  // line and the reader stands after it; fields() is not set.
  template <typename OtherField>
  bool ReadPlainCodedRecord(const CodedColumns& columns, uint8_t* codes,
                            OtherField&& other_field, size_t* line);

  // The position before the next record, and a way back to it: a reader
  // may look at a record and then decide to read it again.
  Position position() const { return {pos_, line_}; }
  void Seek(Position position) {
    pos_ = position.offset;
    line_ = position.line;
  }

 private:
  Result Fail(size_t line, size_t field, std::string what);
  Result FailLimit(size_t line, size_t field, LimitKind kind, uint64_t limit,
                   absl::string_view what);
  // Checks the record that ends at pos_ against the first invalid UTF-8
  // byte of the text.
  bool RecordIsValidUtf8();

  // What ends a field on a plain line, by byte (ReadPlainCodedRecord).
  static constexpr uint8_t kNotAnEnd = 0;
  static constexpr uint8_t kSeparatorEnd = 1;
  static constexpr uint8_t kRecordEnd = 2;
  std::array<uint8_t, 256> field_end_{};

  absl::string_view text_;
  char separator_;
  uint64_t max_record_bytes_;
  uint64_t max_columns_;
  size_t pos_ = 0;
  size_t line_ = 1;  // line of pos_
  size_t record_line_ = 0;
  size_t invalid_utf8_at_;    // npos when the whole text is valid
  bool known_plain_ = false;  // no quote and no CR anywhere in text_
  bool failed_ = false;
  CsvError error_;

  // Where each field of the current record starts in text_, for locating
  // an invalid byte.
  std::vector<size_t> raw_begins_;
  // Unescaped quoted fields live in scratch_, which may move as it grows:
  // their views are set once the record is complete.
  struct ScratchField {
    size_t field;
    size_t begin;
    size_t size;
  };
  std::vector<ScratchField> scratch_fields_;
  std::string scratch_;
  // The fields of the current record are the first field_count_; the
  // vector only grows, so that a record costs no allocation.
  std::vector<absl::string_view> fields_;
  size_t field_count_ = 0;
};

// In the header so that the caller's other_field inlines: this loop is most
// of the time a wide survey takes to read.
template <typename OtherField>
bool CsvReader::ReadPlainCodedRecord(const CodedColumns& columns,
                                     uint8_t* codes, OtherField&& other_field,
                                     size_t* line) {
  if (failed_ || pos_ >= text_.size()) return false;
  const char* const data = text_.data();
  const char* p = data + pos_;
  if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') return false;
  const void* found = std::memchr(p, '\n', text_.size() - pos_);
  if (found == nullptr) return false;  // the last line: rare, general
  const char* const newline = static_cast<const char*>(found);
  // Over-long lines go the general way, which refuses them.
  if (static_cast<uint64_t>(newline - p) > max_record_bytes_) return false;
  if (!known_plain_ &&
      std::memchr(p, '"', static_cast<size_t>(newline - p)) != nullptr) {
    return false;
  }
  if (invalid_utf8_at_ != absl::string_view::npos &&
      invalid_utf8_at_ < static_cast<size_t>(newline - data)) {
    return false;
  }
  // Bytes up to the line break are readable, record_end's included. A CR
  // before it would be an ordinary character: such lines go the general
  // way, so that CR and LF below can only mean the record's end.
  const char* const record_end = newline[-1] == '\r' ? newline - 1 : newline;
  if (!known_plain_ &&
      std::memchr(p, '\r', static_cast<size_t>(record_end - p)) != nullptr) {
    return false;
  }
  // Locals only in the loop: the stores into `codes` are through uint8_t*,
  // which may alias anything reached through a pointer or reference.
  const char separator = separator_;
  const int32_t* const slot_of = columns.slot_of;
  const uint8_t* const code_of = columns.code_of_byte;
  const uint8_t* const ends = field_end_.data();
  const size_t width = columns.width;
  const size_t raw_width = columns.raw_width;
  size_t column = 0;
  for (;;) {
    // Four cells at a time while they read "d,d,d,d," (a one-byte code in
    // four coded columns): most of a wide export.
    while (column + 4 <= width && record_end - p >= 8) {
      const bool separators = (p[1] == separator) & (p[3] == separator) &
                              (p[5] == separator) & (p[7] == separator);
      const uint8_t d0 = code_of[static_cast<unsigned char>(p[0])];
      const uint8_t d1 = code_of[static_cast<unsigned char>(p[2])];
      const uint8_t d2 = code_of[static_cast<unsigned char>(p[4])];
      const uint8_t d3 = code_of[static_cast<unsigned char>(p[6])];
      const int32_t o0 = slot_of[column];
      const int32_t o1 = slot_of[column + 1];
      const int32_t o2 = slot_of[column + 2];
      const int32_t o3 = slot_of[column + 3];
      if (!separators || ((d0 | d1 | d2 | d3) & 0x80) != 0 ||
          (o0 | o1 | o2 | o3) < 0) {
        break;
      }
      codes[o0] = d0;
      codes[o1] = d1;
      codes[o2] = d2;
      codes[o3] = d3;
      column += 4;
      p += 8;
    }
    // column <= raw_width here: the general branch below stops wider rows.
    const int32_t slot = slot_of[column];
    if (slot >= 0) {
      // The common cells: empty, or one byte with a code.
      const uint8_t first = ends[static_cast<unsigned char>(*p)];
      if (first != kNotAnEnd) {
        codes[slot] = 0;
        ++column;
        if (first == kRecordEnd) break;
        ++p;
        continue;
      }
      const uint8_t second = ends[static_cast<unsigned char>(p[1])];
      if (second != kNotAnEnd) {
        const uint8_t code = code_of[static_cast<unsigned char>(*p)];
        if ((code & 0x80) == 0) {
          codes[slot] = code;
          ++column;
          if (second == kRecordEnd) break;
          p += 2;
          continue;
        }
      }
    }
    const char* end = p;
    while (end != record_end && *end != separator) ++end;
    const absl::string_view field(p, static_cast<size_t>(end - p));
    if (column < width) {
      other_field(column, field);
    } else if (column >= raw_width || !TrimSpaces(field).empty()) {
      return false;
    }
    ++column;
    if (end == record_end) break;
    p = end + 1;
  }
  if (column < width) return false;
  *line = line_;
  record_line_ = line_;
  pos_ = static_cast<size_t>(newline - data) + 1;
  ++line_;
  return true;
}

}  // namespace jtbd

#endif  // JTBD_IO_CSV_READER_H_
