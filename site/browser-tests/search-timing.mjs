// What one query costs a reader (issue 18), measured, not asserted: for each query, in a fresh browser
// (nothing cached), the bytes of the index files it loaded (as stored and gzipped) and how long after
// its last key its results were in the list (cold: loading them), and the time from the keystroke that
// completes it to its results on screen (warm), on a phone profile: 375×812 and the CPU
// slowed down 4× (Chrome DevTools' "mid-tier mobile"), the index already loaded by a first query.
//   node search-timing.mjs [LANG-PATH] [QUERY…]    (ABIERTO_SITE= for another built site, CPU_SLOWDOWN=1 for none,
//   TYPE=1 to type the query letter by letter rather than paste it, TYPE_DELAY=ms between the keys when
//   typing: 0 by default, as fast as the browser takes them; 200 is a typist at 60 words a minute)
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { launchChromium, serve, siteDir } from './lib/site.mjs';

const [path = '/es/buscar/', ...asked] = process.argv.slice(2);
const queries = asked.length ? asked : ['diagnostico', 'talleres', '"carta compromiso"', 'transparencia proactiva', 'xyzzy'];
const server = await serve();
const browser = await launchChromium();
const kb = (n) => (n / 1024).toFixed(1);
try {
  for (const query of queries) {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 } });
    const page = await context.newPage();
    const loaded = [];
    page.on('response', (r) => {
      const p = new URL(r.url()).pathname;
      if (p.startsWith(path) && p.endsWith('.js')) loaded.push(p);
    });
    await page.goto(server.origin + path, { waitUntil: 'load' });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.CPU_SLOWDOWN ?? 4) });
    // Cold: the first query, loading what it needs. The page notes its last input and the last change
    // of the result list (the count is announced 400 ms later, for screen readers: not what is timed).
    await page.evaluate(() => {
      window.timing = { input: null, list: null };
      // on the way down to the field, before the script's own listener (which may answer at once)
      window.addEventListener('input', () => { window.timing.input = performance.now(); }, true);
      new MutationObserver(() => { window.timing.list = performance.now(); })
        .observe(document.getElementById('search-results'), { childList: true });
    });
    if (process.env.TYPE) {
      // Letter by letter: each prefix that reaches the script's pause in typing is looked up.
      await page.locator('#search-query').pressSequentially(query, { delay: Number(process.env.TYPE_DELAY ?? 0) });
    } else {
      await page.fill('#search-query', query);
    }
    // The count of this query, not of a prefix of it announced while it was typed.
    await page.waitForFunction((q) => document.getElementById('search-status').textContent.includes(`«${q}»`)
      || document.getElementById('search-status').textContent.includes(`“${q}”`), query);
    // Cold, from the last key (or the paste) to its results in the list: the pause before loading, the files.
    const cold = await page.evaluate(() => (window.timing.list > window.timing.input
      ? `${(window.timing.list - window.timing.input).toFixed(0)} ms` : 'none'));
    const files = [...new Set(loaded)].map((p) => readFileSync(join(siteDir, p)));
    const bytes = files.reduce((s, f) => s + f.length, 0);
    const gzip = files.reduce((s, f) => s + gzipSync(f, { level: 9 }).length, 0);
    // Warm: the index loaded, the field emptied, then the whole query arrives in one input event (as
    // the last keystroke or a paste brings it): the time until its results are in the list.
    const times = [];
    for (let i = 0; i < 7; i++) {
      await page.evaluate(() => {
        const field = document.getElementById('search-query');
        field.value = '';
        field.dispatchEvent(new Event('input'));
      });
      await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 0);
      times.push(await page.evaluate((q) => new Promise((resolve) => {
        const list = document.getElementById('search-results');
        const field = document.getElementById('search-query');
        new MutationObserver((_, o) => { o.disconnect(); resolve(performance.now() - start); })
          .observe(list, { childList: true });
        setTimeout(() => resolve(null), 3000); // a query with no result leaves the list empty
        const start = performance.now();
        field.value = q;
        field.dispatchEvent(new Event('input'));
      }), query));
    }
    const measured = times.filter((t) => t !== null).sort((a, b) => a - b);
    console.log(`${path} ${query}: ${files.length} index files, ${kb(bytes)} KB, ${kb(gzip)} KB gzip, results ${cold} after the last key; `
      + (measured.length ? `results on screen after the last keystroke: median ${measured[measured.length >> 1].toFixed(0)} ms, `
        + `max ${measured[measured.length - 1].toFixed(0)} ms (${measured.length} runs)` : 'no result list to time'));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
