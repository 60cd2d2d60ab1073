#include "core/scale.h"

#include <limits>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace {

using ::testing::HasSubstr;

TEST(ScaleTest, DefaultIsUlwickTopTwoBox) {
  Scale scale;
  EXPECT_EQ(scale.points(), 5);
  EXPECT_FALSE(scale.IsTopBox(3));
  EXPECT_TRUE(scale.IsTopBox(4));
  EXPECT_TRUE(scale.IsTopBox(5));
  EXPECT_FALSE(scale.Contains(0));
  EXPECT_FALSE(scale.Contains(6));
  EXPECT_EQ(scale.ToString(), "1-5, top box 4-5");
  EXPECT_TRUE(scale.Validate().ok());
}

TEST(ScaleTest, RejectsBadScales) {
  EXPECT_THAT(Scale::Make(0, 5, 4).status().message(), HasSubstr("at least 1"));
  EXPECT_THAT(Scale::Make(5, 5, 5).status().message(),
              HasSubstr("greater than its minimum"));
  EXPECT_THAT(Scale::Make(1, 12, 10).status().message(),
              HasSubstr("12 points"));
  EXPECT_THAT(Scale::Make(1, 5, 6).status().message(),
              HasSubstr("outside the scale"));
  EXPECT_THAT(Scale::Make(1, 5, 0).status().message(),
              HasSubstr("outside the scale"));
  EXPECT_FALSE(Scale::Make(-2147483647, 2147483647, 1).ok());
  EXPECT_THAT(Scale::Make(250, 260, 255).status().message(),
              HasSubstr("above 255"));
  EXPECT_TRUE(Scale::Make(245, 255, 255).ok());
  EXPECT_TRUE(Scale::Make(1, 11, 9).ok());
  EXPECT_TRUE(Scale::Make(1, 7, 6).ok());
}

TEST(ScaleTest, ProtoRoundTripAndDefaults) {
  Scale scale = *Scale::Make(1, 7, 6);
  EXPECT_EQ(*Scale::FromProto(scale.ToProto()), scale);
  EXPECT_EQ(*Scale::FromProto(v1::Scale()), Scale());
  v1::Scale bad;
  bad.set_min(3);
  EXPECT_FALSE(Scale::FromProto(bad).ok());
}

TEST(ScaleTest, FromPartsFillsWhatIsNotGiven) {
  const Scale five;
  // Nothing given: the defaults, whatever their top box.
  EXPECT_EQ(*Scale::FromParts(five, {}, {}, {}), five);
  const Scale model = *Scale::Make(1, 7, 5);
  EXPECT_EQ(*Scale::FromParts(model, {}, {}, {}), model);
  // Bounds given: the top two box of the new maximum.
  EXPECT_EQ(*Scale::FromParts(five, 1, 7, {}), *Scale::Make(1, 7, 6));
  EXPECT_EQ(*Scale::FromParts(model, 2, 10, {}), *Scale::Make(2, 10, 9));
  // The top box alone moves on the default bounds.
  EXPECT_EQ(*Scale::FromParts(five, {}, {}, 5), *Scale::Make(1, 5, 5));
  EXPECT_EQ(*Scale::FromParts(model, {}, {}, 7), *Scale::Make(1, 7, 7));
  EXPECT_EQ(*Scale::FromParts(five, 1, 7, 7), *Scale::Make(1, 7, 7));
  // Refused as Make refuses, without overflow at the lowest int.
  EXPECT_THAT(Scale::FromParts(five, {}, {}, 6).status().message(),
              HasSubstr("outside the scale"));
  EXPECT_FALSE(
      Scale::FromParts(five, 1, std::numeric_limits<int>::min(), {}).ok());
}

}  // namespace
}  // namespace jtbd
