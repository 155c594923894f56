#!/usr/bin/env node
// Trunk post-build hook (Trunk.toml): moves the inline `<script type="module">` that Trunk 0.21
// writes into index.html to start the wasm into a content-hashed file, so the page runs under a
// Content-Security-Policy without 'unsafe-inline' (deploy/README.md). Fails the build when the
// page does not have the shape this expects, rather than shipping a page the policy would block.
// It also drops the `integrity` of the wasm's `preload` link: Chromium ignores integrity on
// fetch preloads and warns on every page load, and the end-to-end suite fails on warnings.
//
// Trunk runs it with TRUNK_STAGING_DIR (the build's output before it becomes dist/) and
// TRUNK_PUBLIC_URL. By hand: TRUNK_STAGING_DIR=dist node scripts/external-boot-script.mjs

import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
if (attributes.trim().replace(/\s+/g, ' ') !== 'type="module"') {
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

// `<link rel="preload" ... as="fetch" ... integrity="...">`, the wasm that init() fetches.
const FETCH_PRELOAD = /<link\b(?=[^>]*\brel="preload")(?=[^>]*\bas="fetch")[^>]*>/gi;
const preloads = html.match(FETCH_PRELOAD) ?? [];
if (preloads.length !== 1 || !/\sintegrity="[^"]*"/.test(preloads[0])) {
  fail(`expected one <link rel="preload" as="fetch" integrity=...> (the wasm), found: ${preloads.join('\n') || 'none'}`);
}
html = html.replace(preloads[0], preloads[0].replace(/\sintegrity="[^"]*"/, ''));

const source = `${body.trim()}\n`;
// The same `-<16 hex>` shape as Trunk's own hashed files, so servers cache it the same way.
const name = `boot-${createHash('sha256').update(source).digest('hex').slice(0, 16)}.js`;
const integrity = `sha384-${createHash('sha384').update(source).digest('base64')}`;
await writeFile(path.join(stagingDir, name), source);
await writeFile(
  htmlPath,
  html.replace(element, `<script type="module" src="${publicUrl}${name}" integrity="${integrity}"></script>`),
);
console.log(`external-boot-script: moved the start-up module to ${name}`);
