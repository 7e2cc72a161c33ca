// The report opened from disk, as the README's Quick start says: file://…/site/target/site/index.html.
// A build without its public address (baseUrl: /) names index.html in every link to a folder, because
// a browser shows a folder of the disk as a listing, not as its page. Starting from the landing page
// and following every link, stylesheet and image, each must lead to a file that exists, never to a
// folder or off the disk, and every page of both languages must be reached.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { followFromDisk, launchChromium, pages, siteDir } from '../lib/site.mjs';

test('opened from disk, every link of both languages leads to a page or a file', async () => {
  const browser = await launchChromium();
  try {
    const { reached, problems } = await followFromDisk(browser, siteDir);
    assert.deepEqual(problems, []);
    const every = pages().map((p) => p.file).filter((f) => !f.endsWith('404.html'));
    const unreached = every.filter((f) => !reached.has(pathToFileURL(join(siteDir, f)).href));
    assert.deepEqual(unreached, [], 'pages no link leads to from the landing page');
    for (const language of ['es', 'en']) {
      assert.ok(every.filter((f) => f.startsWith(`${language}/`)).length >= 10, `too few ${language} pages`);
    }
  } finally {
    await browser.close();
  }
});
