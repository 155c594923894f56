// Shared helpers for Broadsheet's browser end-to-end tests (run with `node --test tests/e2e/`).
//
// Each test file calls `useSuite()`, or `openSuite()` in `before` and `suite.close()` in `after`:
// it gets its own static server on an ephemeral port (or the server BROADSHEET_BASE_URL names,
// e.g. nginx started by scripts/nginx-e2e) and its own Chromium, so files can run in parallel.
// Every response of the test server carries the security headers of deploy/nginx/, so the suite
// runs under the CSP.
// playwright-core ships no `expect`, so `eventually()` provides the polling assertions.

import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The built site under test: `dist/` at the repo root unless BROADSHEET_DIST names another. */
export const DIST_DIR = path.resolve(process.env.BROADSHEET_DIST ?? path.join(REPO_ROOT, 'dist'));

/**
 * A server already serving DIST_DIR (no trailing slash), which `openSuite()` uses instead of
 * starting its own: scripts/nginx-e2e sets it to the nginx it started.
 */
const EXTERNAL_BASE_URL = process.env.BROADSHEET_BASE_URL?.replace(/\/+$/, '') || null;

/** How long a test waits for the app (wasm start-up plus JSON fetches) on a slow 2-core machine. */
export const TIMEOUT_MS = 15_000;

const NGINX_HEADERS_FILE = path.join(REPO_ROOT, 'deploy/nginx/broadsheet-headers.conf');
const NGINX_SITE_FILE = path.join(REPO_ROOT, 'deploy/nginx/broadsheet.conf');
const IMAGE_ORIGINS_FILE = path.join(REPO_ROOT, 'tests/e2e/image-origins.txt');

/**
 * The picture origins the test deployment adds to `$broadsheet_img_src` (image-origins.txt,
 * which scripts/nginx-e2e reads too): where the foreign feeds' pictures come from.
 */
export const TEST_IMAGE_ORIGINS = (await readFile(IMAGE_ORIGINS_FILE, 'utf8'))
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'));

/**
 * The security headers nginx sends (deploy/nginx/, the one source), as a list of
 * `{ prefix, headers }`, longest prefix first, ending with the whole site's (`prefix` '/').
 * The header file holds `add_header` lines whose values may use `$broadsheet_*` variables; the
 * site file sets those for the whole server, and again inside `location ^~ /prefix/ { ... }`
 * blocks for the paths that differ (the embeds, the partners' page). A header whose value comes
 * out empty is not sent, as nginx does. Throws on any line it does not understand.
 */
async function readSecurityHeaders() {
  const headers = [];
  for (const raw of (await readFile(NGINX_HEADERS_FILE, 'utf8')).split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const found = /^add_header\s+([A-Za-z-]+)\s+"([^"]*)"\s+always;$/.exec(line);
    if (!found) throw new Error(`${NGINX_HEADERS_FILE}: not an \`add_header Name "value" always;\` line: ${line}`);
    headers.push({ name: found[1], value: found[2] });
  }
  const settings = new Map([['/', {}]]);
  let location = null;
  for (const raw of (await readFile(NGINX_SITE_FILE, 'utf8')).split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const opened = /^location\s+(?:(\^~)\s+)?(.+?)\s*\{$/.exec(line);
    if (opened) location = { prefix: opened[1] ? opened[2] : null, text: line };
    else if (line === '}') location = null;
    const set = /^set\s+\$(broadsheet_\w+)\s+"([^"]*)";$/.exec(line);
    if (!set) continue;
    if (location && !location.prefix) {
      throw new Error(`${NGINX_SITE_FILE}: $${set[1]} is set in \`${location.text}\`; only \`location ^~ /prefix/\` is understood`);
    }
    const scope = location?.prefix ?? '/';
    settings.set(scope, { ...(settings.get(scope) ?? {}), [set[1]]: set[2] });
  }
  const site = settings.get('/');
  // As scripts/nginx-e2e configures nginx.
  if ('broadsheet_img_src' in site) site.broadsheet_img_src = [site.broadsheet_img_src, ...TEST_IMAGE_ORIGINS].join(' ');
  if ('broadsheet_media_src' in site) site.broadsheet_media_src = [site.broadsheet_media_src, ...TEST_IMAGE_ORIGINS].join(' ');
  return [...settings.entries()]
    .sort(([a], [b]) => b.length - a.length)
    .map(([prefix, overrides]) => {
      const variables = { ...site, ...overrides };
      const values = {};
      for (const { name, value } of headers) {
        const resolved = value.replace(/\$(broadsheet_\w+)/g, (_, variable) => {
          if (!(variable in variables)) throw new Error(`${NGINX_SITE_FILE} does not set $${variable} for the whole site`);
          return variables[variable];
        });
        if (resolved !== '') values[name] = resolved;
      }
      return { prefix, headers: values };
    });
}

