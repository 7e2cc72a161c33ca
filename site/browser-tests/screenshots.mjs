// Regenerates docs/screenshots/*.png from the built site in Debian's headless Chromium:
// the Spanish home and a phase page in Spanish and English, at 375 and 1280 px, light and dark.
//   cd site/browser-tests && npm ci && npm run screenshots      (after `mvn -B package`)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, serve } from './lib/site.mjs';

const out = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
// The home page whole; the phase pages down to where their running text takes over (the pager and
// footer they share with the home page are in its screenshots), to keep the repository light.
const PAGES = [
  { name: 'es-home', path: '/es/' },
  { name: 'es-phase', path: '/es/ruta-de-trabajo/diagnostico/', maxHeight: 1400 },
  { name: 'en-phase', path: '/en/roadmap/diagnosis/', maxHeight: 1400 },
];
const WIDTHS = [{ width: 375, height: 812 }, { width: 1280, height: 800 }];
const SCHEMES = ['light', 'dark'];

mkdirSync(out, { recursive: true });
const server = await serve();
const browser = await launchChromium();
try {
  for (const { name, path, maxHeight } of PAGES) {
    for (const viewport of WIDTHS) {
      for (const colorScheme of SCHEMES) {
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
