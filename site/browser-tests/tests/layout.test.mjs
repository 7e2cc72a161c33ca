// Details of the layout that a reader sees and axe-core does not check, measured in Debian's headless
// Chromium at 1280 and 375 px (issue 16): the citation sits in the content column, the roadmap's
// timeline is one unbroken line through every dot, and a chart's labels use the width they have.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, pages, serve, siteDir } from '../lib/site.mjs';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 375, height: 812 };
const HOMES = ['/es/', '/en/'];
/** Pages with a chart, found in the built HTML, so a new chart is checked too. */
const CHART_PAGES = pages().filter((p) => readFileSync(join(siteDir, p.file), 'utf8').includes('class="chart"')).map((p) => p.path);

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

async function measure(path, viewport, fn) {
  const context = await browser.newContext({ viewport });
  try {
    const page = await context.newPage();
    await page.goto(server.origin + path, { waitUntil: 'load' });
    return await page.evaluate(fn);
  } finally {
    await context.close();
  }
}

/** Left edges of the citation and of the page's content column (its first heading), in px. */
function citationAndColumn() {
  const citation = document.querySelector('.citation').getBoundingClientRect();
  const heading = document.querySelector('main h2, main h1').getBoundingClientRect();
  return { citation: Math.round(citation.left), column: Math.round(heading.left) };
}

/**
 * The timeline as drawn: each item's dot (::before) and line (::after) as boxes in page px, and the
 * axis the line runs along ('y' when the items are stacked, 'x' when they are side by side).
 */
function timeline() {
  const items = [...document.querySelectorAll('.timeline__item')];
  // Resolved values of a rendered, positioned box are its used values in px, "auto" included; sizes are
  // border-box sizes (the stylesheet sets box-sizing: border-box on every pseudo-element).
  const box = (item, pseudo) => {
    const r = item.getBoundingClientRect();
    const s = getComputedStyle(item, pseudo);
    if (s.content === 'none' || s.display === 'none') return null;
    const left = r.left + parseFloat(s.left);
    const top = r.top + parseFloat(s.top);
    return { left, top, right: left + parseFloat(s.width), bottom: top + parseFloat(s.height) };
  };
  const drawn = items.map((item) => ({ dot: box(item, '::before'), line: box(item, '::after'), event: item.classList.contains('timeline__item--event') }));
  const stacked = items.length < 2 || items[1].getBoundingClientRect().top > items[0].getBoundingClientRect().top + 1;
  return { axis: stacked ? 'y' : 'x', drawn };
}

describe('the citation sits in the content column', () => {
  for (const viewport of [DESKTOP, PHONE]) {
    for (const path of [...HOMES, '/es/anexo/']) {
      test(`${path} at ${viewport.width} px`, async () => {
        const { citation, column } = await measure(path, viewport, citationAndColumn);
        assert.equal(citation, column, `"${path}": the citation starts at ${citation} px, the column at ${column} px`);
      });
    }
  }
});

describe('the timeline is one line through every dot', () => {
  for (const viewport of [DESKTOP, PHONE]) {
    for (const path of HOMES) {
      test(`${path} at ${viewport.width} px`, async () => {
        const { axis, drawn } = await measure(path, viewport, timeline);
        assert.equal(axis, viewport === DESKTOP ? 'x' : 'y');
        assert.ok(drawn.length >= 6 && drawn.some((d) => d.event), 'the five phases and the OGP session');
        const across = axis === 'y' ? ['left', 'right'] : ['top', 'bottom'];
        const along = axis === 'y' ? ['top', 'bottom'] : ['left', 'right'];
        const centre = (b) => (b[across[0]] + b[across[1]]) / 2;
        const lineAt = centre(drawn[0].line);
        const problems = [];
        drawn.forEach((d, i) => {
          if (Math.abs(centre(d.dot) - lineAt) > 1) {
            problems.push(`dot ${i + 1}${d.event ? ' (the OGP session)' : ''} is centered at ${centre(d.dot).toFixed(1)}, the line at ${lineAt.toFixed(1)}`);
          }
          if (d.line && Math.abs(centre(d.line) - lineAt) > 1) problems.push(`the line of item ${i + 1} is off the others`);
        });
        // Along the line: dots and segments, in order, must leave no gap from the first dot to the last.
        const spans = drawn.flatMap((d) => [d.dot, d.line].filter(Boolean)).map((b) => [b[along[0]], b[along[1]]])
          .sort((a, b) => a[0] - b[0]);
        let reach = spans[0][1];
        for (const [start, end] of spans.slice(1)) {
          if (start > reach + 0.5) problems.push(`a gap of ${(start - reach).toFixed(1)} px in the line at ${reach.toFixed(0)} px`);
          reach = Math.max(reach, end);
        }
        assert.deepEqual(problems, []);
      });
    }
  }
});

describe('chart labels use the width they have', () => {
  test('there are charts to check', () => assert.ok(CHART_PAGES.length >= 4, CHART_PAGES.join(', ')));
  for (const path of CHART_PAGES) {
    for (const viewport of [DESKTOP, PHONE]) {
      test(`${path} at ${viewport.width} px`, async () => {
        const result = await measure(path, viewport, () => [...document.querySelectorAll('.chart svg')]
          .filter((svg) => svg.getBoundingClientRect().width > 0)
          .map((svg) => {
            const box = svg.getBoundingClientRect();
            return {
              width: box.width,
              labels: [...svg.querySelectorAll('.chart__label')].map((t) => {
                const r = t.getBoundingClientRect();
                return { text: t.textContent, lines: 1 + t.querySelectorAll('tspan').length, inside: r.left >= box.left - 1 && r.right <= box.right + 1 };
              }),
            };
          }));
        assert.equal(result.length, 1, 'one drawing of each chart is shown');
        const [chart] = result;
        const problems = chart.labels.filter((l) => !l.inside).map((l) => `"${l.text}" sticks out of the chart`);
        if (viewport === DESKTOP) {
          // The chart is 48rem wide on a desktop: a label that fits on one line is not broken into several.
          assert.ok(chart.width > 600, `the chart is only ${chart.width} px wide`);
          problems.push(...chart.labels.filter((l) => l.text.length <= 48 && l.lines > 1).map((l) => `"${l.text}" is broken into ${l.lines} lines`));
        }
        assert.deepEqual(problems, []);
      });
    }
  }
});
