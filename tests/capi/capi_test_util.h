// Helpers for the C ABI tests, which link libjtbd.so only: RAII for handles,
// error matchers, a hand-computed sample study, and a minimal protobuf wire
// encoder/decoder so that bytes-in/bytes-out is checked without protobuf.
#ifndef JTBD_TESTS_CAPI_CAPI_TEST_UTIL_H_
#define JTBD_TESTS_CAPI_CAPI_TEST_UTIL_H_

#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {

struct ErrorFree {
  void operator()(jtbd_error* e) const { jtbd_error_free(e); }
};
struct BufferFree {
  void operator()(jtbd_buffer* b) const { jtbd_buffer_free(b); }
};
struct StudyDestroy {
  void operator()(jtbd_study* s) const { jtbd_study_destroy(s); }
};
struct ReportDestroy {
  void operator()(jtbd_report* r) const { jtbd_report_destroy(r); }
};
struct AggregateDestroy {
  void operator()(jtbd_aggregate* a) const { jtbd_aggregate_destroy(a); }
};
struct ScoreOptionsDestroy {
  void operator()(jtbd_score_options* o) const {
    jtbd_score_options_destroy(o);
  }
};
struct ReadOptionsDestroy {
  void operator()(jtbd_read_options* o) const { jtbd_read_options_destroy(o); }
};
struct LimitsDestroy {
  void operator()(jtbd_limits* l) const { jtbd_limits_destroy(l); }
};
struct SegmentOptionsDestroy {
  void operator()(jtbd_segment_options* o) const {
    jtbd_segment_options_destroy(o);
  }
};
struct SegmentationDestroy {
  void operator()(jtbd_segmentation* s) const { jtbd_segmentation_destroy(s); }
};
struct SegmentModelDestroy {
  void operator()(jtbd_segment_model* m) const {
    jtbd_segment_model_destroy(m);
  }
};
using Error = std::unique_ptr<jtbd_error, ErrorFree>;
using Buffer = std::unique_ptr<jtbd_buffer, BufferFree>;
using Study = std::unique_ptr<jtbd_study, StudyDestroy>;
using Report = std::unique_ptr<jtbd_report, ReportDestroy>;
using Aggregate = std::unique_ptr<jtbd_aggregate, AggregateDestroy>;
using ScoreOptions = std::unique_ptr<jtbd_score_options, ScoreOptionsDestroy>;
using ReadOptions = std::unique_ptr<jtbd_read_options, ReadOptionsDestroy>;
using Limits = std::unique_ptr<jtbd_limits, LimitsDestroy>;
using SegmentOptions =
    std::unique_ptr<jtbd_segment_options, SegmentOptionsDestroy>;
using Segmentation = std::unique_ptr<jtbd_segmentation, SegmentationDestroy>;
using SegmentModel = std::unique_ptr<jtbd_segment_model, SegmentModelDestroy>;

// A call's outcome as a value gtest can print: code name and message.
struct Outcome {
  int32_t code;
  std::string message;
};
inline Outcome Result(jtbd_error* raw) {
  Error error(raw);
  return Outcome{jtbd_error_code(error.get()),
                 jtbd_error_message(error.get(), nullptr)};
}
inline void PrintTo(const Outcome& outcome, std::ostream* os) {
  *os << jtbd_code_name(outcome.code) << ": \"" << outcome.message << "\"";
}

MATCHER(IsOk, "succeeds") { return arg.code == JTBD_OK; }
MATCHER_P2(FailsWith, code, substring,
           std::string(jtbd_code_name(code)) + " containing \"" + substring +
               "\"") {
  return arg.code == code && arg.message.find(substring) != std::string::npos;
}

// New limits at their defaults, then `limit` set to `value` (unless 0).
inline Limits NewLimits(int32_t limit = 0, uint64_t value = 0) {
  jtbd_limits* raw = nullptr;
  EXPECT_THAT(Result(jtbd_limits_create(&raw)), IsOk());
  Limits limits(raw);
  if (limit != 0) {
    EXPECT_THAT(Result(jtbd_limits_set(raw, limit, value)), IsOk());
  }
  return limits;
}

inline std::string BufferBytes(const jtbd_buffer* buffer) {
  return std::string(reinterpret_cast<const char*>(jtbd_buffer_data(buffer)),
                     jtbd_buffer_size(buffer));
}