const SECURITY_HEADERS = await readSecurityHeaders();

/** The security headers for a request path (decoded), as nginx chooses them by location. */
export function securityHeadersFor(pathname) {
  return SECURITY_HEADERS.find(({ prefix }) => pathname.startsWith(prefix)).headers;
}

// Debian's Chromium; Playwright must never download a browser of its own here.
const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', // required by WebAssembly.instantiateStreaming
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

async function fileAt(filePath) {
  try {
    const info = await stat(filePath);
    return info.isFile() ? { filePath, size: info.size } : null;
  } catch {
    return null;
  }
}

/**
 * Maps a request path to the file to serve, following the SPA contract of DESIGN.md: a file is
 * served as is, a directory by its index.html, and any other path without a file extension
 * falls back to the app shell (so /news/:id works when loaded directly): app-shell.html where
 * the pre-render has kept it (ADR 4), else the root index.html. A missing path with an
 * extension (a missing asset or JSON document) stays a 404, except under /news/, where every
 * path is a story's address. `/?section=<value>` is that
 * section's pre-rendered page, else the shell, as nginx's `map $arg_section` answers it.
 */
async function resolveRequest(root, pathname, search) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 400 };
  }
  // Decode first, then resolve: encoded `..%2f` must not escape the root either.
  const target = path.resolve(root, `.${decoded}`);
  if (decoded.includes('\0') || (target !== root && !target.startsWith(root + path.sep))) {
    return { status: 403 };
  }
  const shell = async () => (await fileAt(path.join(root, 'app-shell.html'))) ?? (await fileAt(path.join(root, 'index.html')));
  // The raw value, as nginx's $arg_section: pre-rendered sections are named percent-encoded.
  const section = /(?:^|&)section=([^&]*)/.exec(search.slice(1))?.[1] ?? '';
  if (decoded === '/' && section !== '') {
    const safe = /^[A-Za-z0-9._~%-]+$/.test(section) && section !== '.' && section !== '..';
    const page = (safe ? await fileAt(path.join(root, 'section', section, 'index.html')) : null) ?? (await shell());
    return page ? { status: 200, ...page } : { status: 404 };
  }
  // A partner's embed has a page of its own, as nginx answers /embed/ (deploy/nginx/).
  if (decoded.startsWith('/embed/')) {
    const embedPage = await fileAt(path.join(root, 'embed.html'));
    return embedPage ? { status: 200, ...embedPage } : { status: 404 };
  }
  const found = (await fileAt(target)) ?? (await fileAt(path.join(target, 'index.html')));
  if (found) return { status: 200, ...found };
  // A story's id may end like a file name (`/news/frontier-diary.html`): nginx's
  // `location ^~ /news/` answers every story address with a page, whatever it ends with.
  const story = target.startsWith(path.join(root, 'news') + path.sep);
  if (story || path.extname(decoded) === '') {
    const fallback = await shell();
    if (fallback) return { status: 200, ...fallback };
  }
  return { status: 404 };
}

/**
 * Starts a static file server for `root` on 127.0.0.1 with an ephemeral port.
 * Resolves to `{ url, close }`; `url` has no trailing slash (e.g. http://127.0.0.1:40123).
 * Every response carries the deployment's security headers (`securityHeadersFor`), unless
 * `securityHeaders: false`, for a server that stands in for another site (a partner's page).
 */
