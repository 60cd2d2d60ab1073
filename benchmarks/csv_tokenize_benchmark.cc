// CSV tokenizing per export format (CsvReader::Read, every field of every
// record, nothing else): the first cost of every survey read, in bytes/s.
// The survey-tool exports are the test files of tests/data/io/formats with
// their answer rows repeated to about 4 MB (their quoting, long question
// texts and label cells are what make one format slower than another);
// wide and long are generated like benchmarks/compare's files.
#include <cstddef>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "benchmark/benchmark.h"
#include "io/csv_reader.h"

namespace jtbd {
namespace {

constexpr size_t kTargetBytes = size_t{4} << 20;

// The file's first `header_records` records, then its other records
// repeated until the text reaches kTargetBytes. Records are cut at line
// breaks outside quotes.
std::string Repeated(const std::string& name, size_t header_records) {
  std::ifstream in(std::string(JTBD_SOURCE_DIR) + "/tests/data/io/formats/" +
                   name);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string file = buffer.str();
  size_t body = 0;
  bool quoted = false;
  for (size_t records = 0; body < file.size() && records < header_records;
       ++body) {
    if (file[body] == '"') quoted = !quoted;
    if (file[body] == '\n' && !quoted) ++records;
  }
  std::string text = file.substr(0, body);
  std::string rows = file.substr(body);
  if (!rows.empty() && rows.back() != '\n') rows += '\n';
  if (rows.empty()) return text;
  while (text.size() < kTargetBytes) text += rows;
  return text;
}

// As benchmarks/compare writes it: respondent_id, segment, 100 imp_/sat_
// pairs of ratings 1-5, 2% blank.
std::string Wide() {
  std::mt19937 rng(18);
  std::string csv = "respondent_id,segment";
  for (size_t o = 0; o < 100; ++o) {
    csv += ",imp_o" + std::to_string(o) + ",sat_o" + std::to_string(o);
  }
  csv += '\n';
  for (size_t r = 0; csv.size() < kTargetBytes; ++r) {
    csv += "r" + std::to_string(r) + (r % 3 ? ",office" : ",field");
    for (size_t k = 0; k < 200; ++k) {
      csv += ',';
      if (rng() % 50 != 0) csv += static_cast<char>('1' + rng() % 5);
    }
    csv += '\n';
  }
  return csv;
}

// One row per respondent x outcome.
std::string Long() {
  std::mt19937 rng(19);
  std::string csv = "respondent,segment,outcome,importance,satisfaction\n";
  for (size_t r = 0; csv.size() < kTargetBytes; ++r) {
    for (size_t o = 0; o < 100; ++o) {
      csv += "r" + std::to_string(r) + (r % 3 ? ",office" : ",field") + ",o" +
             std::to_string(o) + ',' + static_cast<char>('1' + rng() % 5) +
             ',' + static_cast<char>('1' + rng() % 5) + '\n';
    }
  }
  return csv;
}

void Tokenize(benchmark::State& state, const std::string& csv) {
  size_t fields = 0;
  for (auto _ : state) {
    CsvReader reader(csv, CsvReader::DetectSeparator(csv));
    fields = 0;
    CsvReader::Result result;
    while ((result = reader.Read()) == CsvReader::Result::kRecord) {
      fields += reader.fields().size();
    }
    if (result == CsvReader::Result::kError) {
      state.SkipWithError(reader.error().what.c_str());
      break;
    }
    benchmark::DoNotOptimize(fields);
  }
  state.SetBytesProcessed(
      static_cast<int64_t>(state.iterations() * csv.size()));
  state.counters["fields"] = static_cast<double>(fields);
}

void BM_TokenizeQualtrics(benchmark::State& state) {
  static const std::string csv = Repeated("qualtrics.csv", 3);
  Tokenize(state, csv);
}
BENCHMARK(BM_TokenizeQualtrics)->Unit(benchmark::kMillisecond);

void BM_TokenizeSurveyMonkey(benchmark::State& state) {
  static const std::string csv = Repeated("surveymonkey.csv", 2);
  Tokenize(state, csv);
}
BENCHMARK(BM_TokenizeSurveyMonkey)->Unit(benchmark::kMillisecond);

void BM_TokenizeGoogleForms(benchmark::State& state) {
  static const std::string csv = Repeated("google_forms.csv", 1);
  Tokenize(state, csv);
}
BENCHMARK(BM_TokenizeGoogleForms)->Unit(benchmark::kMillisecond);

void BM_TokenizeTypeform(benchmark::State& state) {
  static const std::string csv = Repeated("typeform.csv", 1);
  Tokenize(state, csv);
}
BENCHMARK(BM_TokenizeTypeform)->Unit(benchmark::kMillisecond);

void BM_TokenizeWide(benchmark::State& state) {
  static const std::string csv = Wide();
  Tokenize(state, csv);
}
BENCHMARK(BM_TokenizeWide)->Unit(benchmark::kMillisecond);

void BM_TokenizeLong(benchmark::State& state) {
  static const std::string csv = Long();
  Tokenize(state, csv);
}
BENCHMARK(BM_TokenizeLong)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace jtbd
