#include "statements/statement_input.h"

#include <algorithm>
#include <cstddef>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "io/csv_reader.h"
#include "io/source_position.h"
#include "io/utf8.h"

namespace jtbd {
namespace statements {

namespace {

absl::Status At(absl::string_view source, size_t line, size_t column,
                absl::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat(source, ":", line, ":", column, ": ", what));
}

}  // namespace

absl::StatusOr<std::vector<StatementLine>> ReadStatementLines(
    absl::string_view data, absl::string_view source,
    const ResourceLimits& limits) {
  absl::Status size =
      CheckRequestBytes(data.size(), limits.max_request_bytes, source);
  if (!size.ok()) return size;
  if (data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);
  std::vector<StatementLine> out;
  size_t line = 0;
  size_t start = 0;
  while (start < data.size()) {
    ++line;
    size_t end = data.find('\n', start);
    if (end == absl::string_view::npos) end = data.size();
    absl::string_view text = data.substr(start, end - start);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    const size_t bad = FindInvalidUtf8(text);
    if (bad != absl::string_view::npos) {
      return At(source, line, bad + 1, "the line is not valid UTF-8");
    }
    const absl::string_view trimmed = TrimSpaces(text);
    if (!trimmed.empty()) {
      out.push_back(StatementLine{"", std::string(trimmed), line});
    }
    start = end + 1;
  }
  if (out.empty()) {
    return At(source, line == 0 ? 1 : line, 1,
              "no statements: every line is blank");
  }
  return out;
}

absl::StatusOr<std::vector<StatementLine>> ReadOutcomeStatementsCsv(
    absl::string_view data, absl::string_view source,
    const ResourceLimits& limits) {
  absl::Status size =
      CheckRequestBytes(data.size(), limits.max_request_bytes, source);
  if (!size.ok()) return size;
  CsvReader reader(data, CsvReader::DetectSeparator(data), limits);
  auto read = [&]() -> absl::StatusOr<bool> {
    switch (reader.Read()) {
      case CsvReader::Result::kEnd:
        return false;
      case CsvReader::Result::kError:
        return reader.error().WithCode(At(source, reader.error().line,
                                          reader.error().field,
                                          reader.error().what));
      case CsvReader::Result::kRecord:
        break;
    }
    return true;
  };
  absl::StatusOr<bool> header = read();
  if (!header.ok()) return header.status();
  if (!*header) return At(source, 1, 1, "the file is empty");
  const size_t header_line = reader.record_line();
  const size_t width = reader.fields().size();
  ptrdiff_t id_column = -1;
  ptrdiff_t statement_column = -1;
  for (const char* wanted : {"id", "outcome_id", "outcome"}) {
    for (size_t i = 0; i < width && id_column < 0; ++i) {
      if (NormalizedColumnName(TrimSpaces(reader.fields()[i])) == wanted)
        id_column = i;
    }
  }
  for (size_t i = 0; i < width && statement_column < 0; ++i) {
    if (NormalizedColumnName(TrimSpaces(reader.fields()[i])) == "statement")
      statement_column = i;
  }
  if (id_column < 0) {
    return At(source, header_line, 1,
              "the header has no outcome id column: id, outcome_id or "
              "outcome");
  }
  if (statement_column < 0) {
    return At(source, header_line, 1, "the header has no statement column");
  }
  std::vector<StatementLine> out;
  absl::flat_hash_map<std::string, size_t> seen;
  for (;;) {
    absl::StatusOr<bool> more = read();
    if (!more.ok()) return more.status();
    if (!*more) break;
    const size_t line = reader.record_line();
    if (reader.fields().size() != width) {
      return At(source, line, std::min(reader.fields().size(), width) + 1,
                absl::StrCat("expected ", width,
                             " fields, as in the header, but found ",
                             reader.fields().size()));
    }
    const absl::string_view id = TrimSpaces(reader.fields()[id_column]);
    const absl::string_view text =
        TrimSpaces(reader.fields()[statement_column]);
    if (id.empty()) return At(source, line, id_column + 1, "the id is blank");
    const auto [it, inserted] = seen.emplace(std::string(id), line);
    if (!inserted) {
      return At(source, line, id_column + 1,
                absl::StrCat("outcome ", Quoted(id), " is already on line ",
                             it->second));
    }
    if (text.empty()) continue;
    out.push_back(StatementLine{std::string(id), std::string(text), line});
  }
  if (out.empty()) {
    return At(source, header_line, statement_column + 1,
              "no statements: every statement cell is blank");
  }
  return out;
}

}  // namespace statements
}  // namespace jtbd
