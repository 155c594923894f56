// The browser side of bench/feed.mjs: what it installs in the page, and one run in a fresh
// context (first item, the appends, memory, responsiveness).

import { chromium } from 'playwright-core';
import { serveAppShell, watchErrors } from '../../tests/e2e/harness.mjs';
import { median } from '../stats.mjs';
import { PAGE_SIZE, lastIdOfPage } from './generator.mjs';
import { fmt } from './report.mjs';

export const VIEWPORT = { width: 1280, height: 800 };
const STEP_TIMEOUT_MS = 120_000; // generous: this measures, it does not judge

/** Headless Chromium with the harness's arguments, plus exact heap figures from performance.memory. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--enable-precise-memory-info',
    ],
  });
}

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
  // The app's wasm memory, whatever the glue calls its export: the boot script keeps the
  // instance to itself.
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => {
      const result = await original.apply(WebAssembly, args);
      const exports = (result.instance ?? result).exports ?? {};
      const memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
      if (memory) bench.wasm = { memory };
      return result;
    };
  }
  addEventListener('TrunkApplicationStarted', () => {
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

export async function oneRun(browser, server, items, options, log) {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: VIEWPORT,
    timezoneId: 'UTC',
    locale: 'en-US',
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  await context.addInitScript(instrument);
  const page = await context.newPage();
  // The app's own feed, from the app shell: the pre-rendered All News carries the sample feed.
  await serveAppShell(page, '/');
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
