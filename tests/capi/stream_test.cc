// Streams through the C ABI (jtbd_stream_*): appends, a refused append that
// changes nothing, scores equal to the aggregate's, alerts as the wave
// comparison of the reference with the current answers, save/load and
// parse, and refusals that leave out-parameters untouched.
#include <cstdint>
#include <memory>
#include <string>

#include "capi_test_util.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"

namespace jtbd_test {
namespace {

struct StreamDestroy {
  void operator()(jtbd_stream* s) const { jtbd_stream_destroy(s); }
};
using Stream = std::unique_ptr<jtbd_stream, StreamDestroy>;
struct ComparisonDestroy {
  void operator()(jtbd_wave_comparison* c) const {
    jtbd_wave_comparison_destroy(c);
  }
};
using Comparison = std::unique_ptr<jtbd_wave_comparison, ComparisonDestroy>;

Aggregate Shape() {
  jtbd_aggregate* raw = nullptr;
  EXPECT_THAT(Result(jtbd_aggregate_create(&raw)), IsOk());
  EXPECT_THAT(Result(jtbd_aggregate_add_outcome(raw, "o1", 2, "", 0)), IsOk());
  EXPECT_THAT(Result(jtbd_aggregate_add_outcome(raw, "o2", 2, "", 0)), IsOk());
  return Aggregate(raw);
}

std::string Serialized(const jtbd_stream* stream) {
  jtbd_buffer* raw = nullptr;
  EXPECT_THAT(Result(jtbd_stream_serialize(stream, &raw)), IsOk());
  Buffer buffer(raw);
  return BufferBytes(buffer.get());
}

std::string ReportJson(jtbd_report* raw) {
  Report report(raw);
  jtbd_buffer* buffer = nullptr;
  EXPECT_THAT(
      Result(jtbd_report_render(report.get(), JTBD_FORMAT_JSON, &buffer)),
      IsOk());
  Buffer owned(buffer);
  return BufferBytes(owned.get());
}

TEST(StreamCapiTest, AppendScoreAndRefusals) {
  const Aggregate shape = Shape();
  jtbd_stream* raw = nullptr;
  EXPECT_THAT(Result(jtbd_stream_create(shape.get(), 1000, 3, 5, &raw)),
              FailsWith(JTBD_INVALID_ARGUMENT, "jtbd_stream_create"));
  EXPECT_EQ(raw, nullptr);
  ASSERT_THAT(Result(jtbd_stream_create(shape.get(), 1000, 3, 0, &raw)),
              IsOk());
  Stream stream(raw);
  EXPECT_EQ(jtbd_stream_latest_ms(stream.get()), -1);
  const uint8_t a[] = {5, 1}, b[] = {2, 4};
  ASSERT_THAT(Result(jtbd_stream_append(stream.get(), 5000, a, b, 2, nullptr)),
              IsOk());
  const double weight = 2.0;
  ASSERT_THAT(Result(jtbd_stream_append(stream.get(), 4000, b, a, 2, &weight)),
              IsOk());
  EXPECT_EQ(jtbd_stream_latest_ms(stream.get()), 5000);
  EXPECT_EQ(jtbd_stream_buckets_held(stream.get()), 2u);
  const std::string before = Serialized(stream.get());
  EXPECT_THAT(Result(jtbd_stream_append(stream.get(), 1000, a, b, 2, nullptr)),
              FailsWith(JTBD_OUT_OF_RANGE, "older than the window"));
  const uint8_t three[] = {5, 1, 3};
  EXPECT_THAT(
      Result(jtbd_stream_append(stream.get(), 5000, three, three, 3, nullptr)),
      FailsWith(JTBD_INVALID_ARGUMENT, "count 3"));
  const uint8_t bad[] = {5, 6};
  EXPECT_THAT(
      Result(jtbd_stream_append(stream.get(), 5000, bad, b, 2, nullptr)),
      FailsWith(JTBD_INVALID_ARGUMENT, "importance[1] = 6"));
  const double zero = 0;
  EXPECT_THAT(Result(jtbd_stream_append(stream.get(), 5000, a, b, 2, &zero)),
              FailsWith(JTBD_INVALID_ARGUMENT, "weight"));
  EXPECT_EQ(Serialized(stream.get()), before);

  const char* id = nullptr;
  size_t id_len = 0;
  ASSERT_THAT(Result(jtbd_stream_outcome_id(stream.get(), 1, &id, &id_len)),
              IsOk());
  EXPECT_EQ(std::string(id, id_len), "o2");
  EXPECT_THAT(Result(jtbd_stream_outcome_id(stream.get(), 2, &id, &id_len)),
              FailsWith(JTBD_OUT_OF_RANGE, "index"));

  // The score is the current aggregate's.
  jtbd_aggregate* current = nullptr;
  ASSERT_THAT(Result(jtbd_stream_current(stream.get(), &current)), IsOk());
  Aggregate owned_current(current);
  EXPECT_EQ(jtbd_aggregate_respondent_count(current), 2u);
  jtbd_report* from_stream = nullptr;
  jtbd_report* from_aggregate = nullptr;
  ASSERT_THAT(Result(jtbd_stream_score(stream.get(), nullptr, &from_stream)),
              IsOk());
  ASSERT_THAT(Result(jtbd_aggregate_score(current, nullptr, &from_aggregate)),
              IsOk());
  EXPECT_EQ(ReportJson(from_stream), ReportJson(from_aggregate));
}

TEST(StreamCapiTest, AlertsAreTheWaveComparisonAndFilesRoundTrip) {
  const Aggregate shape = Shape();
  jtbd_stream* raw = nullptr;
  ASSERT_THAT(Result(jtbd_stream_create(shape.get(), 0, 0, 60000, &raw)),
              IsOk());
  Stream stream(raw);
  // Reference: o1 rarely important; the stream: o1 always important.
  jtbd_aggregate* reference = nullptr;
  ASSERT_THAT(Result(jtbd_aggregate_create(&reference)), IsOk());
  Aggregate owned_reference(reference);
  ASSERT_THAT(Result(jtbd_aggregate_add_outcome(reference, "o1", 2, "", 0)),
              IsOk());
  ASSERT_THAT(Result(jtbd_aggregate_add_outcome(reference, "o2", 2, "", 0)),
              IsOk());
  for (int k = 0; k < 400; ++k) {
    const uint8_t imp[] = {static_cast<uint8_t>(k % 5 == 0 ? 5 : 2),
                           static_cast<uint8_t>(k % 2 == 0 ? 5 : 2)};
    const uint8_t sat[] = {2, 2};
    ASSERT_THAT(Result(jtbd_aggregate_add_respondents(reference, 1, imp, sat)),
                IsOk());
    const uint8_t now[] = {5, imp[1]};
    ASSERT_THAT(Result(jtbd_stream_append(stream.get(), 1000 * k, now, sat, 2,
                                          nullptr)),
                IsOk());
  }
  jtbd_wave_comparison* alerts = nullptr;
  ASSERT_THAT(
      Result(jtbd_stream_alerts(stream.get(), nullptr, reference, &alerts)),
      IsOk());
  Comparison owned_alerts(alerts);
  ASSERT_EQ(jtbd_wave_comparison_change_count(alerts), 2u);
  jtbd_outcome_change change;
  change.struct_size = sizeof change;
  ASSERT_THAT(Result(jtbd_wave_comparison_change(alerts, 0, &change)), IsOk());
  EXPECT_TRUE(change.has & JTBD_CHANGE_HAS_OPPORTUNITY);
  EXPECT_EQ(change.opportunity.significant, 1u);
  EXPECT_GT(change.opportunity.difference, 0);
  ASSERT_THAT(Result(jtbd_wave_comparison_change(alerts, 1, &change)), IsOk());
  EXPECT_EQ(change.opportunity.significant, 0u);
  // The same comparison as jtbd_compare_aggregates with the current answers.
  jtbd_aggregate* current = nullptr;
  ASSERT_THAT(Result(jtbd_stream_current(stream.get(), &current)), IsOk());
  Aggregate owned_current(current);
  jtbd_wave_comparison* compared = nullptr;
  ASSERT_THAT(
      Result(jtbd_compare_aggregates(nullptr, reference, current, &compared)),
      IsOk());
  Comparison owned_compared(compared);
  jtbd_buffer* x = nullptr;
  jtbd_buffer* y = nullptr;
  ASSERT_THAT(
      Result(jtbd_wave_comparison_render(alerts, JTBD_FORMAT_PROTOBUF, &x)),
      IsOk());
  ASSERT_THAT(
      Result(jtbd_wave_comparison_render(compared, JTBD_FORMAT_PROTOBUF, &y)),
      IsOk());
  Buffer bx(x), by(y);
  EXPECT_EQ(BufferBytes(bx.get()), BufferBytes(by.get()));

  // Saved and loaded; parsed from its bytes.
  const std::string path = ::testing::TempDir() + "/capi_stream.jtbd";
  ASSERT_THAT(
      Result(jtbd_stream_save_file(stream.get(), path.data(), path.size())),
      IsOk());
  jtbd_stream* loaded = nullptr;
  ASSERT_THAT(Result(jtbd_stream_load_file(path.data(), path.size(), &loaded)),
              IsOk());
  Stream owned_loaded(loaded);
  EXPECT_EQ(Serialized(loaded), Serialized(stream.get()));
  const std::string bytes = Serialized(stream.get());
  jtbd_stream* parsed = nullptr;
  ASSERT_THAT(Result(jtbd_stream_parse(bytes.data(), bytes.size(), &parsed)),
              IsOk());
  Stream owned_parsed(parsed);
  // Another kind of saved file: refused, naming it.
  const std::string other = ::testing::TempDir() + "/capi_not_stream.jtbd";
  ASSERT_THAT(
      Result(jtbd_aggregate_save_file(reference, other.data(), other.size())),
      IsOk());
  jtbd_stream* wrong = nullptr;
  EXPECT_THAT(Result(jtbd_stream_load_file(other.data(), other.size(), &wrong)),
              FailsWith(JTBD_INVALID_ARGUMENT, "capi_not_stream.jtbd"));
  EXPECT_EQ(wrong, nullptr);
  EXPECT_THAT(Result(jtbd_stream_parse("\x08\x07", 2, &wrong)),
              FailsWith(JTBD_INVALID_ARGUMENT, "jtbd_stream_parse"));
  EXPECT_EQ(wrong, nullptr);
}

}  // namespace
}  // namespace jtbd_test
