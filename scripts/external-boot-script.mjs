#!/usr/bin/env node
// Trunk post-build hook (Trunk.toml). Trunk 0.21 starts the wasm with an inline
// `<script type="module">` and preloads the site's wasm; this replaces both with one
// content-hashed boot script of our own, so that:
// - the page runs under a Content-Security-Policy without 'unsafe-inline' (deploy/README.md);
// - the address picks the app: the partner embed's own small binary (`partner-embed`, which
//   Trunk builds as a `data-type="worker"` asset: files only, no script tag) under /embed/, the
//   site's elsewhere, so neither downloads the other's code. The embed's files get content
//   hashes here, in the same `-<16 hex>` shape as Trunk's, so servers cache them the same way;
// - in a release build the scripts every reader downloads are minified (Trunk 0.21 leaves
//   wasm-bindgen's glue as written; theme.js and embed.js are copied as they are), and each
//   app's wasm and glue share short names (scripts/slim-bindings.mjs), wasm-opt run again;
// - nothing is preloaded, and a partner's embed gets a page of its own, `embed.html`: the same
//   page without the site's style sheet (main-<hash>.css), which servers answer /embed/ with.
// It fails the build when the page does not have the shape this expects, rather than ship a
// page the policy would block.
//
// Trunk runs it with TRUNK_STAGING_DIR (the build's output before it becomes dist/) and
// TRUNK_PUBLIC_URL. By hand: TRUNK_STAGING_DIR=dist node scripts/external-boot-script.mjs

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { minify } from 'terser';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { slimBindings } from './slim-bindings.mjs';

function fail(message) {
  console.error(`external-boot-script: ${message}`);
  process.exit(1);
}

const stagingDir = process.env.TRUNK_STAGING_DIR;
if (!stagingDir) fail('TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook');
const publicUrl = process.env.TRUNK_PUBLIC_URL || '/';
const htmlPath = path.join(stagingDir, 'index.html');

let html;
try {
  html = await readFile(htmlPath, 'utf8');
} catch (error) {
  fail(`cannot read ${htmlPath}: ${error.message}`);
}

