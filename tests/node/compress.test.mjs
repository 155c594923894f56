// scripts/compress.mjs on a fake build: which files get .br and .gz variants, that they decode to
// the file, that a second run writes nothing, and that variants of removed files go.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

const SCRIPT = fileURLToPath(new URL('../../scripts/compress.mjs', import.meta.url));
const TEXT = 'Broadsheet. '.repeat(200); // 2,400 bytes that compress well
const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-compress-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function run() {
  const result = spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}
const at = (file) => path.join(dir, file);

describe('scripts/compress.mjs', () => {
  mkdirSync(at('news/story'), { recursive: true });
  const files = {
    'index.html': TEXT,
    'news/story/index.html': TEXT,
    'app-0123456789abcdef_bg.wasm': Buffer.concat([Buffer.from('\0asm'), Buffer.alloc(4000)]),
    'small.css': 'body { margin: 0 }', // under 1 KiB
    'photo.jpg': TEXT, // not a text or wasm type
    'noise.js': randomBytes(4000), // does not compress: a variant would be bigger
    'archive.tar.gz': 'not ours',
  };
  for (const [file, content] of Object.entries(files)) writeFileSync(at(file), content);

  it('writes brotli and gzip beside each text and wasm file of 1 KiB or more, decoding to it', () => {
    run();
    for (const file of ['index.html', 'news/story/index.html', 'app-0123456789abcdef_bg.wasm']) {
      const original = readFileSync(at(file));
      assert.ok(brotliDecompressSync(readFileSync(at(`${file}.br`))).equals(original), `${file}.br`);
      assert.ok(gunzipSync(readFileSync(at(`${file}.gz`))).equals(original), `${file}.gz`);
    }
    for (const file of ['small.css', 'photo.jpg', 'noise.js', 'archive.tar.gz']) {
      assert.ok(!existsSync(at(`${file}.br`)) && !existsSync(at(`${file}.gz`)), `no variant of ${file}`);
    }
  });

  it('writes nothing on a second run, and again only what changed', () => {
    const before = statSync(at('index.html.br')).mtimeMs;
    assert.match(run(), /0 variants written, 6 up to date, 0 removed/);
    writeFileSync(at('news/story/index.html'), `${TEXT} updated`);
    assert.match(run(), /2 variants written, 4 up to date, 0 removed/);
    assert.equal(statSync(at('index.html.br')).mtimeMs, before);
    assert.ok(gunzipSync(readFileSync(at('news/story/index.html.gz'))).toString().endsWith('updated'));
  });

  it("removes the variants of a file that is gone or now too small, and leaves the site's own .gz", () => {
    rmSync(at('index.html'));
    writeFileSync(at('news/story/index.html'), 'short');
    assert.match(run(), /4 removed/);
    for (const file of ['index.html', 'news/story/index.html']) {
      assert.ok(!existsSync(at(`${file}.br`)) && !existsSync(at(`${file}.gz`)), `no variant of ${file}`);
    }
    assert.ok(existsSync(at('archive.tar.gz')));
  });
});
