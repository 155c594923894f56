#!/usr/bin/env node
// Benchmark of All News with a long feed. Not a test: it prints figures and exits 0 (it exits 1
// only when it cannot run at all, e.g. no dist/ or no Chromium). Nothing in it is a timed
// assertion.
//
// The release build (dist/, or BROADSHEET_DIST) is served by the e2e harness's static server,
// behind a small wrapper server that answers the feed with a GENERATED one: 10,000 items in
// pages of 50, newest first, spread over many days. Page 1 is /api/feed.json (also
// /api/bench-feed-1.json); page k is /api/bench-feed-<k>.json, chained by relative `next_url`.
// Everything else (index.html, wasm, images, articles) goes through to the harness server.
//
// In headless Chromium (1280x800), for each run in a fresh browser context:
//   1. first feed item: navigation start -> first `main .feed-item` painted, three ways:
//      polled (waitForSelector, then rAF, then performance.now() in the page), observed (a
//      MutationObserver installed before the app starts, then rAF, then the task after the
//      frame), and the browser's first-contentful-paint;
//   2. appends: click "Load more" (found by role and name) --pages times; each is timed in the
//      page from the click to the new page's last item in the DOM (MutationObserver), to the
//      next rAF, and to the task after that frame; plus when the page's JSON had arrived;
//   3. memory after the appends: performance.memory.usedJSHeapSize (precise), CDP
//      Performance.getMetrics JSHeapUsedSize, the same after a forced GC, the wasm linear
//      memory, and the DOM node count;
//   4. responsiveness: scroll top -> bottom plus one frame (3 times, median), and the longest
//      'longtask' seen during the appends.
//
// Usage: node bench/feed.mjs [--pages N] [--runs N] [--json-only]
//   --pages N   appends per run (default 20, at most 199)
//   --runs N    runs, each in a fresh context (default 3)

import { createServer, request as httpRequest } from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import { constants, gzipSync, brotliCompressSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { DIST_DIR, listenOnLoopback, startServer, watchErrors } from '../tests/e2e/harness.mjs';

// ---------------------------------------------------------------------------------------------
// Options

const TOTAL_ITEMS = 10_000;
const PAGE_SIZE = 50;
const TOTAL_PAGES = Math.ceil(TOTAL_ITEMS / PAGE_SIZE);
const VIEWPORT = { width: 1280, height: 800 };
const STEP_TIMEOUT_MS = 120_000; // generous: this measures, it does not judge

function parseArgs(argv) {
  const options = { pages: 20, runs: 3, jsonOnly: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [name, inline] = arg.split('=', 2);
    const value = () => {
      const raw = inline ?? argv[++i];
      const n = Number(raw);
      if (!Number.isInteger(n) || n < 1) usage(`${name} needs a positive integer, got ${raw}`);
      return n;
    };
    if (name === '--pages') options.pages = value();
    else if (name === '--runs') options.runs = value();
    else if (name === '--json-only') options.jsonOnly = true;
    else if (name === '--help' || name === '-h') usage();
    else usage(`unknown option ${arg}`);
  }
  if (options.pages > TOTAL_PAGES - 1) usage(`--pages is at most ${TOTAL_PAGES - 1}`);
  return options;
}

function usage(problem) {
  if (problem) console.error(`bench/feed.mjs: ${problem}`);
  console.error('Usage: node bench/feed.mjs [--pages N] [--runs N] [--json-only]');
  process.exit(problem ? 2 : 0);
}

// ---------------------------------------------------------------------------------------------
// The generated feed

const SECTIONS = ['World', 'Politics', 'Business', 'Science', 'Culture', 'Sport'];
const WORDS = (
  'talks minister agreement budget council vote market energy climate court report study ' +
  'museum festival league final season election summit border trade inflation rates ' +
  'research telescope vaccine coast storm harbour bridge railway schools hospital union'
).split(' ');

/** A small deterministic PRNG (mulberry32), so every run and every machine gets the same feed. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function words(random, count) {
  return Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
}

/** Page k (1-based) of the generated feed, as a JSON string. */
function generatePages(images) {
  const random = prng(20220113);
  // Newest first: from the end of June 2024 back, 15 to 105 minutes apart (about a year).
  let at = Date.UTC(2024, 5, 30, 22, 0, 0);
  const items = [];
  for (let i = 0; i < TOTAL_ITEMS; i += 1) {
    const id = `bench-${String(i).padStart(5, '0')}`;
    const section = SECTIONS[Math.floor(random() * SECTIONS.length)];
    const headline = words(random, 7 + Math.floor(random() * 6));
    const title = `${headline[0].toUpperCase()}${headline.slice(1)} (${i})`;
    items.push({
      id,
      url: `/news/${id}`,
      title,
      summary: `${words(random, 18 + Math.floor(random() * 14))}.`,
      image: `/images/${images[i % images.length]}`,
      date_published: new Date(at).toISOString().replace('.000Z', 'Z'),
      authors: [{ name: `Broadsheet ${section} desk`, url: '/' }],
      tags: [section, words(random, 1)],
      language: 'en',
      _broadsheet: {
        section,
        image_alt: `Illustration for item ${i}: ${words(random, 6)}`,
        article: `articles/${id}.json`,
      },
    });
    at -= (15 + Math.floor(random() * 90)) * 60_000;
  }
  const pages = [];
  for (let k = 1; k <= TOTAL_PAGES; k += 1) {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Broadsheet — All News (benchmark)',
      home_page_url: '/',
      feed_url: `/api/bench-feed-${k}.json`,
      language: 'en',
      items: items.slice((k - 1) * PAGE_SIZE, k * PAGE_SIZE),
    };
    if (k < TOTAL_PAGES) feed.next_url = `bench-feed-${k + 1}.json`;
    pages.push(Buffer.from(JSON.stringify(feed)));
  }
  return { pages, items };
}

