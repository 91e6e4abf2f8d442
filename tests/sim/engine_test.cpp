// Tests of the discrete-event engine: event order, cancellation, scheduling from handlers, notes, trace fingerprint.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "sim/engine.hpp"

using drsim::Date;
using drsim::Duration;
using drsim::MarketTime;
using drsim::sim::Engine;
using drsim::sim::EventHandle;
using drsim::sim::TraceRecord;

namespace {

const MarketTime kT0 = MarketTime::at(Date::from_ymd(2025, 7, 15), 10);

MarketTime at_hour(int h) { return kT0 + Duration::hours(h); }

// Names of the traced entities, in dispatch order.
std::vector<std::string> traced(const Engine& e) {
  std::vector<std::string> out;
  for (const auto& r : e.trace()) out.push_back(r.entity);
  return out;
}

}  // namespace

TEST_CASE("events run in time order, whatever the scheduling order", "[engine]") {
  Engine e;
  std::vector<std::string> ran;
  std::vector<MarketTime> seen;
  for (const int h : {5, 1, 3, 0, 4, 2}) {
    const std::string id = std::string("E").append(std::to_string(h));
    e.schedule(at_hour(h), 0, "tick", id, [&ran, &seen, &e, id] {
      ran.push_back(id);
      seen.push_back(e.now());
    });
  }
  CHECK(e.pending() == 6);
  CHECK(e.run() == 6);
  CHECK(ran == std::vector<std::string>{"E0", "E1", "E2", "E3", "E4", "E5"});
  // now() inside a handler is the event's own time.
  CHECK(seen == std::vector<MarketTime>{at_hour(0), at_hour(1), at_hour(2), at_hour(3), at_hour(4), at_hour(5)});
  CHECK(e.now() == at_hour(5));
  CHECK(e.pending() == 0);
  CHECK(e.dispatched() == 6);
  CHECK(traced(e) == ran);
}

TEST_CASE("equal times run by priority, then by insertion sequence", "[engine]") {
  Engine e;
  std::vector<std::string> ran;
  auto add = [&](int priority, const std::string& id) {
    e.schedule(kT0, priority, "tick", id, [&ran, id] { ran.push_back(id); });
  };
  add(2, "p2-first");
  add(0, "p0-first");
  add(1, "p1");
  add(2, "p2-second");
  add(0, "p0-second");
  add(-1, "pm1");  // negative priorities sort before 0
  e.schedule(at_hour(-1), 9, "tick", "earlier-time", [&ran] { ran.push_back("earlier-time"); });
  e.run();
  CHECK(ran == std::vector<std::string>{"earlier-time", "pm1", "p0-first", "p0-second", "p1", "p2-first",
                                        "p2-second"});
  // Sequence numbers are insertion order: "earlier-time" was the 7th scheduled.
  REQUIRE(e.trace().size() == 7);
  CHECK(e.trace()[0].sequence == 7);
  CHECK(e.trace()[1].sequence == 6);
  CHECK(e.trace()[2].sequence == 2);
}

TEST_CASE("a cancelled event never runs and is not traced", "[engine]") {
  Engine e;
  std::vector<std::string> ran;
  e.schedule(at_hour(1), 0, "tick", "A", [&] { ran.push_back("A"); });
  const EventHandle b = e.schedule(at_hour(2), 0, "tick", "B", [&] { ran.push_back("B"); });
  e.schedule(at_hour(3), 0, "tick", "C", [&] { ran.push_back("C"); });
  CHECK(e.cancel(b));
  CHECK_FALSE(e.cancel(b));  // already cancelled
  CHECK_FALSE(e.cancel(EventHandle{}));
  CHECK(e.pending() == 2);
  CHECK(e.run() == 2);
  CHECK(ran == std::vector<std::string>{"A", "C"});
  CHECK(traced(e) == std::vector<std::string>{"A", "C"});
}

TEST_CASE("a handler can cancel a later event, and a spent handle cancels nothing", "[engine]") {
  Engine e;
  std::vector<std::string> ran;
  EventHandle later;
  const EventHandle first = e.schedule(at_hour(1), 0, "tick", "first", [&] {
    ran.push_back("first");
    CHECK(e.cancel(later));
  });
  later = e.schedule(at_hour(2), 0, "tick", "later", [&] { ran.push_back("later"); });
  e.run();
  CHECK(ran == std::vector<std::string>{"first"});
  // `first` has run and its slot may be reused by a new event: cancelling it
  // through the old handle must not touch the new one.
  e.schedule(at_hour(3), 0, "tick", "reuse", [&] { ran.push_back("reuse"); });
  CHECK_FALSE(e.cancel(first));
  e.run();
  CHECK(ran == std::vector<std::string>{"first", "reuse"});
}

