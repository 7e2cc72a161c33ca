// The report opened from disk, as the README's Quick start says: file://…/site/target/site/index.html.
// A build without its public address (baseUrl: /) names index.html in every link to a folder, because
// a browser shows a folder of the disk as a listing, not as its page. Starting from the landing page
// and following every link, stylesheet and image, each must lead to a file that exists, never to a
// folder or off the disk, and every page of both languages must be reached.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium, pages, siteDir } from '../lib/site.mjs';

test('opened from disk, every link of both languages leads to a page or a file', async () => {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const start = pathToFileURL(join(siteDir, 'index.html')).href;
    const queue = [start];
    const reached = new Set([start]);
    const problems = [];
    while (queue.length > 0) {
      const url = queue.shift();
      const from = relative(siteDir, fileURLToPath(url));
      await page.goto(url, { waitUntil: 'load' });
      const targets = await page.$$eval('a[href], link[href], img[src], source[srcset]', (elements) =>
        elements.map((e) => [e.tagName.toLowerCase(), e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('srcset')]));
      for (const [tag, written] of targets) {
        if (/^(https?|mailto|tel):/i.test(written) || written.startsWith('#')) {
          continue; // another host, or a place on this page
        }
        const target = new URL(written.split(/\s/)[0], url);
        target.hash = '';
        if (target.protocol !== 'file:' || !fileURLToPath(target).startsWith(siteDir)) {
          problems.push(`${from}: <${tag}> ${written} leaves the site's folder (${target.href})`);
          continue;
        }
        const file = fileURLToPath(target);
        if (!existsSync(file)) {
          problems.push(`${from}: <${tag}> ${written} names ${relative(siteDir, file)}, which does not exist`);
        } else if (statSync(file).isDirectory()) {
          problems.push(`${from}: <${tag}> ${written} names the folder ${relative(siteDir, file) || '.'}/, which a browser shows as a listing`);
        } else if (tag === 'a' && file.endsWith('.html') && !reached.has(target.href)) {
          reached.add(target.href);
          queue.push(target.href);
        }
      }
    }
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
