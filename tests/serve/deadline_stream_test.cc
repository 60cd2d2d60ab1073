#include "serve/deadline_stream.h"

#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>

#include "gtest/gtest.h"

namespace jtbd {
namespace serve {
namespace {

using Clock = DeadlineStream::Clock;

// A connected pair: the test writes on client, the stream reads server.
class DeadlineStreamTest : public ::testing::Test {
 protected:
  void SetUp() override {
    int ends[2];
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, ends), 0);
    server_ = ends[0];
    client_ = ends[1];
  }
  void TearDown() override {
    close(server_);
    close(client_);
  }
  void Send(const std::string& bytes) {
    ASSERT_EQ(write(client_, bytes.data(), bytes.size()),
              static_cast<ssize_t>(bytes.size()));
  }
  int server_ = -1;
  int client_ = -1;
};

TEST_F(DeadlineStreamTest, ReadsByteByByteFromItsBuffer) {
  DeadlineStream stream(server_, std::chrono::seconds(5));
  stream.StartRequest(Clock::now() + std::chrono::seconds(30));
  Send("GET /");
  std::string got;
  for (int i = 0; i < 5; ++i) {
    char byte;
    ASSERT_EQ(stream.read(&byte, 1), 1);
    got += byte;
  }
  EXPECT_EQ(got, "GET /");
  EXPECT_EQ(stream.request_bytes_read(), 5u);
  EXPECT_FALSE(stream.timed_out());
}

// The deadline is for the whole request: what has arrived is read, then
// a read past the deadline fails, however recent the last byte was.
TEST_F(DeadlineStreamTest, AReadPastTheDeadlineFailsAsTimedOut) {
  DeadlineStream stream(server_, std::chrono::seconds(5));
  stream.StartRequest(Clock::now() - std::chrono::milliseconds(1));
  Send("P");
  char byte;
  // Buffered or not, the byte is there: a past deadline refuses it only
  // when the stream would have to wait.
  const ssize_t first = stream.read(&byte, 1);
  if (first == 1) {
    EXPECT_EQ(byte, 'P');
    EXPECT_EQ(stream.read(&byte, 1), -1);
  } else {
    EXPECT_EQ(first, -1);
  }
  EXPECT_TRUE(stream.timed_out());
}

TEST_F(DeadlineStreamTest, ANewRequestClearsTheTimeout) {
  DeadlineStream stream(server_, std::chrono::seconds(5));
  stream.StartRequest(Clock::now() - std::chrono::milliseconds(1));
  char byte;
  EXPECT_EQ(stream.read(&byte, 1), -1);
  EXPECT_TRUE(stream.timed_out());
  stream.StartRequest(Clock::now() + std::chrono::seconds(30));
  EXPECT_FALSE(stream.timed_out());
  Send("x");
  EXPECT_EQ(stream.read(&byte, 1), 1);
  EXPECT_EQ(stream.request_bytes_read(), 1u);
}

TEST_F(DeadlineStreamTest, WaitForRequestWhenStoppingAnswersOnlyWhatArrived) {
  DeadlineStream stream(server_, std::chrono::seconds(5));
  const auto stopping = [] { return false; };
  const Clock::time_point later = Clock::now() + std::chrono::seconds(30);
  EXPECT_FALSE(
      stream.WaitForRequest(later, std::chrono::milliseconds(10), stopping));
  Send("G");
  EXPECT_TRUE(
      stream.WaitForRequest(later, std::chrono::milliseconds(10), stopping));
}

TEST_F(DeadlineStreamTest, WritesReachThePeer) {
  DeadlineStream stream(server_, std::chrono::seconds(5));
  EXPECT_TRUE(stream.is_writable());
  EXPECT_EQ(stream.write("HTTP", 4), 4);
  EXPECT_TRUE(stream.wrote());
  char got[4];
  ASSERT_EQ(read(client_, got, 4), 4);
  EXPECT_EQ(std::string(got, 4), "HTTP");
}

}  // namespace
}  // namespace serve
}  // namespace jtbd
