#include "render/warnings_render.h"

#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "render/table_text.h"

namespace jtbd {
namespace {

using render::OneLine;

std::string Where(const std::string& segment) {
  return segment.empty() ? "the whole sample"
                         : absl::StrCat("segment ", OneLine(segment));
}

std::string Heading(const v1::Warning& warning) {
  switch (warning.code()) {
    case v1::WARNING_CODE_SMALL_SAMPLE:
      return absl::StrCat("fewer than 30 answers in ",
                          Where(warning.segment()));
    case v1::WARNING_CODE_BAND_UNCERTAIN:
      return absl::StrCat("band uncertain in ", Where(warning.segment()),
                          " (the interval contains 10, 12 or 15)");
    default:
      return absl::StrCat("warning in ", Where(warning.segment()));
  }
}

std::string Item(const v1::Warning& warning) {
  std::string item = OneLine(warning.outcome_id());
  if (warning.code() == v1::WARNING_CODE_SMALL_SAMPLE && warning.has_value()) {
    absl::StrAppend(&item, absl::StrFormat(" (%.4g)", warning.value()));
  }
  return item;
}

// Appends `text` after `prefix`, wrapped at spaces to lines of at most
// kWidth columns (a word longer than that stays whole), continuation lines
// indented by four spaces.
constexpr size_t kWidth = 100;
void AppendWrapped(absl::string_view prefix, absl::string_view text,
                   std::string* out) {
  std::string line(prefix);
  bool first_word = true;  // on this line
  for (absl::string_view word : absl::StrSplit(text, ' ', absl::SkipEmpty())) {
    if (!first_word && line.size() + 1 + word.size() > kWidth) {
      absl::StrAppend(out, line, "\n");
      line = "    ";
      first_word = true;
    }
    if (!first_word) line += ' ';
    absl::StrAppend(&line, word);
    first_word = false;
  }
  absl::StrAppend(out, line, "\n");
}

}  // namespace

std::string WarningLines(
    const google::protobuf::RepeatedPtrField<v1::Warning>& warnings) {
  if (warnings.empty()) return "";
  std::string out = "\nWarnings:\n";
  // Outcome warnings of one code and segment are consecutive (one unit's
  // outcomes in rank order), so runs are gathered as they come.
  for (int i = 0; i < warnings.size();) {
    const v1::Warning& first = warnings[i];
    if (first.outcome_id().empty()) {
      AppendWrapped("  ", OneLine(first.message()), &out);
      ++i;
      continue;
    }
    std::vector<std::string> items;
    int j = i;
    for (; j < warnings.size() && !warnings[j].outcome_id().empty() &&
           warnings[j].code() == first.code() &&
           warnings[j].segment() == first.segment();
         ++j) {
      items.push_back(Item(warnings[j]));
    }
    AppendWrapped(
        "  ", absl::StrCat(Heading(first), ": ", absl::StrJoin(items, ", ")),
        &out);
    i = j;
  }
  return out;
}

}  // namespace jtbd
