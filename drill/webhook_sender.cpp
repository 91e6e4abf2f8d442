// Webhook calls over Beast, each with its own deadline.
#include "drill/webhook_sender.hpp"

#include <memory>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "drill/webhook_url.hpp"

namespace drsim::drill {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

struct Call : std::enable_shared_from_this<Call> {
  Call(net::io_context& io, std::function<void(unsigned, const std::string&)> d) : stream(io), done(std::move(d)) {}
  beast::tcp_stream stream;
  beast::flat_buffer buffer;
  http::request<http::string_body> req;
  http::response<http::string_body> res;
  std::function<void(unsigned, const std::string&)> done;

  void fail(const beast::error_code& ec) {
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    done(0, ec.message());
  }
  void start(const tcp::endpoint& to, std::chrono::milliseconds timeout) {
    stream.expires_after(timeout);  // one deadline for connect, write and read
    stream.async_connect(to, [self = shared_from_this()](beast::error_code ec) {
      if (ec) return self->fail(ec);
      http::async_write(self->stream, self->req, [self](beast::error_code ec2, std::size_t) {
        if (ec2) return self->fail(ec2);
        http::async_read(self->stream, self->buffer, self->res, [self](beast::error_code ec3, std::size_t) {
          if (ec3) return self->fail(ec3);
          beast::error_code ignored;
          self->stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
          self->done(self->res.result_int(), "");
        });
      });
    });
  }
};

}  // namespace

void send_webhook(net::io_context& io, Notification n, std::chrono::milliseconds timeout,
                  std::function<void(unsigned, const std::string&)> done) {
  const auto url = parse_loopback_url(n.url);
  if (!url) {
    done(0, "not a loopback URL");
    return;
  }
  auto call = std::make_shared<Call>(io, std::move(done));
  call->req = http::request<http::string_body>(http::verb::post, url->target, 11);
  call->req.set(http::field::host, url->host + ":" + std::to_string(url->port));
  call->req.set(http::field::content_type, "application/json");
  call->req.set(http::field::connection, "close");
  if (!n.bearer_token.empty()) call->req.set(http::field::authorization, "Bearer " + n.bearer_token);
  call->req.body() = to_text(n.body);
  call->req.prepare_payload();
  beast::error_code ec;
  const auto address = net::ip::make_address(url->host, ec);
  if (ec) {
    call->done(0, ec.message());
    return;
  }
  call->start(tcp::endpoint(address, url->port), timeout);
}

}  // namespace drsim::drill
