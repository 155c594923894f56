#!/usr/bin/env node
// Lighthouse on All News and the seed article, with its mobile and desktop presets. Not a test:
// it prints the four category scores and the lab metrics, and exits 0 (1 only when it cannot run
// at all, e.g. no build or no Chromium). Fully local: the release build is served on loopback by
// the e2e harness's static server (with the deployment's security headers), and Chromium is
// Debian's.
//
// Usage: node bench/lighthouse.mjs [dist-dir] [--runs N]
//   dist-dir  the release build (default: BROADSHEET_DIST, else dist/)
//   --runs N  runs per page and preset (default 1); each figure is then the median

import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { DIST_DIR, startServer } from '../tests/e2e/harness.mjs';

const PAGES = [
  { name: 'All News', path: '/' },
  { name: 'seed article', path: '/news/eight-hour-us-russia-talks' },
];
// Lighthouse's default config is its mobile preset (a mid-range phone, throttled to slow 4G).
const PRESETS = [
  { name: 'mobile', config: undefined },
  { name: 'desktop', config: desktopConfig },
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';

function parseArgs(argv) {
  const options = { dist: process.env.BROADSHEET_DIST ? DIST_DIR : null, runs: 1 };
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--runs') {
      options.runs = Number(argv[++i]);
      if (!Number.isInteger(options.runs) || options.runs < 1) usage('--runs needs a positive integer');
    } else if (argv[i].startsWith('-')) {
      usage(`unknown option ${argv[i]}`);
    } else {
      options.dist = path.resolve(argv[i]);
    }
  }
  options.dist ??= DIST_DIR;
  return options;
}

function usage(problem) {
  console.error(`${problem}\nUsage: node bench/lighthouse.mjs [dist-dir] [--runs N]`);
  process.exit(1);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** One Lighthouse run: the category scores (0-100) and LCP, CLS, TBT; plus what failed. */
async function audit(url, port, config) {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' }, config);
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`${url}: ${runtimeError.code} ${runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)]));
  // Every audit that scored below full marks and counts toward a category: what to fix.
  const counted = new Set(
    CATEGORIES.flatMap((id) => categories[id]?.auditRefs.filter((ref) => ref.weight > 0).map((ref) => ref.id) ?? []),
  );
  const failed = Object.values(audits)
    .filter((a) => counted.has(a.id) && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
    .map((a) => `${a.id} (${a.score})${a.displayValue ? `: ${a.displayValue}` : ''}`);
  return {
    scores,
    lcp: audits['largest-contentful-paint'].numericValue,
    cls: audits['cumulative-layout-shift'].numericValue,
    tbt: audits['total-blocking-time'].numericValue,
    failed,
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const server = await startServer(options.dist);
  let chrome;
  try {
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM_PATH,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    console.log(`Lighthouse on ${options.dist}, served at ${server.url}; ${options.runs} run(s) each, median shown\n`);
    const header = ['page', 'preset', ...CATEGORIES, 'LCP ms', 'CLS', 'TBT ms'];
    const rows = [];
    const notes = [];
    for (const page of PAGES) {
      for (const preset of PRESETS) {
        const runs = [];
        for (let run = 0; run < options.runs; run += 1) {
          runs.push(await audit(`${server.url}${page.path}`, chrome.port, preset.config));
        }
        rows.push([
          page.name,
          preset.name,
          ...CATEGORIES.map((id) => String(median(runs.map((r) => r.scores[id])))),
          median(runs.map((r) => r.lcp)).toFixed(0),
          median(runs.map((r) => r.cls)).toFixed(3),
          median(runs.map((r) => r.tbt)).toFixed(0),
        ]);
        const failed = [...new Set(runs.flatMap((r) => r.failed))];
        if (failed.length > 0) notes.push(`${page.name}, ${preset.name}: ${failed.join('; ')}`);
      }
    }
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    console.log(line(header));
    for (const row of rows) console.log(line(row));
    console.log(notes.length > 0 ? `\nBelow full marks:\n${notes.map((n) => `  ${n}`).join('\n')}` : '\nNothing below full marks.');
  } finally {
    await chrome?.kill();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
