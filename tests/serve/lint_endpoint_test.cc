// POST /v1/lint without sockets: the reply is exactly what the linter and
// `jtbd lint --format json` give for the same statements, and every
// refusal is a JSON error with its status.
#include "serve/lint_endpoint.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/resource_limits.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "serve/score_endpoint.h"
#include "statements/lint_render.h"
#include "statements/linter.h"

namespace jtbd {
namespace serve {
namespace {

using ::testing::HasSubstr;

TEST(LintEndpointTest, RepliesAsTheCommand) {
  const std::vector<std::string> statements = {
      "Reduce the time it takes to verify an invoice",
      "reduce the time it takes to verify an invoice.",
      "Minimiser le temps nécessaire pour payer Acme"};
  const std::string body =
      absl::StrCat("{\"statements\": [", JsonString(statements[0]), ", ",
                   JsonString(statements[1]), ", ", JsonString(statements[2]),
                   "], \"solutionWords\": [\"acme\"], \"future\": 1}");
  const JsonReply reply = Lint("application/json; charset=utf-8", body, {});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.content_type, "application/json");
  statements::LintOptions options;
  options.solution_words = {"acme"};
  auto linted = statements::Linter(options).LintAll(statements);
  ASSERT_TRUE(linted.ok());
  EXPECT_EQ(reply.body, *statements::RenderLintJson(*linted));
  EXPECT_THAT(reply.body, HasSubstr("\"rule\": \"JTBD-L001\""));
  EXPECT_THAT(reply.body, HasSubstr("\"rule\": \"JTBD-L008\""));
  EXPECT_THAT(reply.body, HasSubstr("\"rule\": \"JTBD-L005\""));
}

TEST(LintEndpointTest, LanguageIsTheRequests) {
  const JsonReply reply =
      Lint("application/json",
           "{\"statements\": [\"Minimize errors\"], \"language\": "
           "\"STATEMENT_LANGUAGE_FRENCH\"}",
           {});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_THAT(reply.body,
              HasSubstr("\"language\": \"STATEMENT_LANGUAGE_FRENCH\""));
}

TEST(LintEndpointTest, Refusals) {
  EXPECT_EQ(Lint("text/csv", "x", {}).status, 415);
  const JsonReply not_json = Lint("application/json", "[1,", {});
  EXPECT_EQ(not_json.status, 400);
  EXPECT_THAT(not_json.body, HasSubstr("not a jtbd.v1.LintRequest"));
  const JsonReply empty = Lint("application/json", "{}", {});
  EXPECT_EQ(empty.status, 400);
  EXPECT_THAT(empty.body, HasSubstr("\\\"statements\\\" is empty"));
  const JsonReply param =
      Lint("application/json", "{\"statements\": [\"x\"]}", {{"lang", "en"}});
  EXPECT_EQ(param.status, 400);
  EXPECT_THAT(param.body, HasSubstr("unknown query parameter \\\"lang\\\""));
  ResourceLimits small;
  small.max_request_bytes = 10;
  EXPECT_EQ(
      Lint("application/json", "{\"statements\": [\"x\"]}", {}, small).status,
      413);
}

}  // namespace
}  // namespace serve
}  // namespace jtbd
