#!/usr/bin/env node
// Writes screenshots of the seed article for a person to look at: light and dark, 375 and
// 1280 px wide, full page, to test-results/screenshots/ (or the directory given). Not a test:
// it compares nothing. A pixel comparison against committed pictures was weighed and left out:
// the page is set in the system's fonts (style/base.css), so the pixels change with the fonts
// installed and with each Chromium update, and a tolerance loose enough for those would let
// real regressions through. Layout is checked by the tests instead (reflow and overflow in
// a11y.test.mjs, no layout shift in prerender.test.mjs).
//
// Usage: node scripts/screenshots.mjs [out-dir]   (a release build in dist/, or BROADSHEET_DIST;
// BROADSHEET_BASE_URL to shoot a running server, e.g. under scripts/nginx-e2e)

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSuite, readSiteJson } from '../tests/e2e/harness.mjs';

const SEED_ID = 'eight-hour-us-russia-talks';
const outDir = path.resolve(process.argv[2] ?? fileURLToPath(new URL('../test-results/screenshots/', import.meta.url)));

const seed = await readSiteJson(`api/articles/${encodeURIComponent(SEED_ID)}.json`);
const suite = await openSuite();
try {
  await mkdir(outDir, { recursive: true });
  await suite.withPage(async (page) => {
    await page.goto(`/news/${encodeURIComponent(SEED_ID)}`);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-app'));
    await page.getByRole('heading', { level: 1, name: seed.headline }).waitFor();
    for (const colorScheme of ['light', 'dark']) {
      for (const width of [375, 1280]) {
        await page.emulateMedia({ colorScheme });
        await page.setViewportSize({ width, height: 800 });
        // At another width the hero's srcset may pick another file: wait for it to load.
        await page.waitForFunction(() => {
          const hero = document.querySelector('main article figure.figure--hero img');
          return hero && hero.complete && hero.naturalWidth > 0;
        });
        const file = path.join(outDir, `article-${colorScheme}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      }
    }
  });
} finally {
  await suite.close();
}
