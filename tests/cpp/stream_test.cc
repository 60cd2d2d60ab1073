// Streams through jtbd.hpp: jtbd::Stream appends, scores like its current
// aggregate, alerts on a shifted outcome as CompareWaves would, saves and
// loads; refusals throw jtbd::Error and change nothing.
#include <cstdint>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "jtbd/jtbd.h"
#include "jtbd/jtbd.hpp"

namespace {

using ::testing::HasSubstr;

jtbd::Aggregate Shape() {
  jtbd::Aggregate shape;
  shape.AddOutcome("o1");
  shape.AddOutcome("o2");
  return shape;
}

TEST(CppStreamTest, WindowDecayAlertsAndFiles) {
  const jtbd::Aggregate shape = Shape();
  jtbd::Stream window = jtbd::Stream::Window(shape, 1000, 3);
  window.Append(5000, {5, 1}, {2, 4});
  window.Append(4000, {2, 4}, {5, 1}, 2.0);
  EXPECT_EQ(window.latest_ms(), 5000);
  EXPECT_EQ(window.buckets_held(), 2u);
  const std::string before = window.Serialize();
  try {
    window.Append(1000, {5, 1}, {2, 4});
    FAIL() << "an answer older than the window was accepted";
  } catch (const jtbd::Error& error) {
    EXPECT_EQ(error.code(), JTBD_OUT_OF_RANGE);
    EXPECT_THAT(error.what(), HasSubstr("older than the window"));
  }
  EXPECT_THROW(window.Append(5000, {5, 9}, {2, 4}), jtbd::Error);
  EXPECT_EQ(window.Serialize(), before);
  EXPECT_EQ(window.Score().Render(jtbd::Format::kJson),
            window.Current().Score().Render(jtbd::Format::kJson));

  // Reference: o1 important for 1 in 5; the decayed stream: always.
  jtbd::Aggregate reference = Shape();
  jtbd::Stream decay = jtbd::Stream::Decay(shape, 60000);
  for (int k = 0; k < 400; ++k) {
    const std::vector<uint8_t> imp = {static_cast<uint8_t>(k % 5 == 0 ? 5 : 2),
                                      static_cast<uint8_t>(k % 2 == 0 ? 5 : 2)};
    const std::vector<uint8_t> sat = {2, 2};
    reference.AddRespondents(1, imp, sat);
    decay.Append(1000 * k, {5, imp[1]}, sat);
  }
  const jtbd::WaveComparison alerts = decay.Alerts(reference);
  ASSERT_EQ(alerts.changes().size(), 2u);
  ASSERT_TRUE(alerts.changes()[0].opportunity.has_value());
  EXPECT_TRUE(alerts.changes()[0].opportunity->significant);
  EXPECT_FALSE(alerts.changes()[1].opportunity->significant);
  EXPECT_EQ(alerts.Render(jtbd::Format::kJson),
            jtbd::CompareWaves(reference, decay.Current())
                .Render(jtbd::Format::kJson));

  const std::string path = ::testing::TempDir() + "/cpp_stream.jtbd";
  decay.Save(path);
  EXPECT_EQ(jtbd::Stream::Load(path).Serialize(), decay.Serialize());
  EXPECT_EQ(jtbd::Stream::Parse(decay.Serialize()).Serialize(),
            decay.Serialize());
  EXPECT_THROW(jtbd::Stream::Window(shape, 1000, 0), jtbd::Error);
}

}  // namespace
