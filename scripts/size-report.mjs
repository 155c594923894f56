#!/usr/bin/env node
// Prints what a build weighs on the wire: every file's raw and gzip size, then the app's code
// (.wasm, .js, .css) apart from the sample content (api/, images/), which a real deployment
// replaces with its own backend.
//
// Usage: node scripts/size-report.mjs [directory]   (default: dist/ at the repo root)

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';

const DEFAULT_DIR = fileURLToPath(new URL('../dist', import.meta.url));
const CODE_EXTENSIONS = new Set(['.wasm', '.js', '.css']);
const CONTENT_DIRS = new Set(['api', 'images']);

/**
 * Every file under `dir`, as paths relative to it with `/` separators, sorted; without the
 * `.br`/`.gz` copies scripts/compress.mjs writes beside a file, which would count it thrice.
 */
async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  const all = new Set(files);
  return files.filter((file) => !/\.(br|gz)$/.test(file) || !all.has(file.replace(/\.(br|gz)$/, ''))).sort();
}

function classify(relativePath) {
  if (CONTENT_DIRS.has(relativePath.split('/')[0])) return 'sample content (api/, images/)';
  if (CODE_EXTENSIONS.has(path.extname(relativePath))) return 'app code (.wasm, .js, .css)';
  return 'other';
}

const formatBytes = (bytes) => bytes.toLocaleString('en-US');

/** Prints rows of [label, raw, gzip] with the labels left-aligned and the numbers right-aligned. */
function printTable(heading, rows) {
  const table = [[heading, 'raw B', 'gzip B'], ...rows.map(([label, raw, gzip]) => [label, formatBytes(raw), formatBytes(gzip)])];
  const widths = [0, 1, 2].map((column) => Math.max(...table.map((row) => row[column].length)));
  for (const [label, raw, gzip] of table) {
    console.log(`${label.padEnd(widths[0])}  ${raw.padStart(widths[1])}  ${gzip.padStart(widths[2])}`);
  }
}

const dir = path.resolve(process.argv[2] ?? DEFAULT_DIR);
let files;
try {
  files = await listFiles(dir);
} catch (error) {
  console.error(`size-report: cannot read ${dir}: ${error.message}`);
  process.exit(1);
}

const sizes = [];
for (const file of files) {
  const data = await readFile(path.join(dir, file));
  // Level 9: the best a static host or CDN would do ahead of time.
  sizes.push({ file, raw: data.length, gzip: gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length });
}

const sum = (items) => items.reduce((total, item) => [total[0] + item.raw, total[1] + item.gzip], [0, 0]);

console.log(`${dir}\n`);
printTable('path', [...sizes.map(({ file, raw, gzip }) => [file, raw, gzip]), [`total (${sizes.length} files)`, ...sum(sizes)]]);

console.log('');
const groups = ['app code (.wasm, .js, .css)', 'sample content (api/, images/)', 'other'].map((group) => [
  group,
  sizes.filter(({ file }) => classify(file) === group),
]);
printTable(
  'part',
  groups.filter(([, members]) => members.length > 0).map(([group, members]) => [group, ...sum(members)]),
);
