#include "forces/note_phrases.h"

#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "forces/force_names.h"
#include "io/text_normalize.h"
#include "io/utf8.h"

namespace jtbd {
namespace forces {

absl::StatusOr<std::vector<LexiconEntry>> ParseUserPhrases(
    absl::string_view text, absl::string_view source_name) {
  size_t offset = 0;
  if (absl::StartsWith(text, "\xEF\xBB\xBF")) offset = 3;
  std::vector<LexiconEntry> entries;
  int line_number = 0;
  while (offset < text.size()) {
    ++line_number;
    size_t end = text.find('\n', offset);
    if (end == absl::string_view::npos) end = text.size();
    absl::string_view line = text.substr(offset, end - offset);
    offset = end + 1;
    if (absl::EndsWith(line, "\r")) line.remove_suffix(1);
    auto error = [&](size_t column, absl::string_view message) {
      return absl::InvalidArgumentError(absl::StrCat(
          source_name, ":", line_number, ":", column + 1, ": ", message));
    };
    const size_t invalid = FindInvalidUtf8(line);
    if (invalid != absl::string_view::npos) {
      return error(invalid, "invalid UTF-8");
    }
    const absl::string_view stripped = absl::StripLeadingAsciiWhitespace(line);
    if (stripped.empty() || stripped.front() == '#') continue;
    const size_t comma = line.find(',');
    if (comma == absl::string_view::npos) {
      return error(line.size(),
                   "expected \"force,phrase\" (push, pull, anxiety or habit, "
                   "a comma, the phrase)");
    }
    const absl::string_view force_text =
        absl::StripAsciiWhitespace(line.substr(0, comma));
    const std::optional<v1::Force> force =
        ParseForce(NormalizeText(force_text));
    if (!force.has_value()) {
      return error(static_cast<size_t>(force_text.data() - line.data()),
                   absl::StrCat("unknown force \"", force_text,
                                "\" (push, pull, anxiety, habit; poussée, "
                                "attraction, anxiété, habitude)"));
    }
    const absl::string_view phrase =
        absl::StripAsciiWhitespace(line.substr(comma + 1));
    absl::StatusOr<LexiconEntry> entry =
        CompilePhrase(*force, phrase, kUserPhraseWeight);
    if (!entry.ok()) {
      const size_t column =
          phrase.empty() ? line.size()
                         : static_cast<size_t>(phrase.data() - line.data());
      return error(column, entry.status().message());
    }
    entry->user = true;
    entries.push_back(*std::move(entry));
  }
  return entries;
}

}  // namespace forces
}  // namespace jtbd
