// The drill's HTTP/1.1 server (Boost.Beast) on one io_context: keep-alive sessions, a body size
// limit, and a deadline on every read and write so a client that stalls never holds the clock.
#pragma once

#include <utility>  // before Asio (Boost 1.74)

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

namespace drsim::drill {

struct HttpRequest {
  std::string method;
  std::string target;
  std::string body;
  std::string authorization;  // the Authorization header
  std::string content_type;
  std::string remote;         // the peer's address
};

struct HttpAnswer {
  unsigned status = 200;
  std::string body;        // JSON
  std::string drill_time;  // the drill's market time, sent as X-Drill-Time (docs/drill.md)
};

struct HttpLimits {
  std::size_t max_body = 256 * 1024;             // bytes; over it: 413
  std::chrono::milliseconds io_timeout{10'000};  // a request must arrive, and its answer leave, within it
};

class HttpServer {
 public:
  using Handler = std::function<HttpAnswer(const HttpRequest&)>;
  // Listens on `at` (port 0: any free port). Throws boost::system::system_error when it cannot.
  HttpServer(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& at, HttpLimits limits, Handler handler);
  unsigned short port() const;
  // Stops accepting (open sessions end when the io_context stops).
  void close();
  // Answers to requests that were not HTTP or were too large (status, detail), for the log.
  void on_refused(std::function<void(unsigned, const std::string&, const std::string&)> f) { refused_ = std::move(f); }

 private:
  void accept();
  boost::asio::io_context& io_;
  boost::asio::ip::tcp::acceptor acceptor_;
  HttpLimits limits_;
  Handler handler_;
  std::function<void(unsigned, const std::string&, const std::string&)> refused_;
};

}  // namespace drsim::drill
