// Every page of the built report in Debian's headless Chromium, served from 127.0.0.1 under a strict
// Content-Security-Policy: axe-core (WCAG 2.0/2.1/2.2 A and AA) at 1280×800 and 375×812 and in dark
// mode, the keyboard path through the skip link, visible and unobscured focus, reflow at 400 % zoom
// with the WCAG text spacing, the 50 KB budget, and no request to any other host.
//
// Nothing here waits for time: each check runs after the page's load event. Only the search page has
// a script (tests/search.test.mjs types into it); every other page has none.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CSP, PAGE_BUDGET_BYTES, launchChromium, pages, serve } from '../lib/site.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The screens every page is checked at. */
const SCREENS = [
  { name: 'desktop 1280×800', viewport: { width: 1280, height: 800 }, colorScheme: 'light', keyboard: true },
  { name: 'phone 375×812', viewport: { width: 375, height: 812 }, colorScheme: 'light', keyboard: true },
  { name: 'dark desktop 1280×800', viewport: { width: 1280, height: 800 }, colorScheme: 'dark', keyboard: false },
];
/** 1280 CSS px at 400 % zoom (WCAG 1.4.10 Reflow): content fits 320 px without scrolling sideways. */
const REFLOW = { width: 320, height: 256 };

const site = pages();
let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launchChromium();
});

after(async () => {
  await Promise.all(tabs.map((tab) => tab.context.close()));
  await browser?.close();
  await server?.close();
});

/**
 * How many pages are checked at once. A new tab costs a renderer process, far more than loading a
 * page of this site, so a few tabs are kept and each check borrows one; two or three keep both cores
 * busy while one tab waits for the browser's answer to a key press.
 */
const TABS = Number(process.env.ABIERTO_BROWSER_TABS ?? 3);

/** The tabs, each in its own browser context, and those free now. */
const tabs = [];
const freeTabs = [];
const waiting = [];

/**
 * A tab with its recorder: every request (those to any other host refused), failed request, response
 * and console error of the page it shows, into `tab.seen`, which each check starts empty.
 */
