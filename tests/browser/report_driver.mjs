// Drives a drsim report.html in Debian's headless Chromium with puppeteer-core, as a user would:
// loads it, sorts a column, filters by a resource, opens a chart drawn on demand, checks that the
// money columns are in view at 1280 px and the print layout puts the statement first, and that
// nothing logs an error; screenshots are checked non-blank by their pixels.
//
// usage: node report_driver.mjs REPORT_HTML SHOT_DIR [--id RESOURCE_ID]
// With --id: only that the page's script decodes and filters on that id (one full of markup, quotes
// and a backslash) exactly, in the hourly lines and the by-resource table, and draws its chart.
// Exit 0 when every check holds, 1 with the reasons otherwise.
import fs from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);
const puppeteer = require('puppeteer-core');

const [reportArg, shotArg, idFlag, idArg] = process.argv.slice(2);
if (!reportArg || !shotArg) {
  console.error('usage: node report_driver.mjs REPORT_HTML SHOT_DIR');
  process.exit(2);
}
const report = path.resolve(reportArg);
const shots = path.resolve(shotArg);
fs.mkdirSync(shots, {recursive: true});

const problems = [];
const check = (ok, what) => {
  console.log((ok ? 'ok   ' : 'FAIL ') + what);
  if (!ok) problems.push(what);
};

// Exact cents of a money text ("-1,234.56"), as a BigInt: the test compares what the page shows exactly.
const cents = (text) => {
  const t = text.replace(/,/g, '');
  const m = /^(-?)(\d+)\.(\d\d)$/.exec(t);
  if (!m) throw new Error('not an amount of money: ' + JSON.stringify(text));
  const v = BigInt(m[2]) * 100n + BigInt(m[3]);
  return m[1] ? -v : v;
};

// Distinct colours and the variance of the grey level of a PNG, measured in a blank page's canvas.
async function pixelStats(browser, file) {
  const page = await browser.newPage();
  try {
    const b64 = fs.readFileSync(file).toString('base64');
    return await page.evaluate(async (data) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + data;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const colours = new Set();
      let sum = 0, sum2 = 0, nonWhite = 0;
      const n = d.length / 4;
      for (let i = 0; i < d.length; i += 4) {
        colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
        const g = (d[i] + d[i + 1] + d[i + 2]) / 3;
        sum += g;
        sum2 += g * g;
        if (d[i] < 245 || d[i + 1] < 245 || d[i + 2] < 245) ++nonWhite;
      }
      const mean = sum / n;
      return {width: c.width, height: c.height, colours: colours.size, variance: sum2 / n - mean * mean,
              nonWhite: nonWhite / n};
    }, b64);
  } finally {
    await page.close();
  }
}

async function shot(browser, page, name, options) {
  const file = path.join(shots, name);
  await page.screenshot({path: file, ...options});
  const s = await pixelStats(browser, file);
  console.log(`     ${name}: ${s.width}x${s.height}, ${s.colours} colours, variance ${s.variance.toFixed(0)}, ` +
              `${(100 * s.nonWhite).toFixed(1)}% non-white`);
  check(s.colours >= 20 && s.variance > 100 && s.nonWhite > 0.02, `screenshot ${name} is not blank`);
}

// The texts of a column of the rows a table shows.
const column = (page, tableId, c) => page.$$eval(`#${tableId} tbody tr`, (trs, c) => trs.map((tr) => tr.cells[c].textContent), c);

async function main() {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
  });
  const errors = [];
  try {
    const page = await browser.newPage();
    await page.setViewport({width: 1280, height: 900});
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warn') errors.push(`console ${m.type()}: ${m.text()}`); });
    page.on('pageerror', (e) => errors.push('page error: ' + e.message));
    page.on('requestfailed', (r) => errors.push('request failed: ' + r.url()));
    page.on('request', (r) => { if (!r.url().startsWith('file://') && !r.url().startsWith('data:')) errors.push('network request: ' + r.url()); });

    const t0 = Date.now();
    await page.goto('file://' + report, {waitUntil: 'load'});
    console.log(`     loaded ${(fs.statSync(report).size / 1e6).toFixed(2)} MB in ${Date.now() - t0} ms`);
    if (idFlag === '--id') {
      await checkId(page, idArg);
    } else {
      await checkAll(browser, page);
    }
    check(errors.length === 0, 'no console errors, page errors or network requests' +
          (errors.length ? ': ' + errors.slice(0, 5).join(' | ') : ''));
  } finally {
    await browser.close();
  }
  if (problems.length) {
    console.log(`${problems.length} check(s) failed`);
    process.exit(1);
  }
  console.log('all checks hold');
}

