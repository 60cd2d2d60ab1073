// POST /v1/tag-notes: without sockets, the reply is what `jtbd tag-notes
// --format json` prints for the same notes (render/tagged_notes_render),
// refusals are JSON errors with their status; through the server, the
// route needs the bearer token like every /v1/ route.
#include "serve/tag_notes_endpoint.h"

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "core/resource_limits.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "httplib.h"
#include "serve/score_endpoint.h"
#include "serve/server.h"

namespace jtbd {
namespace serve {
namespace {

using ::testing::HasSubstr;

constexpr char kBody[] =
    "{\"notes\": [\"The CFO is worried.\", \"Left a voicemail.\", "
    "\"Wants SSO.\"], \"phrases\": \"pull,sso\\n\"}";

// By hand: "worried" at bytes 11..18 (0.85); "Wants" 0..5 (0.5) and the
// user phrase "SSO" 6..9 (0.8).
constexpr char kExpected[] =
    "{\"notes\": [\n"
    "  {\"index\": 0, \"language\": \"en\", \"suggestions\": [{\"force\": "
    "\"anxiety\", \"phrase\": \"worried\", \"start\": 11, \"end\": 18, "
    "\"confidence\": 0.85, \"suggestion\": true}]},\n"
    "  {\"index\": 1, \"language\": \"en\", \"suggestions\": []},\n"
    "  {\"index\": 2, \"language\": \"en\", \"suggestions\": [{\"force\": "
    "\"pull\", \"phrase\": \"Wants\", \"start\": 0, \"end\": 5, "
    "\"confidence\": 0.5, \"suggestion\": true}, {\"force\": \"pull\", "
    "\"phrase\": \"SSO\", \"start\": 6, \"end\": 9, \"confidence\": 0.8, "
    "\"suggestion\": true}]}\n"
    "]}\n";

TEST(TagNotesTest, RepliesAsTheCommand) {
  const JsonReply reply =
      TagNotes("application/json; charset=utf-8", kBody, {});
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(reply.content_type, "application/json");
  EXPECT_EQ(reply.body, kExpected);
}

TEST(TagNotesTest, LanguageParameter) {
  const JsonReply reply = TagNotes(
      "application/json", "{\"notes\": [\"à l'aise\"]}", {{"lang", "fr"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_THAT(reply.body, HasSubstr("\"language\": \"fr\""));
  EXPECT_THAT(reply.body, HasSubstr("\"force\": \"habit\""));
  EXPECT_EQ(TagNotes("application/json", "{\"notes\": []}", {}).body,
            "{\"notes\": []}\n");
}

TEST(TagNotesTest, Refusals) {
  const auto status_of = [](const std::string& body, QueryParams params) {
    const JsonReply reply = TagNotes("application/json", body, params);
    return std::make_pair(reply.status, reply.body);
  };
  auto bad = status_of("{\"notes\": [\"ok\", 3]}", {});
  EXPECT_EQ(bad.first, 400);
  EXPECT_THAT(bad.second, HasSubstr("notes[1]: must be a string"));
  bad = status_of("{\"notes\": [\"ok\"], \"phrases\": \"x\"}", {});
  EXPECT_EQ(bad.first, 400);
  EXPECT_THAT(bad.second, HasSubstr("phrases:1:2: expected"));
  bad = status_of("{\"note\": []}", {});
  EXPECT_EQ(bad.first, 400);
  EXPECT_THAT(bad.second, HasSubstr("unknown field \\\"note\\\""));
  bad = status_of("{}", {});
  EXPECT_EQ(bad.first, 400);
  EXPECT_THAT(bad.second, HasSubstr("\\\"notes\\\" must be an array"));
  bad = status_of("[", {});
  EXPECT_EQ(bad.first, 400);
  bad = status_of("{\"notes\": []}", {{"lang", "de"}});
  EXPECT_EQ(bad.first, 400);
  EXPECT_THAT(bad.second, HasSubstr("en, fr or auto"));
  bad = status_of("{\"notes\": []}", {{"format", "csv"}});
  EXPECT_EQ(bad.first, 400);
  EXPECT_EQ(TagNotes("text/csv", kBody, {}).status, 415);
  ResourceLimits small;
  small.max_request_bytes = 10;
  EXPECT_EQ(TagNotes("application/json", kBody, {}, small).status, 413);
}

TEST(TagNotesTest, ServerRouteNeedsTheToken) {
  ServerOptions options;
  options.port = 0;
  options.token = "t0ken";
  absl::StatusOr<std::unique_ptr<Server>> server = Server::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  httplib::Client client("127.0.0.1", (*server)->port());
  client.set_connection_timeout(5);
  client.set_read_timeout(30);
  const httplib::Result missing =
      client.Post("/v1/tag-notes", kBody, "application/json");
  ASSERT_TRUE(missing) << httplib::to_string(missing.error());
  EXPECT_EQ(missing->status, 401);
  client.set_bearer_token_auth("t0ken");
  const httplib::Result tagged =
      client.Post("/v1/tag-notes", kBody, "application/json");
  ASSERT_TRUE(tagged);
  EXPECT_EQ(tagged->status, 200);
  EXPECT_EQ(tagged->body, kExpected);
  const httplib::Result get = client.Get("/v1/tag-notes");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->status, 405);
}

}  // namespace
}  // namespace serve
}  // namespace jtbd
