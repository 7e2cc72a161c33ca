// The search page of each language (issue 18), in Debian's headless Chromium under the strict CSP:
// queries typed in Spanish and in English (an accented word without its accent, a plural that finds
// the singular, a phrase in quotes, a row of a data table, a word found nowhere), the count announced
// in the live region, the keyboard path from the field to the results and on, axe-core with results on
// screen at both viewports and at 320 px, and, without JavaScript, the index of every page. The
// report's index is also served split into many files, as a large site's is, to see which files a
// query loads, pasted and typed slowly.
//
// No test waits for a fixed time: each waits for the live region to say the count for its query, and
// those that type slowly move the page's own clock (Playwright's clock) instead of waiting.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { launchChromium, pages, serve, siteDir } from '../lib/site.mjs';

/** How text becomes terms, per language: the table the build's Java (TermsTest) is held to as well. */
const STEMS = fileURLToPath(new URL('../../../generator/core/src/test/resources/org/abierto/search/stems.tsv', import.meta.url));

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Each language's search page and what its interface says (content/i18n/*.yaml, search.*). */
const LANGUAGES = {
  es: { path: '/es/buscar/', label: 'Buscar en el informe', none: /^Ningún resultado para «xyzzy»\. .*índice/, count: /^\d+ resultados? para «/ },
  en: { path: '/en/search/', label: 'Search the report', none: /^No results for “xyzzy”\. .*index/, count: /^\d+ results? for “/ },
};

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page in a fresh context; collects console errors (a CSP violation among them). */
async function open(path, { viewport = { width: 1280, height: 800 }, javaScriptEnabled = true } = {}) {
  const context = await browser.newContext({ viewport, javaScriptEnabled });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  const response = await page.goto(server.origin + path, { waitUntil: 'load' });
  assert.equal(response.status(), 200, `${path} answered ${response.status()}`);
  return { context, page, errors };
}

/**
 * Types a query into the field, as a reader does, and waits for the live region to announce the
 * answer to that very query. Returns what it said and each result: its address, title, section,
 * snippet and the highlighted words.
 */
async function search(page, query) {
  await page.fill('#search-query', '');
  await page.locator('#search-query').pressSequentially(query);
  const quoted = (text) => text.includes(`«${query}»`) || text.includes(`“${query}”`);
  await page.waitForFunction(([q]) => {
    const said = document.getElementById('search-status').textContent;
    return said.includes(`«${q}»`) || said.includes(`“${q}”`);
  }, [query]);
  const status = await page.textContent('#search-status');
  assert.ok(quoted(status), status);
  const results = await page.$$eval('#search-results > li', (items) => items.map((li) => ({
    href: li.querySelector('a').href,
    title: li.querySelector('a').textContent,
    section: li.querySelector('.search__section')?.textContent ?? '',
    snippet: li.querySelector('.search__snippet').textContent,
    marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
  })));
  return { status, results };
}

const paths = (results) => results.map((r) => new URL(r.href).pathname + new URL(r.href).hash);
const lower = (words) => words.map((w) => w.toLowerCase());