export async function startServer(root = DIST_DIR, { securityHeaders = true } = {}) {
  const rootDir = path.resolve(root);
  const server = createServer(async (req, res) => {
    // Every response revalidates, so a rebuilt dist/ is never hidden by the browser's cache.
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    const { pathname, search } = new URL(req.url, 'http://127.0.0.1');
    if (securityHeaders) {
      let decoded = pathname;
      try {
        decoded = decodeURIComponent(pathname);
      } catch {
        // resolveRequest answers 400; the site's headers apply.
      }
      for (const [name, value] of Object.entries(securityHeadersFor(decoded))) res.setHeader(name, value);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    // As deploy/nginx/'s `location ^~ /oembed/`: partners' CMSs read them from other origins.
    if (pathname.startsWith('/oembed/')) res.setHeader('Access-Control-Allow-Origin', '*');
    const found = await resolveRequest(rootDir, pathname, search);
    if (found.status !== 200) {
      res.writeHead(found.status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(req.method === 'HEAD' ? undefined : `${found.status}\n`);
      return;
    }
    const ext = path.extname(found.filePath).toLowerCase();
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[ext] ?? 'application/octet-stream',
      'Content-Length': found.size,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(found.filePath)
      .on('error', () => res.destroy())
      .pipe(res);
  });

  return listenOnLoopback(server);
}

/**
 * Starts `server` on 127.0.0.1 with an ephemeral port. Resolves to `{ url, close }`; `url` has no
 * trailing slash.
 */
export async function listenOnLoopback(server) {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        // Browsers keep connections alive; without this, close() would wait for them to idle out.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Launches headless Debian Chromium through playwright-core, with any more command-line `args`. */
export function launchBrowser({ args = [] } = {}) {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...args], headless: true });
}

/**
 * Records uncaught page errors (a wasm panic ends in one), console errors (Leptos,
 * console_error_panic_hook and Chromium's CSP violation reports go there) and console warnings
 * of `page`. `assertNone()` throws if there were any.
 *
 * `allowConsoleErrors`: RegExps for console errors and warnings a test provokes on purpose, e.g.
 * the line Chromium itself logs for an HTTP error answer the test arranged. Each is tested
 * against the recorded line, `console.error: <text> (<url>:<line>)` or
 * `console.warning: <text> (<url>:<line>)`, so it can pin the kind, the message and the URL. A
 * matching line is not counted; page errors are never allowed.
 */
export function watchErrors(page, { allowConsoleErrors = [] } = {}) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    const kind = message.type();
    if (kind !== 'error' && kind !== 'warning') return;
    const { url, lineNumber } = message.location();
    // Chromium asks for /favicon.ico by itself when a page declares no icon: that failed
    // request is the browser's guess, not an error of the app.
    if (url && new URL(url).pathname === '/favicon.ico') return;
    // Playwright's own note where a context blocks service workers (withPage's default).
    if (message.text() === 'Service Worker registration blocked by Playwright') return;
    const line = `console.${kind}: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`;
    if (allowConsoleErrors.some((pattern) => pattern.test(line))) return;
    errors.push(line);
  });
  return {
    errors,
    assertNone() {
      if (errors.length > 0) {
        throw new Error(`The page reported ${errors.length} error(s) or warning(s):\n${errors.join('\n')}`);
      }
    },
  };
}

/**
 * Starts a server for `root` (or, for DIST_DIR, uses BROADSHEET_BASE_URL's when set) and a
 * browser. Resolves to:
 * - `baseURL`: the server's URL (no trailing slash);
 * - `withPage(fn, options)`: runs `fn(page)` in a fresh browser context (no shared history,
 *   storage or cache between tests) and fails if `fn` throws or the page reported any error;
 *   `options.allowConsoleErrors` lists the console errors and warnings this test expects (see
 *   `watchErrors`); `options.serviceWorkers: 'allow'` lets the site's worker run;
 * - `close()`: stops the browser and the server.
 */
