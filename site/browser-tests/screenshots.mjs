// Regenerates docs/screenshots/*.png from the built site in Debian's headless Chromium, at 375 and
// 1280 px: both homes and a phase page in Spanish and English, light and dark; the root page, the annex
// and the open-data page, light.
//   cd site/browser-tests && npm ci && npm run screenshots      (after `mvn -B package`)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, serve } from './lib/site.mjs';

const out = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
// The home pages whole; the other pages down to where their running text takes over (the pager and
// footer they share with the home page are in its screenshots), to keep the repository light.
const BOTH = ['light', 'dark'];
const PAGES = [
  { name: 'root', path: '/', schemes: ['light'] },
  { name: 'es-home', path: '/es/', schemes: BOTH },
  { name: 'en-home', path: '/en/', schemes: BOTH },
  { name: 'es-phase', path: '/es/ruta-de-trabajo/diagnostico/', maxHeight: 1400, schemes: BOTH },
  { name: 'en-phase', path: '/en/roadmap/diagnosis/', maxHeight: 1400, schemes: BOTH },
  { name: 'es-annex', path: '/es/anexo/', maxHeight: 2600, schemes: ['light'] },
  { name: 'es-data', path: '/es/datos/', maxHeight: 2000, schemes: ['light'] },
];
const WIDTHS = [{ width: 375, height: 812 }, { width: 1280, height: 800 }];

mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launchChromium();
try {
  for (const { name, path, maxHeight, schemes } of PAGES) {
    for (const viewport of WIDTHS) {
      for (const colorScheme of schemes) {
        const context = await browser.newContext({ viewport, colorScheme, reducedMotion: 'reduce' });
        const page = await context.newPage();
        await page.goto(server.origin + path, { waitUntil: 'load' });
        const file = join(out, `${name}-${viewport.width}-${colorScheme}.png`);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const clip = maxHeight && height > maxHeight ? { x: 0, y: 0, width: viewport.width, height: maxHeight } : undefined;
        await page.screenshot({ path: file, fullPage: true, clip });
        console.log(file);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
