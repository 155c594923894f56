#!/usr/bin/env node
// Benchmark of All News with a long feed. Not a test: it prints figures and exits 0 (it exits 1
// only when it cannot run at all, e.g. no dist/ or no Chromium). Nothing in it is a timed
// assertion.
//
// The release build (dist/, or BROADSHEET_DIST) is served by the e2e harness's static server,
// behind a small wrapper server that answers the feed with a GENERATED one: 10,000 items in
// pages of 50 (bench/feed/generator.mjs). The browser side is bench/feed/driver.mjs, the
// figures bench/feed/report.mjs, the medians bench/stats.mjs.
//
// In headless Chromium (1280x800), for each run in a fresh browser context, on All News as the
// app draws it from the app shell (the pre-rendered page would carry the sample feed):
//   1. first feed item: navigation start -> first `main .feed-item` painted, three ways:
//      polled (waitForSelector, then rAF, then performance.now() in the page), observed (a
//      MutationObserver installed before the app starts, then rAF, then the task after the
//      frame), and the browser's first-contentful-paint;
//   2. appends: click "Load more" (found by role and name) --pages times (by default until all
//      10,000 items are shown); each is timed in the
//      page from the click to the new page's last item in the DOM (MutationObserver), to the
//      next rAF, and to the task after that frame; plus when the page's JSON had arrived;
//   3. memory after the appends: performance.memory.usedJSHeapSize (precise), CDP
//      Performance.getMetrics JSHeapUsedSize, the same after a forced GC, the wasm linear
//      memory, and the DOM node count;
//   4. responsiveness: scroll top -> bottom plus one frame (3 times, median), and the longest
//      'longtask' seen during the appends.
//
// Usage: node bench/feed.mjs [--pages N] [--runs N] [--json-only]
//   --pages N   appends per run (default and most 199: all 10,000 items shown)
//   --runs N    runs, each in a fresh context (default 3)

import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { performance as nodePerformance } from 'node:perf_hooks';
import { DIST_DIR } from '../tests/e2e/harness.mjs';
import { VIEWPORT, launch, oneRun } from './feed/driver.mjs';
import { PAGE_SIZE, TOTAL_ITEMS, TOTAL_PAGES, generatePages, startBenchServer } from './feed/generator.mjs';
import { distSizes, printReport, printTable, summarize } from './feed/report.mjs';
import { readOptions } from './options.mjs';

async function main() {
  const usage = 'node bench/feed.mjs [--pages N] [--runs N] [--json-only]';
  const { values } = readOptions(
    process.argv.slice(2),
    {
      pages: { type: 'count', default: TOTAL_PAGES - 1 },
      runs: { type: 'count', default: 3 },
      'json-only': { type: 'boolean', default: false },
    },
    usage,
  );
  if (values.pages > TOTAL_PAGES - 1) {
    console.error(`--pages is at most ${TOTAL_PAGES - 1}\nUsage: ${usage}`);
    process.exit(2);
  }
  const options = { pages: values.pages, runs: values.runs, jsonOnly: values['json-only'] };
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
    browser = await launch();
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

  const summary = summarize(runs);
  const wallSeconds = (nodePerformance.now() - started) / 1000;

  if (!options.jsonOnly) printReport(summary, runs, options, wallSeconds);
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
