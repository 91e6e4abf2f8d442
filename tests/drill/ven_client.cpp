// The drill tests' VEN client and webhook listener on Boost.Beast (declared in ven_client.hpp).
#include <utility>  // before Asio (Boost 1.74)

#include "tests/drill/ven_client.hpp"

#include <atomic>
#include <fstream>
#include <mutex>
#include <optional>
#include <thread>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace drsim::test {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

namespace {

http::request<http::string_body> request_of(const std::string& method, const std::string& target,
                                            const std::string& body, const std::string& token,
                                            const std::string& content_type) {
  http::request<http::string_body> req(http::string_to_verb(method), target, 11);
  req.set(http::field::host, "127.0.0.1");
  if (!token.empty()) req.set(http::field::authorization, "Bearer " + token);
  if (!body.empty()) req.set(http::field::content_type, content_type);
  req.body() = body;
  req.prepare_payload();
  return req;
}

HttpResult result_of(const http::response<http::string_body>& res) {
  HttpResult r;
  r.status = res.result_int();
  r.raw = res.body();
  r.content_type = std::string(res[http::field::content_type]);
  r.drill_time = std::string(res["X-Drill-Time"]);
  r.body = Json::parse(r.raw, nullptr, false);
  return r;
}

tcp::endpoint loopback(unsigned short port) { return tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port); }

}  // namespace

std::string& response_log() {
  static std::string path;
  return path;
}

void log_response(const Json& record) {
  if (response_log().empty()) return;
  std::ofstream(response_log(), std::ios::app) << record.dump() << '\n';
}

HttpResult http_call(unsigned short port, const std::string& method, const std::string& target,
                     const std::string& body, const std::string& token, const std::string& content_type) {
  boost::asio::io_context io;
  beast::tcp_stream stream(io);
  stream.expires_after(std::chrono::seconds(20));
  stream.connect(loopback(port));
  http::write(stream, request_of(method, target, body, token, content_type));
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(stream, buffer, res);
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
  HttpResult r = result_of(res);
  if (!r.body.is_discarded()) log_response(Json{{"method", method}, {"path", target}, {"status", r.status}, {"body", r.body}});
  return r;
}

struct KeepAliveClient::Connection {
  boost::asio::io_context io;
  std::optional<beast::tcp_stream> stream;
  beast::flat_buffer buffer;
};

KeepAliveClient::KeepAliveClient(unsigned short port) : port_(port), connection_(std::make_unique<Connection>()) {}
KeepAliveClient::~KeepAliveClient() = default;

HttpResult KeepAliveClient::call(const std::string& method, const std::string& target, const std::string& body,
                                 const std::string& token, const std::string& content_type) {
  Connection& c = *connection_;
  if (!c.stream) {
    c.stream.emplace(c.io);
    c.stream->expires_after(std::chrono::seconds(20));
    c.stream->connect(loopback(port_));
  }
  try {
    c.stream->expires_after(std::chrono::seconds(20));
    http::write(*c.stream, request_of(method, target, body, token, content_type));
    http::response<http::string_body> res;
    http::read(*c.stream, c.buffer, res);
    HttpResult r = result_of(res);
    if (!res.keep_alive()) c.stream.reset();
    return r;
  } catch (...) {
    c.stream.reset();
    throw;
  }
}

std::string login(unsigned short port, const std::string& id, const std::string& secret) {
  const auto r = http_call(port, "POST", "/auth/token",
                           "grant_type=client_credentials&client_id=" + id + "&client_secret=" + secret, "",
                           "application/x-www-form-urlencoded");
  if (r.status != 200) throw std::runtime_error("login failed: " + r.raw);
  return r.body["access_token"].get<std::string>();
}

struct WebhookListener::Server {
  Server(unsigned status_, std::chrono::milliseconds delay_)
      : acceptor(io, loopback(0)), status(status_), delay(delay_) {}
  void serve() {
    while (!stop) {
      tcp::socket socket(io);
      boost::system::error_code ec;
      acceptor.accept(socket, ec);
      if (ec || stop) continue;
      beast::flat_buffer buffer;
      http::request<http::string_body> req;
      http::read(socket, buffer, req, ec);
      if (ec) continue;
      {
        std::lock_guard<std::mutex> lock(mutex);
        received.push_back(Json::parse(req.body(), nullptr, false));
        authorizations.emplace_back(req[http::field::authorization]);
      }
      std::this_thread::sleep_for(delay);
      http::response<http::string_body> res(static_cast<http::status>(status), 11);
      res.body() = "{}";
      res.prepare_payload();
      http::write(socket, res, ec);
    }
  }
  boost::asio::io_context io;
  tcp::acceptor acceptor;
  unsigned status;
  std::chrono::milliseconds delay;
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::vector<Json> received;
  std::vector<std::string> authorizations;
  std::thread thread;
};

WebhookListener::WebhookListener(unsigned status, std::chrono::milliseconds delay)
    : server_(std::make_unique<Server>(status, delay)) {
  server_->thread = std::thread([s = server_.get()] { s->serve(); });
}

WebhookListener::~WebhookListener() {
  server_->stop = true;
  boost::system::error_code ec;
  // Wakes the blocking accept.
  tcp::socket s(server_->io);
  s.connect(server_->acceptor.local_endpoint(), ec);
  server_->thread.join();
}

unsigned short WebhookListener::port() const { return server_->acceptor.local_endpoint().port(); }

std::vector<Json> WebhookListener::received() {
  std::lock_guard<std::mutex> lock(server_->mutex);
  return server_->received;
}

std::vector<std::string> WebhookListener::authorizations() {
  std::lock_guard<std::mutex> lock(server_->mutex);
  return server_->authorizations;
}

}  // namespace drsim::test
