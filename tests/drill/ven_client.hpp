// Test helpers of the drill: a VEN client (Boost.Beast, loopback), the drill run as a process,
// and a webhook listener that records what the VTN posts to it. The Beast code is compiled once,
// in ven_client.cpp (a Beast client instantiated in every test file cost ~20 s of compile each).
#pragma once

#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace drsim::test {

using Json = nlohmann::json;

struct HttpResult {
  unsigned status = 0;
  Json body;
  std::string raw;
  std::string content_type;
  std::string drill_time;  // X-Drill-Time: the drill's market time when it answered
};

// Where http_call appends every response it receives (JSON lines for validate_responses.py);
// empty: nowhere.
std::string& response_log();
void log_response(const Json& record);

// One HTTP/1.1 request on a new connection to 127.0.0.1:port.
HttpResult http_call(unsigned short port, const std::string& method, const std::string& target,
                     const std::string& body = "", const std::string& token = "",
                     const std::string& content_type = "application/json");

// A VEN's one keep-alive connection (a load test's 200 VENs would otherwise churn through
// ephemeral ports). Throws on any failure and reconnects on the next call.
class KeepAliveClient {
 public:
  explicit KeepAliveClient(unsigned short port);
  ~KeepAliveClient();
  KeepAliveClient(const KeepAliveClient&) = delete;
  KeepAliveClient& operator=(const KeepAliveClient&) = delete;
  HttpResult call(const std::string& method, const std::string& target, const std::string& body = "",
                  const std::string& token = "", const std::string& content_type = "application/json");

 private:
  struct Connection;
  unsigned short port_;
  std::unique_ptr<Connection> connection_;
};

// The bearer token of a client (client credentials), or throws.
std::string login(unsigned short port, const std::string& id, const std::string& secret);

// `drsim drill ARGS` as a process: waits for its "listening on" line and knows the port.
class DrillProcess {
 public:
  DrillProcess(const std::string& drsim, const std::string& args, const std::string& stderr_file) {
    pipe_ = ::popen((drsim + " drill " + args + " 2>" + stderr_file).c_str(), "r");
    if (pipe_ == nullptr) throw std::runtime_error("popen failed");
    char line[512];
    while (std::fgets(line, sizeof line, pipe_) != nullptr) {
      const std::string l = line;
      const auto at = l.find("listening on http://127.0.0.1:");
      if (at != std::string::npos) {
        port_ = static_cast<unsigned short>(std::stoi(l.substr(at + 30)));
        return;
      }
      out_ += l;
    }
    throw std::runtime_error("drsim drill did not start: " + out_);
  }
  ~DrillProcess() {
    if (pipe_ != nullptr) wait();
  }
  unsigned short port() const { return port_; }
  // Waits for the drill to end; returns its exit status (and keeps its stdout).
  int wait() {
    char buf[4096];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, pipe_)) > 0) out_.append(buf, n);
    const int w = ::pclose(pipe_);
    pipe_ = nullptr;
    return WIFEXITED(w) ? WEXITSTATUS(w) : -1;
  }
  const std::string& out() const { return out_; }

 private:
  FILE* pipe_ = nullptr;
  unsigned short port_ = 0;
  std::string out_;
};

// A loopback HTTP listener on its own thread: answers every request with `status` (after
// `delay`) and records the bodies.
class WebhookListener {
 public:
  explicit WebhookListener(unsigned status = 200, std::chrono::milliseconds delay = std::chrono::milliseconds(0));
  ~WebhookListener();
  WebhookListener(const WebhookListener&) = delete;
  WebhookListener& operator=(const WebhookListener&) = delete;
  unsigned short port() const;
  std::vector<Json> received();
  std::vector<std::string> authorizations();

 private:
  struct Server;
  std::unique_ptr<Server> server_;
};

}  // namespace drsim::test
