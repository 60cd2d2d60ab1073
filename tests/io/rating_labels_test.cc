#include "io/rating_labels.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace jtbd {
namespace {

constexpr RatingKind kImportance = RatingKind::kImportance;
constexpr RatingKind kSatisfaction = RatingKind::kSatisfaction;

std::string DataFile(absl::string_view name) {
  return absl::StrCat(JTBD_TEST_DATA_DIR, "/io/formats/", name);
}

// The rating a cell reads as, or -2 with the problem in *problem.
int Rate(absl::string_view cell, RatingKind kind, const Scale& scale = Scale(),
         const RatingLabels* labels = nullptr, std::string* problem = nullptr) {
  RatingParser parser(scale, labels);
  uint8_t rating = 0;
  std::string message;
  if (!parser.Parse(cell, kind, &rating, &message)) {
    if (problem != nullptr) *problem = message;
    return -2;
  }
  return rating;
}

TEST(RatingLabelsTest, EnglishFivePointLabels) {
  EXPECT_EQ(Rate("Not at all important", kImportance), 1);
  EXPECT_EQ(Rate("Slightly important", kImportance), 2);
  EXPECT_EQ(Rate("Moderately important", kImportance), 3);
  EXPECT_EQ(Rate("Very important", kImportance), 4);
  EXPECT_EQ(Rate("Extremely important", kImportance), 5);
  EXPECT_EQ(Rate("Not at all satisfied", kSatisfaction), 1);
  EXPECT_EQ(Rate("Slightly satisfied", kSatisfaction), 2);
  EXPECT_EQ(Rate("Moderately satisfied", kSatisfaction), 3);
  EXPECT_EQ(Rate("Very satisfied", kSatisfaction), 4);
  EXPECT_EQ(Rate("Extremely satisfied", kSatisfaction), 5);
  // Qualtrics' bipolar satisfaction scale.
  EXPECT_EQ(Rate("Extremely dissatisfied", kSatisfaction), 1);
  EXPECT_EQ(Rate("Somewhat dissatisfied", kSatisfaction), 2);
  EXPECT_EQ(Rate("Neither satisfied nor dissatisfied", kSatisfaction), 3);
  EXPECT_EQ(Rate("Somewhat satisfied", kSatisfaction), 4);
}

TEST(RatingLabelsTest, FrenchFivePointLabels) {
  EXPECT_EQ(Rate("Pas du tout important", kImportance), 1);
  EXPECT_EQ(Rate("L\xC3\xA9g\xC3\xA8rement important", kImportance), 2);
  EXPECT_EQ(Rate("Mod\xC3\xA9r\xC3\xA9ment important", kImportance), 3);
  EXPECT_EQ(Rate("Tr\xC3\xA8s important", kImportance), 4);
  EXPECT_EQ(Rate("Extr\xC3\xAAmement important", kImportance), 5);
  EXPECT_EQ(Rate("Pas du tout satisfait", kSatisfaction), 1);
  EXPECT_EQ(Rate("Moyennement satisfait", kSatisfaction), 3);
  EXPECT_EQ(Rate("Tr\xC3\xA8s satisfait", kSatisfaction), 4);
  EXPECT_EQ(Rate("Extr\xC3\xAAmement satisfait", kSatisfaction), 5);
  EXPECT_EQ(Rate("Ni satisfait ni insatisfait", kSatisfaction), 3);
  EXPECT_EQ(Rate("Plut\xC3\xB4t insatisfait", kSatisfaction), 2);
}

TEST(RatingLabelsTest, MatchingIgnoresCaseAccentsAndSpaces) {
  EXPECT_EQ(Rate("  VERY\xC2\xA0important\t", kImportance), 4);
  EXPECT_EQ(Rate("tres   IMPORTANT", kImportance), 4);
  EXPECT_EQ(Rate("TR\xC3\x88S\xE2\x80\xAFSATISFAIT", kSatisfaction), 4);
  EXPECT_EQ(Rate("extremement\nimportant", kImportance), 5);
}

TEST(RatingLabelsTest, LabelsCountOnlyForTheirKind) {
  std::string problem;
  EXPECT_EQ(Rate("Very important", kSatisfaction, Scale(), nullptr, &problem),
            -2);
  EXPECT_EQ(problem,
            "\"Very important\" is neither a rating on the scale 1-5 nor a "
            "known satisfaction label (a label map can name it)");
}

TEST(RatingLabelsTest, BuiltInLabelsNeedAFivePointScale) {
  const Scale seven = *Scale::Make(1, 7, 6);
  std::string problem;
  EXPECT_EQ(Rate("Very important", kImportance, seven, nullptr, &problem), -2);
  EXPECT_EQ(problem,
            "\"Very important\" is neither a rating on the scale 1-7 nor a "
            "known importance label (a label map can name it)");
  // No-answer words hold on every scale.
  EXPECT_EQ(Rate("Not applicable", kImportance, seven), 0);
  EXPECT_EQ(Rate("7", kImportance, seven), 7);
}

TEST(RatingLabelsTest, NoAnswerWords) {
  for (const char* cell :
       {"", "  ", "NA", "n/a", "N/A", "Not applicable", "Don't know",
        "Don\xE2\x80\x99t know", "do not know", "Sans objet", "SANS OBJET",
        "Je ne sais pas", "Non applicable", "\xC2\xA0"}) {
    EXPECT_EQ(Rate(cell, kImportance), 0) << cell;
    EXPECT_EQ(Rate(cell, kSatisfaction), 0) << cell;
  }
}

TEST(RatingLabelsTest, NumbersNegativeRecodesAndOutOfScale) {
  EXPECT_EQ(Rate("3", kImportance), 3);
  EXPECT_EQ(Rate(" 4.00 ", kImportance), 4);
  EXPECT_EQ(Rate("+2", kImportance), 2);
  EXPECT_EQ(Rate("-99", kImportance), 0);
  EXPECT_EQ(Rate("-1", kSatisfaction), 0);
  std::string problem;
  EXPECT_EQ(Rate("6", kImportance, Scale(), nullptr, &problem), -2);
  EXPECT_EQ(problem, "importance 6 is outside the scale 1-5");
  EXPECT_EQ(Rate("0", kSatisfaction, Scale(), nullptr, &problem), -2);
  EXPECT_EQ(problem, "satisfaction 0 is outside the scale 1-5");
  EXPECT_EQ(Rate("4.5", kSatisfaction, Scale(), nullptr, &problem), -2);
  EXPECT_EQ(problem, "\"4.5\" is not a whole number");
}

TEST(RatingLabelsTest, UserLabelsExtendAndOverride) {
  RatingLabels labels;
  labels.Add("Critical", 5, {kImportance});
  labels.Add("Very important", 5, {kImportance});  // overrides 4
  labels.Add("Meh", 3);                            // both kinds
  labels.Add("Skip", 0);
  EXPECT_EQ(Rate("critical", kImportance, Scale(), &labels), 5);
  EXPECT_EQ(Rate("critical", kSatisfaction, Scale(), &labels), -2);
  EXPECT_EQ(Rate("Very important", kImportance, Scale(), &labels), 5);
  EXPECT_EQ(Rate("Slightly important", kImportance, Scale(), &labels), 2);
  EXPECT_EQ(Rate("MEH", kSatisfaction, Scale(), &labels), 3);
  EXPECT_EQ(Rate("skip", kSatisfaction, Scale(), &labels), 0);
  // User labels hold on any scale.
  const Scale seven = *Scale::Make(1, 7, 6);
  EXPECT_EQ(Rate("Critical", kImportance, seven, &labels), 5);
}

TEST(RatingLabelsTest, CheckScaleNamesTheLabelOffTheScale) {
  RatingLabels labels;
  labels.Add("Top", 7, {}, "map.csv: line 4");
  EXPECT_TRUE(labels.CheckScale(*Scale::Make(1, 7, 6)).ok());
  EXPECT_EQ(labels.CheckScale(Scale()).message(),
            "map.csv: line 4: label \"Top\" has rating 7, outside the scale "
            "1-5 (0 means no answer)");
}

TEST(RatingLabelsTest, ParsesACsvLabelMap) {
  auto labels = RatingLabels::ParseFile(DataFile("labels.csv"));
  ASSERT_TRUE(labels.ok()) << labels.status();
  EXPECT_EQ(labels->entries().size(), 6u);
  EXPECT_EQ(Rate("Critical", kImportance, Scale(), &*labels), 5);
  EXPECT_EQ(Rate("Nice to have", kImportance, Scale(), &*labels), 2);
  EXPECT_EQ(Rate("Love it", kSatisfaction, Scale(), &*labels), 5);
  EXPECT_EQ(Rate("Love it", kImportance, Scale(), &*labels), -2);
  EXPECT_EQ(Rate("Skip", kImportance, Scale(), &*labels), 0);
  EXPECT_EQ(Rate("Very important", kImportance, Scale(), &*labels), 5);
}

TEST(RatingLabelsTest, ParsesAJsonLabelMap) {
  auto labels = RatingLabels::ParseFile(DataFile("labels.json"));
  ASSERT_TRUE(labels.ok()) << labels.status();
  EXPECT_EQ(Rate("Critical", kImportance, Scale(), &*labels), 5);
  EXPECT_EQ(Rate("Hate it", kSatisfaction, Scale(), &*labels), 1);
  EXPECT_EQ(Rate("Hate it", kImportance, Scale(), &*labels), -2);
  // A flat object counts for both kinds; null is no answer.
  labels = RatingLabels::Parse(
      " {\"Bof\": 2, \"Passer\": null, \"Top\": \"5\"}", "inline");
  ASSERT_TRUE(labels.ok()) << labels.status();
  EXPECT_EQ(Rate("bof", kImportance, Scale(), &*labels), 2);
  EXPECT_EQ(Rate("bof", kSatisfaction, Scale(), &*labels), 2);
  EXPECT_EQ(Rate("passer", kSatisfaction, Scale(), &*labels), 0);
  EXPECT_EQ(Rate("top", kSatisfaction, Scale(), &*labels), 5);
}

TEST(RatingLabelsTest, RefusesBadLabelMaps) {
  EXPECT_EQ(RatingLabels::Parse("", "m.csv").status().message(),
            "m.csv: line 1, column 1: the file is empty");
  EXPECT_EQ(RatingLabels::Parse("text,value\n", "m.csv").status().message(),
            "m.csv: line 1, column 1: a label map needs a header with "
            "columns label and rating (and optionally kind: importance, "
            "satisfaction or blank for both)");
  EXPECT_EQ(RatingLabels::Parse("label,rating\nGood,4\n,3\n", "m.csv")
                .status()
                .message(),
            "m.csv: line 3, column 1 (\"label\"): the label is blank");
  EXPECT_EQ(RatingLabels::Parse("label,rating\nGood,four\n", "m.csv")
                .status()
                .message(),
            "m.csv: line 2, column 2 (\"rating\"): \"four\" is not a rating (a "
            "whole number; 0 or blank for no answer)");
  EXPECT_EQ(RatingLabels::Parse("label;rating;kind\nGood;4;value\n", "m.csv")
                .status()
                .message(),
            "m.csv: line 2, column 3 (\"kind\"): \"value\" is not a kind: "
            "importance, satisfaction or blank for both");
  EXPECT_EQ(RatingLabels::Parse("{\"Good\": 4.5}", "m.json").status().message(),
            "m.json: label \"Good\": 4.5 is not a rating (a whole number; 0 "
            "or null for no answer)");
  EXPECT_EQ(RatingLabels::Parse("{\"importance\": {\"Good\": true}}", "m.json")
                .status()
                .message(),
            "m.json: importance: label \"Good\": the rating must be a whole "
            "number (0 or null for no answer)");
  EXPECT_THAT(
      std::string(
          RatingLabels::Parse("{\"Good\": ", "m.json").status().message()),
      ::testing::StartsWith("m.json: not a JSON object of labels: "));
  EXPECT_EQ(RatingLabels::ParseFile("/nonexistent/labels.csv").status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace jtbd
