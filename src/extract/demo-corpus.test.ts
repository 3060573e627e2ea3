// Our own ground truth: the demo corpus (demo/articles, written for newsgraph) against demo/manifest.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractPipeline } from '../index.js';
import { readInputFile } from '../ingest/read.js';

const demo = fileURLToPath(new URL('../../demo/', import.meta.url));
interface Entry {
  file: string;
  title: string;
  published: string;
  publishedTime: string | null;
  publishedInFile: boolean;
  bylines: string[];
  datelines: string[];
}
const manifest = JSON.parse(readFileSync(`${demo}manifest.json`, 'utf8')) as { articles: Entry[] };

for (const e of manifest.articles) {
  test(`demo ${e.file}: title, published, bylines, datelines, a clean body`, async () => {
    const { warnings: _w, ...input } = await readInputFile(demo + e.file);
    const doc = extractPipeline().run(input);
    const a = doc.article;
    assert.equal(a.title, e.title);
    if (e.publishedInFile) assert.equal(a.published, e.publishedTime ?? e.published);
    else assert.equal(a.published, null, 'no date is invented');
    assert.deepEqual(a.bylines, e.bylines);
    assert.deepEqual(a.datelines, e.datelines);
    assert.ok(a.paragraphs.length >= 5, `only ${a.paragraphs.length} paragraphs`);
    for (const bad of ['Load Next Story', 'Read more', 'Subscribe', 'cookies', 'Share on']) {
      assert.ok(!a.text.includes(bad), `"${bad}" left in the text`);
    }
  });
}
