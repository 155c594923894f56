// End-to-end checks of mixed-direction text as Chromium lays it out: an English time inside an
// Arabic card, and the English byline inside an Arabic article, read in their own order.
// Run: node --test tests/e2e/bidi.test.mjs

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appStarted, expectText, openSuite, readSiteJson } from './harness.mjs';

let suite;
let rtlItem;

before(async () => {
  const feed = await readSiteJson('api/feed.json');
  rtlItem = feed.items.find((item) => item.language === 'ar');
  assert.ok(rtlItem, 'the sample feed has an Arabic story');
  suite = await openSuite();
});

after(() => suite?.close());

/**
 * Where on screen (left edges, in CSS px) the first occurrence of each of `words` inside the
 * element `selector` is drawn: the order a reader's eye meets them.
 */
function leftEdges(page, selector, words) {
  return page.locator(selector).first().evaluate((element, words) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node);
    return words.map((word) => {
      const node = texts.find((text) => text.data.includes(word));
      if (!node) return null;
      const range = document.createRange();
      const start = node.data.indexOf(word);
      range.setStart(node, start);
      range.setEnd(node, start + word.length);
      return range.getBoundingClientRect().left;
    });
  }, words);
}

describe('Mixed directions', () => {
  it('an English time in an Arabic card reads "11:00 AM", not "AM 11:00"', () =>
    suite.withPage(async (page) => {
      await page.goto('/');
      await appStarted(page);
      const time = `.feed-item[dir="rtl"]:has(a[href="/news/${rtlItem.id}"]) time`;
      // The app writes the time in the reader's locale (en-US here) once it runs.
      await expectText(page.locator(time), '11:00 AM');
      const [hour, meridiem] = await leftEdges(page, time, ['11:00', 'AM']);
      assert.ok(hour < meridiem, `"11:00" (at ${hour}px) comes before "AM" (at ${meridiem}px)`);
    }));

  it('the English byline of an Arabic article reads left to right', () =>
    suite.withPage(async (page) => {
      await page.goto(`/news/${encodeURIComponent(rtlItem.id)}`);
      await appStarted(page);
      assert.equal(await page.locator('main article').getAttribute('dir'), 'rtl');
      const line = '.byline__dates > span:first-child';
      await page.locator(line).filter({ hasText: 'AM' }).waitFor();
      const [label, time] = await leftEdges(page, line, ['Published', 'AM']);
      assert.ok(label < time, `"Published" (at ${label}px) comes before the time (at ${time}px)`);
      const reading = '.byline__reading-time';
      const count = (await page.locator(reading).innerText()).trim().split(/\s+/)[0];
      const [number, unit] = await leftEdges(page, reading, [count, 'min']);
      assert.ok(number < unit, `"${count}" (at ${number}px) comes before "min" (at ${unit}px)`);
    }));
});
