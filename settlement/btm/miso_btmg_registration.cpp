// MISO BTMG registration rules: contact shapes, season fields, certified MP, submission dates.
#include "settlement/btm/miso_btmg_registration.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace drsim::btm {

Date existing_lmr_due(int py) { return Date::from_ymd(py, 2, 1); }
Date new_lmr_due(int py) { return Date::from_ymd(py, 3, 1); }
Date frap_rbdc_due(int py) { return Date::from_ymd(py, 2, 15); }

namespace {

bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

bool valid_domain(std::string_view d) {
  // Labels of letters, digits and inner hyphens, at least two of them.
  int labels = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = d.find('.', start);
    const std::string_view label = d.substr(start, dot == std::string_view::npos ? d.npos : dot - start);
    if (label.empty() || label.front() == '-' || label.back() == '-') return false;
    for (char c : label) {
      if (!is_alnum(c) && c != '-') return false;
    }
    ++labels;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return labels >= 2;
}

}  // namespace

bool valid_email(std::string_view text) {
  const std::size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) return false;
  const std::string_view local = text.substr(0, at);
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) return false;
  for (char c : local) {
    if (!is_alnum(c) && std::string_view("._%+-'").find(c) == std::string_view::npos) return false;
  }
  return valid_domain(text.substr(at + 1));
}

bool valid_phone(std::string_view text) {
  // Digits with the usual separators, an optional leading +, and 10 to 15 digits
  // (a North American number has 10, or 11 with the leading 1).
  int digits = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      ++digits;
    } else if (c == '+') {
      if (i != 0) return false;
    } else if (std::string_view(" -().").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return digits >= 10 && digits <= 15;
}

std::vector<MisoFinding> check_registration(const MisoBtmgRegistration& r) {
  std::vector<MisoFinding> out;
  auto error = [&](std::string key, std::string msg) { out.push_back({std::move(key), std::move(msg), false}); };
  if (!r.mp_certified) {
    error("mp_certified", "market participant " + r.market_participant +
                              " is not certified: only a certified market participant may enroll btmg");
  }
  if (r.drc_forecast.value() <= Decimal()) {
    error("drc_forecast_mw", "demand reduction capability forecast " + r.drc_forecast.value().str() +
                                 " MW must be above 0");
  }
  if (!valid_phone(r.contact_phone)) {
    error("operator_contact.phone", "'" + r.contact_phone + "' is not a phone number (10 to 15 digits)");
  }
  if (!valid_email(r.contact_email)) {
    error("operator_contact.email", "'" + r.contact_email + "' is not an email address");
  }
  if (r.protocol != "metered_generation") {
    error("protocol", "btmg is measured by metered_generation (rules.md 2), not '" + r.protocol + "'");
  }
  const Date due = r.new_lmr ? new_lmr_due(r.planning_year) : existing_lmr_due(r.planning_year);
  if (r.submitted > due) {
    error("submitted", std::string(r.new_lmr ? "a new" : "an existing") + " lmr for planning year " +
                           std::to_string(r.planning_year) + " is due by " + due.str() + ", submitted " +
                           r.submitted.str());
  } else if (r.new_lmr && r.submitted > frap_rbdc_due(r.planning_year)) {
    out.push_back({"submitted",
                   "submitted " + r.submitted.str() + ", after " + frap_rbdc_due(r.planning_year).str() +
                       ": a new lmr may not be usable in an lse's frap or rbdc opt-out plan",
                   true});
  }
  if (!r.statements_accepted) error("statements_accepted", "the registration statements must be accepted");
  if (r.seasons.empty()) error("seasons", "at least one season is required");
  for (const auto& s : r.seasons) {
    const std::string p = "seasons." + std::string(name(s.season)) + ".";
    if (s.status != "active" && s.status != "inactive") {
      error(p + "status", "status '" + s.status + "' is not active or inactive");
    }
    if (!s.excluded && s.generators.empty()) error(p + "generators", "at least one generator is required");
    if (s.xeford_override &&
        (s.xeford_override->is_negative() || *s.xeford_override >= Decimal::from_int(1))) {
      error(p + "xeford_override", "xeford " + s.xeford_override->str() + " is outside [0, 1)");
    }
    if (s.max_interruptions < 1) {
      error(p + "max_interruptions", std::to_string(s.max_interruptions) + " must be at least 1");
    }
    if (s.max_duration_h < 1) error(p + "max_duration_h", std::to_string(s.max_duration_h) + " must be at least 1");
    if (!s.excluded && s.months.empty()) error(p + "months", "at least one available month is required");
    std::set<int> seen;
    for (int m : s.months) {
      if (m < 1 || m > 12) {
        error(p + "months", "month " + std::to_string(m) + " is not in 1..12");
      } else if (!seen.insert(m).second) {
        error(p + "months", "month " + std::to_string(m) + " is listed twice");
      } else if (season_of(Date::from_ymd(2001, m, 1)) != s.season) {
        error(p + "months", "month " + std::to_string(m) + " is not in " + std::string(name(s.season)));
      }
    }
    if (s.notification_h.is_negative() || s.notification_h > kMaxNotificationH) {
      error(p + "notification_h", "notification " + s.notification_h.str() + " h is outside 0..12 h");
    }
  }
  return out;
}

}  // namespace drsim::btm
