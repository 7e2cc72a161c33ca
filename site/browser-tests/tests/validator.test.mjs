// The W3C Nu HTML Checker (vnu.jar, from the npm package vnu-jar, run by the machine's Java) over
// every page of the built report and its stylesheets: zero errors. Warnings are reported, not failed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pages, siteDir, walk } from '../lib/site.mjs';

const vnu = join(createRequire(import.meta.url).resolve('vnu-jar/package.json'), '..', 'build', 'dist', 'vnu.jar');
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';

const htmlFiles = pages().map((p) => p.file);
const cssFiles = walk(siteDir).filter((f) => f.endsWith('.css'));

// One run of the checker for all files (one JVM start), then one test per file.
const run = spawnSync(java, ['-jar', vnu, '--format', 'json', '--also-check-css', '--stdout', ...htmlFiles, ...cssFiles],
  { cwd: siteDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (run.error) throw new Error(`could not run ${java} -jar ${vnu}: ${run.error.message}`);
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  throw new Error(`the Nu checker did not answer in JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
}

const byFile = new Map();
for (const m of report.messages) {
  const file = m.url ? decodeURIComponent(new URL(m.url).pathname).slice(siteDir.length + 1) : '(checker)';
  if (!byFile.has(file)) byFile.set(file, []);
  byFile.get(file).push(m);
}
const describe = (file, m) => `${file}:${m.lastLine ?? m.firstLine ?? 0}:${m.firstColumn ?? m.lastColumn ?? 0}: `
  + `${m.subType ?? m.type}: ${m.message}${m.extract ? `\n    ${m.extract.replace(/\n/g, ' ')}` : ''}`;

test('the checker looked at the stylesheet', () => {
  // The theme's stylesheet is published under a fingerprinted name: assets/style.<hash>.css.
  assert.ok(cssFiles.some((f) => /^assets\/style\.[0-9a-f]{10}\.css$/.test(f)), `no assets/style.<hash>.css in ${siteDir}`);
});

test('the checker itself reported no problem', () => {
  const own = byFile.get('(checker)') ?? [];
  assert.deepEqual(own.map((m) => describe('(checker)', m)), []);
});

for (const file of [...htmlFiles, ...cssFiles]) {
  test(file, (t) => {
    const messages = byFile.get(file) ?? [];
    for (const m of messages.filter((x) => x.type !== 'error' && x.type !== 'non-document-error')) {
      t.diagnostic(describe(file, m));
    }
    const errors = messages.filter((x) => x.type === 'error' || x.type === 'non-document-error').map((m) => describe(file, m));
    assert.deepEqual(errors, [], `Nu HTML Checker: ${errors.length} error(s) in ${file}:\n${errors.join('\n')}`);
  });
}
