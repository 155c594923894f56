// What one feed embed costs a partner's page, from Chromium's own network log: every response
// the page and its iframe receive from the Broadsheet origin, by file, with the bytes on the
// wire (as served: compressed when the server compresses) and the body's size once gzipped
// (what a compressing host would send).
//
//   node bench/embed-bytes.mjs [--base http://127.0.0.1:8080] [--limit 5]
//
// Without --base (or BROADSHEET_BASE_URL) it serves dist/ (or BROADSHEET_DIST) with the
// end-to-end tests' static server, which does not compress; under nginx, as deployed, the wire
// column is the compressed transfer: `scripts/nginx-e2e dist -- node bench/embed-bytes.mjs`.

import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { launchBrowser, startServer } from '../tests/e2e/harness.mjs';

const { values } = parseArgs({
  options: { base: { type: 'string' }, limit: { type: 'string', default: '5' } },
});

const base = values.base ?? process.env.BROADSHEET_BASE_URL;
const broadsheet = base ? { url: base.replace(/\/$/, ''), close: async () => {} } : await startServer();
const partnerPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title></head>
<body><main><h1>Partner</h1>
<div data-broadsheet-embed="feed" data-limit="${Number(values.limit)}"></div></main>
<script src="${broadsheet.url}/embed.js" async></script></body></html>`;
const partner = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(partnerPage));
await new Promise((resolve) => partner.listen(0, '127.0.0.1', resolve));

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  const responses = new Map();
  // Playwright reports the iframe's responses on its page too, though the iframe is another
  // origin (and so, in Chromium, another process).
  page.on('response', async (response) => {
    const url = new URL(response.url());
    if (url.origin !== broadsheet.url) return;
    const sizes = await response.request().sizes().catch(() => null);
    const body = await response.body().catch(() => Buffer.alloc(0));
    responses.set(response.url(), {
      file: url.pathname + url.search,
      type: response.request().resourceType(),
      wire: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : body.length,
      body: body.length,
      gzip: gzipSync(body, { level: 9 }).length,
    });
  });
  await page.goto(`http://127.0.0.1:${partner.address().port}/`);
  const frame = await page.waitForSelector('iframe').then((h) => h.contentFrame());
  await frame.waitForSelector('.embed-feed__item', { timeout: 30_000 });
  await page.waitForLoadState('networkidle');

  const rows = [...responses.values()].sort((a, b) => b.body - a.body);
  const kind = (row) =>
    row.file.endsWith('.wasm') ? 'wasm' : row.file.endsWith('.json') ? 'JSON' : row.type === 'image' ? 'image' : row.type;
  console.log(`One feed embed (limit ${values.limit}) from ${broadsheet.url}, seen by a partner page:\n`);
  console.log('kind        wire B   body B   gzip B  file');
  const totals = {};
  for (const row of rows) {
    const k = kind(row);
    totals[k] ??= { wire: 0, body: 0, gzip: 0 };
    for (const f of ['wire', 'body', 'gzip']) totals[k][f] += row[f];
    console.log(`${k.padEnd(10)} ${String(row.wire).padStart(7)}  ${String(row.body).padStart(7)}  ${String(row.gzip).padStart(7)}  ${row.file}`);
  }
  console.log('\nby kind     wire B   body B   gzip B');
  const sum = { wire: 0, body: 0, gzip: 0 };
  for (const [k, t] of Object.entries(totals)) {
    for (const f of Object.keys(sum)) sum[f] += t[f];
    console.log(`${k.padEnd(10)} ${String(t.wire).padStart(7)}  ${String(t.body).padStart(7)}  ${String(t.gzip).padStart(7)}`);
  }
  console.log(`${'total'.padEnd(10)} ${String(sum.wire).padStart(7)}  ${String(sum.body).padStart(7)}  ${String(sum.gzip).padStart(7)}`);
} finally {
  await browser.close();
  partner.close();
  await broadsheet.close();
}
