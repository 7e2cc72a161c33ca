// The built report and the tools to look at it: its pages, a loopback-only static server, and
// Debian's Chromium. Shared by the tests and by screenshots.mjs.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The built site: $ABIERTO_SITE, else site/target/site (what `mvn package` writes). */
export const siteDir = resolve(process.env.ABIERTO_SITE ?? join(here, '..', '..', 'target', 'site'));

/** Files the tests serve beside the site, under /__abierto-test/ (never part of the site). */
const fixturesDir = join(here, '..', 'fixtures');
const FIXTURE_PREFIX = '/__abierto-test/';

/** The largest page, HTML + CSS + JS, uncompressed, images excluded (issue 4). */
export const PAGE_BUDGET_BYTES = 50 * 1024;

/**
 * The Content-Security-Policy the report must work under: nothing inline, nothing from elsewhere, and no
 * script. Served with every page so that a `style=` attribute, a `<style>` or a `<script>` shows up as a
 * violation in the browser. It is docs/hosting's policy (plus fonts).
 */
export const CSP = "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; "
  + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The search pages' addresses: the only ones whose policy adds 'script-src self', as docs/hosting's do. */
export const SEARCH_PAGES = /^\/(es\/buscar|en\/search)\/(index\.html)?$/;

/**
 * A search page's policy: the site's own scripts only (the search script and the index files it loads,
 * which are scripts too, so no 'connect-src'). A script runs under the policy of the page that loads it.
 */
export const SEARCH_CSP = CSP.replace("default-src 'none'; ", "default-src 'none'; script-src 'self'; ");

/** The policy served with `path` (a URL's path). */
export const cspOf = (path) => (SEARCH_PAGES.test(path) ? SEARCH_CSP : CSP);

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg', '.webp': 'image/webp', '.avif': 'image/avif', '.pdf': 'application/pdf',
  '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
};

/** Every file under `dir`, as paths relative to it with '/', sorted. */
export function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      out.push(...walk(path).map((p) => `${name}/${p}`));
    } else {
      out.push(name);
    }
  }
  return out;
}

/**
 * Every HTML page of the built site, as `{file, path}` (`es/anexo/index.html`, `/es/anexo/`), sorted.
 * Throws when the site is missing or nearly empty, so a moved folder cannot turn the suites green.
 */
export function pages() {
  let files;
  try {
    files = walk(siteDir).filter((f) => f.endsWith('.html'));
  } catch (e) {
    throw new Error(`no built site at ${siteDir} (${e.code}); run \`mvn -B package\` first or set ABIERTO_SITE`);
  }
  if (files.length < 10) {
    throw new Error(`only ${files.length} HTML pages under ${siteDir}; expected the whole report`);
  }
  return files.map((file) => ({ file, path: '/' + file.replace(/(^|\/)index\.html$/, '$1') }));
}

/**
 * Serves the site on 127.0.0.1 at a free port. Resolves to {origin, close}. The server answers
 * only GET and HEAD, only from inside the site folder, and never keeps a connection alive, so
 * close() ends it at once; it is also unref'd so it cannot keep a finished test run alive.
 */
export function serve(root = siteDir) {
  const server = createServer((req, res) => {
    res.setHeader('Connection', 'close');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const base = path.startsWith(FIXTURE_PREFIX) ? fixturesDir : root;
    const inside = path.startsWith(FIXTURE_PREFIX) ? path.slice(FIXTURE_PREFIX.length - 1) : path;
    let file = resolve(base, '.' + inside);
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) {
        file = join(file, 'index.html');
      }
      const body = readFileSync(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Content-Security-Policy': cspOf(path),
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.unref();
      const { port } = server.address();
      resolveServer({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

/** The file a served URL of the site maps to, relative to the site folder (`es/index.html`). */
export function fileOf(url) {
  const path = decodeURIComponent(new URL(url).pathname);
  return relative(siteDir, resolve(siteDir, '.' + path + (path.endsWith('/') ? 'index.html' : '')));
}

/** Debian's Chromium, headless, with no network of its own. Never a browser downloaded by a tool. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    // Playwright gives each launch a new, empty profile folder (the --user-data-dir) and removes it.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--font-render-hinting=none'],
  });
}

/**
 * Opens `root`/index.html through file:// and follows every link, stylesheet and image of every page
 * it reaches. Returns the pages reached (file:// addresses) and the problems: a link that names a
 * missing file, a folder (which a browser shows as a listing), or a place outside `root`.
 */
export async function followFromDisk(browser, root) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const start = pathToFileURL(join(root, 'index.html')).href;
  const queue = [start];
  const reached = new Set([start]);
  const problems = [];
  while (queue.length > 0) {
    const url = queue.shift();
    const from = relative(root, fileURLToPath(url));
    await page.goto(url, { waitUntil: 'load' });
    const targets = await page.$$eval('a[href], link[href], img[src], source[srcset]', (elements) =>
      elements.map((e) => [e.tagName.toLowerCase(), e.getAttribute('href') ?? e.getAttribute('src') ?? e.getAttribute('srcset')]));
    for (const [tag, written] of targets) {
      if (/^(https?|mailto|tel):/i.test(written) || written.startsWith('#')) {
        continue; // another host, or a place on this page
      }
      const target = new URL(written.split(/\s/)[0], url);
      target.hash = '';
      if (target.protocol !== 'file:' || !fileURLToPath(target).startsWith(root)) {
        problems.push(`${from}: <${tag}> ${written} leaves the site's folder (${target.href})`);
        continue;
      }
      const file = fileURLToPath(target);
      if (!existsSync(file)) {
        problems.push(`${from}: <${tag}> ${written} names ${relative(root, file)}, which does not exist`);
      } else if (statSync(file).isDirectory()) {
        problems.push(`${from}: <${tag}> ${written} names the folder ${relative(root, file) || '.'}/, which a browser shows as a listing`);
      } else if (tag === 'a' && file.endsWith('.html') && !reached.has(target.href)) {
        reached.add(target.href);
        queue.push(target.href);
      }
    }
  }
  await context.close();
  return { reached, problems };
}

/**
 * Unpacks a ZIP (stored or deflated entries, as the build writes them) into `dir`, with Node alone:
 * the entries are read from the central directory at the end of the file.
 */
export function unzip(zipFile, dir) {
  const zip = readFileSync(zipFile);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) {
    end--;
  }
  if (end < 0) {
    throw new Error(`${zipFile} is not a ZIP file`);
  }
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extra + comment;
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const target = resolve(dir, name);
    if (!target.startsWith(resolve(dir) + sep)) {
      throw new Error(`${zipFile}: the entry ${name} would be written outside ${dir}`);
    }
    if (name.endsWith('/')) {
      continue;
    }
    const raw = zip.subarray(data, data + size);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, method === 8 ? inflateRawSync(raw) : raw);
    names.push(name);
  }
  return names;
}
