// The figures of bench/feed.mjs: medians over the runs, the tables, and the raw JSON.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { constants, gzipSync, brotliCompressSync } from 'node:zlib';
import { DIST_DIR } from '../../tests/e2e/harness.mjs';
import { median, slope } from '../stats.mjs';

const min = (values) => Math.min(...values);
const max = (values) => Math.max(...values);
export const fmt = (x, digits = 1) => (x === null || x === undefined ? '—' : x.toFixed(digits));
const mib = (bytes) => (bytes === null || bytes === undefined ? '—' : `${(bytes / 1048576).toFixed(2)} MiB`);

/** How many of the last appends give the figure "at N items shown". */
const LAST_APPENDS = 5;

export function printTable(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const row of rows) {
    console.log(row.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  '));
  }
}

/** The size of each wasm and JS file of the build. */
export async function distSizes() {
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

/** Medians over the runs of what each run measured. */
export function summarize(runs) {
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
  // Does an append cost more when more items are already shown? And what does it cost with
  // the most shown: the last appends, each over its own frame.
  const perPage = summary.perPageToRafMs;
  const k = Math.min(LAST_APPENDS, Math.floor(perPage.length / 2)) || 1;
  const last = perPage.slice(-k);
  summary.growth = {
    msPer1000ItemsShown: slope(perPage.map((p) => p.itemsBefore), perPage.map((p) => p.medianMs)) * 1000,
    firstAppendsMedianMs: median(perPage.slice(0, k).map((p) => p.medianMs)),
    lastAppendsMedianMs: median(last.map((p) => p.medianMs)),
    lastAppendsScriptMs: median(last.map((p) => p.scriptMs)),
    appendsCompared: k,
    itemsShownAtEnd: summary.feedItems,
  };
  return summary;
}

/** The per-append table (every append up to 40, else every tenth and the last) and the summary. */
export function printReport(summary, runs, options, wallSeconds) {
  const log = (line) => console.log(line);
  const perPage = summary.perPageToRafMs;
  const shown = (i) => perPage.length <= 40 || (i + 1) % 10 === 0 || i === perPage.length - 1;
  log('');
  log(`Per append (click -> new page's last item in the DOM -> rAF; script/layout/style: CDP main-thread ms), median of ${runs.length} run(s)`);
  printTable([
    ['page', 'items before', 'click->rAF ms', 'script', 'layout', 'style', ...runs.map((_, i) => `run ${i + 1}`)],
    ...perPage
      .map((p, i) => [
        p.page,
        p.itemsBefore,
        fmt(p.medianMs),
        fmt(p.scriptMs),
        fmt(p.layoutMs),
        fmt(p.styleMs),
        ...runs.map((r) => fmt(r.appends[i]?.toRafMs)),
      ])
      .filter((_, i) => shown(i)),
  ]);
  log('');
  log(`Summary: medians of ${runs.length} run(s)`);
  const { growth } = summary;
  const k = growth.appendsCompared;
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
    ['append growth (slope)', `${fmt(growth.msPer1000ItemsShown)} ms per 1,000 items shown`],
    ['appends that kept the already-shown item nodes', `${summary.appendsKeepingFirstItem} of ${summary.appendsTotal}`],
    [`append: first ${k} vs last ${k} (median)`, `${fmt(growth.firstAppendsMedianMs)} -> ${fmt(growth.lastAppendsMedianMs)} ms`],
    [`append with ${growth.itemsShownAtEnd} items shown (last ${k}): click->rAF / script`, `${fmt(growth.lastAppendsMedianMs)} / ${fmt(growth.lastAppendsScriptMs)} ms`],
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