export async function openSuite({ root = DIST_DIR } = {}) {
  const server =
    EXTERNAL_BASE_URL && path.resolve(root) === DIST_DIR
      ? { url: EXTERNAL_BASE_URL, close: async () => {} }
      : await startServer(root);
  let browser;
  try {
    browser = await launchBrowser();
  } catch (error) {
    await server.close();
    throw error;
  }

  async function withPage(fn, { allowConsoleErrors, serviceWorkers = 'block' } = {}) {
    // A fixed time zone, so tests and app agree on which day a timestamp belongs to. The site's
    // service worker only where a test asks for it (offline.test.mjs): requests it makes are out
    // of reach of page.route(), with which other tests stage their faults.
    const context = await browser.newContext({ baseURL: server.url, timezoneId: 'UTC', locale: 'en-US', serviceWorkers });
    context.setDefaultTimeout(TIMEOUT_MS);
    context.setDefaultNavigationTimeout(TIMEOUT_MS);
    const page = await context.newPage();
    const watcher = watchErrors(page, { allowConsoleErrors });
    try {
      await fn(page);
    } catch (error) {
      // A wasm panic usually surfaces as a timeout; the page's own errors say why.
      if (watcher.errors.length > 0) {
        error.message += `\nThe page also reported:\n${watcher.errors.join('\n')}`;
      }
      throw error;
    } finally {
      await context.close();
    }
    watcher.assertNone();
  }

  return {
    baseURL: server.url,
    withPage,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * `openSuite(options)` for the tests of the file or `describe` this is called in: opened by a
 * `before` hook and closed by an `after` hook it registers there. The suite it returns has
 * `baseURL` and `withPage` from that `before` hook on.
 */
export function useSuite(options) {
  let suite;
  before(async () => {
    suite = await openSuite(options);
  });
  after(() => suite?.close());
  return {
    get baseURL() {
      return suite.baseURL;
    },
    withPage: (fn, pageOptions) => suite.withPage(fn, pageOptions),
  };
}

/**
 * Retries `check` (which throws, e.g. with node:assert, until the condition holds) every
 * `interval` ms until it passes or `timeout` ms have passed; then rethrows its last error.
 * Resolves to `check`'s result.
 */
export async function eventually(check, { timeout = TIMEOUT_MS, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Waits until `locator`'s text, whitespace collapsed, equals `expected`. */
export function expectText(locator, expected, options) {
  return eventually(async () => {
    const text = await locator.textContent({ timeout: 1_000 });
    assert.equal(normalizeText(text ?? ''), normalizeText(expected));
  }, options);
}

/** Collapses runs of whitespace, as a reader (and Playwright's text matching) sees them. */
export function normalizeText(text) {
  return text.replace(/\s+/g, ' ').trim();
}

/** Reads and parses a JSON file of the site under test, e.g. `readSiteJson('api/feed.json')`. */
export async function readSiteJson(relativePath, root = DIST_DIR) {
  return JSON.parse(await readFile(path.join(root, relativePath), 'utf8'));
}

/**
 * A pattern for `allowConsoleErrors`: Chromium's own console line for an HTTP error answer
 * (`status`) to a resource whose path starts with `pathPrefix`, e.g.
 * `failedToLoad(500, '/api/feed.json')`. The app itself logs nothing for such an answer.
 */
export function failedToLoad(status, pathPrefix) {
  const escaped = pathPrefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `^console\\.error: Failed to load resource: the server responded with a status of ${status}\\b.*` +
      `\\(https?://[^/]+${escaped}[^\\s]*:\\d+\\)$`,
  );
}

/**
 * Answers the page at `pathname` with the app shell, as a deployment without pre-rendering
 * would (ADR 4): the app alone renders it, with its skeleton while it loads. For tests of the
 * app's own behaviour on a page that is pre-rendered in dist/; `prerender.test.mjs` covers the
 * pre-rendered page and its take-over.
 */
export async function serveAppShell(page, pathname) {
  await page.route(
    (url) => url.pathname === pathname,
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.fallback();
      // Rewritten, not fulfilled: the page must still come from the loopback server, or
      // Chromium counts it as public and refuses its requests to other loopback ports.
      const shell = new URL('/app-shell.html', route.request().url()).href;
      const found = await route.fetch({ url: shell, method: 'HEAD' });
      return found.ok() ? route.continue({ url: shell }) : route.continue();
    },
  );
}

/** Opens `pathname` as the app alone renders it (see `serveAppShell`). */
export async function gotoAppShell(page, pathname) {
  await serveAppShell(page, pathname);
  await page.goto(pathname);
}

/**
 * Waits until the app runs (`<html data-app>`). On a pre-rendered page it starts after `load`,
 * when the browser is idle, and adopts the page in the same task (ADR 5): a test of the app's
 * controls acts after this.
 */
export function appStarted(page) {
  return page.waitForFunction(() => document.documentElement.hasAttribute('data-app'));
}

/** A story's address on the site, as routes.rs builds it (issue 13: ids may look like file names). */
export const articleHref = (id) => `/news/${encodeURIComponent(id)}`;

/** A story's article document, relative to the site root (the bundled API). */
export const articleJsonPath = (id) => `api/articles/${encodeURIComponent(id)}.json`;

/** Resolves after the browser has laid out and painted two more frames. */
export const nextFrames = (page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

/** The rules every page is held to: WCAG 2.2 AA and axe's best practices. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
let axeSource;

/**
 * Runs axe in the page and resolves to its violations. The source goes in through evaluate, not a
 * script tag: a strict Content-Security-Policy would refuse an inline script.
 */
export async function axeViolations(page) {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(
    (tags) =>
      window.axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((results) =>
          results.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
          })),
        ),
    AXE_TAGS,
  );
}
