// The deployment's promises, checked over HTTP against the server BROADSHEET_BASE_URL names:
// nginx configured by deploy/nginx/ and started by scripts/nginx-e2e, which also runs this.
//   scripts/nginx-e2e [dist] -- node --test tests/deploy/
// SPA fallback, sections, 404s that stay 404s, cache headers, compression (the brotli and gzip
// files scripts/compress.mjs writes), and the security headers, which must be exactly those the
// end-to-end harness sends (both read deploy/nginx/).

import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DIST_DIR, securityHeadersFor, TEST_IMAGE_ORIGINS } from '../e2e/harness.mjs';

const BASE_URL = process.env.BROADSHEET_BASE_URL?.replace(/\/+$/, '');
const SEED_ID = 'eight-hour-us-russia-talks';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const SECURITY_HEADER_NAMES = Object.keys({ ...securityHeadersFor('/'), ...securityHeadersFor('/embed/') });

/** GETs `pathname` asking for gzip; resolves to `{ status, headers, body }` (body decoded). */
async function get(pathname) {
  const response = await fetch(`${BASE_URL}${pathname}`, { headers: { 'Accept-Encoding': 'gzip' }, redirect: 'manual' });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/**
 * GETs `pathname` with exactly the Accept-Encoding given (none when null), through node:http,
 * which neither adds one nor decodes: resolves to `{ status, headers, body }` as sent.
 */
function getRaw(pathname, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === null ? {} : { 'Accept-Encoding': acceptEncoding };
    request(`${BASE_URL}${pathname}`, { headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, headers: new Headers(response.headers), body: Buffer.concat(chunks) }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/** The security headers of `response` are the ones the harness sends for `pathname`. */
function assertSecurityHeaders(response, pathname) {
  const sent = Object.fromEntries(
    SECURITY_HEADER_NAMES.filter((name) => response.headers.has(name)).map((name) => [name, response.headers.get(name)]),
  );
  assert.deepEqual(sent, securityHeadersFor(pathname), `the security headers of ${pathname}`);
  assert.equal(response.headers.get('cross-origin-resource-policy'), null, `${pathname} has no CORP`);
}

let shell;
let hashedAssets;

before(async () => {
  assert.ok(BASE_URL, 'BROADSHEET_BASE_URL names the server under test: run this through scripts/nginx-e2e');
  // Without pre-rendering the shell is index.html; with it, app-shell.html.
  const shellFile = await readFile(path.join(DIST_DIR, 'app-shell.html'), 'utf8').catch(() => null);
  shell = shellFile ?? (await readFile(path.join(DIST_DIR, 'index.html'), 'utf8'));
  const hashed = /(\/[^"]+-[0-9a-f]{1,16}(?:_bg)?\.(?:js|wasm|css|svg))"/g;
  hashedAssets = [...shell.matchAll(hashed)].map(([, url]) => url);
  const boot = hashedAssets.find((url) => /\/boot-[0-9a-f]{16}\.js$/.test(url));
  assert.ok(boot, 'the shell loads the start-up script from a file');
  // The start-up script names the two apps' glue and wasm (the site's, the embed's).
  const bootSource = await readFile(path.join(DIST_DIR, boot), 'utf8');
  hashedAssets.push(...[...bootSource.matchAll(hashed)].map(([, url]) => url));
  assert.equal(hashedAssets.filter((url) => url.endsWith('_bg.wasm')).length, 2, `the boot script names both wasm: ${hashedAssets}`);
});

describe('nginx: page routes', () => {
  for (const pathname of ['/', `/news/${SEED_ID}`, '/no/such/page', '/embed/feed', `/embed/news/${SEED_ID}`]) {
    it(`answers ${pathname} with the app, revalidated, compressed, with its security headers`, async () => {
      const response = await get(pathname);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type'), /^text\/html; charset=utf-8$/);
      assert.equal(response.headers.get('cache-control'), 'no-cache');
      assert.equal(response.headers.get('content-encoding'), 'gzip');
      assert.match(response.body.toString(), /<meta name="broadsheet:api"/, 'the page carries the API base');
      assertSecurityHeaders(response, pathname);
    });
  }

  it('lists the deployment\'s picture and media origins, and only those, in img-src and media-src', async () => {
    assert.ok(TEST_IMAGE_ORIGINS.length > 0, 'tests/e2e/image-origins.txt lists the foreign feeds\' picture origins');
    for (const pathname of ['/', `/news/${SEED_ID}`, '/embed/feed', '/api/feed.json']) {
      const policy = (await get(pathname)).headers.get('content-security-policy');
      const imgSrc = /(?:^|; )img-src ([^;]*)/.exec(policy)?.[1];
      assert.equal(imgSrc, ["'self'", ...TEST_IMAGE_ORIGINS].join(' '), `img-src of ${pathname}`);
      const mediaSrc = /(?:^|; )media-src ([^;]*)/.exec(policy)?.[1];
      assert.equal(mediaSrc, ["'self'", ...TEST_IMAGE_ORIGINS].join(' '), `media-src of ${pathname}`);
    }
  });

  it('lets partners frame only the embeds', async () => {
    assert.match(securityHeadersFor('/embed/feed')['Content-Security-Policy'], /frame-ancestors \*$/);
    assert.match(securityHeadersFor('/news/x')['Content-Security-Policy'], /frame-ancestors 'none'$/);
    assert.equal((await get('/embed/feed')).headers.get('x-frame-options'), null);
    assert.equal((await get('/')).headers.get('x-frame-options'), 'DENY');
  });
});

describe('nginx: story addresses whose id looks like a file name', () => {
  // A story's id is whatever its feed says: generators end them like file names, and a URL id
  // arrives with its slashes percent-encoded (routes::article).
  const ids = [
    'frontier-diary.html',
    'index.php',
    'a.b',
    'story-0123456789abcdef.js',
    'https://harbour-gazette.example/2024/05/frontier-diary.html',
  ];
  // A page the pre-render would write for such an id (news/<id>/index.html), made for this test.
  const prerenderedId = 'broadsheet-deploy-test.page.html';
  const prerenderedDir = path.join(DIST_DIR, 'news', prerenderedId);
  const prerenderedPage = '<!doctype html><meta name="broadsheet:api" content="/api/"><title>pre-rendered</title>';

  before(async () => {
    await mkdir(prerenderedDir, { recursive: true });
    await writeFile(path.join(prerenderedDir, 'index.html'), prerenderedPage);
  });
  after(() => rm(prerenderedDir, { recursive: true, force: true }));

  for (const id of ids) {
    for (const pathname of [`/news/${encodeURIComponent(id)}`, `/news/${encodeURIComponent(id)}/`]) {
      it(`answers ${pathname} with the app shell, as a page`, async () => {
        const response = await get(pathname);
        assert.equal(response.status, 200);
        assert.match(response.headers.get('content-type'), /^text\/html; charset=utf-8$/);
        assert.equal(response.headers.get('cache-control'), 'no-cache');
        assert.ok(response.body.toString() === shell, `${pathname} is the app shell`);
        assertSecurityHeaders(response, decodeURIComponent(pathname));
      });
    }
  }

  it('answers such an id with its pre-rendered page when there is one', async () => {
    const response = await get(`/news/${prerenderedId}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^text\/html; charset=utf-8$/);
    assert.equal(response.body.toString(), prerenderedPage);
    assertSecurityHeaders(response, `/news/${prerenderedId}`);
  });
});

describe('nginx: files', () => {
  it('serves every hashed asset of the shell as immutable, with its type, compressed when text or wasm', async () => {
    const types = { js: /^application\/javascript/, wasm: /^application\/wasm$/, css: /^text\/css/, svg: /^image\/svg\+xml/ };
    for (const url of hashedAssets) {
      const response = await get(url);
      assert.equal(response.status, 200, url);
      assert.equal(response.headers.get('cache-control'), IMMUTABLE, url);
      assert.match(response.headers.get('content-type'), types[url.split('.').pop()], url);
      if (response.body.length >= 1024) assert.equal(response.headers.get('content-encoding'), 'gzip', url);
      assertSecurityHeaders(response, url);
    }
  });

  it('serves the API as revalidated, compressed JSON', async () => {
    const response = await get('/api/feed.json');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^application\/json/);
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    assert.equal(response.headers.get('content-encoding'), 'gzip');
    assert.ok(JSON.parse(response.body.toString()).items.length > 0);
    assertSecurityHeaders(response, '/api/feed.json');
  });

  // The pre-render writes them only with --site (scripts/test names one).
  it("serves the oEmbed documents as revalidated JSON that any origin may read, and a missing one as 404", async () => {
    const response = await get(`/oembed/${SEED_ID}.json`);
    assert.equal(response.status, 200, 'dist/ has oEmbed documents: pre-render it with --site');
    assert.match(response.headers.get('content-type'), /^application\/json; charset=utf-8$/);
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.equal(JSON.parse(response.body.toString()).type, 'rich');
    assertSecurityHeaders(response, `/oembed/${SEED_ID}.json`);
    for (const url of ['/oembed/no-such-story.json', '/oembed/', `/oembed/${SEED_ID}`]) {
      const missing = await get(url);
      assert.ok([403, 404].includes(missing.status), `${url} answered ${missing.status}`);
      assert.doesNotMatch(missing.body.toString(), /broadsheet:api/, `${url} is not the app`);
    }
  });

  it('serves unhashed files as revalidated', async () => {
    for (const url of ['/index.html', '/theme.js']) {
      const response = await get(url);
      assert.equal(response.status, 200, url);
      assert.equal(response.headers.get('cache-control'), 'no-cache', url);
    }
  });

  it('answers a missing document, script or extension path with 404, never the app', async () => {
    const missing = [
      '/api/articles/no-such-story.json',
      '/api/articles/a.b.json',
      '/api/no-such-dir/',
      '/no-such-script.js',
      '/index.php',
      '/broadsheet-0000000000000000_bg.wasm',
      '/images/no-such-picture.jpg',
      '/embed.js.map',
    ];
    for (const url of missing) {
      const response = await get(url);
      assert.ok([403, 404].includes(response.status), `${url} answered ${response.status}`);
      assert.doesNotMatch(response.body.toString(), /broadsheet:api/, `${url} is not the app`);
      assertSecurityHeaders(response, url);
    }
  });
});

describe('nginx: compressed ahead of time (scripts/compress.mjs)', () => {
  // The wasm, and a pre-rendered page, which try_files finds as news/<id>/index.html.
  const cases = () => [
    { url: hashedAssets.find((url) => url.endsWith('_bg.wasm')), file: null, type: /^application\/wasm$/, cache: IMMUTABLE },
    { url: `/news/${SEED_ID}`, file: `news/${SEED_ID}/index.html`, type: /^text\/html; charset=utf-8$/, cache: 'no-cache' },
  ];
  const encodings = [
    { accept: 'br, gzip', encoding: 'br', suffix: '.br', decode: brotliDecompressSync },
    { accept: 'gzip', encoding: 'gzip', suffix: '.gz', decode: gunzipSync },
    { accept: null, encoding: null, suffix: '', decode: (body) => body },
  ];
  for (const { accept, encoding, suffix, decode } of encodings) {
    it(`sends the wasm and a pre-rendered page ${encoding ?? 'uncompressed'} to a client accepting ${accept ?? 'nothing'}, with their own type and caching`, async () => {
      for (const { url, file, type, cache } of cases()) {
        const onDisk = path.join(DIST_DIR, file ?? url.slice(1));
        const response = await getRaw(url, accept);
        assert.equal(response.status, 200, url);
        assert.equal(response.headers.get('content-encoding'), encoding, url);
        assert.match(response.headers.get('content-type'), type, url);
        assert.equal(response.headers.get('vary'), 'Accept-Encoding', url);
        assert.equal(response.headers.get('cache-control'), cache, url);
        assertSecurityHeaders(response, url);
        // The very file written ahead of time, not one compressed on the fly.
        assert.ok(response.body.equals(await readFile(onDisk + suffix)), `${url} is ${file ?? url.slice(1)}${suffix} as written`);
        assert.ok(decode(response.body).equals(await readFile(onDisk)), `${url} decodes to the file`);
      }
    });
  }
});

describe('nginx: sections (/?section=)', () => {
  // Pre-rendered sections, named as the site's links encode them (routes::section).
  const sections = (() => {
    try {
      return readdirSync(path.join(DIST_DIR, 'section'));
    } catch {
      return [];
    }
  })();

  it('answers / without a section with the pre-rendered All News', async () => {
    const response = await get('/');
    assert.equal(response.status, 200);
    assert.ok(response.body.equals(await readFile(path.join(DIST_DIR, 'index.html'))));
  });

  it('answers each pre-rendered section with its own page', async () => {
    assert.ok(sections.length > 0, 'the pre-render wrote dist/section/');
    for (const section of sections) {
      const response = await get(`/?section=${section}`);
      assert.equal(response.status, 200, section);
      assert.equal(response.headers.get('cache-control'), 'no-cache', section);
      assert.ok(response.body.equals(await readFile(path.join(DIST_DIR, 'section', section, 'index.html'))), `/?section=${section} is its page`);
      assertSecurityHeaders(response, '/');
    }
  });

  it('answers a section without a page, or a value that is not one, with the app shell, never All News unfiltered', async () => {
    const appShell = await readFile(path.join(DIST_DIR, 'app-shell.html')).catch(() => null);
    assert.ok(appShell, 'the build is pre-rendered: it has app-shell.html');
    const values = ['No%20Such%20Section', '.', '..', '..%2F..%2Fnews', '../news', '%2E%2E', 'a/b', 'x%00'];
    if (sections[0]) values.push(`${sections[0]}/..`, `${sections[0]}%2F..`);
    for (const value of values) {
      const response = await get(`/?section=${value}`);
      assert.equal(response.status, 200, value);
      assert.ok(response.body.equals(appShell), `/?section=${value} is the app shell`);
      assertSecurityHeaders(response, '/');
    }
  });
});
