// /v1/forces and /v1/forces/predict over loopback HTTP: the routes exist,
// answer what the endpoint functions answer (forces_endpoint_test.cc
// checks those against the command), refuse other media types before the
// body is read, and other methods with 405.
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "serve/forces_endpoint.h"
#include "serve/server.h"

namespace jtbd {
namespace serve {
namespace {

using ::testing::HasSubstr;

std::string ExampleInterviews() {
  std::ifstream file(std::string(JTBD_SOURCE_DIR) + "/examples/interviews.csv",
                     std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(file),
                     std::istreambuf_iterator<char>());
}

TEST(ForcesServerTest, RoutesAnswerAsTheEndpoints) {
  ServerOptions options;
  options.port = 0;
  absl::StatusOr<std::unique_ptr<Server>> server = Server::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  httplib::Client client("127.0.0.1", (*server)->port());
  client.set_read_timeout(30);

  const std::string csv = ExampleInterviews();
  const httplib::Result analysis =
      client.Post("/v1/forces?folds=4", csv, "text/csv");
  ASSERT_TRUE(analysis);
  EXPECT_EQ(analysis->status, 200);
  EXPECT_EQ(analysis->body, Forces("text/csv", csv, {{"folds", "4"}}).body);

  const std::string request =
      "{\"model\": {\"formatVersion\": 1, "
      "\"intercept\": {\"estimate\": -1},"
      "\"push\": {\"estimate\": 0.5}, \"pull\": {\"estimate\": 0.5},"
      "\"anxiety\": {\"estimate\": -0.5}, \"habit\": {\"estimate\": -0.5},"
      "\"l2Penalty\": 1, \"confidenceLevel\": 0.95},"
      "\"interviews\": [{\"id\": \"deal-1\", \"observations\": "
      "[{\"force\": \"FORCE_PUSH\", \"intensity\": 4}]}]}";
  const httplib::Result predicted =
      client.Post("/v1/forces/predict", request, "application/json");
  ASSERT_TRUE(predicted);
  EXPECT_EQ(predicted->status, 200) << predicted->body;
  EXPECT_EQ(predicted->body,
            ForcesPredict("application/json", request, {}).body);
  // logit = -1 + 0.5 x 4 = 1.
  EXPECT_THAT(predicted->body, HasSubstr("\"logOdds\": 1"));

  const httplib::Result form = client.Post("/v1/forces/predict", request,
                                           "application/x-www-form-urlencoded");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 415);
  const httplib::Result get = client.Get("/v1/forces");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 405);
}

}  // namespace
}  // namespace serve
}  // namespace jtbd
