#!/usr/bin/env node
// The last deploy step: writes `X.br` (brotli, quality 11) and `X.gz` (gzip -9) beside every text
// and wasm file of a built site, so nginx sends them as they are (`brotli_static`, `gzip_static`
// in deploy/nginx/broadsheet.conf) instead of compressing on every request at a lower level.
// Runs after the pre-render, which writes HTML pages of its own.
//
// Usage: node scripts/compress.mjs [directory]   (default: dist/ at the repo root)
//
// - Idempotent: a variant that already decompresses to its file's bytes is left alone, so a
//   second run writes nothing (checked by content, not by timestamp: `cp -a` and the pre-render
//   both leave times that say nothing about content).
// - Files under 1 KiB are not compressed: a few hundred bytes gain a few hundred at most, and
//   nginx's dynamic gzip skips them too (`gzip_min_length 1024`), so they are served the same
//   way with or without this step.
// - A variant that comes out no smaller than its file is not kept: nginx would send more bytes.
// - Stale variants are removed: a `.br`/`.gz` beside a file type it compresses whose file is
//   gone, or too small now, would otherwise be served for a file that says something else.

import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';

const DEFAULT_DIR = fileURLToPath(new URL('../dist', import.meta.url));
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.wasm', '.txt', '.xml']);
const MIN_BYTES = 1024;

const VARIANTS = [
  {
    suffix: '.br',
    compress: (data) =>
      brotliCompressSync(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
    decompress: brotliDecompressSync,
  },
  {
    suffix: '.gz',
    compress: (data) => gzipSync(data, { level: constants.Z_BEST_COMPRESSION }),
    decompress: gunzipSync,
  },
];

const dir = path.resolve(process.argv[2] ?? DEFAULT_DIR);
let entries;
try {
  entries = await readdir(dir, { recursive: true, withFileTypes: true });
} catch (error) {
  console.error(`compress: cannot read ${dir}: ${error.message}`);
  process.exit(1);
}
const files = new Set(
  entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name))),
);

/** The bytes of `file` if it is one this script compresses, else null. */
async function compressible(file) {
  if (!COMPRESSIBLE.has(path.extname(file).toLowerCase())) return null;
  const data = await readFile(path.join(dir, file));
  return data.length >= MIN_BYTES ? data : null;
}

/** The variant already on disk decompresses to `data`. */
async function upToDate(variantFile, variant, data) {
  if (!files.has(variantFile)) return false;
  try {
    return variant.decompress(await readFile(path.join(dir, variantFile))).equals(data);
  } catch {
    return false; // corrupt or not ours: rewrite it
  }
}

const counts = { written: 0, kept: 0, removed: 0, files: 0 };
let rawTotal = 0;
const wireTotals = { '.br': 0, '.gz': 0 };

for (const file of [...files].sort()) {
  const variant = VARIANTS.find(({ suffix }) => file.endsWith(suffix));
  const source = variant && file.slice(0, -variant.suffix.length);
  // Only a variant of a type this script writes is ours: a site's own `archive.tar.gz` is not.
  if (variant && COMPRESSIBLE.has(path.extname(source).toLowerCase())) {
    // A variant stays only while its file exists and is still compressed by the loop below;
    // that loop deletes the ones it decides not to keep.
    if (!files.has(source) || (await compressible(source)) === null) {
      await rm(path.join(dir, file));
      counts.removed += 1;
      console.log(`removed stale ${file}`);
    }
    continue;
  }
  const data = await compressible(file);
  if (data === null) continue;
  counts.files += 1;
  rawTotal += data.length;
  for (const candidate of VARIANTS) {
    const variantFile = file + candidate.suffix;
    if (await upToDate(variantFile, candidate, data)) {
      counts.kept += 1;
      wireTotals[candidate.suffix] += (await readFile(path.join(dir, variantFile))).length;
      continue;
    }
    const compressed = candidate.compress(data);
    if (compressed.length >= data.length) {
      if (files.has(variantFile)) {
        await rm(path.join(dir, variantFile));
        counts.removed += 1;
      }
      wireTotals[candidate.suffix] += data.length;
      continue;
    }
    await writeFile(path.join(dir, variantFile), compressed);
    counts.written += 1;
    wireTotals[candidate.suffix] += compressed.length;
  }
}

const bytes = (n) => n.toLocaleString('en-US');
console.log(
  `compress: ${dir}: ${counts.files} files of ${bytes(rawTotal)} B -> brotli ${bytes(wireTotals['.br'])} B, ` +
    `gzip ${bytes(wireTotals['.gz'])} B; ${counts.written} variants written, ${counts.kept} up to date, ${counts.removed} removed`,
);