async function newTab() {
  const context = await browser.newContext({ javaScriptEnabled: true });
  const tab = { context, page: null, seen: null };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === server.origin) {
      return route.continue();
    }
    tab.seen?.foreign.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') tab.seen?.console.push(m.text());
  });
  page.on('pageerror', (e) => tab.seen?.console.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => {
    if (new URL(r.url()).origin === server.origin) tab.seen?.failed.push(`${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => tab.seen?.responses.push(r));
  tab.page = page;
  tabs.push(tab);
  return tab;
}

/**
 * Opens a page in a free tab at the given screen, with a new recorder, and waits for its load event.
 * The tab shows about:blank in between: the previous page's document is gone (its requests cancelled,
 * their events delivered to the previous recorder), and the site's pages have no script to keep any
 * state (the search pages' script keeps none in storage). The server forbids caching (no-store), so
 * every page loads its stylesheets afresh, as in a new context.
 */
async function open(path, { viewport, colorScheme = 'light', reducedMotion = 'no-preference' }) {
  const tab = freeTabs.pop() ?? (tabs.length < TABS ? await newTab() : await new Promise((r) => waiting.push(r)));
  await tab.page.setViewportSize(viewport);
  await tab.page.emulateMedia({ colorScheme, reducedMotion });
  const seen = { foreign: [], failed: [], console: [], responses: [] };
  tab.seen = seen;
  try {
    const response = await tab.page.goto(server.origin + path, { waitUntil: 'load' });
    assert.equal(response.status(), 200, `${path} answered ${response.status()}`);
  } catch (e) {
    await release(tab);
    throw e;
  }
  return { tab, page: tab.page, seen };
}

/** Gives the tab back, emptied (about:blank), to the next check. */
async function release(tab) {
  await tab.page.goto('about:blank');
  tab.seen = null;
  const next = waiting.shift();
  if (next) next(tab); else freeTabs.push(tab);
}

/** axe-core over the whole document; one line per failing element: page, rule, selector, why. */
async function axeViolations(page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate((tags) => window.axe.run(document, {
    runOnly: { type: 'tag', values: tags },
    resultTypes: ['violations'],
  }), AXE_TAGS);
  return results.violations.flatMap((v) => v.nodes.map((n) =>
    `${v.id} (${v.impact}) at ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')} [${v.helpUrl}]`));
}

/** Bytes of HTML, CSS and JS the page made the browser load (images and fonts excluded). */
async function pageWeight(seen) {
  let total = 0;
  const parts = [];
  for (const r of seen.responses) {
    const type = r.request().resourceType();
    if (type === 'document' || type === 'stylesheet' || type === 'script') {
      const bytes = (await r.body()).length;
      total += bytes;
      parts.push(`${new URL(r.url()).pathname} ${bytes} B`);
    }
  }
  return { total, parts };
}

/** Where the page refers to a file on another host for it to load (not plain links to other sites). */
function foreignAssets(page) {
  return page.evaluate(() => {
    const here = location.origin;
    const refs = [];
    const notFetched = /\b(alternate|canonical|author|license|help|next|prev|bookmark|external|me)\b/;
    for (const el of document.querySelectorAll('[src], [srcset], [poster], object[data], link[href], image, use')) {
      if (el.localName === 'link' && notFetched.test(el.getAttribute('rel') ?? '')) continue;
      const values = [el.getAttribute('src'), el.getAttribute('poster'), el.getAttribute('data'),
        el.localName === 'link' ? el.getAttribute('href') : null,
        el.getAttribute('href'), el.getAttribute('xlink:href'),
        ...(el.getAttribute('srcset') ?? '').split(',').map((s) => s.trim().split(/\s+/)[0])];
      for (const v of values.filter(Boolean)) {
        const url = new URL(v, document.baseURI);
        if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== here) {
          refs.push(`<${el.localName}> ${v}`);
        }
      }
    }
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) {
        for (const m of rule.cssText.matchAll(/url\(["']?(https?:[^"')]+)/g)) refs.push(`css ${m[1]}`);
      }
    }
    return refs;
  });
}

/**
 * What the strict CSP forbids in the markup itself: code or style written into the page. A JSON-LD
 * data block (<script type="application/ld+json">) is data, never run; a script loaded from a file of
 * the site (the search page's) is allowed by 'script-src self', but must have no code of its own.
 */
function inlineCode(page) {
  return page.evaluate(() => [...document.querySelectorAll('script:not([type="application/ld+json"])')]
    .filter((el) => !el.src || el.textContent.trim() || new URL(el.src).origin !== location.origin)
    .concat([...document.querySelectorAll('style, [style], noscript')])
    .concat([...document.querySelectorAll('*')].filter((el) =>
      [...el.attributes].some((a) => a.name.startsWith('on') || /^\s*javascript:/i.test(a.value))))
    .map((el) => el.outerHTML.slice(0, 120)));
}

/**
 * Tabs from the top of the page: the first stop must be a visible skip link to <main>; activating it
 * must put focus in <main>. Returns the problems found.
 */
async function skipLinkProblems(page) {
  const problems = [];
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => {
    const el = document.activeElement;
    const target = el?.hash ? document.getElementById(decodeURIComponent(el.hash.slice(1))) : null;
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return {
      tag: el.localName, text: el.textContent.trim(), toMain: target?.localName === 'main',
      inView: r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0
        && r.bottom <= innerHeight && r.right <= innerWidth,
      onTop: hit === el || el.contains(hit),
    };
  });
  if (first.tag !== 'a' || !first.toMain) {
    problems.push(`the first Tab reaches <${first.tag}> "${first.text}", not a skip link to <main>`);
    return problems;
  }
  if (!first.inView || !first.onTop) problems.push(`the focused skip link is not fully visible (${JSON.stringify(first)})`);
  await page.keyboard.press('Enter');
  const after = await page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.localName, inMain: !!el?.closest('main') };
  });
  if (!after.inMain) problems.push(`activating the skip link leaves focus on <${after.tag}>, outside <main>`);
  await page.keyboard.press('Tab');
  const next = await page.evaluate(() => {
    const main = document.querySelector('main');
    const el = document.activeElement;
    return el === document.body || main.contains(el)
      || !!(main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  if (!next) problems.push('after the skip link, the next Tab goes back before <main>');
  return problems;
}

/**
 * Tabs through every focusable element: each must show a focus indicator (an outline of at least
 * 2 px, or a box shadow) and must not be hidden by other content when focused (2.4.7, 2.4.11).
 */
async function focusProblems(page) {
  const problems = [];
  // A new document without the skip link's #main, so that Tab starts from the top again.
  await page.goto(page.url().replace(/#.*$/, ''), { waitUntil: 'load' });
  const count = await page.evaluate(() => document.querySelectorAll('a[href], [tabindex="0"], button, input, select, textarea, summary').length);
  const visited = new Set();
  for (let i = 0; i < count + 2; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const box = el.getClientRects()[0] ?? el.getBoundingClientRect();
      const x = Math.min(Math.max(box.left + Math.min(box.width, 8) / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      const path = [];
      for (let n = el; n && n !== document.body; n = n.parentElement) {
        path.unshift(n.localName + (n.id ? '#' + n.id : '') + (n.classList.length ? '.' + [...n.classList].join('.') : ''));
      }
      return {
        where: path.join(' > '),
        key: path.join('>') + '|' + el.getAttribute('href'),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        shadow: style.boxShadow !== 'none',
        inView: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
        onTop: !!hit && (hit === el || el.contains(hit) || hit.contains(el)),
        hitWhere: hit ? hit.localName + (hit.className ? '.' + hit.className : '') : 'nothing',
      };
    });
    if (!f) break; // back at the start of the page
    if (visited.has(f.key)) break;
    visited.add(f.key);
    if (!f.outline && !f.shadow) problems.push(`no visible focus indicator on ${f.where}`);
    if (!f.inView || !f.onTop) problems.push(`focused ${f.where} is hidden (in view: ${f.inView}, covered by: ${f.hitWhere})`);
  }
  return problems;
}

/** Elements that overflow the page sideways, or hidden-overflow boxes that cut their text off. */
function reflowProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) {
      const wide = [...document.body.querySelectorAll('*')].filter((el) => {
        const r = el.getBoundingClientRect();
        if (r.right <= width + 0.5 || r.width === 0) return false;
        for (let p = el.parentElement; p; p = p.parentElement) {
          const ox = getComputedStyle(p).overflowX;
          if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') return false;
        }
        return true;
      }).slice(0, 5);
      problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} px in ${width} px): `
        + wide.map((el) => `<${el.localName} class="${el.className}">`).join(', '));
    }
    for (const el of document.body.querySelectorAll('*')) {
      const s = getComputedStyle(el);
      const clips = (v) => v === 'hidden' || v === 'clip';
      if (s.position === 'absolute' && el.classList.contains('skip-link')) continue;
      // Text for screen readers only is clipped on purpose (the standard visually-hidden pattern).
      if (el.classList.contains('visually-hidden')) continue;
      if ((clips(s.overflowX) && el.scrollWidth > el.clientWidth + 1)
        || (clips(s.overflowY) && el.scrollHeight > el.clientHeight + 1)) {
        problems.push(`<${el.localName} class="${el.className}"> cuts off its content`);
      }
    }
    // SVG text does not wrap: every label of a chart must stay inside its drawing.
    for (const svg of document.querySelectorAll('svg')) {
      const box = svg.getBoundingClientRect();
      for (const text of svg.querySelectorAll('text')) {
        const r = text.getBoundingClientRect();
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
          problems.push(`the chart text "${text.textContent}" sticks out of its <svg> (${Math.round(r.right - box.right)} px)`);
        }
      }
    }
    return problems;
  });
}

/** Runs every check, so that one failure does not hide the others; returns "check: problem" lines. */
async function collect(checks) {
  const problems = [];
  for (const [name, check] of Object.entries(checks)) {
    for (const problem of await check()) problems.push(`${name}: ${problem}`);
  }
  return problems;
}

for (const screen of SCREENS) {
  describe(`every page, ${screen.name}`, { concurrency: TABS }, () => {
    for (const { path } of site) {
      test(path, async () => {
        const { tab, page, seen } = await open(path, screen);
        try {
          const problems = await collect({
            'axe-core': () => axeViolations(page),
            'browser console (CSP)': () => seen.console,
            'failed request': () => seen.failed,
            'request to another host': () => seen.foreign,
            'asset on another host': () => foreignAssets(page),
            'inline code (forbidden by the CSP)': () => inlineCode(page),
            ...(screen.keyboard ? {
              budget: async () => {
                const weight = await pageWeight(seen);
                return weight.total <= PAGE_BUDGET_BYTES ? []
                  : [`${weight.total} B of HTML+CSS+JS > ${PAGE_BUDGET_BYTES} B (${weight.parts.join(', ')})`];
              },
              'skip link': () => skipLinkProblems(page),
              focus: () => focusProblems(page),
            } : {}),
          });
          assert.deepEqual(problems, [], `${path} [${screen.name}]: ${problems.length} problem(s):\n${problems.join('\n')}`);
        } finally {
          await release(tab);
        }
      });
    }
  });
}

describe('every page, 400 % zoom (320 CSS px) with WCAG text spacing', { concurrency: TABS }, () => {
  for (const { path } of site) {
    test(path, async () => {
      const { tab, page } = await open(path, { viewport: REFLOW });
      try {
        const problems = await collect({
          'reflow at 320 px': () => reflowProblems(page),
          'reflow at 320 px with text spacing': async () => {
            await page.addStyleTag({ url: `${server.origin}/__abierto-test/text-spacing.css` });
            return reflowProblems(page);
          },
        });
        assert.deepEqual(problems, [], `${path}: ${problems.length} problem(s):\n${problems.join('\n')}`);
      } finally {
        await release(tab);
      }
    });
  }
});
