// The offline copy of the report (issue 17): the ZIP the build writes beside the site, unpacked into
// a folder of its own and opened from disk (file://), as a reader with no connection would. From its
// landing page, every link, stylesheet and image of both languages must lead to a file of the copy,
// every page must be reached, and the PDF of each language must be there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { followFromDisk, launchChromium, siteDir, unzip, walk } from '../lib/site.mjs';

test('the offline copy, unpacked and opened from disk, leads to every page of both languages', async () => {
  const zips = readdirSync(siteDir).filter((f) => f.endsWith('.zip'));
  assert.equal(zips.length, 1, `one offline copy beside the site, found: ${zips}`);
  const dir = mkdtempSync(join(tmpdir(), 'abierto-offline-'));
  const browser = await launchChromium();
  try {
    const names = unzip(join(siteDir, zips[0]), dir);
    const folders = new Set(names.map((n) => n.split('/')[0]));
    assert.equal(folders.size, 1, `every entry under one folder: ${[...folders]}`);
    const root = join(dir, [...folders][0]);
    assert.ok(existsSync(join(root, 'index.html')), 'the copy opens at index.html');

    const { reached, problems } = await followFromDisk(browser, root);
    assert.deepEqual(problems, []);
    const every = walk(root).filter((f) => f.endsWith('.html') && !f.endsWith('404.html'));
    const unreached = every.filter((f) => !reached.has(pathToFileURL(join(root, f)).href));
    assert.deepEqual(unreached, [], 'pages of the copy no link leads to from its landing page');
    for (const language of ['es', 'en']) {
      assert.ok(every.filter((f) => f.startsWith(`${language}/`)).length >= 10, `too few ${language} pages in the copy`);
      assert.equal(walk(join(root, language)).filter((f) => f.endsWith('.pdf')).length, 1, `the ${language} PDF in the copy`);
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
