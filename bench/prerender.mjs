#!/usr/bin/env node
// Benchmark of the pre-render (src/bin/prerender/) at scale. Not a test: it prints figures and
// exits 0 (1 only when it cannot run at all, e.g. no pre-render binary).
//
// It generates a feed of --items stories (default 10,000) in pages of 50, chained by relative
// `next_url`, and an article document for each, serves them from a loopback HTTP API, and runs
// the pre-render binary on a fresh site made of the app's page (index.html) three times:
//   1. full: a new site, every story fetched and rendered;
//   2. incremental, nothing changed: no article fetched, only the feed read;
//   3. incremental, 1% of the stories updated (new date_modified) and 1% removed from the feed:
//      those updated fetched and rendered again, those removed pruned.
// For each: wall time, peak memory of the pre-render process (max RSS, from /usr/bin/time -v,
// else the kernel's VmHWM polled from /proc), the requests it made, and its summary line.
//
// The binary is the one a deployment's `cargo run --locked --bin prerender` builds
// (target/debug/prerender); build it first. --bin PATH runs another (e.g. a release build).
//
// Usage: node bench/prerender.mjs [--items N] [--bin PATH]

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listenOnLoopback } from '../tests/e2e/harness.mjs';
import { readOptions } from './options.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PAGE_SIZE = 50;
const SECTIONS = ['World', 'Politics', 'Business', 'Science', 'Arts & Culture', 'Sport'];
const TIME = '/usr/bin/time';

function fail(message) {
  console.error(`bench/prerender: ${message}`);
  process.exit(1);
}

/** Story `n`: newest first, one an hour, `version` bumping its date_modified. */
function story(n, version) {
  const id = `bench-story-${String(n).padStart(5, '0')}`;
  const published = new Date(Date.UTC(2022, 0, 31) - n * 3_600_000).toISOString();
  const modified = new Date(Date.parse(published) + version * 60_000).toISOString();
  const section = SECTIONS[n % SECTIONS.length];
  const headline = `Story ${n}: a headline of ordinary length for a news article`;
  const item = {
    id,
    url: `/news/${id}`,
    title: headline,
    summary: 'A standfirst of one sentence, as the desk writes them.',
    date_published: published,
    date_modified: modified,
    authors: [{ name: 'Broadsheet desk' }],
    _broadsheet: { section, article: `articles/${id}.json` },
  };
  const paragraph = (k) => ({
    type: 'paragraph',
    content: [{ text: `Paragraph ${k} of story ${n}. `.repeat(12) }],
  });
  const document = {
    id,
    url: `/news/${id}`,
    headline,
    standfirst: item.summary,
    section,
    language: 'en',
    published,
    modified,
    authors: [{ name: 'Broadsheet desk' }],
    tags: [section],
    body: [
      paragraph(1),
      { type: 'heading', level: 2, text: 'A crosshead' },
      paragraph(2),
      { type: 'quote', text: 'A quote from someone.', attribution: 'Someone', kind: 'pull' },
      paragraph(3),
      paragraph(4),
    ],
  };
  return { item, document: JSON.stringify(document) };
}

/** The API: the feed's pages and the documents of `stories`, by path under /api/. */
function api(stories) {
  const files = new Map();
  const pages = Math.ceil(stories.length / PAGE_SIZE);
  for (let p = 0; p < pages; p += 1) {
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Bench',
      items: stories.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE).map((s) => s.item),
    };
    if (p + 1 < pages) feed.next_url = `feed-${p + 2}.json`;
    files.set(p === 0 ? 'feed.json' : `feed-${p + 1}.json`, JSON.stringify(feed));
  }
  for (const s of stories) files.set(s.item._broadsheet.article, s.document);
  return files;
}

/** Runs the binary on `dist`, measuring wall time and peak memory. */
async function prerender(bin, dist, base) {
  const args = ['--dist', dist, '--api', base, '--site', 'https://news.example'];
  const timed = existsSync(TIME);
  const child = timed ? spawn(TIME, ['-v', bin, ...args]) : spawn(bin, args);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let polledKb = 0;
  const poll = timed
    ? null
    : setInterval(async () => {
        const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
        const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        polledKb = Math.max(polledKb, hwm);
      }, 20);
  const started = performance.now();
  const code = await new Promise((resolve) => child.on('close', resolve));
  const seconds = (performance.now() - started) / 1000;
  if (poll) clearInterval(poll);
  if (code !== 0) fail(`the pre-render failed (${code}):\n${stderr}`);
  const maxKb = timed
    ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? 0)
    : polledKb;
  return { seconds, maxMb: maxKb / 1024, summary: stdout.split('\n')[0] };
}

const { values: options } = readOptions(
  process.argv.slice(2),
  { items: { type: 'count', default: 10_000 }, bin: { type: 'string', default: path.join(ROOT, 'target/debug/prerender') } },
  'node bench/prerender.mjs [--items N] [--bin PATH]',
);
options.bin = path.resolve(options.bin);
if (!existsSync(options.bin)) {
  fail(`no pre-render at ${options.bin}; build it: cargo build --locked --bin prerender`);
}

let files;
const requests = { feed: 0, articles: 0 };
const server = createServer((req, res) => {
  const name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/api\//, '');
  const body = files.get(name);
  if (name.startsWith('articles/')) requests.articles += 1;
  else requests.feed += 1;
  if (body === undefined) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' }).end(body);
});
const { url, close } = await listenOnLoopback(server);
const dist = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-bench-prerender-'));

try {
  await writeFile(path.join(dist, 'index.html'), await readFile(path.join(ROOT, 'index.html')));
  const count = options.items;
  let stories = Array.from({ length: count }, (_, n) => story(n, 0));
  const runs = [];
  const measure = async (name) => {
    requests.feed = 0;
    requests.articles = 0;
    const run = await prerender(options.bin, dist, `${url}/api`);
    runs.push({ name, ...run, ...requests });
  };

  files = api(stories);
  await measure('full');
  await measure('incremental, nothing changed');
  const onePercent = Math.max(1, Math.floor(count / 100));
  stories = stories
    .map((s, n) => (n % 100 === 1 ? story(n, 1) : s))
    .filter((_, n) => n % 100 !== 2);
  files = api(stories);
  await measure(`incremental, ${onePercent} updated, ${count - stories.length} removed`);

  console.log(
    `pre-render of ${count} stories in pages of ${PAGE_SIZE} over loopback HTTP ` +
      `(${path.relative(ROOT, options.bin) || options.bin}; ${os.cpus().length} CPUs)\n`,
  );
  console.log('run                                        wall s   peak MB  feed req  article req');
  for (const r of runs) {
    console.log(
      `${r.name.padEnd(42)} ${r.seconds.toFixed(2).padStart(7)} ${r.maxMb.toFixed(1).padStart(9)} ` +
        `${String(r.feed).padStart(9)} ${String(r.articles).padStart(12)}`,
    );
  }
  console.log('');
  for (const r of runs) console.log(`${r.name}: ${r.summary}`);
} finally {
  await close();
  await rm(dist, { recursive: true, force: true });
}
