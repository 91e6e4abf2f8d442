// Sends webhook notifications (POST of a JSON body) without ever blocking the drill's clock:
// each one on its own connection on the drill's io_context, abandoned after a timeout.
#pragma once

#include <utility>  // before Asio (Boost 1.74)

#include <chrono>
#include <functional>
#include <string>

#include <boost/asio/io_context.hpp>

#include "drill/vtn.hpp"

namespace drsim::drill {

// Posts `n` to its loopback URL; `done(status or 0, error text)` is called once when it ends
// (answered, refused, or timed out after `timeout`).
void send_webhook(boost::asio::io_context& io, Notification n, std::chrono::milliseconds timeout,
                  std::function<void(unsigned, const std::string&)> done);

}  // namespace drsim::drill