inline jtbd_outcome_score EmptyScore() {
  jtbd_outcome_score score;
  std::memset(&score, 0, sizeof(score));
  score.struct_size = sizeof(score);
  return score;
}

// ------------------------------------------------------- the sample study
//
// Two outcomes, six respondents in segments A and B; 0 = no answer.
//            speed imp/sat   cost imp/sat
//   r1 A        5 / 1           3 / 5
//   r2 A        4 / 2           2 / 4
//   r3 A        5 / 4           0 / 5
//   r4 B        2 / 5           5 / 1
//   r5 B        3 / 0           4 / 2
//   r6 B        4 / 3           5 / 2
// By hand (top box 4-5):
//   all  speed: I = 10*4/6, S = 10*2/5 = 4, Opp = 28/3 (9.33), appropriately
//              served, rank 1; n_I 6 (4 top), n_S 5 (2 top), both 5 (1 top)
//   all  cost:  I = 10*3/5 = 6, S = 10*3/6 = 5, Opp = 7, appropriately
//              served, rank 2; n_I 5 (3), n_S 6 (3), both 5 (0 top)
//   A    speed: I 10, S 10/3, Opp 50/3 (16.67) extreme, rank 1
//   A    cost:  I 0, S 10, Opp 0, overserved, rank 2
//   B    speed: I 10/3, S 5, Opp 10/3 overserved, rank 2
//   B    cost:  I 10, S 0, Opp 20 extreme, rank 1
struct SampleRespondent {
  const char* id;
  const char* segment;
  uint8_t importance[2];
  uint8_t satisfaction[2];
};
inline const std::vector<SampleRespondent>& SampleRespondents() {
  static const auto* const kRespondents = new std::vector<SampleRespondent>{
      {"r1", "A", {5, 3}, {1, 5}}, {"r2", "A", {4, 2}, {2, 4}},
      {"r3", "A", {5, 0}, {4, 5}}, {"r4", "B", {2, 5}, {5, 1}},
      {"r5", "B", {3, 4}, {0, 2}}, {"r6", "B", {4, 5}, {3, 2}},
  };
  return *kRespondents;
}
inline const char* const kSampleOutcomes[2] = {"speed", "cost"};
inline const char* const kSampleStatements[2] = {
    "Minimize the time it takes to invoice a job",
    "Minimize the cost of sending an invoice"};

// Builds the sample (respondents [begin, end)) through the C API.
inline Study MakeSampleStudy(size_t begin = 0, size_t end = 6) {
  jtbd_study* raw = nullptr;
  EXPECT_THAT(Result(jtbd_study_create(&raw)), IsOk());
  Study study(raw);
  for (int o = 0; o < 2; ++o) {
    EXPECT_THAT(
        Result(jtbd_study_add_outcome(
            raw, kSampleOutcomes[o], std::strlen(kSampleOutcomes[o]),
            kSampleStatements[o], std::strlen(kSampleStatements[o]), nullptr)),
        IsOk());
  }
  std::vector<uint32_t> respondents, outcomes;
  std::vector<uint8_t> importance, satisfaction;
  for (size_t r = begin; r < end; ++r) {
    const SampleRespondent& sample = SampleRespondents()[r];
    size_t index = 0;
    EXPECT_THAT(Result(jtbd_study_add_respondent(
                    raw, sample.id, std::strlen(sample.id), &index)),
                IsOk());
    EXPECT_THAT(Result(jtbd_study_set_attribute(raw, index, "segment", 7,
                                                sample.segment, 1)),
                IsOk());
    for (uint32_t o = 0; o < 2; ++o) {
      respondents.push_back(static_cast<uint32_t>(index));
      outcomes.push_back(o);
      importance.push_back(sample.importance[o]);
      satisfaction.push_back(sample.satisfaction[o]);
    }
  }
  EXPECT_THAT(Result(jtbd_study_add_answers(
                  raw, respondents.size(), respondents.data(), outcomes.data(),
                  importance.data(), satisfaction.data())),
              IsOk());
  return study;
}

// ------------------------------------------------ protobuf wire, by hand

