#!/usr/bin/env node
// Checks a built site against the size budget, size-budget.json at the repo root: prints each
// artefact's files and its raw, gzip -9 and brotli 11 sizes, the budget (gzip -9) and the margin,
// and exits non-zero naming every artefact over budget or not found. scripts/test runs it on the
// release build, so a build that grows past a budget fails the test run (issue 12).
//
// Usage: node scripts/size-budget.mjs [directory]   (default: dist/ at the repo root)
//
// The artefacts are what a reader downloads for one job:
// - site app: the site's wasm and its JS glue;
// - partner embed page: everything a partner page downloads for one feed embed, images aside
//   (bench/embed-bytes.mjs measures the same in Chromium): the page the iframe loads
//   (embed.html) with the stylesheets and scripts it links, the embed's own wasm and glue,
//   the feed it shows, and embed.js, the loader on the partner's page.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUDGET_FILE = path.join(REPO_ROOT, 'size-budget.json');
const dir = path.resolve(process.argv[2] ?? path.join(REPO_ROOT, 'dist'));

const problems = [];

/**
 * The one file in `dir`'s top level named `<bin>-<hash><suffix>` (Trunk's content hash: up to 16
 * hex digits, as Trunk drops the leading zeros of the number), or
 * null with the reason recorded: none, or several (a dist/ that was not cleaned between builds).
 */
function hashed(names, bin, suffix, why) {
  const pattern = new RegExp(`^${bin}-[0-9a-f]{1,16}${suffix.replace('.', '\\.')}$`);
  const found = names.filter((name) => pattern.test(name));
  if (found.length === 1) return found[0];
  problems.push(
    found.length === 0
      ? `no ${bin}-<hash>${suffix} in ${dir}: ${why}`
      : `${found.length} files ${bin}-<hash>${suffix} in ${dir} (${found.join(', ')}): build into a clean directory`,
  );
  return null;
}

/** The local stylesheets and scripts a page links, by its href and src attributes. */
function linkedStylesAndScripts(html) {
  return [...html.matchAll(/\s(?:href|src)="([^"]+)"/g)]
    .map(([, url]) => url)
    .filter((url) => url.startsWith('/') && !url.startsWith('//') && /\.(?:css|js|mjs)$/.test(url))
    .map((url) => url.slice(1));
}

let budget;
try {
  budget = JSON.parse(await readFile(BUDGET_FILE, 'utf8')).budgets;
} catch (error) {
  console.error(`size-budget: cannot read ${BUDGET_FILE}: ${error.message}`);
  process.exit(1);
}
let names;
try {
  names = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
} catch (error) {
  console.error(`size-budget: cannot read ${dir}: ${error.message}`);
  process.exit(1);
}

const shell = names.includes('embed.html') ? 'embed.html' : null;
if (!shell) problems.push(`no embed.html in ${dir}: the build writes it (scripts/external-boot-script.mjs)`);
const shellLinks = shell ? linkedStylesAndScripts(await readFile(path.join(dir, shell), 'utf8')) : [];
if (shell && !shellLinks.includes('theme.js')) problems.push(`${shell} no longer links theme.js: check what the embed page loads`);

const embedWhy = 'the partner embed is built as its own wasm binary `embed` (issue 12); until it is, the budget cannot pass';
const artefacts = {
  'site app': [
    hashed(names, 'broadsheet', '_bg.wasm', 'build the site first (trunk build --release)'),
    hashed(names, 'broadsheet', '.js', 'build the site first (trunk build --release)'),
  ],
  'partner embed page': [
    shell,
    ...shellLinks,
    hashed(names, 'embed', '_bg.wasm', embedWhy),
    hashed(names, 'embed', '.js', embedWhy),
    'api/feed.json',
    'embed.js',
  ],
};

for (const name of Object.keys(budget)) {
  if (!(name in artefacts)) problems.push(`${BUDGET_FILE} budgets "${name}", which this script does not know`);
}

const rows = [];
const over = [];
for (const [name, files] of Object.entries(artefacts)) {
  const limit = budget[name]?.bytes;
  if (!Number.isInteger(limit)) problems.push(`${BUDGET_FILE} has no budget in bytes for "${name}"`);
  const parts = [];
  for (const file of new Set(files.filter(Boolean))) {
    let data;
    try {
      data = await readFile(path.join(dir, file));
    } catch (error) {
      problems.push(`${name}: cannot read ${file}: ${error.message}`);
      continue;
    }
    parts.push({
      label: `  ${file}`,
      raw: data.length,
      gzip: gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length,
      brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length,
    });
  }
  const total = (key) => parts.reduce((sum, part) => sum + part[key], 0);
  const complete = !files.includes(null) && parts.length === new Set(files).size;
  const row = { label: complete ? name : `${name} (files missing)`, raw: total('raw'), gzip: total('gzip'), brotli: total('brotli'), limit };
  rows.push(row, ...parts);
  // An artefact with a file missing is reported above; its partial sum proves nothing.
  if (complete && Number.isInteger(limit) && row.gzip > limit) over.push(row);
}

const format = (n) => (n === undefined ? '' : n.toLocaleString('en-US'));
const table = [
  ['artefact', 'raw B', 'gzip -9 B', 'brotli 11 B', 'budget B', 'margin B'],
  ...rows.map(({ label, raw, gzip, brotli, limit }) => [
    label,
    format(raw),
    format(gzip),
    format(brotli),
    format(limit),
    limit === undefined ? '' : format(limit - gzip),
  ]),
];
const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
console.log(`${dir} against ${path.relative(process.cwd(), BUDGET_FILE) || BUDGET_FILE} (budgets in gzip -9 bytes)\n`);
for (const row of table) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join('  '));

for (const { label, gzip, limit } of over) {
  problems.push(`${label} is over budget: ${format(gzip)} B gzip -9 > ${format(limit)} B, by ${format(gzip - limit)} B`);
}
if (problems.length > 0) {
  console.error('');
  for (const problem of problems) console.error(`size-budget: ${problem}`);
  process.exit(1);
}
console.log('\nsize-budget: every artefact is within its budget');