// Every script element without a src, whatever its attributes.
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc\s*=)([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const inline = [...html.matchAll(INLINE_SCRIPT)];

const boots = inline.filter(([, attributes]) => /\btype\s*=\s*["']?module\b/i.test(attributes));
// Only `trunk serve` injects its live-reload script, and the development server sends no CSP.
const isLiveReload = ([, , body]) => body.includes('.well-known/trunk/ws');
const others = inline.filter((match) => !boots.includes(match) && !isLiveReload(match));

if (boots.length !== 1) {
  fail(`expected exactly one inline <script type="module"> in ${htmlPath}, found ${boots.length}`);
}
if (others.length > 0) {
  fail(`inline scripts other than Trunk's start-up would be blocked by the CSP:\n${others.map(([element]) => element.slice(0, 200)).join('\n')}`);
}
const [element, attributes, body] = boots[0];
// Minified (release) or not, the quotes may be there or not.
if (attributes.trim().replace(/\s+/g, ' ').replace(/["']/g, '') !== 'type=module') {
  fail(`the start-up script has attributes this hook does not know how to carry over: <script${attributes}>`);
}
if (!/\bimport init\b/.test(body) || !/\bawait (init|__trunkInitializer)\(/.test(body)) {
  fail(`the inline module does not look like Trunk's start-up script:\n${body}`);
}

// The rest of the page must be free of inline styles too: the policy allows none.
const withoutScripts = html.replace(INLINE_SCRIPT, '');
if (/<style\b/i.test(withoutScripts) || /\sstyle\s*=/i.test(withoutScripts)) {
  fail(`${htmlPath} has an inline style (a <style> element or a style attribute), which the CSP blocks`);
}

// Trunk's start-up names the site's glue and wasm: `import init, ... from '/broadsheet-<hash>.js'`
// and `module_or_path: '/broadsheet-<hash>_bg.wasm'`.
const siteGlue = /from\s+'([^']+\.js)'/.exec(body)?.[1];
const siteWasm = /module_or_path:\s*'([^']+_bg\.wasm)'/.exec(body)?.[1];
if (!siteGlue || !siteWasm) fail(`cannot find the site's glue and wasm in Trunk's start-up script:\n${body}`);

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
const release = process.env.TRUNK_PROFILE === 'release';

/** A script minified in a release build (a module, or a classic script); as written otherwise. */
async function minified(bytes, module = true) {
  if (!release) return bytes;
  const { code } = await minify(bytes.toString('utf8'), { module, compress: { passes: 2 } });
  return Buffer.from(code);
}

// The wasm-opt scripts/setup installs (binaryen, from package-lock.json), as Trunk uses it.
const WASM_OPT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin', 'wasm-opt');

/** A release build's app: the wasm and glue with short shared names, optimised and minified. */
async function finishApp(gluePath, wasmPath) {
  let glue = await readFile(gluePath);
  if (release) {
    let slim;
    try {
      slim = slimBindings(await readFile(wasmPath), glue.toString('utf8'));
    } catch (error) {
      fail(`${wasmPath}: ${error.message}`);
    }
    await writeFile(wasmPath, slim.wasm);
    // Trunk ran wasm-opt before this hook; again, it removes what only the dropped exports reached.
    // --low-memory-unused: Rust puts the stack first in memory, growing down towards address 0,
    // so the lowest 1 KiB is touched only by a stack about to overflow, never by a pointer the
    // code computes; wasm-opt may then fold address arithmetic into load and store offsets
    // (measured: -1.2 KB gzip on the site's wasm). --flatten --rereloop rebuilds each
    // function's control flow from scratch before two -Oz rounds shrink it again: -699 B gzip
    // on the site's wasm and -595 B on the embed's, for about 8 s of build (-Oz twice alone
    // saves 53 B).
    execFileSync(WASM_OPT, ['--flatten', '--rereloop', '-Oz', '-Oz', '--low-memory-unused', wasmPath, '-o', wasmPath], {
      stdio: 'inherit',
    });
    glue = Buffer.from(slim.glue);
  }
  return minified(glue);
}

const siteGluePath = path.join(stagingDir, siteGlue.slice(publicUrl.length));
await writeFile(siteGluePath, await finishApp(siteGluePath, path.join(stagingDir, siteWasm.slice(publicUrl.length))));
// Our own scripts that every page, or a partner's, loads as they are.
for (const script of ['theme.js', 'embed.js', 'offline.js']) {
  const file = path.join(stagingDir, script);
  await writeFile(file, await minified(await readFile(file), false));
}
const EMBED_BIN = 'partner-embed';
const embedGluePath = path.join(stagingDir, `${EMBED_BIN}.js`);
const embedWasmPath = path.join(stagingDir, `${EMBED_BIN}_bg.wasm`);
let embedGlue;
try {
  embedGlue = await finishApp(embedGluePath, embedWasmPath);
} catch (error) {
  fail(`the embed's app cannot be read (index.html must build the ${EMBED_BIN} binary): ${error.message}`);
}
const embedFiles = {};
for (const [suffix, key] of [['.js', 'glue'], ['_bg.wasm', 'wasm']]) {
  const from = path.join(stagingDir, `${EMBED_BIN}${suffix}`);
  const bytes = key === 'glue' ? embedGlue : await readFile(from);
  const name = `embed-${hash(bytes)}${suffix}`;
  await writeFile(path.join(stagingDir, name), bytes);
  await unlink(from);
  embedFiles[key] = `${publicUrl}${name}`;
}

const PRELOAD = /<link\b(?=[^>]*\brel="(?:preload|modulepreload)")[^>]*>\s*/gi;
html = html.replace(PRELOAD, '');

const source = `// Starts the app the address needs: a partner's embed, or the site. A page pre-rendered with
// its document (#page-data) is readable already: its app waits until the page has loaded and
// the browser is idle, so that it never competes with the page for the network or the CPU.
const [glue, wasm] = location.pathname.startsWith('/embed/')
  ? [${JSON.stringify(embedFiles.glue)}, ${JSON.stringify(embedFiles.wasm)}]
  : [${JSON.stringify(siteGlue)}, ${JSON.stringify(siteWasm)}];
const start = async () => {
  const { default: init } = await import(glue);
  await init({ module_or_path: wasm });
  dispatchEvent(new CustomEvent('TrunkApplicationStarted'));
};
const whenIdle = () =>
  self.requestIdleCallback ? requestIdleCallback(start, { timeout: 2000 }) : setTimeout(start, 200);
if (!document.getElementById('page-data')) start();
else if (document.readyState === 'complete') whenIdle();
else addEventListener('load', whenIdle, { once: true });
`;
const boot = await minified(Buffer.from(source));
// The same `-<16 hex>` shape as Trunk's own hashed files, so servers cache it the same way.
const name = `boot-${hash(boot)}.js`;
const integrity = `sha384-${createHash('sha384').update(boot).digest('base64')}`;
await writeFile(path.join(stagingDir, name), boot);
html = html.replace(element, `<script type="module" src="${publicUrl}${name}" integrity="${integrity}"></script>`);
await writeFile(htmlPath, html);

// The service worker (public/sw.js) precaches this deploy's files: the site's hashed files (not
// the embed's, which never runs under it) and the shell files it names. Its version, the cache's
// name, comes from their contents, so a deploy that changes any of them installs afresh.
const WORKER = path.join(stagingDir, 'sw.js');
const BUILD_LINE = "const BUILD = { version: 'dev', files: [] };";
// Trunk's hash is up to 16 hex digits (it drops the number's leading zeros); ours are 16.
const HASHED_FILE = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css|svg)$/;
const siteFiles = (await readdir(stagingDir))
  .filter((file) => HASHED_FILE.test(file) && !file.startsWith('embed-'))
  .sort()
  .map((file) => `${publicUrl}${file}`);
let worker = (await readFile(WORKER)).toString('utf8');
if (!worker.includes(BUILD_LINE)) fail(`${WORKER} has no line \`${BUILD_LINE}\` for this deploy's files`);
const versionOf = createHash('sha256').update(siteFiles.join('\n'));
for (const file of ['theme.js', 'offline.js', 'manifest.json']) versionOf.update(await readFile(path.join(stagingDir, file)));
versionOf.update(worker);
const build = { version: versionOf.digest('hex').slice(0, 16), files: siteFiles };
worker = worker.replace(BUILD_LINE, `const BUILD = ${JSON.stringify(build)};`);
await writeFile(WORKER, await minified(Buffer.from(worker), false));

const SITE_STYLES = /<link\b(?=[^>]*\brel="?stylesheet)(?=[^>]*\bhref="?[^"\s>]*\/main-[0-9a-f]{1,16}\.css)[^>]*>\s*/gi;
const withoutSiteStyles = html.replace(SITE_STYLES, '');
if (withoutSiteStyles === html) fail(`cannot find the site's style sheet (main-<hash>.css) in ${htmlPath}`);
// A partner's embed is not installable and registers no worker: its page has none of the site's
// parts for that (index.html's block "Installable and read offline"), which cost it bytes too.
const OFFLINE_PARTS = [
  /<!--\s*Installable and read offline[\s\S]*?-->\s*/i,
  /<link\b[^>]*\brel="?manifest"?[^>]*>\s*/i,
  /<link\b[^>]*\brel="?apple-touch-icon"?[^>]*>\s*/i,
  /<meta\b[^>]*\bname="?theme-color"?[^>]*\bmedia="?\(prefers-color-scheme: ?light\)"?[^>]*>\s*/i,
  /<meta\b[^>]*\bname="?theme-color"?[^>]*\bmedia="?\(prefers-color-scheme: ?dark\)"?[^>]*>\s*/i,
  /<script\b[^>]*\bsrc="?\/offline\.js"?[^>]*>\s*<\/script>\s*/i,
];
let embedPage = withoutSiteStyles;
for (const part of OFFLINE_PARTS) {
  if (!part.test(embedPage)) fail(`${htmlPath} has no ${part}, which embed.html leaves out: check both`);
  embedPage = embedPage.replace(part, '');
}
await writeFile(path.join(stagingDir, 'embed.html'), embedPage);
console.log(`external-boot-script: the start-up is ${name}; the embed's app is ${embedFiles.wasm}`);
