// The inline script of report.html. It only reorders, hides and draws the exact texts the page holds:
// numbers are compared as exact decimal strings, never re-computed; chart pixels are integer micro-MW.
#include "reports/html_script.hpp"

#include <cstdint>

#include "scenarios/sha256.hpp"

namespace drsim::reports {

namespace {

// Hourly-line columns the chart reads (html_report_events.cpp, hourly_columns(): keep in step).
constexpr const char* kScript = R"js(
(function () {
'use strict';
var H = {ins: 0, res: 1, hour: 2, he: 3, instructed: 10, target: 11, actual: 12, shortfall: 13, exempt: 14, flags: 15};

// Exact comparison of decimal texts ("1,234.5", "-0.25", ""): blanks first, then by value.
function absCmp(a, b) {
  var pa = a.split('.'), pb = b.split('.');
  var ia = pa[0].replace(/^0+(?=\d)/, ''), ib = pb[0].replace(/^0+(?=\d)/, '');
  if (ia.length !== ib.length) return ia.length < ib.length ? -1 : 1;
  if (ia !== ib) return ia < ib ? -1 : 1;
  var fa = pa[1] || '', fb = pb[1] || '', n = Math.max(fa.length, fb.length);
  fa = fa.padEnd(n, '0'); fb = fb.padEnd(n, '0');
  return fa < fb ? -1 : (fa > fb ? 1 : 0);
}
function numCmp(a, b) {
  a = a.replace(/[,$]/g, ''); b = b.replace(/[,$]/g, '');
  var na = !/^-?\d/.test(a), nb = !/^-?\d/.test(b);
  if (na || nb) return na && nb ? textCmp(a, b) : (na ? -1 : 1);
  var sa = a[0] === '-', sb = b[0] === '-';
  if (sa !== sb) return sa ? -1 : 1;
  var r = absCmp(sa ? a.slice(1) : a, sb ? b.slice(1) : b);
  return sa ? -r : r;
}
function textCmp(a, b) { return a < b ? -1 : (a > b ? 1 : 0); }
// A count with thousands separators, as the page writes its figures ("9,976").
function group(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ','); }

// The rows of a <script type="text/plain"> block: a line per row, cells split by tabs (html_table.hpp).
var UNESC = {'\\': '\\', t: '\t', n: '\n', r: '\r', x3c: '<'};
function dataRows(id) {
  var el = document.getElementById(id), out = [];
  if (!el) return out;
  el.textContent.split('\n').forEach(function (line) {
    if (line === '') return;
    out.push(line.split('\t').map(function (c) {
      return c.indexOf('\\') < 0 ? c : c.replace(/\\(x3c|[\\tnr])/g, function (m, e) { return UNESC[e]; });
    }));
  });
  return out;
}

function Table(root) {
  var self = this, table = root.querySelector('table');
  self.root = root;
  self.tbody = table.tBodies[0];
  self.ths = Array.prototype.slice.call(table.tHead.rows[0].cells);
  self.num = self.ths.map(function (th) { return th.classList.contains('num'); });
  self.page = +root.dataset.page || 50;
  self.key = root.dataset.key === undefined ? -1 : +root.dataset.key;
  self.chart = root.dataset.chart === undefined ? -1 : +root.dataset.chart;
  self.printAll = root.dataset.print === 'all';
  self.pos = 0; self.col = -1; self.dir = 1;
  if (root.dataset.rows) {
    var data = dataRows(root.dataset.rows);
    self.rows = data.map(function (r) { return {cls: r[0], cells: r.slice(1), tr: null, low: null}; });
  } else {
    self.rows = Array.prototype.map.call(self.tbody.rows, function (tr) {
      return {cls: tr.className, cells: Array.prototype.map.call(tr.cells, function (td) { return td.textContent; }),
              tr: tr, low: null};
    });
  }
  self.view = self.rows;
  var tools = root.querySelector('.dt-tools');
  tools.hidden = false;
  self.keyBox = tools.querySelector('.dt-key');
  self.q = tools.querySelector('.dt-q');
  self.prev = tools.querySelector('.dt-prev');
  self.next = tools.querySelector('.dt-next');
  self.count = tools.querySelector('.dt-count');
  if (self.keyBox) self.keyBox.addEventListener('input', function () { self.filter(); });
  self.q.addEventListener('input', function () { self.filter(); });
  self.prev.addEventListener('click', function () { self.pos = Math.max(0, self.pos - self.page); self.render(false); });
  self.next.addEventListener('click', function () {
    if (self.pos + self.page < self.view.length) self.pos += self.page;
    self.render(false);
  });
  self.ths.forEach(function (th, c) {
    th.classList.add('sortable');
    th.tabIndex = 0;
    th.title = 'sort by ' + th.textContent;
    th.addEventListener('click', function () { self.sort(c); });
    th.addEventListener('keydown', function (e) { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); self.sort(c); } });
  });
  self.render(false);
}
Table.prototype.filter = function () {
  var key = this.keyBox ? this.keyBox.value.trim() : '', k = this.key;
  var terms = this.q.value.toLowerCase().split(/\s+/).filter(Boolean);
  this.view = this.rows.filter(function (r) {
    if (key !== '' && r.cells[k] !== key) return false;
    if (!terms.length) return true;
    if (r.low === null) r.low = r.cells.join('\t').toLowerCase();
    return terms.every(function (t) { return r.low.indexOf(t) >= 0; });
  });
  this.order();
  this.pos = 0;
  this.render(false);
};
Table.prototype.sort = function (c) {
  this.dir = this.col === c ? -this.dir : 1;
  this.col = c;
  var self = this;
  this.ths.forEach(function (th, i) {
    if (i === c) th.setAttribute('aria-sort', self.dir > 0 ? 'ascending' : 'descending');
    else th.removeAttribute('aria-sort');
  });
  this.order();
  this.pos = 0;
  this.render(false);
};
Table.prototype.order = function () {
  if (this.col < 0) return;
  var c = this.col, d = this.dir, cmp = this.num[c] ? numCmp : textCmp;
  if (this.view === this.rows) this.view = this.rows.slice();
  this.view.sort(function (a, b) { return d * cmp(a.cells[c], b.cells[c]); });  // stable: ties keep file order
};
Table.prototype.tr = function (r) {
  if (r.tr) return r.tr;
  var tr = document.createElement('tr'), self = this;
  if (r.cls) tr.className = r.cls;
  r.cells.forEach(function (t, c) {
    var td = document.createElement('td');
    if (self.num[c]) td.className = 'num';
    if (c === self.chart) {
      var b = document.createElement('button');
      b.type = 'button'; b.className = 'chart-btn'; b.textContent = t; b.dataset.resource = t;
      b.title = 'draw the chart of ' + t;
      td.appendChild(b);
    } else {
      td.textContent = t;
    }
    tr.appendChild(td);
  });
  r.tr = tr;
  return tr;
};
Table.prototype.render = function (all) {
  var rows = all ? this.view : this.view.slice(this.pos, this.pos + this.page);
  var frag = document.createDocumentFragment(), self = this;
  rows.forEach(function (r) { frag.appendChild(self.tr(r)); });
  this.tbody.textContent = '';
  this.tbody.appendChild(frag);
  var n = this.view.length, from = n ? (all ? 1 : this.pos + 1) : 0, to = all ? n : Math.min(n, this.pos + this.page);
  this.count.textContent = (n === 1 ? 'row ' : 'rows ') + group(from) + (n === 1 ? '' : '\u2013' + group(to)) +
      ' of ' + group(n) + (n !== this.rows.length ? ' (filtered from ' + group(this.rows.length) + ')' : '');
  this.prev.disabled = all || this.pos === 0;
  this.next.disabled = all || to >= n;
  this.root.classList.toggle('paged', !all && n > this.page);
};

// Charts drawn on demand from the hourly lines, the same drawing as the report's SVG charts.
var hourly = null;
function hourlyRows() {
  if (!hourly) {
    hourly = dataRows('hourly-lines-rows');
  }
  return hourly;
}
function micros(s) {
  s = s.replace(/,/g, '');
  if (s === '') return null;
  var neg = s[0] === '-', p = (neg ? s.slice(1) : s).split('.');
  var v = Number(p[0]) * 1e6 + Number(((p[1] || '') + '000000').slice(0, 6));
  return neg ? -v : v;
}
function microsText(v) {
  var neg = v < 0, a = Math.abs(v), f = String(a % 1e6).padStart(6, '0').replace(/0+$/, '');
  return (neg ? '-' : '') + Math.floor(a / 1e6) + (f ? '.' + f : '');
}
function esc(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
function niceStep(lo, hi, max) {
  var span = hi > lo ? hi - lo : 1;
  for (var m = 1; ; m *= 10) {
    var steps = [1, 2, 5];
    for (var i = 0; i < 3; ++i) if (Math.floor(span / (steps[i] * m)) + 1 <= max) return steps[i] * m;
  }
}
function chartSvg(resource, lines) {
  var L = 64, R = 16, T = 34, P = 180, B = 44, slots = 0, slot = [];
  lines.forEach(function (h, i) { if (i > 0 && h[H.ins + 1] !== lines[i - 1][H.ins + 1]) ++slots; slot.push(slots++); });
  var w = Math.min(44, Math.max(6, slots > 0 ? Math.floor(860 / slots) : 40));
  var width = Math.max(1000, L + slots * w + R), height = T + P + B;
  var lo = 0, hi = 0;
  lines.forEach(function (h) {
    var ins = micros(h[H.instructed + 1]), tg = micros(h[H.target + 1]), ac = micros(h[H.actual + 1]);
    [ins, tg, ac].forEach(function (v) { if (v !== null) { lo = Math.min(lo, v); hi = Math.max(hi, v); } });
    lo = Math.min(lo, (tg !== null ? tg : ins) - micros(h[H.shortfall + 1]));
  });
  if (hi === lo) hi = lo + 1e6;
  var step = niceStep(lo, hi, 6);
  hi = Math.ceil(hi / step) * step;
  if (lo < 0) lo = -Math.ceil(-lo / step) * step;
  function y(v) {  // svg_scale.cpp: rounded half away from zero
    var q = (v - lo) * -P / (hi - lo);
    return T + P + (q < 0 ? -Math.round(-q) : Math.round(q));
  }
  var o = [];
  function rect(x, yy, ww, hh, cls, tip) {
    if (hh < 0) { yy += hh; hh = -hh; }
    o.push('<rect x="' + x + '" y="' + yy + '" width="' + ww + '" height="' + hh + '" class="' + cls + '"' +
           (tip ? '><title>' + esc(tip) + '</title></rect>' : '/>'));
  }
  function line(x1, y1, x2, y2, cls) { o.push('<line x1="' + x1 + '" y1="' + y1 + '" x2="' + x2 + '" y2="' + y2 + '" class="' + cls + '"/>'); }
  function text(x, yy, t, cls, anchor) {
    o.push('<text x="' + x + '" y="' + yy + '" class="' + cls + '" text-anchor="' + (anchor || 'start') + '">' + esc(t) + '</text>');
  }
  legend(rect, line, text, L);
  var first = Math.ceil(lo / step) * step;
  for (var t = first; t <= hi; t += step) {
    line(L, y(t), width - R, y(t), t === 0 ? 'axis0' : 'grid');
    text(L - 6, y(t) + 4, microsText(t), 'axis', 'end');
  }
  text(12, T + P / 2, 'MW', 'axis', 'middle');
  var every = w >= 22 ? 1 : Math.ceil(22 / w), last = '';
  lines.forEach(function (h, i) {
    var x0 = L + slot[i] * w, x1 = x0 + w, c = h.slice(1);
    var ins = micros(c[H.instructed]), tg = micros(c[H.target]), ac = micros(c[H.actual]), sf = micros(c[H.shortfall]);
    var noar = (' ' + c[H.flags] + ' ').indexOf(' no_advanced_reporting ') >= 0;
    var tip = c[H.ins] + ' ' + c[H.hour] + ' HE' + c[H.he] + ': instructed ' + c[H.instructed] + ', target ' +
              (c[H.target] || '-') + ', actual ' + (c[H.actual] || '-') + ', shortfall ' + c[H.shortfall] + ' MW' +
              (noar ? ' (no advanced reporting: the full instruction is penalized)' : '') +
              (c[H.exempt] ? ' (exempt: ' + c[H.exempt] + ')' : '');
    if (c[H.exempt]) rect(x0, T, w, P, 'hc-exempt', tip);
    if (ac !== null) rect(x0 + 2, y(0), w - 4, y(ac) - y(0), 'hc-actual', tip);
    if (sf > 0) {
      var top = tg !== null ? tg : ins;
      var cls = noar ? 'hc-noar' : (h[0] === 'charged' ? 'hc-shortfall' : 'hc-uncharged');
      rect(x0 + 1, y(top), w - 2, y(top - sf) - y(top), cls, tip);
    }
    line(x0, y(ins), x1, y(ins), 'hc-instructed');
    if (tg !== null) line(x0, y(tg), x1, y(tg), 'hc-target');
    if (i % every === 0) text((x0 + x1) / 2 | 0, T + P + 14, c[H.he], 'axis', 'middle');
    var key = c[H.hour].slice(0, 10) + '\n' + c[H.ins];
    if (key !== last) {
      line(x0, T + P, x0, T + P + 30, 'grid');
      text(x0 + 2, T + P + 30, c[H.hour].slice(0, 10) + ' ' + c[H.ins], 'note');
      last = key;
    }
  });
  text(L - 6, T + P + 14, 'HE', 'axis', 'end');
  var title = 'Instructed, target and actual MW of ' + resource;
  // (split in two so that the page's source holds an svg start tag only where a chart is drawn in it)
  return '<' + 'svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ' + width + ' ' + height + '" width="' +
         width + '" height="' + height + '" role="img" aria-label="' + esc(title) + '"><title>' + esc(title) +
         '</title>\n' + o.join('\n') + '\n</svg>';
}
// The legend of svg_hour_chart.cpp, entry for entry.
function legend(rect, line, text, L) {
  rect(L, 8, 12, 10, 'hc-actual'); text(L + 16, 17, 'actual MW', 'legend');
  line(L + 92, 13, L + 110, 13, 'hc-instructed'); text(L + 114, 17, 'instructed MW', 'legend');
  line(L + 212, 13, L + 230, 13, 'hc-target'); text(L + 234, 17, 'target MW', 'legend');
  rect(L + 312, 8, 12, 10, 'hc-shortfall'); text(L + 328, 17, 'charged shortfall', 'legend');
  rect(L + 436, 8, 12, 10, 'hc-uncharged'); text(L + 452, 17, 'uncharged shortfall', 'legend');
  rect(L + 572, 8, 12, 10, 'hc-noar'); text(L + 588, 17, 'no advanced reporting (all penalized)', 'legend');
  rect(L + 826, 8, 12, 10, 'hc-exempt'); text(L + 842, 17, 'exempt hour', 'legend');
}
function plural(n, word) { return group(n) + ' ' + word + (n === 1 ? '' : 's'); }
function drawChart(resource) {
  var lines = hourlyRows().filter(function (r) { return r[H.res + 1] === resource; });
  lines.sort(function (a, b) {
    return textCmp(a[H.hour + 1] + '\n' + a[H.ins + 1], b[H.hour + 1] + '\n' + b[H.ins + 1]);
  });
  // Each instruction's hours together, instructions in order of their first hour (as the report's charts).
  var firsts = [], seen = {};
  lines.forEach(function (r) { if (!seen[r[H.ins + 1]]) { seen[r[H.ins + 1]] = []; firsts.push(r[H.ins + 1]); } seen[r[H.ins + 1]].push(r); });
  var ordered = [];
  firsts.forEach(function (id) { ordered = ordered.concat(seen[id]); });
  var box = document.getElementById('ondemand-chart');
  if (!box) return;
  box.hidden = false;
  box.innerHTML = '<h3>' + esc(resource) + ' <button type="button" class="chart-close">close</button></h3><figure>' +
      chartSvg(resource, ordered) + '<figcaption>' +
      esc(plural(ordered.length, 'instruction-hour') + ' in ' + plural(firsts.length, 'instruction') +
          '; drawn by the page from the hourly lines (its totals are in the table below).') + '</figcaption></figure>';
  box.scrollIntoView({block: 'nearest'});
}

function init() {
  document.documentElement.classList.add('js');
  var tables = Array.prototype.map.call(document.querySelectorAll('div.dt'), function (el) { return new Table(el); });
  document.addEventListener('click', function (e) {
    var b = e.target.closest ? e.target.closest('button') : null;
    if (!b) return;
    if (b.classList.contains('chart-btn')) drawChart(b.dataset.resource);
    if (b.classList.contains('chart-close')) { var box = document.getElementById('ondemand-chart'); box.hidden = true; box.textContent = ''; }
  });
  window.addEventListener('beforeprint', function () { tables.forEach(function (t) { if (t.printAll) t.render(true); }); });
  window.addEventListener('afterprint', function () { tables.forEach(function (t) { if (t.printAll) t.render(false); }); });
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
)js";

std::string base64(const std::string& bytes) {
  static const char* digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t v = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
    if (i + 2 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 2]);
    out += digits[(v >> 18) & 63];
    out += digits[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? digits[(v >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? digits[v & 63] : '=';
  }
  return out;
}

}  // namespace

const std::string& report_script() {
  static const std::string script(kScript);
  return script;
}

std::string report_script_csp_source() {
  const std::string hex = scenarios::sha256_hex(report_script());
  std::string raw;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) raw += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return "'sha256-" + base64(raw) + "'";
}

}  // namespace drsim::reports
