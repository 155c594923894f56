#!/usr/bin/env node
// Lighthouse on the seed article and All News, each against its limit: the same served HTML
// with every <script> taken out, JSON data blocks included (bench/limit.mjs), CSS and images
// kept. Not a test: it prints figures and exits 0 (1 only when it cannot run at all, e.g. no
// build or no Chromium). Absolute times on a shared machine are noise; the ratio to the limit,
// measured in the same run with page and limit interleaved, is the figure to read.
//
// Lighthouse's default config is its mobile preset: a mid-range phone, CPU 4x slower, slow 4G,
// simulated throttling (the page loads unthrottled and Lighthouse computes the phone's times).
// Fully local: Chromium is Debian's; the build is served as deployed by nginx when run under
// scripts/nginx-e2e (BROADSHEET_BASE_URL), else by the e2e harness's static server, which does
// not compress. Either way both page and limit pass through the same loopback proxy.
//
// Usage: node bench/lighthouse.mjs [dist-dir] [--runs N] [--preset mobile|desktop|both]
//        scripts/nginx-e2e [dist-dir] -- node bench/lighthouse.mjs [--runs N] [--preset ...]
//   dist-dir  the release build (default: BROADSHEET_DIST, else dist/); ignored under nginx
//   --runs N  runs per page, limit and preset (default 1); each figure is then the median
//   --preset  mobile, desktop or both (default both)

import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { DIST_DIR, startServer } from '../tests/e2e/harness.mjs';
import { LIMIT_QUERY, serveWithLimit } from './limit.mjs';
import { readOptions } from './options.mjs';
import { median, middle } from './stats.mjs';

const PAGES = [
  { name: 'seed article', path: '/news/eight-hour-us-russia-talks' },
  { name: 'All News', path: '/' },
];
const PRESETS = { mobile: undefined, desktop: desktopConfig };
// The page's other categories are shown too; the limit's would say nothing about the app.
const OTHER_CATEGORIES = ['accessibility', 'best-practices', 'seo'];
const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** One Lighthouse run: the scores (0-100), the lab metrics, and what to look at when it misses. */
async function audit(url, port, config) {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' }, config);
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`${url}: ${runtimeError.code} ${runtimeError.message}`);
  const scores = Object.fromEntries(
    ['performance', ...OTHER_CATEGORIES].map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)]),
  );
  // Every audit that scored below full marks and counts toward a category: what to fix.
  const counted = new Set(
    Object.values(categories).flatMap((category) => category.auditRefs.filter((ref) => ref.weight > 0).map((ref) => ref.id)),
  );
  const failed = Object.values(audits)
    .filter((a) => counted.has(a.id) && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
    .map((a) => `${a.id} (${a.score})${a.displayValue ? `: ${a.displayValue}` : ''}`);
  // The LCP element and the phases of its time, the main thread's long tasks (observed,
  // unthrottled) and what shifted: where a difference from the limit comes from.
  const [element, phases] = audits['largest-contentful-paint-element']?.details?.items ?? [];
  const lcpElement = element?.items?.[0]?.node?.nodeLabel ?? '?';
  const lcpPhases = (phases?.items ?? []).map((p) => `${p.phase} ${Math.round(p.timing)}`).join(', ');
  const longTasks = (audits['long-tasks']?.details?.items ?? []).map(
    (t) => `${Math.round(t.duration)} ms at ${Math.round(t.startTime)} (${String(t.url).replace(/^https?:\/\/[^/]+/, '')})`,
  );
  const shifts = (audits['layout-shifts']?.details?.items ?? []).map(
    (shift) => `${shift.score.toFixed(3)} ${shift.node?.nodeLabel ?? '?'}`,
  );
  return {
    scores,
    fcp: audits['first-contentful-paint'].numericValue,
    lcp: audits['largest-contentful-paint'].numericValue,
    tbt: audits['total-blocking-time'].numericValue,
    cls: audits['cumulative-layout-shift'].numericValue,
    failed,
    why: `LCP ${lcpElement}: ${lcpPhases}; long tasks: ${longTasks.join(', ') || 'none'}; layout shifts: ${shifts.join(', ') || 'none'}`,
  };
}

async function main() {
  const { values, positionals } = readOptions(
    process.argv.slice(2),
    { runs: { type: 'count', default: 1 }, preset: { type: 'string', default: 'both' } },
    'node bench/lighthouse.mjs [dist-dir] [--runs N] [--preset mobile|desktop|both]',
    { allowPositionals: true },
  );
  if (values.preset !== 'both' && !(values.preset in PRESETS)) {
    console.error('--preset is mobile, desktop or both');
    process.exit(2);
  }
  const options = {
    runs: values.runs,
    presets: values.preset === 'both' ? Object.keys(PRESETS) : [values.preset],
    dist: positionals.length ? path.resolve(positionals[0]) : DIST_DIR,
  };
  const external = process.env.BROADSHEET_BASE_URL?.replace(/\/+$/, '');
  const upstream = external ? { url: external, close: async () => {} } : await startServer(options.dist);
  const proxy = await serveWithLimit(upstream.url);
  let chrome;
  try {
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM_PATH,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    const served = external ? `the build nginx serves at ${external}` : `${options.dist}, served by the harness's static server`;
    console.log(`Lighthouse on ${served}; ${options.runs} run(s) each, interleaved, median shown`);
    console.log(`limit: the same HTML with every <script> removed (data blocks too), requested as <path>${LIMIT_QUERY}\n`);
    const header = ['page', 'preset', 'perf', 'FCP ms', 'LCP ms', 'LCP ratio', 'TBT ms', 'CLS', ...OTHER_CATEGORIES];
    const rows = [];
    const notes = [];
    for (const preset of options.presets) {
      for (const page of PAGES) {
        const runs = { page: [], limit: [] };
        for (let run = 0; run < options.runs; run += 1) {
          // Interleaved, so that a slow moment of the machine falls on both alike.
          runs.page.push(await audit(`${proxy.url}${page.path}`, chrome.port, PRESETS[preset]));
          runs.limit.push(await audit(`${proxy.url}${page.path}${LIMIT_QUERY}`, chrome.port, PRESETS[preset]));
        }
        const m = (which, key) => median(runs[which].map((r) => r[key]));
        const both = (key, format) => `${format(m('page', key))} / ${format(m('limit', key))}`;
        const whole = (v) => v.toFixed(0);
        rows.push([
          page.name,
          preset,
          `${median(runs.page.map((r) => r.scores.performance))} / ${median(runs.limit.map((r) => r.scores.performance))}`,
          both('fcp', whole),
          both('lcp', whole),
          `${(m('page', 'lcp') / m('limit', 'lcp')).toFixed(2)}x`,
          both('tbt', whole),
          both('cls', (v) => v.toFixed(3)),
          ...OTHER_CATEGORIES.map((id) => String(median(runs.page.map((r) => r.scores[id])))),
        ]);
        const failed = [...new Set(runs.page.flatMap((r) => r.failed))];
        notes.push(`${page.name}, ${preset}:`);
        if (failed.length > 0) notes.push(`  page below full marks: ${failed.join('; ')}`);
        // The run with the median LCP, of each.
        for (const which of ['page', 'limit']) {
          const run = middle(runs[which], (r) => r.lcp);
          notes.push(`  ${which}: ${run.why}`);
        }
      }
    }
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    console.log('page / limit in each cell; LCP ratio = page LCP / limit LCP; other categories: the page');
    console.log(line(header));
    for (const row of rows) console.log(line(row));
    console.log(`\n${notes.join('\n')}`);
  } finally {
    await chrome?.kill();
    await proxy.close();
    await upstream.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