async function checkId(page, id) {
  await page.type('#hourly-lines .dt-key', id);
  const ids = await column(page, 'hourly-lines', 1);
  check(ids.length > 0 && ids.every((x) => x === id), `hourly lines filtered to ${id}: ${ids.length} rows`);
  await page.type('#by-resource .dt-key', id);
  const rows = await column(page, 'by-resource', 0);
  check(rows.length === 1 && rows[0] === id, `by-resource filtered to ${id}: ${JSON.stringify(rows)}`);
  const label = await page.$eval('#resources figure svg', (svg) => svg.getAttribute('aria-label'));
  await page.evaluate((id) => {
    const b = document.createElement('button');
    b.className = 'chart-btn';
    b.dataset.resource = id;
    document.getElementById('resources').appendChild(b);
    b.click();
    b.remove();
  }, id);
  const drawn = await page.$eval('#ondemand-chart svg', (svg) => [svg.getAttribute('aria-label'),
                                                                   svg.querySelectorAll('line.hc-instructed').length - 1]);
  check(label === 'Instructed, target and actual MW of ' + id && drawn[0] === label && drawn[1] === ids.length,
        `the chart of ${id} is drawn on demand with its ${drawn[1]} hours`);
}

async function checkAll(browser, page) {
  {

    // The statement comes first, the detail after it.
    const order = await page.$$eval('main section', (ss) => ss.map((s) => s.id));
    check(JSON.stringify(order.slice(0, 4)) === JSON.stringify(['totals', 'failures', 'allocation', 'eo']),
          'statement sections first: ' + order.join(' '));
    const resources = await page.$eval('#by-resource', (el) => +el.dataset.total);
    check(resources >= 900, `the by-resource table holds ${resources} resources`);

    // The money columns are in view at 1280 px, without scrolling sideways.
    for (const [table, header] of [['hourly-lines', 'energy $'], ['hourly-lines', 'RSG $'], ['hourly-lines', 'flags'],
                                   ['by-resource', 'penalty $'], ['capacity-lines', 'amount $']]) {
      const right = await page.$eval(`#${table} thead`, (thead, header) => {
        const th = [...thead.rows[0].cells].find((c) => c.textContent === header);
        return th ? th.getBoundingClientRect().right : Infinity;
      }, header);
      check(right <= 1280, `${table}: "${header}" is in view at 1280 px (right edge ${right.toFixed(0)} px)`);
    }

    // The hourly lines: one block of data (a line per row, class then cells by tabs), drawn a page at a time.
    const unescape = (c) => c.replace(/\\(x3c|[\\tnr])/g, (m, e) => ({'\\': '\\', t: '\t', n: '\n', r: '\r', x3c: '<'})[e]);
    const data = (await page.$eval('#hourly-lines-rows', (el) => el.textContent)).split('\n').filter((l) => l !== '')
        .map((l) => l.split('\t').map(unescape));
    const shown = await page.$$eval('#hourly-lines tbody tr', (trs) => trs.length);
    check(data.length > 1000 && shown === 50, `hourly lines: ${data.length} lines, ${shown} on the first page`);

    // Sort by energy $ (column 4): ascending on the first click, descending on the second; the top
    // line is the largest charge of all lines, compared exactly.
    const energyTh = 'table th:nth-child(5)';
    await page.click(`#hourly-lines ${energyTh}`);
    const asc = (await column(page, 'hourly-lines', 4)).map(cents);
    check(asc.every((v, i) => i === 0 || asc[i - 1] <= v), 'sorted ascending by energy $');
    await page.click(`#hourly-lines ${energyTh}`);
    const desc = (await column(page, 'hourly-lines', 4)).map(cents);
    const max = data.reduce((m, r) => (cents(r[5]) > m ? cents(r[5]) : m), -(10n ** 30n));
    check(desc.every((v, i) => i === 0 || desc[i - 1] >= v) && desc[0] === max,
          `sorted descending by energy $: first ${desc[0]} cents is the largest of all lines (${max})`);
    const ariaSort = await page.$eval(`#hourly-lines ${energyTh}`, (th) => th.getAttribute('aria-sort'));
    check(ariaSort === 'descending', 'the header says it sorts descending');

    // Filter by a resource id: the resource with the most lines.
    const per = new Map();
    for (const r of data) per.set(r[2], (per.get(r[2]) || 0) + 1);
    const [resource, lines] = [...per.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    await page.type('#hourly-lines .dt-key', resource);
    const filtered = await column(page, 'hourly-lines', 1);
    const count = await page.$eval('#hourly-lines .dt-count', (el) => el.textContent);
    const grouped = (n) => n.toLocaleString('en-US');
    check(filtered.length === Math.min(lines, 50) && filtered.every((id) => id === resource) &&
          count === `rows 1\u2013${Math.min(lines, 50)} of ${lines} (filtered from ${grouped(data.length)})`,
          `filtered to ${resource}: ${filtered.length} rows shown, "${count}"`);
    const stillSorted = filtered.length < 2 ||
        (await column(page, 'hourly-lines', 4)).map(cents).every((v, i, a) => i === 0 || a[i - 1] >= v);
    check(stillSorted, 'the filtered rows keep the sort');
    // The static by-resource table filters too: exactly one row for that id, its penalty the sum shown.
    await page.type('#by-resource .dt-key', resource);
    const byRows = await page.$$eval('#by-resource tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
    const penalty = data.filter((r) => r[2] === resource).reduce((s, r) => s + cents(r[5]) + cents(r[6]), 0n);
    check(byRows.length === 1 && byRows[0][0] === resource && cents(byRows[0][3]) === penalty,
          `by-resource filtered to ${resource}: penalty ${byRows.length ? byRows[0][3] : '?'} = sum of its lines`);
    // Text filter: a term in any column (the date of the top line).
    await page.$eval('#hourly-lines .dt-key', (el) => { el.value = ''; el.dispatchEvent(new Event('input')); });
    const day = data[0][3].slice(0, 10);
    await page.type('#hourly-lines .dt-q', day);
    const days = await column(page, 'hourly-lines', 2);
    check(days.length > 0 && days.every((h) => h.startsWith(day)), `text filter "${day}": ${days.length} rows, all that day`);
    await shot(browser, page, 'hourly-filtered.png', {clip: await page.$eval('#hourly', (el) => {
      const r = el.getBoundingClientRect();
      return {x: 0, y: r.top + window.scrollY, width: 1280, height: Math.min(900, r.height)};
    })});

    // A chart drawn on demand: the first resource of the "other resources" table.
    const other = await page.$('#other-resources button.chart-btn');
    check(other !== null, 'the other resources have chart buttons');
    if (other) {
      const id = await other.evaluate((b) => b.dataset.resource);
      await other.click();
      await page.waitForSelector('#ondemand-chart svg', {timeout: 5000});
      const chart = await page.$eval('#ondemand-chart svg', (svg) => ({
        // one instructed-MW line per hour, and one in the legend
        label: svg.getAttribute('aria-label'), slots: svg.querySelectorAll('line.hc-instructed').length - 1,
        legend: [...svg.querySelectorAll('text.legend')].map((t) => t.textContent)}));
      const its = data.filter((r) => r[2] === id).length;
      check(chart.label === 'Instructed, target and actual MW of ' + id && chart.slots === its,
            `on-demand chart of ${id}: ${chart.slots} hours drawn, ${its} lines`);
      check(chart.legend.includes('no advanced reporting (all penalized)') && chart.legend.length === 7,
            'the chart legend names every shading: ' + chart.legend.join(', '));
      const box = await page.$('#ondemand-chart');
      await box.scrollIntoView();
      await shot(browser, page, 'ondemand-chart.png', {clip: await box.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height};
      })});
    }
    // The script draws a chart exactly as the report's C++ does: ask it for a resource the page
    // already charts and compare every element's geometry, class and text.
    const shape = (sel) => page.$eval(sel, (svg) => [...svg.querySelectorAll('rect,line,text')].map((e) =>
        [e.tagName, ...['x', 'y', 'width', 'height', 'x1', 'y1', 'x2', 'y2', 'class', 'text-anchor'].map((a) => e.getAttribute(a)),
         e.tagName === 'text' ? e.textContent : ''].join(' ')));
    const charted = await page.$eval('#resources h3', (h) => h.textContent);
    const fromCpp = await shape('#resources figure svg');
    await page.evaluate((id) => {
      const b = document.createElement('button');
      b.className = 'chart-btn';
      b.dataset.resource = id;
      document.getElementById('resources').appendChild(b);
      b.click();
      b.remove();
    }, charted);
    const fromJs = await shape('#ondemand-chart svg');
    const firstDiff = fromCpp.findIndex((e, i) => e !== fromJs[i]);
    check(fromCpp.length > 20 && fromCpp.length === fromJs.length && firstDiff < 0,
          `the chart of ${charted} drawn by the script equals the page's (${fromCpp.length} elements)` +
          (firstDiff >= 0 ? `; first difference: ${fromCpp[firstDiff]} | ${fromJs[firstDiff]}` : ''));

    // The charts drawn in the page and their legends.
    const drawn = await page.$$eval('#resources figure svg', (s) => s.length);
    check(drawn >= 2 && drawn <= 26, `${drawn} charts in the page (the resources that matter, then the one on demand)`);

    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(browser, page, 'statement.png', {});

    // Print: the statement first, the detail on a new page, the controls hidden.
    await page.emulateMediaType('print');
    const print = await page.evaluate(() => ({
      detailBreak: getComputedStyle(document.querySelector('.detail')).breakBefore,
      tools: getComputedStyle(document.querySelector('.dt-tools label')).display,
    }));
    check(print.detailBreak === 'page' && print.tools === 'none',
          `print layout: detail breaks to a new page (${print.detailBreak}), controls hidden (${print.tools})`);
    await page.emulateMediaType('screen');
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
