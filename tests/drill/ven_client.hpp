// Test helpers of the drill: a VEN client (Boost.Beast, loopback), the drill run as a process,
// and a webhook listener that records what the VTN posts to it.
#pragma once

#include <utility>  // before Asio (Boost 1.74)

#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
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
inline std::string& response_log() {
  static std::string path;
  return path;
}
inline void log_response(const Json& record) {
  if (response_log().empty()) return;
  std::ofstream(response_log(), std::ios::app) << record.dump() << '\n';
}

// One HTTP/1.1 request on a new connection to 127.0.0.1:port.
inline HttpResult http_call(unsigned short port, const std::string& method, const std::string& target,
                            const std::string& body = "", const std::string& token = "",
                            const std::string& content_type = "application/json") {
  namespace beast = boost::beast;
  namespace http = beast::http;
  using tcp = boost::asio::ip::tcp;
  boost::asio::io_context io;
  beast::tcp_stream stream(io);
  stream.expires_after(std::chrono::seconds(20));
  stream.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
  http::request<http::string_body> req(http::string_to_verb(method), target, 11);
  req.set(http::field::host, "127.0.0.1");
  if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
  if (!body.empty()) req.set(http::field::content_type, content_type);
  req.body() = body;
  req.prepare_payload();
  http::write(stream, req);
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(stream, buffer, res);
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  HttpResult r;
  r.status = res.result_int();
  r.raw = res.body();
  r.content_type = std::string(res[http::field::content_type]);
  r.drill_time = std::string(res["X-Drill-Time"]);
  r.body = Json::parse(r.raw, nullptr, false);
  if (!r.body.is_discarded()) log_response(Json{{"method", method}, {"path", target}, {"status", r.status}, {"body", r.body}});
  return r;
}

// A VEN's one keep-alive connection (a load test's 200 VENs would otherwise churn through
// ephemeral ports). Throws on any failure and reconnects on the next call.
class KeepAliveClient {
 public:
  explicit KeepAliveClient(unsigned short port) : port_(port) {}
  HttpResult call(const std::string& method, const std::string& target, const std::string& body = "",
                  const std::string& token = "", const std::string& content_type = "application/json") {
    namespace beast = boost::beast;
    namespace http = beast::http;
    using tcp = boost::asio::ip::tcp;
    if (!stream_) {
      stream_.emplace(io_);
      stream_->expires_after(std::chrono::seconds(20));
      stream_->connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port_));
    }
    try {
      http::request<http::string_body> req(http::string_to_verb(method), target, 11);
      req.set(http::field::host, "127.0.0.1");
      if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
      if (!body.empty()) req.set(http::field::content_type, content_type);
      req.body() = body;
      req.prepare_payload();
      stream_->expires_after(std::chrono::seconds(20));
      http::write(*stream_, req);
      http::response<http::string_body> res;
      http::read(*stream_, buffer_, res);
      HttpResult r;
      r.status = res.result_int();
      r.raw = res.body();
      r.drill_time = std::string(res["X-Drill-Time"]);
      r.body = Json::parse(r.raw, nullptr, false);
      if (!res.keep_alive()) stream_.reset();
      return r;
    } catch (...) {
      stream_.reset();
      throw;
    }
  }

 private:
  unsigned short port_;
  boost::asio::io_context io_;
  std::optional<boost::beast::tcp_stream> stream_;
  boost::beast::flat_buffer buffer_;
};

// The bearer token of a client (client credentials), or throws.
inline std::string login(unsigned short port, const std::string& id, const std::string& secret) {
  const auto r = http_call(port, "POST", "/auth/token",
                           "grant_type=client_credentials&client_id=" + id + "&client_secret=" + secret, "",
                           "application/x-www-form-urlencoded");
  if (r.status != 200) throw std::runtime_error("login failed: " + r.raw);
  return r.body["access_token"].get<std::string>();
}

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
  explicit WebhookListener(unsigned status = 200, std::chrono::milliseconds delay = std::chrono::milliseconds(0))
      : acceptor_(io_, boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0)),
        status_(status),
        delay_(delay) {
    thread_ = std::thread([this] { serve(); });
  }
  ~WebhookListener() {
    stop_ = true;
    boost::system::error_code ec;
    // Wakes the blocking accept.
    boost::asio::ip::tcp::socket s(io_);
    s.connect(acceptor_.local_endpoint(), ec);
    thread_.join();
  }
  unsigned short port() const { return acceptor_.local_endpoint().port(); }
  std::vector<Json> received() {
    std::lock_guard<std::mutex> lock(mutex_);
    return received_;
  }
  std::vector<std::string> authorizations() {
    std::lock_guard<std::mutex> lock(mutex_);
    return authorizations_;
  }

 private:
  void serve() {
    namespace beast = boost::beast;
    namespace http = beast::http;
    while (!stop_) {
      boost::asio::ip::tcp::socket socket(io_);
      boost::system::error_code ec;
      acceptor_.accept(socket, ec);
      if (ec || stop_) continue;
      beast::flat_buffer buffer;
      http::request<http::string_body> req;
      http::read(socket, buffer, req, ec);
      if (ec) continue;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        received_.push_back(Json::parse(req.body(), nullptr, false));
        authorizations_.emplace_back(req[http::field::authorization]);
      }
      std::this_thread::sleep_for(delay_);
      http::response<http::string_body> res(static_cast<http::status>(status_), 11);
      res.body() = "{}";
      res.prepare_payload();
      http::write(socket, res, ec);
    }
  }
  boost::asio::io_context io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  unsigned status_;
  std::chrono::milliseconds delay_;
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::vector<Json> received_;
  std::vector<std::string> authorizations_;
  std::thread thread_;
};

}  // namespace drsim::test
