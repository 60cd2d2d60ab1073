// The force tagger (docs/FORCES.md, "Force tags from notes"): 10,000 CRM
// notes, one per line, tagged in English, in French, and with the language
// detected per note; the notes are the labelled test notes repeated.
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "forces/note_lines.h"

namespace jtbd {
namespace {

constexpr int kNotes = 10000;

// The note texts of a labelled file (tests/data/forces), repeated to
// kNotes lines.
std::string Notes(const char* name) {
  std::ifstream file(std::string(JTBD_SOURCE_DIR) + "/tests/data/forces/" +
                     name);
  std::vector<std::string> texts;
  std::string line;
  while (std::getline(file, line)) {
    if (line.empty() || line[0] == '#') continue;
    texts.push_back(line.substr(line.find('\t') + 1));
  }
  std::string notes;
  for (int i = 0; i < kNotes && !texts.empty(); ++i) {
    notes += texts[i % texts.size()];
    notes += '\n';
  }
  return notes;
}

void Tag(benchmark::State& state, const char* file,
         std::optional<forces::NoteLanguage> language) {
  const std::string notes = Notes(file);
  forces::NoteTagOptions options;
  options.language = language;
  for (auto _ : state) {
    auto tagged = forces::TagNoteLines(notes, "notes", options);
    if (!tagged.ok() || tagged->notes_size() != kNotes) {
      state.SkipWithError("tagging failed");
      return;
    }
    benchmark::DoNotOptimize(tagged);
  }
  state.SetItemsProcessed(state.iterations() * kNotes);
  state.SetBytesProcessed(state.iterations() *
                          static_cast<int64_t>(notes.size()));
}

void BM_TagNotesEnglish(benchmark::State& state) {
  Tag(state, "notes_en.tsv", forces::NoteLanguage::kEnglish);
}
void BM_TagNotesFrench(benchmark::State& state) {
  Tag(state, "notes_fr.tsv", forces::NoteLanguage::kFrench);
}
void BM_TagNotesDetected(benchmark::State& state) {
  Tag(state, "notes_fr.tsv", std::nullopt);
}
BENCHMARK(BM_TagNotesEnglish)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TagNotesFrench)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TagNotesDetected)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace jtbd
