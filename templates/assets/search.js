// Search as you type (templates/search.ftlh) from the index files beside the page (org.abierto.search),
// loading only those a query needs. Results are DOM nodes: no text of the index is read as HTML.
(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const box = $('search');
  const field = $('search-query');
  const status = $('search-status');
  const list = $('search-results');
  const more = box && box.querySelector('button');
  if (!field || !status || !list || !more) return;
  const PAGE = 10; // results shown at a time
  const PREFIX = 3; // letters from which the word being typed also finds longer words
  const PAUSE = 150; // ms without typing before a query loads files (below)
  const SLOW = 500;
  let keyAt = -1e9;
  let keyGap = 0;
  let split = false;
  const here = new URL('.', location.href);

  // Each index file is a script calling abiertoSearch.add: it loads from disk too.
  const arrived = new Map();
  const files = new Map();
  window.abiertoSearch = {
    add: (name, data) => arrived.set(name, data),
    terms: async (text) => termsOf((await start()) && rules, text).map((w) => w.term), // for the tests
  };
  /** Thrown by a lookup that may use only the files loaded (or loading) and needs another. */
  const NOT_LOADED = new Error('not loaded');
  const load = (name, mayLoad = true) => {
    if (!files.has(name)) {
      if (!mayLoad) return Promise.reject(NOT_LOADED);
      files.set(name, new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = new URL(name + '.js', here).href;
        script.onload = script.onerror = () => {
          script.remove();
          if (arrived.has(name)) return resolve(arrived.get(name));
          files.delete(name);
          reject(new Error(name));
        };
        document.head.append(script);
      }));
    }
    return files.get(name);
  };

  // Text to terms, as org.abierto.search.Terms does.
  const fold = (text) => text.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '');
  const ends = (w, ...endings) => endings.some((e) => w.endsWith(e));
  const STEMMERS = {
    es: (w, n = w.length) => (n >= 5 && ends(w, 'os', 'as', 'es') ? w.slice(0, -2)
      : n >= 4 && ends(w, 'o', 'a', 'e') ? w.slice(0, -1)
        : n >= 3 && w.endsWith('z') ? w.slice(0, -1) + 'c' : w),
    en: (w, n = w.length) => (n >= 5 && w.endsWith('ies') && !'ae'.includes(w[n - 4]) ? w.slice(0, -3) + 'y'
      : n >= 5 && ends(w, 'sses', 'xes', 'ches', 'shes', 'zzes') ? w.slice(0, -2)
        : n >= 4 && w.endsWith('s') && !ends(w, 'ss', 'us', 'is') ? w.slice(0, -1) : w),
  };
  let rules = null;
  /** Every word of a text: {term (null: stop word), folded, start, end, acronym}. */
  const termsOf = (r, text) => {
    const words = [];
    for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
      for (const w of fold(m[0]).matchAll(/[\p{L}\p{N}]+/gu)) {
        const folded = w[0];
        const stop = folded.length === 1 ? /\D/.test(folded) : r.stop.has(folded);
        words.push({ term: stop ? null : r.stem(folded), folded, start: m.index, end: m.index + m[0].length,
          acronym: /^\p{Lu}{2,6}$/u.test(m[0]) });
      }
    }
    return words;
  };

  // The index: how to read it, then the rest as needed.
  let meta = null;
  const start = () => meta || (meta = load('meta').then((m) => {
    rules = { stem: STEMMERS[m.stemmer] || ((w) => w), stop: new Set(m.stop) };
    split = m.terms.length > 1 || m.texts.length > 1;
    return m;
  }));
  const last = (sorted, value) => { // the index of the last item ≤ value, or 0
    let lo = 0;
    for (let hi = sorted.length - 1; lo < hi;) {
      const mid = (lo + hi + 1) >> 1;
      if (sorted[mid] <= value) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  const chunks = new Map(); // N → term → [postings, number]
  const chunk = async (m, i, mayLoad) => {
    if (!chunks.has(i)) {
      const data = await load('terms-' + i, mayLoad);
      chunks.set(i, new Map(data.filter((_, k) => k % 2 === 0).map((t, k) => [t, [data[2 * k + 1], m.termNumbers[i] + k]])));
    }
    return chunks.get(i);
  };
  const entry = (m, term) => chunks.get(last(m.terms, term)).get(term);
  /** The terms equal to `term`, or also starting with it when `prefix`. */
  const lookUp = async (m, term, prefix, mayLoad) => {
    const found = [];
    for (let i = last(m.terms, term), to = prefix ? last(m.terms, term + '\uffff') : i; i <= to; i++) {
      for (const t of (await chunk(m, i, mayLoad)).keys()) if (t === term || (prefix && t.startsWith(term))) found.push(t);
    }
    return found;
  };
  const DIGIT = {};
  [...'0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVwxyzWXYZ-_'].forEach((c, i) => { DIGIT[c] = i; });
  const numbers = (text) => { // org.abierto.search.Numbers
    const out = [];
    let n = 0;
    for (const c of text) {
      const d = DIGIT[c];
      n = n * 32 + (d & 31);
      if (d < 32) { out.push(n); n = 0; }
    }
    return out;
  };
  const postings = new Map();
  /** A term's postings: page → {weight, positions once placed}. */
  const read = (m, term) => {
    if (!postings.has(term)) {
      const pages = new Map();
      const n = numbers(entry(m, term)[0]);
      for (let i = 0, doc = 0; i < n.length; i += 2) pages.set(doc = pages.size ? doc + n[i] : n[i], { weight: n[i + 1] });
      postings.set(term, pages);
    }
    return postings.get(term);
  };
  /** Adds where the term is in each page (only a phrase loads them). */
  const place = async (m, term, mayLoad) => {
    const pages = read(m, term);
    const t = entry(m, term)[1];
    const i = last(m.positions, t);
    if (pages.placed) return;
    const n = numbers((await load('positions-' + i, mayLoad))[t - m.positions[i]]);
    let k = 0;
    for (const hit of pages.values()) {
      hit.positions = [];
      for (let c = n[k++], p = 0; c > 0; c--) hit.positions.push(p += n[k++]);
    }
    pages.placed = true;
  };

  /**
   * The groups a page must all match: a word (its stem, and while it is typed the longer words it
   * starts), or a phrase in quotes (its words at their distances; stop words keep their place).
   */
  const parse = (query) => {
    const parts = query.replace(/[“”«»„]/g, '"').split('"');
    const groups = [];
    parts.forEach((part, i) => {
      const words = termsOf(rules, part);
      const phrase = words.map((w, at) => ({ term: w.term, at })).filter((w) => w.term);
      if (i % 2 && phrase.length > 1) groups.push({ phrase });
      else words.forEach((w) => w.term && groups.push({ word: w.term, folded: w.folded }));
    });
    const tail = groups[groups.length - 1];
    if (/[\p{L}\p{N}]$/u.test(query) && parts.length % 2 && tail && tail.word && tail.folded.length >= PREFIX) {
      tail.prefix = tail.folded;
    }
    return groups;
  };

  /** Page → score for one group, and the terms it matched. */
  const match = async (m, group, mayLoad) => {
    const scores = new Map();
    const idf = (pages) => Math.log(1 + m.docs / pages.size);
    if (group.phrase) {
      for (const { term } of group.phrase) if (!(await lookUp(m, term, false, mayLoad)).length) return { scores, matched: [] };
      const lists = group.phrase.map(({ term }) => read(m, term));
      const docs = [...lists[0].keys()].filter((doc) => lists.every((l) => l.has(doc)));
      if (docs.length) await Promise.all(group.phrase.map(({ term }) => place(m, term, mayLoad)));
      const offset = group.phrase.map(({ at }) => at - group.phrase[0].at);
      for (const doc of docs) {
        if (lists[0].get(doc).positions.some((p) => lists.every((l, k) => l.get(doc).positions.includes(p + offset[k])))) {
          scores.set(doc, 2 * lists.reduce((s, l) => s + l.get(doc).weight * idf(l), 0));
        }
      }
      return { scores, matched: group.phrase.map((w) => w.term) };
    }
    const terms = new Set(await lookUp(m, group.word, false, mayLoad));
    if (group.prefix) (await lookUp(m, group.prefix, true, mayLoad)).forEach((t) => terms.add(t));
    for (const term of terms) {
      const pages = read(m, term);
      const weight = idf(pages) * (term === group.word ? 1 : 0.8);
      for (const [doc, hit] of pages) scores.set(doc, Math.max(scores.get(doc) || 0, hit.weight * weight));
    }
    return { scores, matched: [...terms] };
  };

  /** Thrown when a newer query came while this one waited for files: it loads no more. */
  const SUPERSEDED = new Error('superseded');
  const search = async (query, current, mayLoad) => {
    const m = await start();
    const groups = parse(query);
    const results = [];
    for (const g of groups) { // one after the other: a newer query stops the loading
      if (!current()) throw SUPERSEDED;
      results.push(await match(m, g, mayLoad));
    }
    // Two short words side by side ("info nl") also find them written together ("INFONL").
    for (let i = 0; i + 1 < results.length; i++) {
      if (!current()) throw SUPERSEDED;
      const [a, b] = groups.slice(i, i + 2);
      if (!a.word || !b.word || a.folded.length > 6 || b.folded.length > 6) continue;
      const joined = rules.stem(a.folded + b.folded);
      if (!(await lookUp(m, joined, false, mayLoad)).length) continue;
      const both = await match(m, { word: joined }, mayLoad);
      for (const [doc, score] of results[i].scores) {
        const other = results[i + 1].scores.get(doc);
        if (other !== undefined) both.scores.set(doc, Math.max(both.scores.get(doc) || 0, score + other));
      }
      both.matched.push(...results[i].matched, ...results[i + 1].matched);
      results.splice(i, 2, both);
      groups.splice(i, 2, {});
    }
    let pages = results.length ? [...results[0].scores.keys()] : [];
    for (const r of results.slice(1)) pages = pages.filter((d) => r.scores.has(d));
    const score = new Map(pages.map((d) => [d, results.reduce((s, r) => s + r.scores.get(d), 0)]));
    pages.sort((a, b) => score.get(b) - score.get(a) || a - b);
    return { pages, matched: new Set(results.flatMap((r) => r.matched)) };
  };

  /**
   * The line with most matched terms (else the first), about 30 words around the first. Only lines that
   * may hold one become words (stemmers change only a word's end), kept for the next query.
   */
  const lines = new WeakMap(); // a page's blocks → its lines
  const linesOf = (blocks) => {
    if (!lines.has(blocks)) {
      const all = [];
      for (let i = 0; i < blocks.length; i += 2) {
        for (const text of blocks[i + 1].split('\n')) all.push({ anchor: blocks[i], text, letters: null, words: null });
      }
      lines.set(blocks, all);
    }
    return lines.get(blocks);
  };
  const snippet = (blocks, matched) => {
    const stems = [...matched].map((t) => t.slice(0, Math.max(1, t.length - 1)));
    let best = null;
    for (const line of linesOf(blocks)) {
      if (best) {
        if (line.letters === null) line.letters = fold(line.text).replace(/[^\p{L}\p{N}]+/gu, '');
        if (!stems.some((t) => line.letters.includes(t))) continue;
      }
      if (line.words === null) line.words = termsOf(rules, line.text);
      const { text, words } = line;
      const joined = (a, b) => !!(a && b && a.acronym && b.acronym && matched.has(rules.stem(a.folded + b.folded)));
      const hits = words.map((w, k) => matched.has(w.term) || joined(w, words[k + 1]) || joined(words[k - 1], w));
      const distinct = new Set(words.filter((w, k) => hits[k]).map((w) => w.folded)).size;
      if (!best || distinct > best.distinct) best = { anchor: line.anchor, text, words, hits, distinct };
    }
    const parts = [];
    if (!best) return { parts };
    const { text, words, hits } = best;
    const from = Math.max(0, hits.indexOf(true) - 8);
    const to = Math.min(words.length, from + 30);
    let at = from ? words[from].start : 0;
    if (from) parts.push('… ');
    for (let k = from; k < to; k++) {
      if (hits[k]) parts.push(text.slice(at, words[k].start), { mark: text.slice(words[k].start, words[k].end) });
      if (hits[k]) at = words[k].end;
    }
    parts.push(to < words.length ? text.slice(at, words[to - 1].end) + ' …' : text.slice(at));
    return { anchor: best.distinct ? best.anchor : '', parts };
  };

  const element = (name, className, ...children) => {
    const e = document.createElement(name);
    if (className) e.className = className;
    e.append(...children);
    return e;
  };
  const result = (m, [address, title, section, blocks]) => {
    const { anchor, parts } = snippet(blocks, found.matched);
    const link = element('a', '', title);
    link.href = new URL(m.root + address + (m.portable && address.endsWith('/') ? 'index.html' : ''), here).href
      + (anchor ? '#' + encodeURIComponent(anchor) : '');
    return element('li', 'search__result', element('p', 'search__title', link),
      ...(section ? [element('p', 'search__section', section)] : []),
      element('p', 'search__snippet', ...parts.map((p) => (typeof p === 'string' ? p : element('mark', '', p.mark)))));
  };

  // The page.
  let latest = 0;
  let found = { pages: [], matched: new Set() };
  let shown = 0;
  let announce = 0;
  const say = (key, values) => Object.entries(values).reduce((t, [k, v]) => t.split('{' + k + '}').join(v), box.dataset[key]);
  const tell = (text, now) => {
    clearTimeout(announce);
    // While typing, a screen reader would read every count: only the last.
    announce = setTimeout(() => { status.textContent = text; }, now ? 0 : 400);
  };
  /** The next results of `answer` once their texts are loaded; null if a newer query came. */
  const next = async (query, answer = found, mayLoad = true) => {
    const m = await meta;
    if (query !== latest) return null; // superseded: load no texts for it
    const from = answer === found ? shown : 0;
    const entries = await Promise.all(answer.pages.slice(from, from + PAGE).map(async (doc) => {
      const i = last(m.texts, doc);
      return (await load('texts-' + i, mayLoad))[doc - m.texts[i]];
    }));
    if (query !== latest) return null;
    if (answer !== found) {
      found = answer;
      shown = 0;
    }
    shown += entries.length;
    more.hidden = shown >= found.pages.length;
    return entries.map((e) => result(m, e));
  };
  const update = async (now) => {
    const query = field.value.trim();
    const mine = ++latest;
    try {
      history.replaceState(null, '', query ? '?q=' + encodeURIComponent(query) : location.pathname);
    } catch (e) { /* a copy opened from disk may not allow it */ }
    if (!query) {
      list.replaceChildren();
      more.hidden = true;
      return tell('', true);
    }
    if (!rules) tell(box.dataset.loading, true);
    const current = () => mine === latest;
    let items = null;
    // Typing, a query is answered from the files loaded; one needing more waits for a pause (split
    // index: 1.5 × the last key gap, ≤ SLOW) lest "tra", "tran"... each load files. Enter loads at once.
    for (const mayLoad of now ? [true] : [false, true]) {
      try {
        if (mayLoad && !now) {
          await new Promise((done) => { setTimeout(done, split ? Math.min(SLOW, Math.max(PAUSE, 1.5 * keyGap)) : PAUSE); });
          if (!current()) return;
        }
        items = await next(mine, await search(query, current, mayLoad), mayLoad);
        break;
      } catch (e) {
        if (e === NOT_LOADED) continue;
        return e !== SUPERSEDED && current() && tell(box.dataset.failed, true);
      }
    }
    if (!items) return;
    list.replaceChildren(...items);
    const count = found.pages.length;
    tell(say(count ? (count === 1 ? 'one' : 'many') : 'none', { count, query }), now);
  };

  field.addEventListener('input', () => {
    const t = performance.now();
    keyGap = t - keyAt < 2 * SLOW ? t - keyAt : 0; // a key after a long pause starts again
    keyAt = t;
    update(false);
  });
  field.addEventListener('focus', () => start().catch(() => tell(box.dataset.failed, true)));
  field.addEventListener('keydown', (e) => e.key === 'Enter' && update(true));
  more.addEventListener('click', async () => {
    const items = await next(latest);
    if (items && items.length) {
      list.append(...items);
      items[0].querySelector('a').focus();
    }
  });
  box.hidden = false;
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    field.value = initial;
    update(true);
  }
})();
