// Beast sessions: read one request (with its deadline and body limit), answer it, repeat.
#include "drill/http_server.hpp"

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "drill/reply.hpp"

namespace drsim::drill {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

using Refused = std::function<void(unsigned, const std::string&, const std::string&)>;

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, HttpLimits limits, const HttpServer::Handler& handler, const Refused& refused)
      : stream_(std::move(socket)), limits_(limits), handler_(handler), refused_(refused) {
    beast::error_code ec;
    const auto ep = stream_.socket().remote_endpoint(ec);
    remote_ = ec ? "?" : ep.address().to_string();
  }
  void start() { read(); }

 private:
  void read() {
    parser_.emplace();
    parser_->body_limit(limits_.max_body);
    stream_.expires_after(limits_.io_timeout);
    http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      self->on_read(ec);
    });
  }

  void on_read(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == net::error::eof || ec == beast::error::timeout ||
        ec == net::error::connection_reset || ec == net::error::operation_aborted) {
      return close();  // the client went away, or stalled past the deadline: nothing to answer
    }
    if (ec) {
      const bool too_large = ec == http::error::body_limit || ec == http::error::buffer_overflow ||
                             ec == http::error::header_limit;
      const unsigned status = too_large ? 413 : 400;
      const std::string detail = too_large ? "the request is larger than the limit of " + std::to_string(limits_.max_body) + " bytes"
                                           : "not an HTTP request: " + ec.message();
      if (refused_) refused_(status, remote_, detail);
      return answer({status, to_text(problem(status, detail).body), {}}, false);
    }
    const auto& req = parser_->get();
    HttpRequest r;
    r.method = std::string(req.method_string());
    r.target = std::string(req.target());
    r.body = req.body();
    r.authorization = std::string(req[http::field::authorization]);
    r.content_type = std::string(req[http::field::content_type]);
    r.remote = remote_;
    HttpAnswer a;
    try {
      a = handler_(r);
    } catch (const std::exception& e) {
      a = {500, to_text(problem(500, std::string("internal error: ") + e.what()).body), {}};
    }
    answer(std::move(a), req.keep_alive());
  }

  void answer(HttpAnswer a, bool keep_alive) {
    auto res = std::make_shared<http::response<http::string_body>>(static_cast<http::status>(a.status), 11);
    res->set(http::field::server, "drsim-drill");
    res->set(http::field::content_type, a.status >= 400 ? "application/problem+json" : "application/json");
    if (!a.drill_time.empty()) res->set("X-Drill-Time", a.drill_time);
    res->keep_alive(keep_alive);
    res->body() = std::move(a.body);
    res->prepare_payload();
    stream_.expires_after(limits_.io_timeout);
    http::async_write(stream_, *res, [self = shared_from_this(), res, keep_alive](beast::error_code ec, std::size_t) {
      if (ec || !keep_alive) return self->close();
      self->read();
    });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  HttpLimits limits_;
  const HttpServer::Handler& handler_;
  const Refused& refused_;
  std::string remote_;
};

}  // namespace

HttpServer::HttpServer(net::io_context& io, const tcp::endpoint& at, HttpLimits limits, Handler handler)
    : io_(io), acceptor_(io), limits_(limits), handler_(std::move(handler)) {
  acceptor_.open(at.protocol());
  acceptor_.set_option(net::socket_base::reuse_address(true));
  acceptor_.bind(at);
  acceptor_.listen(net::socket_base::max_listen_connections);
  accept();
}

unsigned short HttpServer::port() const { return acceptor_.local_endpoint().port(); }

void HttpServer::close() {
  beast::error_code ignored;
  acceptor_.close(ignored);
}

void HttpServer::accept() {
  acceptor_.async_accept([this](beast::error_code ec, tcp::socket socket) {
    if (ec == net::error::operation_aborted) return;
    if (!ec) std::make_shared<Session>(std::move(socket), limits_, handler_, refused_)->start();
    accept();
  });
}

}  // namespace drsim::drill