TEST_CASE("handlers schedule further events, also at the current time", "[engine]") {
  Engine e;
  std::vector<std::string> ran;
  e.schedule(at_hour(1), 5, "issue", "SI-1", [&] {
    ran.push_back("issue");
    // At now(), with a higher priority number than a pending same-time event:
    // runs after that one, since (time, priority) decides before insertion.
    e.schedule(e.now(), 6, "ack", "SI-1", [&] { ran.push_back("ack"); });
    e.schedule(e.now() + Duration::hours(4), 0, "start", "SI-1", [&] {
      ran.push_back("start");
      e.schedule(e.now(), 0, "same-time", "SI-1", [&] { ran.push_back("same-time"); });
    });
  });
  e.schedule(at_hour(1), 5, "other", "SI-2", [&] { ran.push_back("other"); });
  e.run();
  CHECK(ran == std::vector<std::string>{"issue", "other", "ack", "start", "same-time"});
  CHECK(e.now() == at_hour(5));
}

TEST_CASE("scheduling before the current time throws, naming the time", "[engine]") {
  Engine e;
  e.schedule(at_hour(2), 0, "tick", "A", [&] {
    REQUIRE_THROWS_AS(e.schedule(at_hour(1), 0, "late", "X", [] {}), std::logic_error);
    try {
      e.schedule(at_hour(1), 0, "late", "X", [] {});
    } catch (const std::logic_error& err) {
      const std::string what = err.what();
      CHECK(what.find("2025-07-15T11:00") != std::string::npos);  // the rejected time, kT0 + 1 h
      CHECK(what.find("2025-07-15T12:00") != std::string::npos);  // now, kT0 + 2 h
    }
  });
  e.run();
  CHECK_THROWS_AS(e.schedule(at_hour(0), 0, "late", "Y", [] {}), std::logic_error);
  CHECK_NOTHROW(e.schedule(at_hour(2), 0, "same", "Z", [] {}));  // at now() is allowed
}

TEST_CASE("run_until runs the events before its time, half-open", "[engine]") {
  Engine e;
  std::vector<std::string> ran;
  for (int h = 0; h < 4; ++h) {
    const std::string id = std::string("E").append(std::to_string(h));
    e.schedule(at_hour(h), 0, "tick", id, [&ran, id] { ran.push_back(id); });
  }
  CHECK(e.run_until(at_hour(2)) == 2);  // E0, E1; E2 at exactly 2 h stays queued
  CHECK(ran == std::vector<std::string>{"E0", "E1"});
  CHECK(e.now() == at_hour(2));
  CHECK(e.pending() == 2);
  CHECK(e.run() == 2);
  CHECK(ran == std::vector<std::string>{"E0", "E1", "E2", "E3"});
}

TEST_CASE("a throwing handler leaves the engine usable", "[engine]") {
  Engine e;
  std::vector<std::string> ran;
  e.schedule(at_hour(1), 0, "tick", "boom", [] { throw std::runtime_error("boom"); });
  e.schedule(at_hour(2), 0, "tick", "after", [&] { ran.push_back("after"); });
  CHECK_THROWS_AS(e.run(), std::runtime_error);
  CHECK(e.pending() == 1);
  CHECK(e.run() == 1);
  CHECK(ran == std::vector<std::string>{"after"});
}

TEST_CASE("run does not nest", "[engine]") {
  Engine e;
  bool threw = false;
  e.schedule(at_hour(1), 0, "tick", "A", [&] {
    try {
      e.run();
    } catch (const std::logic_error&) {
      threw = true;
    }
  });
  e.schedule(at_hour(2), 0, "tick", "B", [] {});
  CHECK(e.run() == 2);  // the outer run goes on to B
  CHECK(threw);
}

TEST_CASE("a handler attaches notes to its own record: one kind, given once", "[engine]") {
  Engine e;
  e.schedule(at_hour(1), 0, "instruction_issued", "SI-1", [&] {
    e.current().note("resource=DR-1");                // under the event's own kind
    e.current().note_as("exemption", "short_notice");  // another kind, same entity
  });
  e.schedule(at_hour(2), 0, "instruction_near", "SI-1", [] {});  // logs nothing
  e.schedule(at_hour(3), 0, "instruction_active", "SI-1", [&] { e.current().note(); });
  e.run();
  REQUIRE(e.trace().size() == 3);
  const auto& issued = e.trace()[0];
  REQUIRE(issued.notes.size() == 2);
  CHECK(issued.notes[0].kind == "instruction_issued");
  CHECK(issued.notes[0].detail == "resource=DR-1");
  CHECK(issued.notes[1].kind == "exemption");
  CHECK(issued.notes[1].detail == "short_notice");
  CHECK(e.trace()[1].notes.empty());
  REQUIRE(e.trace()[2].notes.size() == 1);
  CHECK(e.trace()[2].notes[0].kind == "instruction_active");
  CHECK(e.trace()[2].notes[0].detail.empty());
  // Notes never enter the trace line, so the fingerprint is that of the events alone.
  CHECK(issued.line() == "1|2025-07-15T11:00|instruction_issued|SI-1\n");
  // current() names no event outside a handler.
  CHECK_THROWS_AS(e.current(), std::logic_error);
}

