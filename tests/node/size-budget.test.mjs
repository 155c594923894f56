// scripts/size-budget.mjs against fake builds: the budget must fail a build that is too big or
// incomplete, and pass one within budget. It runs with the real size-budget.json, so these
// tests also prove that the budgets in the repository bite.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('../../scripts/size-budget.mjs', import.meta.url));
const BUDGETS = JSON.parse(readFileSync(new URL('../../size-budget.json', import.meta.url), 'utf8')).budgets;
const HASH = '0123456789abcdef';
const temporary = [];
after(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * A fake dist/ shaped like a pre-rendered release build. `siteWasm` and `embedWasm` are the byte
 * counts of the two wasm files: random bytes, which gzip cannot shrink, so the count is what counts.
 * `siteHash` names the site's app files, as Trunk hashes them.
 */
function fakeDist({ siteWasm = 1000, embedWasm = 1000, embed = true, siteHash = HASH } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-budget-'));
  temporary.push(dir);
  const shell = `<!doctype html><html><head><script src="/theme.js"></script>
    <link rel="stylesheet" href="/base-${HASH}.css"><script type="module" src="/boot-${HASH}.js"></script>
    <link rel="icon" href="/favicon-${HASH}.svg"></head><body></body></html>`;
  const files = {
    'index.html': shell.replace('<script type', `<link rel="stylesheet" href="/main-${HASH}.css"><script type`),
    'embed.html': shell,
    'theme.js': 'document.documentElement.dataset.theme = "light";',
    [`base-${HASH}.css`]: 'body { margin: 0 }',
    [`main-${HASH}.css`]: 'main { margin: 0 }',
    [`boot-${HASH}.js`]: 'import init from "/broadsheet.js"; init();',
    [`broadsheet-${siteHash}.js`]: 'export default function init() {}',
    [`broadsheet-${siteHash}_bg.wasm`]: randomBytes(siteWasm),
    'embed.js': '(function () {})();',
    'api/feed.json': '{"version":"https://jsonfeed.org/version/1.1","items":[]}',
  };
  if (embed) {
    files[`embed-${HASH}.js`] = 'export default function init() {}';
    files[`embed-${HASH}_bg.wasm`] = randomBytes(embedWasm);
  }
  mkdirSync(path.join(dir, 'api'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

function run(dir) {
  const result = spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('scripts/size-budget.mjs', () => {
  it('passes a build within every budget, and lists what it counted', () => {
    const { status, stdout, stderr } = run(fakeDist());
    assert.equal(status, 0, stderr);
    for (const file of ['embed.html', 'theme.js', `boot-${HASH}.js`, `base-${HASH}.css`, `embed-${HASH}_bg.wasm`, 'api/feed.json', 'embed.js']) {
      assert.match(stdout, new RegExp(`^  ${file.replaceAll('.', '\\.')} `, 'm'), `the embed page counts ${file}`);
    }
    assert.doesNotMatch(stdout, /favicon/, 'images are aside');
    assert.doesNotMatch(stdout, /main-/, "the site's style sheet is not the embed's");
  });

  // Trunk writes its hash as a number, without leading zeros: one build in sixteen has 15 digits.
  it("counts the site's app when Trunk's hash is shorter than 16 digits", () => {
    const siteHash = '123456789abcdef';
    const { status, stdout, stderr } = run(fakeDist({ siteHash }));
    assert.equal(status, 0, stderr);
    assert.match(stdout, new RegExp(`^  broadsheet-${siteHash}_bg\\.wasm `, 'm'));
  });

  it('fails a deliberately oversized site app, naming it', () => {
    const { status, stdout, stderr } = run(fakeDist({ siteWasm: BUDGETS['site app'].bytes + 1 }));
    assert.notEqual(status, 0, stdout);
    assert.match(stderr, /size-budget: site app is over budget/);
    assert.doesNotMatch(stderr, /partner embed page is over/);
  });

  it('fails a deliberately oversized embed, naming it', () => {
    const { status, stdout, stderr } = run(fakeDist({ embedWasm: BUDGETS['partner embed page'].bytes }));
    assert.notEqual(status, 0, stdout);
    assert.match(stderr, /size-budget: partner embed page is over budget/);
    assert.doesNotMatch(stderr, /site app is over/);
  });

  it('fails a build without the embed binary rather than passing it', () => {
    const { status, stdout, stderr } = run(fakeDist({ embed: false }));
    assert.notEqual(status, 0, stdout);
    assert.match(stderr, /size-budget: no embed-<hash>_bg\.wasm in /);
  });
});
