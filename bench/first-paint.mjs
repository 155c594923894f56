#!/usr/bin/env node
// Benchmark of the first paint of an article (issue 7). Not a test: it prints figures and exits
// 0 (1 only when it cannot run at all: no pre-rendered build, no Chromium). Nothing in it is a
// timed assertion.
//
// The same article, three ways, from a release build that has been pre-rendered (dist/, or
// BROADSHEET_DIST; `cargo run --bin prerender` after `trunk build --release`):
//   prerendered  /news/<id> answered with news/<id>/index.html, as deployed;
//   spa          /news/<id> answered with the app shell (the build without its news/ pages):
//                nothing to see until the wasm has run and fetched the article;
//   static       the pre-rendered page with every script taken out, its data included
//                (bench/limit.mjs): the same HTML and CSS and nothing else, the limit.
// Each run is a fresh browser context in headless Chromium (1280x800) with the CPU slowed 4x
// (CDP Emulation.setCPUThrottlingRate); the network is the loopback. Per run, from navigation
// start: first contentful paint, largest contentful paint, and the frame in which the headline
// was first visible (requestAnimationFrame polling from the first moment of the page: the start
// of the frame that paints it, so a little before the paint itself); for the pre-rendered page
// also when the app started on it (`<html data-app>`, ADR 5: after `load`, when idle). The
// medians are printed, with the ratios.
//
// Usage: node bench/first-paint.mjs [--runs N] [--id ARTICLE-ID]

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DIST_DIR, launchBrowser, startServer } from '../tests/e2e/harness.mjs';
import { withoutScripts } from './limit.mjs';
import { readOptions } from './options.mjs';
import { median } from './stats.mjs';

const VIEWPORT = { width: 1280, height: 800 };
const CPU_SLOWDOWN = 4;
const STEP_TIMEOUT_MS = 120_000; // generous: this measures, it does not judge

/** Installed before the page's first script: records paints and the headline's first frame. */
function recordPaints() {
  const seen = { fcp: null, lcp: null, headline: null, appStarted: null };
  window.__firstPaint = seen;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') seen.fcp = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.lcp = e.renderTime || e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const frame = (now) => {
    const headline = [...document.querySelectorAll('h1.article__headline')].find((h) => h.checkVisibility());
    if (headline && seen.headline === null) seen.headline = now;
    if (document.documentElement.hasAttribute('data-app')) seen.appStarted ??= now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

async function measure(browser, url, { waitForApp }) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.addInitScript(recordPaints);
    await page.goto(url, { waitUntil: 'load', timeout: STEP_TIMEOUT_MS });
    await page.waitForFunction(
      (app) => {
        const seen = window.__firstPaint;
        return seen.headline !== null && seen.lcp !== null && (!app || seen.appStarted !== null);
      },
      waitForApp,
      { timeout: STEP_TIMEOUT_MS, polling: 100 },
    );
    // Let a later, larger paint (the hero) be reported before reading LCP.
    await page.waitForTimeout(1_000);
    return await page.evaluate(() => window.__firstPaint);
  } finally {
    await context.close();
  }
}

async function main() {
  const { values: options } = readOptions(
    process.argv.slice(2),
    { runs: { type: 'count', default: 5 }, id: { type: 'string', default: 'eight-hour-us-russia-talks' } },
    'node bench/first-paint.mjs [--runs N] [--id ARTICLE-ID]',
  );
  const pagePath = path.join(DIST_DIR, 'news', options.id, 'index.html');
  let prerendered;
  try {
    prerendered = await readFile(pagePath, 'utf8');
  } catch {
    console.error(`bench/first-paint.mjs: ${pagePath} is missing: build, then run \`cargo run --bin prerender\``);
    process.exit(1);
  }
  // Two copies of the build: as deployed (plus the static page), and without the news/ pages.
  const work = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-first-paint-'));
  const full = path.join(work, 'full');
  const shellOnly = path.join(work, 'shell-only');
  await cp(DIST_DIR, full, { recursive: true });
  await cp(DIST_DIR, shellOnly, { recursive: true });
  await rm(path.join(shellOnly, 'news'), { recursive: true, force: true });
  await writeFile(path.join(full, 'static-article.html'), withoutScripts(prerendered));

  // The pages are measured as pages, not as a deployment: no CSP or other headers that differ.
  const fullServer = await startServer(full, { securityHeaders: false });
  const shellServer = await startServer(shellOnly, { securityHeaders: false });
  const browser = await launchBrowser();
  const ways = [
    ['prerendered', `${fullServer.url}/news/${options.id}`, { waitForApp: true }],
    ['spa', `${shellServer.url}/news/${options.id}`, { waitForApp: false }],
    ['static', `${fullServer.url}/static-article.html`, { waitForApp: false }],
  ];
  const results = Object.fromEntries(ways.map(([name]) => [name, []]));
  try {
    for (let run = 0; run < options.runs; run += 1) {
      // Interleaved, so that a slow moment of the machine falls on every way alike.
      for (const [name, url, how] of ways) results[name].push(await measure(browser, url, how));
    }
  } finally {
    await browser.close();
    await fullServer.close();
    await shellServer.close();
    await rm(work, { recursive: true, force: true });
  }

  const summary = {};
  for (const [name] of ways) {
    summary[name] = Object.fromEntries(
      ['fcp', 'lcp', 'headline', 'appStarted'].map((key) => [key, median(results[name].map((r) => r[key]))]),
    );
  }
  const ms = (v) => (v === null ? '—' : `${Math.round(v)} ms`);
  console.log(`First paint of /news/${options.id}: CPU ${CPU_SLOWDOWN}x slower, ${VIEWPORT.width}x${VIEWPORT.height}, median of ${options.runs} runs`);
  console.log(`${'way'.padEnd(20)} FCP        LCP        headline   app started`);
  for (const [name] of ways) {
    const s = summary[name];
    console.log(`${name.padEnd(20)} ${ms(s.fcp).padEnd(10)} ${ms(s.lcp).padEnd(10)} ${ms(s.headline).padEnd(10)} ${ms(s.appStarted)}`);
  }
  const ratio = (a, b, key) => (summary[a][key] && summary[b][key] ? (summary[a][key] / summary[b][key]).toFixed(2) : '—');
  console.log(`${'ratio'.padEnd(20)} FCP        LCP        headline`);
  for (const [a, b] of [['prerendered', 'static'], ['spa', 'static'], ['spa', 'prerendered']]) {
    console.log(`${`${a}/${b}`.padEnd(20)} ${ratio(a, b, 'fcp').padEnd(10)} ${ratio(a, b, 'lcp').padEnd(10)} ${ratio(a, b, 'headline')}`);
  }
  console.log(JSON.stringify({ runs: options.runs, cpuSlowdown: CPU_SLOWDOWN, median: summary }));
}

await main();
