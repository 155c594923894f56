// Validates the sample API in public/api/ against the project's JSON Schemas (schema/) and
// checks what a schema cannot: that the documents' links between each other and to images
// resolve to files that ship. Run: node --test tests/node/

import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PUBLIC_DIR = path.join(REPO_ROOT, 'public');
const SCHEMA_DIR = path.join(REPO_ROOT, 'schema');
const ARTICLES_DIR = path.join(PUBLIC_DIR, 'api', 'articles');

// public/ is the site root; the documents are resolved as the browser resolves them there.
// The .invalid TLD can never be a real host.
const SITE = 'https://broadsheet.invalid';
const FIRST_FEED_URL = `${SITE}/api/feed.json`;
const SEED_ID = 'eight-hour-us-russia-talks';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const isFile = (file) => existsSync(file) && statSync(file).isFile();
const jsonFilesIn = (dir, pattern = /\.json$/) =>
  existsSync(dir) ? readdirSync(dir).filter((name) => pattern.test(name)).sort() : [];

/** The file under public/ that serves `url`, or throws if the URL leaves the site. */
function fileForUrl(url) {
  assert.equal(url.origin, SITE, `${url.href} is on the site`);
  return path.join(PUBLIC_DIR, decodeURIComponent(url.pathname));
}

const articleFiles = jsonFilesIn(ARTICLES_DIR);
const feedFiles = jsonFilesIn(path.join(PUBLIC_DIR, 'api'), /^feed.*\.json$/);

let validators;
/**
 * Compiles the schemas on first use, inside a test, so a broken schema fails that test with
 * Ajv's message instead of stopping the whole file.
 */
function schemas() {
  if (validators) return validators;
  // allErrors: a failing sample lists every problem at once.
  const ajv = new Ajv2020({ allErrors: true });
  // Register every schema file, so one may $ref another by its $id or file name.
  for (const name of jsonFilesIn(SCHEMA_DIR)) ajv.addSchema(readJson(path.join(SCHEMA_DIR, name)), name);
  const compiled = (name) => {
    const validate = ajv.getSchema(name);
    assert.ok(validate, `schema/${name} exists`);
    return validate;
  };
  validators = { article: compiled('article.schema.json'), feed: compiled('feed.schema.json') };
  return validators;
}

/** Asserts that `validate` accepts `document`, listing the schema's complaints if not. */
function assertValid(validate, document, label) {
  if (!validate(document)) assert.fail(`${label}:\n${formatErrors(validate.errors)}`);
}

const formatErrors = (errors) =>
  errors.map((error) => `  ${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`).join('\n');

describe('schemas', () => {
  it('exist and compile', () => {
    schemas();
  });

  it('reject an article without a headline', () => {
    const { headline, ...headless } = readJson(path.join(ARTICLES_DIR, `${SEED_ID}.json`));
    assert.ok(headline, 'the seed article has a headline to remove');
    const { article: validate } = schemas();
    assert.equal(validate(headless), false);
    assert.ok(
      validate.errors.some((error) => error.params.missingProperty === 'headline'),
      `the schema names the missing headline:\n${formatErrors(validate.errors)}`,
    );
  });
});

describe('sample articles (public/api/articles/)', () => {
  it('include the seed article', () => {
    assert.ok(articleFiles.includes(`${SEED_ID}.json`), `${SEED_ID}.json exists`);
  });

  for (const name of articleFiles) {
    it(`${name} matches the article schema and its file name`, () => {
      const article = readJson(path.join(ARTICLES_DIR, name));
      assertValid(schemas().article, article, name);
      assert.equal(`${article.id}.json`, name, 'the file is named after the article id');
    });
  }
});

describe('sample feed (public/api/feed*.json)', () => {
  it('has a first page', () => {
    assert.ok(feedFiles.includes('feed.json'), 'public/api/feed.json exists');
  });

  for (const name of feedFiles) {
    it(`${name} matches the feed schema`, () => {
      assertValid(schemas().feed, readJson(path.join(PUBLIC_DIR, 'api', name)), name);
    });
  }

  it('chains its pages through next_url to a last page', () => {
    const visited = new Set();
    let pageUrl = new URL(FIRST_FEED_URL);
    for (;;) {
      assert.ok(!visited.has(pageUrl.href), `next_url loops back to ${pageUrl.href}`);
      visited.add(pageUrl.href);
      const file = fileForUrl(pageUrl);
      assert.ok(isFile(file), `${pageUrl.pathname} exists under public/`);
      const { next_url: next } = readJson(file);
      if (next === undefined || next === null) break;
      // next_url may be relative: it resolves against the page that holds it.
      pageUrl = new URL(next, pageUrl);
    }
  });

  for (const name of feedFiles) {
    it(`${name}: every _broadsheet.article is the article with the item's id`, () => {
      const pageUrl = new URL(`/api/${name}`, SITE);
      for (const item of readJson(path.join(PUBLIC_DIR, 'api', name)).items) {
        const reference = item._broadsheet?.article;
        // An item without one is shown from the feed itself (DESIGN.md): nothing to resolve.
        if (reference === undefined) continue;
        const file = fileForUrl(new URL(reference, pageUrl));
        assert.ok(isFile(file), `item ${item.id}: ${reference} exists under public/`);
        assert.equal(readJson(file).id, item.id, `item ${item.id}: ${reference} holds that article`);
      }
    });
  }
});

/** Every image an article references: its hero and image blocks, with their srcset. */
function articleImageUrls(value) {
  if (Array.isArray(value)) return value.flatMap(articleImageUrls);
  if (value === null || typeof value !== 'object') return [];
  const own = typeof value.src === 'string' ? [value.src, ...(value.srcset ?? []).map((source) => source.url)] : [];
  return [...own, ...Object.values(value).flatMap(articleImageUrls)];
}

/** Every image a JSON Feed page references (feed icons, item images, author avatars). */
function feedImageUrls(feed) {
  const avatars = (authors) => (authors ?? []).map((author) => author.avatar);
  return [
    feed.icon,
    feed.favicon,
    ...avatars(feed.authors),
    ...feed.items.flatMap((item) => [item.image, item.banner_image, ...avatars(item.authors)]),
  ].filter((url) => url !== undefined);
}

describe('sample images', () => {
  const references = [
    ...articleFiles.flatMap((name) =>
      articleImageUrls(readJson(path.join(ARTICLES_DIR, name))).map((url) => ({ url, from: `articles/${name}` })),
    ),
    ...feedFiles.flatMap((name) =>
      feedImageUrls(readJson(path.join(PUBLIC_DIR, 'api', name))).map((url) => ({ url, from: name })),
    ),
  ];

  it('are referenced by the sample documents', () => {
    assert.ok(references.length > 0, 'the sample data references images');
  });

  it('are all root-relative and ship under public/', () => {
    for (const { url, from } of references) {
      // Root-relative keeps the sample self-contained: nothing is loaded from a third party.
      assert.match(url, /^\/(?!\/)/, `${from}: ${url} is root-relative`);
      assert.ok(isFile(fileForUrl(new URL(url, SITE))), `${from}: ${url} exists under public/`);
    }
  });
});
