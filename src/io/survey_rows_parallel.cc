// Both cores on one survey file: when a wide-like file is read into one
// unweighted aggregate (`jtbd score` without segments or screening), the
// text is cut at line breaks into one part per core and each part counted
// on its own thread, then the tables are added up. Counting is addition,
// so the aggregate is exactly the one the row loop builds; anything the
// fast way does not handle (quotes, which could hide a line break inside a
// field, CRs, blank or irregular lines, ratings that are not one digit, a
// blank or repeated respondent id, too many respondents) makes the whole
// text go the one-thread way instead, which then says what is wrong at
// the same line and column as ever.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/string_view.h"
#include "io/consumed_pages.h"
#include "io/csv_reader.h"
#include "io/source_position.h"
#include "io/survey_parser.h"
#include "io/survey_sinks.h"
#include "segments/worker_threads.h"

namespace jtbd {

namespace {

// Below this many bytes per part a thread costs more than it saves.
constexpr size_t kMinPartBytes = size_t{1} << 20;
constexpr unsigned kMaxParts = 8;

struct Part {
  size_t begin = 0;
  size_t end = 0;
  std::vector<uint64_t> counts;
  // Respondent id fingerprints, as the row loop takes them.
  absl::flat_hash_set<uint64_t> ids;
  uint64_t rows = 0;
  bool counted = false;  // every row of the part plain and valid
};

struct PartInputs {
  const CsvReader* whole;
  const CsvReader::CodedColumns* coded;
  const AggregateSink* counter;
  ptrdiff_t respondent_column;
  size_t row_size;
  uint64_t max_rows;
  bool mapped;  // the text's pages may be released (ConsumedPages)
};

// A part is checked for quotes and CRs a window at a time, just ahead of
// the rows read, so that its pages are touched once and released behind.
constexpr size_t kWindowBytes = ConsumedPages::kStep;

void CountPart(const PartInputs& in, Part* part) {
  const absl::string_view text = in.whole->text();
  ConsumedPages pages(text, in.mapped, part->begin);
  // Bytes before `checked` hold no quote and no CR; it is always just
  // after a line break, so a record read from before it ends by it.
  size_t checked = part->begin;
  // A quote could hide a line break (and so the cut) inside a field.
  auto check_window = [&]() {
    size_t end = part->end;
    if (end - checked > kWindowBytes) {
      const void* newline =
          std::memchr(text.data() + checked + kWindowBytes, '\n',
                      end - checked - kWindowBytes);
      if (newline != nullptr) {
        end = static_cast<size_t>(static_cast<const char*>(newline) -
                                  text.data()) +
              1;
      }
    }
    const char* const from = text.data() + checked;
    if (std::memchr(from, '"', end - checked) != nullptr ||
        std::memchr(from, '\r', end - checked) != nullptr) {
      return false;
    }
    checked = end;
    return true;
  };
  CsvReader reader(*in.whole, part->begin, part->end, /*plain=*/true);
  part->counts.assign(in.counter->cell_count(), 0);
  std::vector<uint8_t> row(in.row_size, 0);
  const int32_t* const slot_of = in.coded->slot_of;
  const ptrdiff_t respondent_column = in.respondent_column;
  bool plain = true;
  absl::string_view id;
  auto other_field = [&](size_t column, absl::string_view field) {
    // A rating that is not one digit needs the (caching) rating parser.
    if (slot_of[column] >= 0) plain = false;
    if (static_cast<ptrdiff_t>(column) == respondent_column) id = field;
  };
  size_t line = 0;
  while (true) {
    if (reader.offset() >= checked && checked < part->end) {
      if (!check_window()) return;
      pages.ReadUpTo(reader.offset());
    }
    if (!reader.ReadPlainCodedRecord(*in.coded, row.data(), other_field,
                                     &line)) {
      break;
    }
    if (!plain || ++part->rows > in.max_rows) return;
    if (respondent_column >= 0) {
      const absl::string_view trimmed = TrimSpaces(id);
      if (trimmed.empty()) return;
      if (!part->ids.insert(absl::Hash<absl::string_view>()(trimmed)).second) {
        return;
      }
    }
    in.counter->CountRow(row.data(), part->counts.data());
  }
  part->counted = reader.offset() == part->end;
}

}  // namespace

bool SurveyParser::CountPlainRowsInParallel(
    AggregateSink* counter, const CsvReader::CodedColumns& coded,
    size_t row_size, size_t* rows) {
  const absl::string_view text = reader_.text();
  const size_t begin = reader_.position().offset;
  if (options_.progress || layout_.duration_column >= 0 ||
      reader_.first_invalid_utf8() != absl::string_view::npos ||
      begin >= text.size()) {
    return false;
  }
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned parts_wanted = static_cast<unsigned>(std::min<size_t>(
      {cores, kMaxParts, (text.size() - begin) / kMinPartBytes}));
  if (parts_wanted < 2) return false;

  // Cuts just after a line break; without quotes (which the parts check)
  // every line break ends a record.
  std::vector<Part> parts;
  size_t start = begin;
  for (unsigned k = 1; k <= parts_wanted && start < text.size(); ++k) {
    size_t end = text.size();
    if (k < parts_wanted) {
      const size_t target = begin + (text.size() - begin) / parts_wanted * k;
      const void* newline =
          target < start
              ? nullptr
              : std::memchr(text.data() + target, '\n', text.size() - target);
      if (newline != nullptr) {
        end = static_cast<size_t>(static_cast<const char*>(newline) -
                                  text.data()) +
              1;
      }
    }
    Part part;
    part.begin = start;
    part.end = end;
    parts.push_back(std::move(part));
    start = end;
  }
  if (parts.size() < 2) return false;

  const PartInputs inputs{&reader_, &coded,
                          counter,  layout_.respondent_column,
                          row_size, options_.limits.max_respondents,
                          mapped_};
  RunWorkers(static_cast<unsigned>(parts.size()),
             [&inputs, &parts](unsigned k) { CountPart(inputs, &parts[k]); });

  uint64_t total = 0;
  for (const Part& part : parts) {
    if (!part.counted) return false;
    total += part.rows;
  }
  if (total == 0 || total > options_.limits.max_respondents) return false;
  // An id repeated across parts: the row loop names both lines.
  for (size_t k = 1; k < parts.size(); ++k) {
    for (size_t earlier = 0; earlier < k; ++earlier) {
      const absl::flat_hash_set<uint64_t>& small =
          parts[k].ids.size() < parts[earlier].ids.size() ? parts[k].ids
                                                          : parts[earlier].ids;
      const absl::flat_hash_set<uint64_t>& large =
          &small == &parts[k].ids ? parts[earlier].ids : parts[k].ids;
      for (const uint64_t id : small) {
        if (large.contains(id)) return false;
      }
    }
  }
  for (const Part& part : parts)
    counter->AddCountedRows(part.counts, part.rows);
  reader_.Seek({text.size(), 0});
  *rows = static_cast<size_t>(total);
  return true;
}

}  // namespace jtbd