/** The id of the last item of page k (1-based). */
const lastIdOfPage = (items, k) => items[Math.min(k * PAGE_SIZE, items.length) - 1].id;

/**
 * A wrapper in front of the harness server: it answers the feed pages itself and passes every
 * other request through unchanged.
 */
async function startBenchServer(pages) {
  const inner = await startServer(DIST_DIR);
  const innerURL = new URL(inner.url);
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    const match = pathname === '/api/feed.json' ? ['', '1'] : /^\/api\/bench-feed-(\d+)\.json$/.exec(pathname);
    if (match) {
      const body = pages[Number(match[1]) - 1];
      if (!body) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('404\n');
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    const upstream = httpRequest(
      { hostname: innerURL.hostname, port: innerURL.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  const proxy = await listenOnLoopback(server);
  return {
    url: proxy.url,
    async close() {
      await proxy.close();
      await inner.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// In-page instrumentation

/**
 * Installed before any of the page's scripts: records long tasks, paint entries, the wasm
 * instance (for its memory) and the first feed item's appearance.
 */
function instrument() {
  const bench = (window.__bench = { longtasks: [], lcp: null, wasm: null, firstItem: null });
  // Resolves after the next frame has been produced: rAF, then the task after it. Defined here
  // once for every in-page function (functions passed to page.evaluate cannot share code).
  bench.nextFrame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const raf = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ raf, painted: performance.now() });
        channel.port2.postMessage(null);
      }),
    );
  performance.setResourceTimingBufferSize(100_000);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the report says none.
  }
  try {
    new PerformanceObserver((list) => {
      const entries = list.getEntries();
      if (entries.length) bench.lcp = entries[entries.length - 1].startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {
    // No LCP timing in this browser: the report leaves it out.
  }
  addEventListener('TrunkApplicationStarted', (event) => {
    bench.wasm = event.detail?.wasm ?? null;
    bench.wasmStarted = performance.now();
  });
  const observer = new MutationObserver(() => {
    if (bench.firstItem || !document.querySelector('main .feed-item')) return;
    observer.disconnect();
    const dom = performance.now();
    bench.nextFrame().then(({ raf, painted }) => {
      bench.firstItem = { dom, raf, painted };
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** In the page: resolves after the next frame has been produced (see `instrument`). */
function IN_PAGE_NEXT_FRAME() {
  return window.__bench.nextFrame();
}

/**
 * Clicks `button` and resolves to the in-page times (ms since navigation start) of the click,
 * of the moment a MutationObserver sees `selector`, of the rAF after it, and of the task after
 * that frame.
 */
function clickAndWait([button, selector, timeout]) {
  return new Promise((resolve, reject) => {
    const root = document.body;
    let seen = false;
    let t0 = 0;
    // Whether the items already shown survive the append (kept) or are rebuilt (replaced).
    const oldFirst = root.querySelector('main .feed-item');
    let added = 0;
    let removed = 0;
    let changed = 0; // attribute and text changes
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`${selector} did not appear within ${timeout} ms of the click`));
    }, timeout);
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        added += r.addedNodes.length;
        removed += r.removedNodes.length;
        if (r.type !== 'childList') changed += 1;
      }
      if (seen || !root.querySelector(selector)) return;
      seen = true;
      observer.disconnect();
      const dom = performance.now();
      window.__bench.nextFrame().then(({ raf, painted }) => {
        clearTimeout(timer);
        resolve({ click: t0, dom, raf, painted, firstItemKept: oldFirst?.isConnected ?? null, added, removed, changed });
      });
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
    t0 = performance.now();
    button.click();
  });
}

// ---------------------------------------------------------------------------------------------
// One run

async function settle(page, ms = 150) {
  await page.evaluate(IN_PAGE_NEXT_FRAME);
  await page.evaluate(IN_PAGE_NEXT_FRAME);
  await page.waitForTimeout(ms);
}

async function oneRun(browser, server, items, options, log) {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: VIEWPORT,
    timezoneId: 'UTC',
    locale: 'en-US',
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const watcher = watchErrors(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const result = { errors: watcher.errors };
  const metrics = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  try {
    // 1. The first item.
    await page.goto('/', { waitUntil: 'commit' });
    await page.waitForSelector('main .feed-item');
    const polled = await page.evaluate(IN_PAGE_NEXT_FRAME);
    await page.waitForFunction(() => window.__bench.firstItem !== null);
    const first = await page.evaluate(() => {
      const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        observed: window.__bench.firstItem,
        fcp: paint['first-contentful-paint'] ?? null,
        lcp: window.__bench.lcp,
        wasmStarted: window.__bench.wasmStarted ?? null,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
        items: document.querySelectorAll('main .feed-item').length,
      };
    });
    result.first = {
      polledRafMs: polled.raf,
      observedDomMs: first.observed.dom,
      observedRafMs: first.observed.raf,
      observedPaintedMs: first.observed.painted,
      fcpMs: first.fcp,
      lcpMs: first.lcp,
      wasmStartedMs: first.wasmStarted,
      domContentLoadedMs: first.domContentLoaded,
      itemsShown: first.items,
    };
    log(`  first item ${fmt(polled.raf)} ms (polled), FCP ${fmt(first.fcp)} ms`);

    // 2. The appends.
    await page.waitForFunction((n) => document.querySelectorAll('main .feed-item').length >= n, PAGE_SIZE);
    await settle(page);
    const loadMore = page.getByRole('button', { name: 'Load more' });
    result.appends = [];
    let windowStart = null;
    let windowEnd = null;
    for (let k = 2; k <= options.pages + 1; k += 1) {
      await loadMore.waitFor({ state: 'visible' });
      await page.waitForFunction(() => {
        const button = [...document.querySelectorAll('main button')].find((b) => b.textContent.trim() === 'Load more');
        return button && !button.disabled;
      });
      // As a reader would: the button in view, then a quiet moment before the click.
      await loadMore.scrollIntoViewIfNeeded();
      await settle(page);
      const handle = await loadMore.elementHandle();
      const before = await page.evaluate(() => ({
        items: document.querySelectorAll('main .feed-item').length,
        nodes: document.getElementsByTagName('*').length,
      }));
      const selector = `main a[href="/news/${lastIdOfPage(items, k)}"]`;
      const m0 = await metrics();
      const t = await page.evaluate(clickAndWait, [handle, selector, STEP_TIMEOUT_MS]);
      await handle.dispose();
      const fetched = await page.evaluate(
        ([name, since]) => {
          const entry = performance
            .getEntriesByType('resource')
            .filter((e) => e.name.endsWith(name) && e.startTime >= since)
            .pop();
          return entry ? { start: entry.startTime, end: entry.responseEnd } : null;
        },
        [`/api/bench-feed-${k}.json`, t.click],
      );
      windowStart ??= t.click;
      windowEnd = t.painted;
      const append = {
        page: k,
        itemsBefore: before.items,
        nodesBefore: before.nodes,
        toDomMs: t.dom - t.click,
        toRafMs: t.raf - t.click,
        toPaintedMs: t.painted - t.click,
        jsonArrivedMs: fetched ? fetched.end - t.click : null,
        // DOM churn up to the new page's last item: top-level nodes added and removed (each
        // may be a whole subtree), and whether the feed's first item is still the same node.
        nodesAdded: t.added,
        nodesRemoved: t.removed,
        attributeOrTextChanges: t.changed,
        firstItemKept: t.firstItemKept,
      };
      // Where the main thread's time went (CDP, cumulative seconds; taken after a settle, so
      // each delta is this append's).
      const m1 = await metrics();
      for (const [key, name] of [['scriptMs', 'ScriptDuration'], ['layoutMs', 'LayoutDuration'], ['styleMs', 'RecalcStyleDuration'], ['taskMs', 'TaskDuration']]) {
        append[key] = (m1[name] - m0[name]) * 1000;
      }
      append.afterJsonMs = append.jsonArrivedMs === null ? null : append.toRafMs - append.jsonArrivedMs;
      result.appends.push(append);
      log(
        `  page ${String(k).padStart(3)}: ${String(before.items).padStart(5)} items shown before, ` +
          `click->rAF ${fmt(append.toRafMs).padStart(7)} ms (JSON in at ${fmt(append.jsonArrivedMs)} ms; ` +
          `script ${fmt(append.scriptMs)}, layout ${fmt(append.layoutMs)}, style ${fmt(append.styleMs)} ms; ` +
          `nodes +${t.added}/-${t.removed}, ${t.changed} attr/text changes, first item ${t.firstItemKept ? 'kept' : 'replaced'})`,
      );
    }
    await settle(page, 300);

    // 3. Memory and DOM after the appends.
    const inPage = await page.evaluate(() => ({
      usedJSHeapSize: performance.memory?.usedJSHeapSize ?? null,
      totalJSHeapSize: performance.memory?.totalJSHeapSize ?? null,
      wasmMemoryBytes: window.__bench.wasm?.memory?.buffer?.byteLength ?? null,
      domNodes: document.getElementsByTagName('*').length,
      feedItems: document.querySelectorAll('main .feed-item').length,
      dayHeadings: document.querySelectorAll('main .day__heading').length,
      documentHeight: document.documentElement.scrollHeight,
    }));
    const beforeGc = await metrics();
    await cdp.send('HeapProfiler.collectGarbage');
    const afterGc = await metrics();
    result.memory = {
      ...inPage,
      cdpJSHeapUsedSize: beforeGc.JSHeapUsedSize,
      cdpJSHeapTotalSize: beforeGc.JSHeapTotalSize,
      cdpJSHeapUsedSizeAfterGc: afterGc.JSHeapUsedSize,
      cdpNodes: beforeGc.Nodes,
      cdpLayoutCount: beforeGc.LayoutCount,
      cdpRecalcStyleCount: beforeGc.RecalcStyleCount,
      cdpScriptDurationS: beforeGc.ScriptDuration,
      cdpLayoutDurationS: beforeGc.LayoutDuration,
      cdpRecalcStyleDurationS: beforeGc.RecalcStyleDuration,
    };

    // 4. Responsiveness with everything loaded.
    const scrolls = [];
    for (let i = 0; i < 3; i += 1) {
      await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
      await settle(page);
      scrolls.push(
        await page.evaluate(
          () =>
            new Promise((resolve) => {
              const t0 = performance.now();
              window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' });
              requestAnimationFrame(() => {
                const raf = performance.now();
                const channel = new MessageChannel();
                channel.port1.onmessage = () => resolve({ toRafMs: raf - t0, toPaintedMs: performance.now() - t0 });
                channel.port2.postMessage(null);
              });
            }),
        ),
      );
    }
    const longtasks = await page.evaluate(() => window.__bench.longtasks);
    const during = longtasks.filter((l) => l.start >= windowStart && l.start <= windowEnd);
    const atLoad = longtasks.filter((l) => l.start < windowStart);
    result.responsiveness = {
      scrollToBottom: scrolls,
      scrollToBottomMedianMs: median(scrolls.map((s) => s.toPaintedMs)),
      longestTaskDuringAppendsMs: during.length ? Math.max(...during.map((l) => l.duration)) : 0,
      longTasksDuringAppends: during.length,
      longTaskTotalDuringAppendsMs: during.reduce((s, l) => s + l.duration, 0),
      longestTaskBeforeAppendsMs: atLoad.length ? Math.max(...atLoad.map((l) => l.duration)) : 0,
    };
  } finally {
    await context.close();
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Figures

function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
const min = (values) => Math.min(...values);
const max = (values) => Math.max(...values);
const fmt = (x, digits = 1) => (x === null || x === undefined ? '—' : x.toFixed(digits));
const mib = (bytes) => (bytes === null || bytes === undefined ? '—' : `${(bytes / 1048576).toFixed(2)} MiB`);

/** Least-squares slope of y on x. */
function slope(xs, ys) {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i += 1) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den ? num / den : 0;
}

function printTable(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const row of rows) {
    console.log(row.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  '));
  }
}

async function distSizes() {
  const files = (await readdir(DIST_DIR)).filter((f) => /\.(wasm|js)$/.test(f)).sort();
  const rows = [];
  for (const file of files) {
    const data = await readFile(path.join(DIST_DIR, file));
    rows.push({
      file,
      raw: data.length,
      gzip: gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length,
      brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Main

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const log = options.jsonOnly ? () => {} : (line) => console.log(line);
  const started = nodePerformance.now();

  try {
    await stat(path.join(DIST_DIR, 'index.html'));
  } catch {
    console.error(`bench/feed.mjs: no build at ${DIST_DIR} (run trunk build --release first)`);
    process.exit(1);
  }
  const images = (await readdir(path.join(DIST_DIR, 'images'))).filter((f) => /-640\.jpg$/.test(f)).sort();
  const sizes = await distSizes();
  const { pages, items } = generatePages(images.length ? images : ['geneva-talks-640.jpg']);

  log(`Broadsheet feed benchmark — ${DIST_DIR}`);
  log(`Generated feed: ${TOTAL_ITEMS} items, ${TOTAL_PAGES} pages of ${PAGE_SIZE} ` +
    `(${(pages[0].length / 1024).toFixed(1)} KiB a page), ${items[0].date_published} back to ` +
    `${items[items.length - 1].date_published}; ${options.runs} run(s) of ${options.pages} append(s)`);
  log('');
  log('dist/ code (bytes)');
  if (!options.jsonOnly) {
    printTable([
      ['file', 'raw', 'gzip -9', 'brotli 11'],
      ...sizes.map((s) => [s.file, s.raw.toLocaleString('en-US'), s.gzip.toLocaleString('en-US'), s.brotli.toLocaleString('en-US')]),
    ]);
  }
  log('');

  const server = await startBenchServer(pages);
  let browser;
  let chromiumVersion;
  const runs = [];
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      // The harness's arguments, plus exact heap figures from performance.memory.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--enable-precise-memory-info',
      ],
    });
    chromiumVersion = browser.version();
    log(`Chromium ${chromiumVersion}, viewport ${VIEWPORT.width}x${VIEWPORT.height}`);
    for (let r = 1; r <= options.runs; r += 1) {
      log(`run ${r}/${options.runs}`);
      const t = nodePerformance.now();
      const run = await oneRun(browser, server, items, options, log);
      run.wallSeconds = (nodePerformance.now() - t) / 1000;
      runs.push(run);
      if (run.errors.length) log(`  the page reported errors:\n    ${run.errors.join('\n    ')}`);
    }
  } finally {
    await browser?.close();
    await server.close();
  }

  // Summary: medians over the runs.
  const across = (pick) => median(runs.map(pick));
  const appendStat = (field, fn) => (run) => fn(run.appends.map((a) => a[field]));
  const summary = {
    firstItemPolledMs: across((r) => r.first.polledRafMs),
    firstItemObservedPaintedMs: across((r) => r.first.observedPaintedMs),
    fcpMs: across((r) => r.first.fcpMs),
    lcpMs: across((r) => r.first.lcpMs),
    appendToRafMs: {
      min: across(appendStat('toRafMs', min)),
      median: across(appendStat('toRafMs', median)),
      max: across(appendStat('toRafMs', max)),
    },
    appendToPaintedMs: {
      min: across(appendStat('toPaintedMs', min)),
      median: across(appendStat('toPaintedMs', median)),
      max: across(appendStat('toPaintedMs', max)),
    },
    appendJsonArrivedMedianMs: across(appendStat('jsonArrivedMs', median)),
    appendsKeepingFirstItem: runs.reduce((n, r) => n + r.appends.filter((a) => a.firstItemKept).length, 0),
    appendsTotal: runs.reduce((n, r) => n + r.appends.length, 0),
    perPageToRafMs: runs[0].appends.map((a, i) => ({
      page: a.page,
      itemsBefore: a.itemsBefore,
      medianMs: median(runs.map((r) => r.appends[i]?.toRafMs)),
      scriptMs: median(runs.map((r) => r.appends[i]?.scriptMs)),
      layoutMs: median(runs.map((r) => r.appends[i]?.layoutMs)),
      styleMs: median(runs.map((r) => r.appends[i]?.styleMs)),
    })),
    usedJSHeapSize: across((r) => r.memory.usedJSHeapSize),
    cdpJSHeapUsedSize: across((r) => r.memory.cdpJSHeapUsedSize),
    cdpJSHeapUsedSizeAfterGc: across((r) => r.memory.cdpJSHeapUsedSizeAfterGc),
    wasmMemoryBytes: across((r) => r.memory.wasmMemoryBytes),
    domNodes: across((r) => r.memory.domNodes),
    feedItems: across((r) => r.memory.feedItems),
    scrollToBottomMs: across((r) => r.responsiveness.scrollToBottomMedianMs),
    longestTaskDuringAppendsMs: across((r) => r.responsiveness.longestTaskDuringAppendsMs),
  };
  // Does an append cost more when more items are already shown?
  const xs = summary.perPageToRafMs.map((p) => p.itemsBefore);
  const ys = summary.perPageToRafMs.map((p) => p.medianMs);
  const k = Math.min(5, Math.floor(ys.length / 2)) || 1;
  summary.growth = {
    msPer1000ItemsShown: slope(xs, ys) * 1000,
    firstAppendsMedianMs: median(ys.slice(0, k)),
    lastAppendsMedianMs: median(ys.slice(-k)),
    appendsCompared: k,
  };
  const wallSeconds = (nodePerformance.now() - started) / 1000;

  if (!options.jsonOnly) {
    log('');
    log(`Per append (click -> new page's last item in the DOM -> rAF; script/layout/style: CDP main-thread ms), median of ${runs.length} run(s)`);
    printTable([
      ['page', 'items before', 'click->rAF ms', 'script', 'layout', 'style', ...runs.map((_, i) => `run ${i + 1}`)],
      ...summary.perPageToRafMs.map((p, i) => [
        p.page,
        p.itemsBefore,
        fmt(p.medianMs),
        fmt(p.scriptMs),
        fmt(p.layoutMs),
        fmt(p.styleMs),
        ...runs.map((r) => fmt(r.appends[i]?.toRafMs)),
      ]),
    ]);
    log('');
    log(`Summary: medians of ${runs.length} run(s)`);
    const a = summary.appendToRafMs;
    const p = summary.appendToPaintedMs;
    printTable([
      ['measure', 'value'],
      ['first item, polled (waitForSelector + rAF)', `${fmt(summary.firstItemPolledMs)} ms`],
      ['first item, observed (MutationObserver + frame)', `${fmt(summary.firstItemObservedPaintedMs)} ms`],
      ['first-contentful-paint', `${fmt(summary.fcpMs)} ms`],
      ['largest-contentful-paint', `${fmt(summary.lcpMs)} ms`],
      [`append click->rAF, min / median / max (${options.pages} pages)`, `${fmt(a.min)} / ${fmt(a.median)} / ${fmt(a.max)} ms`],
      ['append click->after frame, min / median / max', `${fmt(p.min)} / ${fmt(p.median)} / ${fmt(p.max)} ms`],
      ['append: page JSON arrived after click (median)', `${fmt(summary.appendJsonArrivedMedianMs)} ms`],
      ['append growth (slope)', `${fmt(summary.growth.msPer1000ItemsShown)} ms per 1,000 items shown`],
      ['appends that kept the already-shown item nodes', `${summary.appendsKeepingFirstItem} of ${summary.appendsTotal}`],
      [`append: first ${k} vs last ${k} (median)`, `${fmt(summary.growth.firstAppendsMedianMs)} -> ${fmt(summary.growth.lastAppendsMedianMs)} ms`],
      ['performance.memory.usedJSHeapSize', mib(summary.usedJSHeapSize)],
      ['CDP JSHeapUsedSize (before / after GC)', `${mib(summary.cdpJSHeapUsedSize)} / ${mib(summary.cdpJSHeapUsedSizeAfterGc)}`],
      ['wasm linear memory', mib(summary.wasmMemoryBytes)],
      ['DOM elements / feed items', `${summary.domNodes} / ${summary.feedItems}`],
      ['scroll to bottom + one frame', `${fmt(summary.scrollToBottomMs)} ms`],
      ['longest task during the appends', `${fmt(summary.longestTaskDuringAppendsMs)} ms`],
      ['wall time, whole benchmark', `${fmt(wallSeconds)} s`],
    ]);
    log('');
    log('Raw JSON:');
  }
  console.log(
    JSON.stringify(
      {
        dist: DIST_DIR,
        chromium: chromiumVersion,
        options: { pages: options.pages, runs: options.runs, totalItems: TOTAL_ITEMS, pageSize: PAGE_SIZE, viewport: VIEWPORT },
        sizes,
        summary,
        runs,
        wallSeconds,
      },
      (key, value) => (typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 100) / 100 : value),
    ),
  );
}

main().catch((error) => {
  console.error(`bench/feed.mjs: ${error.stack ?? error}`);
  process.exit(1);
});