async function axeViolations(page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    resultTypes: ['violations'],
  }), AXE_TAGS);
  return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}: ${n.failureSummary}`));
}

describe('search in Spanish', () => {
  test('an accented word typed without its accent, and in capitals', async () => {
    const { context, page, errors } = await open(LANGUAGES.es.path);
    try {
      for (const query of ['diagnostico', 'DIAGNÓSTICO']) {
        const { status, results } = await search(page, query);
        assert.match(status, LANGUAGES.es.count);
        assert.equal(results[0].title, 'Diagnóstico', `${query}: the page titled so comes first`);
        assert.ok(results.every((r) => lower(r.marks).includes('diagnóstico')), `${query}: ${JSON.stringify(results)}`);
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('a plural finds the singular and the singular the plural (talleres ↔ taller)', async () => {
    const { context, page } = await open(LANGUAGES.es.path);
    try {
      const plural = await search(page, 'talleres');
      const singular = await search(page, 'taller');
      assert.ok(plural.results.length >= 3, plural.status);
      assert.deepEqual(paths(singular.results), paths(plural.results));
      assert.match(plural.results[0].title, /^Talleres/);
    } finally {
      await context.close();
    }
  });

  test('a phrase in quotes finds the row of the annex table, and the link leads to that row', async () => {
    const { context, page } = await open(LANGUAGES.es.path);
    try {
      const { results } = await search(page, '"carta compromiso"');
      const row = results.find((r) => r.href.endsWith('/es/anexo/index.html#formato-carta-compromiso')
        || r.href.endsWith('/es/anexo/#formato-carta-compromiso'));
      assert.ok(row, JSON.stringify(paths(results)));
      assert.match(row.snippet, /Formato carta compromiso/);
      assert.deepEqual(lower(row.marks), ['carta', 'compromiso']);
      // The words the other way round are not that phrase.
      const reversed = await search(page, '"compromiso carta"');
      assert.ok(!paths(reversed.results).some((p) => p.endsWith('#formato-carta-compromiso')), JSON.stringify(paths(reversed.results)));
      await page.goto(row.href);
      assert.equal(await page.$eval(':target', (el) => el.localName), 'tr');
    } finally {
      await context.close();
    }
  });

  test('an acronym written apart is found written together (INFONL ↔ INFO NL)', async () => {
    const { context, page } = await open(LANGUAGES.es.path);
    try {
      const together = await search(page, 'infonl');
      const apart = await search(page, 'INFO NL');
      assert.ok(together.results.length >= 3, together.status);
      assert.deepEqual(new Set(paths(apart.results)), new Set(paths(together.results)));
    } finally {
      await context.close();
    }
  });

  test('a word found nowhere says so, and what to try', async () => {
    const { context, page } = await open(LANGUAGES.es.path);
    try {
      const { status, results } = await search(page, 'xyzzy');
      assert.match(status, LANGUAGES.es.none);
      assert.deepEqual(results, []);
    } finally {
      await context.close();
    }
  });
});

/**
 * The report's Spanish index served as a large site's is: split into files of one term, one term's
 * positions and one page each (meta.js naming the first of each), so that what a query loads shows
 * which lookups it made.
 */
function splitIndex() {
  const read = (name) => {
    const text = readFileSync(join(siteDir, 'es', 'buscar', `${name}.js`), 'utf8');
    return JSON.parse(text.slice(text.indexOf(',') + 1, text.lastIndexOf(');')));
  };
  const meta = read('meta');
  assert.deepEqual([meta.terms.length, meta.positions.length, meta.texts.length], [1, 1, 1],
    'the report\'s index is one file of each kind');
  const terms = read('terms-0');
  const positions = read('positions-0');
  const texts = read('texts-0');
  assert.equal(positions.length, terms.length / 2, 'positions for each term');
  const files = new Map();
  const add = (name, data) => files.set(name, `abiertoSearch.add(${JSON.stringify(name)},${JSON.stringify(data)});\n`);
  for (let i = 0; i < terms.length; i += 2) add(`terms-${i / 2}`, [terms[i], terms[i + 1]]);
  positions.forEach((p, i) => add(`positions-${i}`, [p]));
  texts.forEach((entry, i) => add(`texts-${i}`, [entry]));
  const numbers = positions.map((_, i) => i);
  add('meta', { ...meta, terms: terms.filter((_, i) => i % 2 === 0), termNumbers: numbers, positions: numbers, texts: texts.map((_, i) => i) });
  return files;
}

describe('search in an index split into files, as a large site\'s', () => {
  const files = splitIndex();
  /** Opens the Spanish search page with the split index, and notes each index file it loads. */
  async function openSplit({ clock = false } = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const loaded = [];
    await page.route('**/es/buscar/*.js', (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop().replace(/\.js$/, '');
      loaded.push(name);
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: files.get(name) ?? '' });
    });
    // The page's clock flows while it loads, then stops: its timers and performance.now() move only
    // when told. (A clock merely installed also flows in real time, so a slow machine's delay between
    // two keys would add to the gap the page measures and let a prefix's timer fire.)
    const at = Date.parse('2026-01-01T08:00:00Z');
    if (clock) await page.clock.install({ time: at });
    await page.goto(server.origin + '/es/buscar/', { waitUntil: 'load' });
    await page.focus('#search-query');
    if (clock) await page.clock.pauseAt(at + 3600_000);
    return { context, page, loaded };
  }
  /** Types one key at a time, `gap` ms of the page's clock apart, then lets `after` ms pass. */
  async function typeSlowly(page, query, gap, after) {
    for (const key of query) {
      await page.keyboard.type(key);
      await page.clock.runFor(gap);
    }
    await page.clock.runFor(after);
    // The files load in real time, and the page's clock moves only timers: step it until the results
    // show (a loaded machine may take seconds of real time to serve them).
    for (const end = Date.now() + 30_000; Date.now() < end;) {
      if (await page.evaluate(() => document.querySelectorAll('#search-results > li').length > 0)) break;
      await page.clock.runFor(20);
      await new Promise((done) => { setTimeout(done, 10); });
    }
  }
  const titles = (page) => page.$$eval('#search-results > li a', (links) => links.map((a) => a.textContent));
  /** The whole query in one input event, as a paste brings it; waits for its count. */
  async function paste(page, query) {
    await page.fill('#search-query', query);
    await page.waitForFunction((q) => document.getElementById('search-status').textContent.includes(`«${q}»`), query);
    return titles(page);
  }

  test('a query pasted finds what it finds in one file, loading only its own terms and shown pages', async () => {
    const { context, page, loaded } = await openSplit();
    const results = await paste(page, 'talleres');
    assert.ok(results.includes('Talleres y capacitaciones'), results.join(' | '));
    const termsLoaded = loaded.filter((n) => n.startsWith('terms-'));
    assert.ok(termsLoaded.length >= 1 && termsLoaded.length <= 3, loaded.join(' '));
    assert.equal(loaded.filter((n) => n.startsWith('texts-')).length, results.length, loaded.join(' '));
    await context.close();
  });

  test('a query of words loads no positions; a phrase loads those of its own terms only', async () => {
    const { context, page, loaded } = await openSplit();
    const words = await paste(page, 'carta compromiso');
    assert.ok(words.length > 0, 'carta compromiso finds pages');
    assert.deepEqual(loaded.filter((n) => n.startsWith('positions-')), [], loaded.join(' '));
    const phrase = await paste(page, '"carta compromiso"');
    assert.ok(phrase.length > 0 && phrase.length <= words.length, `${phrase.length} of ${words.length}`);
    const placed = loaded.filter((n) => n.startsWith('positions-'));
    // one term per file here: a term's positions file has its terms file's number
    const number = (term) => [...files.keys()].find((n) => n.startsWith('terms-') && files.get(n).includes(`["${term}",`)).slice(6);
    assert.deepEqual(placed.sort(), [`positions-${number('cart')}`, `positions-${number('compromis')}`].sort(), loaded.join(' '));
    await context.close();
  });

  test('typed slowly (a key every 300 ms) a query loads only what it loads pasted; a pause in typing looks up the prefix', async () => {
    const query = 'transparencia';
    const pasted = await openSplit();
    const expectedTitles = await paste(pasted.page, query);
    const expected = new Set(pasted.loaded);
    await pasted.context.close();

    const slow = await openSplit({ clock: true });
    await typeSlowly(slow.page, query, 300, 1000);
    assert.deepEqual(await titles(slow.page), expectedTitles);
    assert.deepEqual(new Set(slow.loaded), expected, `typed: ${slow.loaded.join(' ')}; pasted: ${[...expected].join(' ')}`);
    await slow.context.close();

    // The same keys with a pause after "tra": that prefix is looked up, and loads files of its own.
    const paused = await openSplit({ clock: true });
    await typeSlowly(paused.page, query.slice(0, 3), 300, 1000);
    await typeSlowly(paused.page, query.slice(3), 300, 1000);
    assert.deepEqual(await titles(paused.page), expectedTitles);
    const extra = paused.loaded.filter((n) => !expected.has(n));
    assert.ok(extra.length > 0, `the prefix "tra" loaded nothing of its own: ${paused.loaded.join(' ')}`);
    await paused.context.close();
  });
});

describe('search in English', () => {
  test('an accented name typed without its accent', async () => {
    const { context, page } = await open(LANGUAGES.en.path);
    try {
      const { status, results } = await search(page, 'leon');
      assert.match(status, LANGUAGES.en.count);
      assert.ok(results.length >= 3, status);
      assert.ok(results.every((r) => r.marks.includes('León')), JSON.stringify(results.map((r) => r.marks)));
    } finally {
      await context.close();
    }
  });

  test('a plural finds the singular (trainings → training)', async () => {
    const { context, page } = await open(LANGUAGES.en.path);
    try {
      const { results } = await search(page, 'trainings');
      assert.ok(results.length >= 3);
      assert.equal(results[0].title, 'Workshops and training');
      assert.ok(results.every((r) => lower(r.marks).includes('training')), JSON.stringify(results.map((r) => r.marks)));
    } finally {
      await context.close();
    }
  });

  test('a phrase in quotes finds the row of the annex table', async () => {
    const { context, page } = await open(LANGUAGES.en.path);
    try {
      const { results } = await search(page, '"commitment letter"');
      const row = results.find((r) => /\/en\/annex\/(index\.html)?#formato-carta-compromiso$/.test(r.href));
      assert.ok(row, JSON.stringify(paths(results)));
      assert.match(row.snippet, /Commitment letter template/);
      await page.goto(row.href);
      assert.equal(await page.$eval(':target', (el) => el.localName), 'tr');
    } finally {
      await context.close();
    }
  });

  test('a word found nowhere says so, and what to try', async () => {
    const { context, page } = await open(LANGUAGES.en.path);
    try {
      const { status, results } = await search(page, 'xyzzy');
      assert.match(status, LANGUAGES.en.none);
      assert.deepEqual(results, []);
    } finally {
      await context.close();
    }
  });
});

for (const [code, language] of Object.entries(LANGUAGES)) {
  describe(`the ${code} search page`, () => {
    test('turns a query into terms exactly as the build turned the pages into terms (stems.tsv)', async () => {
      const rows = readFileSync(STEMS, 'utf8').split('\n')
        .filter((line) => line.trim() && !line.startsWith('#')).map((line) => line.split('\t'))
        .filter(([lang]) => lang === code);
      assert.ok(rows.length > 15, `stems.tsv has only ${rows.length} ${code} rows`);
      const { context, page } = await open(language.path);
      try {
        const wrong = [];
        for (const [, text, expected] of rows) {
          const terms = (await page.evaluate((t) => window.abiertoSearch.terms(t), text)).filter((t) => t).join(' ');
          if (terms !== expected) wrong.push(`'${text}': '${terms}', expected '${expected}'`);
        }
        assert.deepEqual(wrong, []);
      } finally {
        await context.close();
      }
    });

    test('its policy alone has script-src: no other page can run the search script', async () => {
      const { context, page, errors } = await open(language.path);
      try {
        const policy = (await page.goto(server.origin + language.path)).headers()['content-security-policy'];
        assert.match(policy, /(^|; )script-src 'self'(;|$)/, language.path);
        assert.doesNotMatch(policy, /connect-src/, 'the index files are scripts: nothing is fetched');
        const script = await page.$eval('script[src]', (s) => s.src);
        assert.deepEqual(errors, []);
        // The same script, added to the home page of the language: its policy has no script-src, so it is refused.
        const home = await page.goto(server.origin + `/${code}/`);
        assert.doesNotMatch(home.headers()['content-security-policy'], /script-src/, `/${code}/`);
        const loaded = await page.evaluate((src) => new Promise((done) => {
          const s = document.createElement('script');
          s.src = src;
          s.onload = () => done(true);
          s.onerror = () => done(false);
          document.head.append(s);
        }), script);
        assert.equal(loaded, false, 'the search script ran on a page that is not a search page');
        assert.equal(await page.evaluate(() => typeof window.abiertoSearch), 'undefined');
        assert.ok(errors.some((e) => /Content Security Policy/i.test(e)), JSON.stringify(errors));
      } finally {
        await context.close();
      }
    });

    test('is linked from the header of every page of its language', async () => {
      const own = pages().filter((p) => p.path.startsWith(`/${code}/`) && !p.file.endsWith('404.html'));
      const { context, page } = await open(language.path, { javaScriptEnabled: false });
      try {
        for (const { path } of own) {
          await page.goto(server.origin + path);
          const link = await page.$eval('.site-header .site-search a', (a) => a.href).catch(() => null);
          assert.ok(link, `${path} has no search link in its header`);
          assert.match(new URL(link).pathname, new RegExp(`^${language.path}(index\\.html)?$`), path);
        }
      } finally {
        await context.close();
      }
    });

    test('without JavaScript is an index of every page of its language, by section, with descriptions', async () => {
      const { context, page } = await open(language.path, { javaScriptEnabled: false });
      try {
        assert.equal(await page.isVisible('#search-query'), false, 'no field that could not work');
        const listed = await page.$$eval('.search-index a', (links) => links.map((a) => new URL(a.href).pathname
          .replace(/index\.html$/, '')));
        const own = pages().map((p) => p.path)
          .filter((p) => p.startsWith(`/${code}/`) && p !== language.path && !p.endsWith('404.html'));
        assert.deepEqual([...listed].sort(), [...own].sort());
        assert.ok(await page.$$eval('.search-index h2, .search-index h3', (h) => h.length) >= 3, 'grouped by section');
        assert.ok(await page.$$eval('.search-index__pages .search-index__description', (d) => d.length) >= 5, 'with descriptions');
      } finally {
        await context.close();
      }
    });

    test('has a labelled field, a live region, and is used by keyboard alone, with no focus trap', async () => {
      const { context, page, errors } = await open(language.path);
      try {
        assert.equal(await page.$eval('label[for="search-query"]', (l) => l.textContent), language.label);
        assert.equal(await page.getAttribute('#search-status', 'role'), 'status');
        // Tab from the top of the page until the field has focus.
        for (let i = 0; i < 30 && !(await page.evaluate(() => document.activeElement?.id === 'search-query')); i++) {
          await page.keyboard.press('Tab');
        }
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'search-query', 'the field is reached by Tab');
        await page.keyboard.type(code === 'es' ? 'transparencia' : 'transparency');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 0
          && document.getElementById('search-status').textContent !== '');
        const said = await page.textContent('#search-status');
        const count = Number(said.match(/^\d+/)[0]);
        assert.ok(count > 10, said);
        assert.equal(await page.$$eval('#search-results > li', (l) => l.length), 10, 'ten results at a time');
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement.closest('#search-results > li') !== null), true,
          'Tab goes from the field to the first result');
        // Through the results to the button that shows more, which moves focus to the first new one.
        for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement.classList.contains('search__more'))); i++) {
          await page.keyboard.press('Tab');
        }
        assert.equal(await page.evaluate(() => document.activeElement.classList.contains('search__more')), true);
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => document.activeElement.closest('#search-results > li:nth-child(11)') !== null);
        // And on, out of the results, to the index below: no trap.
        for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement.closest('.search-index') !== null)); i++) {
          await page.keyboard.press('Tab');
        }
        assert.equal(await page.evaluate(() => document.activeElement.closest('.search-index') !== null), true,
          'Tab leaves the results for the index below');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });

    for (const viewport of [{ width: 1280, height: 800 }, { width: 375, height: 812 }, { width: 320, height: 256 }]) {
      test(`with results on screen: axe-core clean and nothing wider than the screen at ${viewport.width}×${viewport.height}`, async () => {
        const { context, page, errors } = await open(language.path, { viewport });
        try {
          await search(page, code === 'es' ? 'carta compromiso' : 'commitment letter');
          assert.deepEqual(await axeViolations(page), []);
          assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true,
            'the page scrolls sideways');
          assert.deepEqual(errors, []);
        } finally {
          await context.close();
        }
      });
    }
  });
}
