#ifndef JTBD_IO_CSV_READER_H_
#define JTBD_IO_CSV_READER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "core/resource_limits.h"

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

  // `text` must outlive the reader.
  explicit CsvReader(absl::string_view text, char separator = ',',
                     const ResourceLimits& limits = ResourceLimits());

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

  absl::string_view text_;
  char separator_;
  uint64_t max_record_bytes_;
  uint64_t max_columns_;
  size_t pos_ = 0;
  size_t line_ = 1;  // line of pos_
  size_t record_line_ = 0;
  size_t invalid_utf8_at_;  // npos when the whole text is valid
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

}  // namespace jtbd

#endif  // JTBD_IO_CSV_READER_H_
