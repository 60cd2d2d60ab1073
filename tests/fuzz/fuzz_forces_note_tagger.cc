// Fuzzes the force tagger (forces/note_tagger.h) and the user phrase-list
// parser (forces/note_phrases.h). The input is split at its first 0x01
// byte: a phrase list before, notes (one per line) after; without one, the
// whole input is both. A refused list or notes name their source; accepted
// notes give suggestions inside their line, in order, with the phrase the
// offsets point at and a confidence in [0, 1].
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "forces/note_lines.h"
#include "forces/note_phrases.h"
#include "forces/note_tagger.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t split = input.find('\x01');
  const absl::string_view phrases_text =
      split == absl::string_view::npos ? input : input.substr(0, split);
  const absl::string_view notes_text =
      split == absl::string_view::npos ? input : input.substr(split + 1);

  jtbd::forces::NoteTagOptions options;
  auto phrases = jtbd::forces::ParseUserPhrases(phrases_text, "fuzz-phrases");
  if (phrases.ok()) {
    options.user_phrases = *std::move(phrases);
  } else {
    jtbd::fuzz::CheckRefusalNames(phrases.status(), "fuzz-phrases");
  }
  auto notes = jtbd::forces::TagNoteLines(notes_text, "fuzz-notes", options);
  if (!notes.ok()) {
    jtbd::fuzz::CheckRefusalNames(notes.status(), "fuzz-notes");
    return 0;
  }
  absl::string_view text = notes_text;
  if (absl::StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  std::vector<absl::string_view> lines = absl::StrSplit(text, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  JTBD_FUZZ_CHECK(
      static_cast<size_t>(notes->notes_size()) == lines.size(),
      absl::StrCat(notes->notes_size(), " notes, ", lines.size(), " lines"));
  for (int i = 0; i < notes->notes_size(); ++i) {
    absl::string_view line = lines[i];
    if (absl::EndsWith(line, "\r")) line.remove_suffix(1);
    size_t previous_end = 0;
    for (const auto& s : notes->notes(i).suggestions()) {
      JTBD_FUZZ_CHECK(s.start() < s.end() && s.end() <= line.size(),
                      absl::StrCat(s.start(), "..", s.end()));
      JTBD_FUZZ_CHECK(s.start() >= previous_end, "overlapping suggestions");
      previous_end = s.end();
      JTBD_FUZZ_CHECK(s.phrase() == line.substr(s.start(), s.end() - s.start()),
                      s.phrase());
      JTBD_FUZZ_CHECK(s.confidence() >= 0 && s.confidence() <= 1,
                      absl::StrCat(s.confidence()));
      JTBD_FUZZ_CHECK(s.force() != jtbd::v1::FORCE_UNSPECIFIED, "no force");
    }
  }
  return 0;
}
