// Linting statements (docs/STATEMENTS.md): one statement as a person types
// it, and a set of 10,000 (the bar: well under a second), duplicates
// and near-duplicates included. The statements are built from a grammar of
// directions, metrics, objects and clarifiers in English and French, some
// defective, with repeats, so every rule and the set rules get work.
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "statements/linter.h"

namespace jtbd {
namespace {

std::vector<std::string> Statements(int count, uint64_t seed) {
  static const char* const kEnDirections[] = {"Minimize", "Increase", "Reduce",
                                              "Improve"};
  static const char* const kEnMetrics[] = {"the time it takes to",
                                           "the likelihood that",
                                           "the number of",
                                           "the amount of",
                                           "the time and effort it takes to",
                                           ""};
  static const char* const kEnVerbs[] = {"verify",       "locate", "approve",
                                         "reconcile",    "ship",   "compare",
                                         "quickly find", "export"};
  static const char* const kEnObjects[] = {
      "an invoice",         "the purchase order", "a supplier quote",
      "the monthly budget", "a replacement part", "the bank statement",
      "a patient record",   "the delivery date"};
  static const char* const kEnClarifiers[] = {
      "",
      "when it arrives from a new supplier",
      "during a consultation",
      "before the end of the month",
      "in the dashboard",
      "while on the go"};
  static const char* const kFr[] = {
      "Minimiser le temps nécessaire pour vérifier une facture lorsqu’elle "
      "arrive",
      "Réduire la probabilité qu’un paiement soit envoyé sur le mauvais "
      "compte",
      "Minimiser le temps et l’effort nécessaires pour rapprocher les comptes",
      "Quand je clôture les comptes, je veux voir les factures impayées, "
      "afin de les relancer",
      "Ajouter un bouton pour exporter le rapport"};
  std::mt19937_64 rng(seed);
  std::vector<std::string> out;
  out.reserve(count);
  for (int i = 0; i < count; ++i) {
    if (rng() % 5 == 0) {
      out.push_back(absl::StrCat(kFr[rng() % 5], " n° ", rng() % 500));
      continue;
    }
    out.push_back(absl::StrCat(kEnDirections[rng() % 4], " ",
                               kEnMetrics[rng() % 6], " ", kEnVerbs[rng() % 8],
                               " ", kEnObjects[rng() % 8], " ",
                               kEnClarifiers[rng() % 6], " ", rng() % 1000));
  }
  return out;
}

void BM_LintOne(benchmark::State& state) {
  const statements::Linter linter{statements::LintOptions{}};
  const std::string text =
      "Minimize the time it takes to verify the accuracy of an invoice when "
      "it arrives from a new supplier";
  for (auto _ : state) {
    auto linted = linter.Lint(text);
    benchmark::DoNotOptimize(linted);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_LintOne);

void BM_LintSet(benchmark::State& state) {
  const std::vector<std::string> texts =
      Statements(static_cast<int>(state.range(0)), 7);
  const statements::Linter linter{statements::LintOptions{}};
  size_t findings = 0;
  for (auto _ : state) {
    auto linted = linter.LintAll(texts);
    findings = 0;
    for (const auto& s : *linted) findings += s.findings.size();
    benchmark::DoNotOptimize(findings);
  }
  state.counters["findings"] = static_cast<double>(findings);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_LintSet)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace jtbd