TEST_CASE("the ordinal is the dispatch order, the sequence the insertion order", "[engine]") {
  Engine e;
  e.schedule(at_hour(2), 0, "tick", "B", [] {});  // sequence 1, runs second
  e.schedule(at_hour(1), 0, "tick", "A", [&] {    // sequence 2, runs first
    CHECK(e.current().ordinal == 1);
    CHECK(e.current().sequence == 2);
    CHECK(e.current().entity == "A");
  });
  e.run();
  REQUIRE(e.trace().size() == 2);
  CHECK(e.trace()[1].ordinal == 2);
  CHECK(e.trace()[1].sequence == 1);
}

TEST_CASE("with tracing off a handler notes on a scratch record that is not kept", "[engine]") {
  Engine e;
  e.set_tracing(false);
  std::vector<std::string> seen;
  for (const char* id : {"A", "B"}) {
    e.schedule(at_hour(1), 0, "tick", id, [&e, &seen] {
      TraceRecord& r = e.current();
      CHECK(r.notes.empty());  // the previous event's note is gone
      r.note("x");
      seen.push_back(r.kind + " " + r.entity + " " + std::to_string(r.ordinal));
    });
  }
  e.run();
  CHECK(seen == std::vector<std::string>{"tick A 1", "tick B 2"});
  CHECK(e.trace().empty());
}

TEST_CASE("a throwing handler's event is spent and traced, the queue stays", "[engine]") {
  Engine e;
  e.schedule(at_hour(1), 0, "tick", "boom", [&] {
    e.current().note("before the throw");
    e.schedule(at_hour(3), 0, "tick", "scheduled-then-threw", [] {});
    throw std::runtime_error("boom");
  });
  e.schedule(at_hour(2), 0, "tick", "after", [] {});
  CHECK_THROWS_AS(e.run(), std::runtime_error);
  CHECK(e.now() == at_hour(1));
  CHECK(e.dispatched() == 1);
  CHECK(e.pending() == 2);  // "after" and the event the handler scheduled before it threw
  REQUIRE(e.trace().size() == 1);
  CHECK(e.trace()[0].notes.size() == 1);
  CHECK_THROWS_AS(e.current(), std::logic_error);  // no handler runs any more
  CHECK(e.run() == 2);
  CHECK(traced(e) == std::vector<std::string>{"boom", "after", "scheduled-then-threw"});
}

TEST_CASE("a cancelled event beyond run_until's time is dropped, a live one stays", "[engine]") {
  Engine e;
  int ran = 0;
  const EventHandle late = e.schedule(at_hour(5), 0, "tick", "late", [&] { ++ran; });
  e.schedule(at_hour(6), 0, "tick", "kept", [&] { ++ran; });
  CHECK(e.cancel(late));
  CHECK(e.run_until(at_hour(1)) == 0);
  CHECK(e.now() == at_hour(1));  // advanced to `until`, no event ran
  CHECK(e.pending() == 1);
  CHECK(e.run() == 1);
  CHECK(ran == 1);
}

TEST_CASE("the trace fingerprint is pinned and follows the event order", "[engine]") {
  struct Run {
    std::vector<drsim::sim::TraceRecord> trace;
    std::string fingerprint;
  };
  auto build = [](bool swap) {
    Engine e;
    const MarketTime t = MarketTime::at(Date::from_ymd(2025, 7, 15), 15);
    e.schedule(t, swap ? 2 : 1, "instruction_start", "SI-1", [] {});
    e.schedule(t, swap ? 1 : 2, "instruction_start", "SI-2", [] {});
    e.schedule(t + Duration::hours(4), 0, "instruction_end", "SI-1", [] {});
    e.run();
    return Run{e.trace(), e.fingerprint()};
  };
  const Run a = build(false);
  REQUIRE(a.trace.size() == 3);
  CHECK(a.trace[0].line() == "1|2025-07-15T15:00|instruction_start|SI-1\n");
  CHECK(a.trace[2].line() == "3|2025-07-15T19:00|instruction_end|SI-1\n");
  // FNV-1a 64 of the three lines
  //   1|2025-07-15T15:00|instruction_start|SI-1\n
  //   2|2025-07-15T15:00|instruction_start|SI-2\n
  //   3|2025-07-15T19:00|instruction_end|SI-1\n
  // computed independently (Python: h=0xcbf29ce484222325; for b in text:
  // h=((h^b)*0x100000001b3) % 2**64).
  CHECK(a.fingerprint == "929bfb7e058729f0");
  CHECK(build(false).fingerprint == a.fingerprint);  // repeatable
  const Run b = build(true);
  CHECK(b.trace[0].entity == "SI-2");
  CHECK(b.fingerprint != a.fingerprint);
  CHECK(Engine{}.fingerprint() == "cbf29ce484222325");  // empty trace: the offset basis
}

TEST_CASE("tracing can be turned off", "[engine]") {
  Engine e;
  e.set_tracing(false);
  int ran = 0;
  e.schedule(at_hour(1), 0, "tick", "A", [&] { ++ran; });
  e.run();
  CHECK(ran == 1);
  CHECK(e.trace().empty());
}