// Appends protobuf fields (proto3 wire format).
class WireWriter {
 public:
  WireWriter& Varint(int field, uint64_t value) {
    PutVarint(static_cast<uint64_t>(field) << 3 | 0);
    PutVarint(value);
    return *this;
  }
  WireWriter& Bytes(int field, const std::string& value) {
    PutVarint(static_cast<uint64_t>(field) << 3 | 2);
    PutVarint(value.size());
    bytes_ += value;
    return *this;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  void PutVarint(uint64_t value) {
    while (value >= 0x80) {
      bytes_.push_back(static_cast<char>(value | 0x80));
      value >>= 7;
    }
    bytes_.push_back(static_cast<char>(value));
  }
  std::string bytes_;
};

// One decoded message: per field number, its values in order. Varints and
// fixed64 land in `numbers` (fixed64 as raw bits), length-delimited fields
// in `bytes`. Malformed input fails the current test.
struct WireMessage {
  std::map<int, std::vector<uint64_t>> numbers;
  std::map<int, std::vector<std::string>> bytes;

  static WireMessage Parse(const std::string& data) {
    WireMessage message;
    size_t pos = 0;
    auto varint = [&](uint64_t* value) {
      *value = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= data.size()) return false;
        const uint8_t byte = static_cast<uint8_t>(data[pos++]);
        *value |= static_cast<uint64_t>(byte & 0x7F) << shift;
        if ((byte & 0x80) == 0) return true;
      }
      return false;
    };
    while (pos < data.size()) {
      uint64_t key = 0;
      if (!varint(&key)) break;
      const int field = static_cast<int>(key >> 3);
      switch (key & 7) {
        case 0: {
          uint64_t value = 0;
          if (!varint(&value)) break;
          message.numbers[field].push_back(value);
          continue;
        }
        case 1: {
          if (data.size() - pos < 8) break;
          uint64_t bits = 0;
          for (int k = 7; k >= 0; --k) {
            bits = bits << 8 | static_cast<uint8_t>(data[pos + k]);
          }
          pos += 8;
          message.numbers[field].push_back(bits);
          continue;
        }
        case 2: {
          uint64_t length = 0;
          if (!varint(&length) || data.size() - pos < length) break;
          message.bytes[field].push_back(data.substr(pos, length));
          pos += length;
          continue;
        }
        default:
          break;
      }
      ADD_FAILURE() << "malformed protobuf at byte " << pos;
      break;
    }
    return message;
  }

  uint64_t Number(int field) const {
    auto it = numbers.find(field);
    return it == numbers.end() ? 0 : it->second.back();
  }
  double Double(int field) const {
    const uint64_t bits = Number(field);
    double value;
    std::memcpy(&value, &bits, sizeof(value));
    return value;
  }
  std::string String(int field) const {
    auto it = bytes.find(field);
    return it == bytes.end() ? "" : it->second.back();
  }
  std::vector<WireMessage> Messages(int field) const {
    std::vector<WireMessage> out;
    auto it = bytes.find(field);
    if (it == bytes.end()) return out;
    for (const std::string& item : it->second) out.push_back(Parse(item));
    return out;
  }
};

// The sample as a serialized jtbd.v1.ScoreRequest, written field by field
// from the .proto numbers (Study: outcomes 2, respondents 4; Respondent: id
// 1, attributes 2, answers 3; Answer: outcome_id 1, importance 2,
// satisfaction 3; ScoreRequest: study 1, options 2 {segment_by 1}).
inline std::string SampleScoreRequest(const std::string& segment_by) {
  WireWriter study;
  for (int o = 0; o < 2; ++o) {
    study.Bytes(2, WireWriter()
                       .Bytes(1, kSampleOutcomes[o])
                       .Bytes(2, kSampleStatements[o])
                       .bytes());
  }
  for (const SampleRespondent& sample : SampleRespondents()) {
    WireWriter respondent;
    respondent.Bytes(1, sample.id);
    respondent.Bytes(
        2, WireWriter().Bytes(1, "segment").Bytes(2, sample.segment).bytes());
    for (int o = 0; o < 2; ++o) {
      WireWriter answer;
      answer.Bytes(1, kSampleOutcomes[o]);
      if (sample.importance[o] != 0) answer.Varint(2, sample.importance[o]);
      if (sample.satisfaction[o] != 0) {
        answer.Varint(3, sample.satisfaction[o]);
      }
      respondent.Bytes(3, answer.bytes());
    }
    study.Bytes(4, respondent.bytes());
  }
  WireWriter request;
  request.Bytes(1, study.bytes());
  if (!segment_by.empty()) {
    request.Bytes(2, WireWriter().Bytes(1, segment_by).bytes());
  }
  return request.bytes();
}

}  // namespace jtbd_test

#endif  // JTBD_TESTS_CAPI_CAPI_TEST_UTIL_H_
