// What All News's pictures cost a reader, from Chromium's network log: every image the page
// downloads once the reader has scrolled through it (the cards' thumbnails load lazily), with
// the bytes on the wire and each picture's width, at a desktop and a phone width, at 1x.
// Not a test: it prints figures.
//
//   node bench/feed-image-bytes.mjs [--base http://127.0.0.1:8080] [--pages 2]
//
// Without --base (or BROADSHEET_BASE_URL) it serves dist/ (or BROADSHEET_DIST) with the
// end-to-end tests' static server; under nginx, as deployed:
// `scripts/nginx-e2e dist -- node bench/feed-image-bytes.mjs`. --pages loads that many feed
// pages (Load more pressed until then).

import { parseArgs } from 'node:util';
import { launchBrowser, startServer } from '../tests/e2e/harness.mjs';

const { values } = parseArgs({
  options: { base: { type: 'string' }, pages: { type: 'string', default: '2' } },
});

const base = values.base ?? process.env.BROADSHEET_BASE_URL;
const site = base ? { url: base.replace(/\/$/, ''), close: async () => {} } : await startServer();
const browser = await launchBrowser();
try {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 800 }]) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, serviceWorkers: 'block' });
    const page = await context.newPage();
    const images = new Map();
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'image') return;
      const sizes = await response.request().sizes().catch(() => null);
      const body = await response.body().catch(() => Buffer.alloc(0));
      images.set(response.url(), {
        file: new URL(response.url()).pathname,
        wire: sizes ? sizes.responseBodySize + sizes.responseHeadersSize : body.length,
        body: body.length,
      });
    });
    await page.goto(`${site.url}/`);
    await page.waitForSelector('main .feed-item');
    for (let shown = 1; shown < Number(values.pages); shown += 1) {
      const more = page.getByRole('button', { name: 'Load more' });
      if (!(await more.isVisible().catch(() => false))) break;
      const before = await page.locator('main .feed-item').count();
      await more.click();
      await page.waitForFunction((n) => document.querySelectorAll('main .feed-item').length > n, before);
    }
    // Every lazy thumbnail comes into view once.
    for (const card of await page.locator('main .feed-item').all()) await card.scrollIntoViewIfNeeded();
    await page.waitForLoadState('networkidle');
    const cards = await page.locator('main .feed-item').count();
    const rows = [...images.values()].sort((a, b) => b.body - a.body);
    console.log(`\nAll News at ${viewport.width} px, 1x, ${cards} cards, from ${site.url}:`);
    console.log('  wire B   body B  file');
    for (const row of rows) {
      console.log(`${String(row.wire).padStart(7)}  ${String(row.body).padStart(7)}  ${row.file}`);
    }
    const sum = (f) => rows.reduce((total, row) => total + row[f], 0);
    console.log(`${String(sum('wire')).padStart(7)}  ${String(sum('body')).padStart(7)}  total, ${rows.length} images`);
    await context.close();
  }
} finally {
  await browser.close();
  await site.close();
}
