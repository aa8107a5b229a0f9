// End-to-end browser tests of the web UI of `parallax serve`, in headless
// Debian Chromium driven by playwright-core (no browser download, no test
// runner). Prints one PASS / FAIL / SKIP line per step and exits non-zero on
// any failure. See README.md beside this file; scripts/e2e.sh starts the
// server and runs this.
//
// Environment:
//   E2E_BASE_URL   the running server, e.g. http://127.0.0.1:8080 (required)
//   E2E_TOKEN      the server's --token (optional; without it the 401 check is skipped)
//   E2E_ARTIFACTS  where screenshots go (default: <repo>/target/e2e-artifacts)
//   E2E_CHROMIUM   the browser (default: /usr/bin/chromium)
//   E2E_FIXTURE    the hostile articles (default: fixtures/hostile.jsonl beside this file)

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const BASE = (process.env.E2E_BASE_URL || '').replace(/\/+$/, '');
const TOKEN = process.env.E2E_TOKEN || '';
const ARTIFACTS = path.resolve(process.env.E2E_ARTIFACTS || path.join(REPO, 'target', 'e2e-artifacts'));
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const FIXTURE = process.env.E2E_FIXTURE || path.join(HERE, 'fixtures', 'hostile.jsonl');
const TIMEOUT_MS = 15_000;

// The payloads of fixtures/hostile.jsonl. Each must show up as literal text
// wherever the field carrying it is shown, and never as markup.
const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=window.__pwned=1>',
  "' onmouseover='window.__pwned=1",
  '</textarea><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '</title><b>not bold</b> &amp; <style>body{display:none}</style>',
  '<marquee>Review</marquee>',
  '&lt;b&gt;A. Reader&lt;/b&gt;',
  '<a href="javascript:alert(document.domain)">Click here</a>',
];

if (!BASE) {
  console.error('E2E_BASE_URL is not set (e.g. http://127.0.0.1:8080); scripts/e2e.sh sets it.');
  process.exit(2);
}
fs.mkdirSync(ARTIFACTS, { recursive: true });

// ---------------------------------------------------------------- reporting

const results = [];
const reports = []; // things worth knowing that are not failures (CSP reports, notes)

function line(status, name, detail) {
  const text = `${status.padEnd(4)} ${name}${detail ? ` — ${detail}` : ''}`;
  console.log(text);
  results.push({ status, name, detail });
}

class AssertionError extends Error {}
function expect(cond, message) {
  if (!cond) throw new AssertionError(message);
}
function short(v, n = 160) {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

// A chain of dependent steps: after a failure, the remaining steps of the
// same flow are reported as SKIP.
class Flow {
  constructor(name, page) {
    this.name = name;
    this.page = page;
    this.broken = null;
  }

  async step(name, fn) {
    const full = `${this.name}: ${name}`;
    if (this.broken) {
      line('SKIP', full, `after failure of "${this.broken}"`);
      return undefined;
    }
    try {
      const out = await fn();
      line('PASS', full, typeof out === 'string' ? out : out?.detail);
      return out;
    } catch (e) {
      this.broken = name;
      line('FAIL', full, e instanceof AssertionError ? e.message : (e?.stack || String(e)));
      await this.failShot(name);
      return undefined;
    }
  }

  // A check that is recorded but does not stop the flow.
  async check(name, fn) {
    const full = `${this.name}: ${name}`;
    if (this.broken) {
      line('SKIP', full, `after failure of "${this.broken}"`);
      return undefined;
    }
    try {
      const out = await fn();
      line('PASS', full, typeof out === 'string' ? out : out?.detail);
      return out;
    } catch (e) {
      line('FAIL', full, e instanceof AssertionError ? e.message : (e?.stack || String(e)));
      await this.failShot(name);
      return undefined;
    }
  }

  async failShot(name) {
    if (!this.page || this.page.isClosed()) return;
    const file = `FAIL-${this.name}-${name}`.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100) + '.png';
    try {
      await this.page.screenshot({ path: path.join(ARTIFACTS, file), fullPage: true, timeout: 5000 });
    } catch {
      /* the page may be gone */
    }
  }
}

// ---------------------------------------------------------------- HTTP API

async function api(pathAndQuery, init = {}) {
  const res = await fetch(BASE + pathAndQuery, init);
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

async function apiJson(pathAndQuery) {
  const r = await api(pathAndQuery);
  expect(r.status === 200 && r.json !== undefined, `GET ${pathAndQuery} → ${r.status} ${short(r.text)}`);
  return r.json;
}

async function waitForSearchCaughtUp(timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    last = await api('/healthz');
    if (last.status === 200 && last.json?.search?.behind === 0) return last.json;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new AssertionError(`search index still behind after ${timeoutMs} ms: ${short(last?.text)}`);
}

// ---------------------------------------------------------------- browser

function launchArgs() {
  return [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ];
}

// Per page: dialogs (fail), page errors and CSP console reports (recorded).
function instrument(page, label) {
  const events = { dialogs: [], pageErrors: [], csp: [], consoleErrors: [] };
  page.on('dialog', async (d) => {
    events.dialogs.push(`${d.type()}: ${d.message()}`);
    try {
      await d.dismiss();
    } catch {
      /* already handled */
    }
  });
  page.on('pageerror', (e) => events.pageErrors.push(String(e?.message || e)));
  page.on('console', (m) => {
    const t = m.text();
    const at = m.location()?.url || '';
    // The document's own status (a 404 page we asked for) is checked elsewhere.
    if (/^Failed to load resource/.test(t) && at === page.url()) return;
    if (/Content.Security.Policy/i.test(t)) events.csp.push(t);
    else if (m.type() === 'error' && !/favicon\.ico$/.test(m.location()?.url || '')) events.consoleErrors.push(t);
  });
  page.setDefaultTimeout(TIMEOUT_MS);
  page.setDefaultNavigationTimeout(TIMEOUT_MS);
  return { label, events, reset() {
    for (const k of Object.keys(events)) events[k].length = 0;
  } };
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
}

// Checks a loaded HTML page for any sign that markup from the data became
// markup in the page, plus the response headers of the contract.
async function assertClean(page, probe, response, where) {
  const problems = [];
  if (response) {
    const h = response.headers();
    const ct = h['content-type'] || '';
    if (!/^text\/html/i.test(ct)) problems.push(`content-type is "${ct}", expected text/html`);
    const csp = h['content-security-policy'] || '';
    const scriptSrc = /(?:^|;)\s*script-src\s+([^;]*)/i.exec(csp)?.[1]?.trim();
    const defaultSrc = /(?:^|;)\s*default-src\s+([^;]*)/i.exec(csp)?.[1]?.trim();
    const forbids = scriptSrc !== undefined ? scriptSrc === "'none'" : defaultSrc === "'none'";
    if (!forbids) problems.push(`Content-Security-Policy does not forbid scripts: "${csp}"`);
  }
  const dom = await page.evaluate(() => {
    const bad = [];
    const describe = (el) => el.outerHTML.slice(0, 120);
    // The UI has no script at all, anywhere.
    for (const el of document.querySelectorAll('script, iframe, frame, object, embed, applet, svg[onload], img[onerror], marquee, base')) {
      bad.push(`element ${describe(el)}`);
    }
    // Inside the body: no styles or refreshes smuggled in by data.
    for (const el of document.body.querySelectorAll('style, meta, link')) bad.push(`element in body ${describe(el)}`);
    for (const el of document.body.querySelectorAll('b')) {
      if (el.textContent === 'not bold') bad.push(`element ${describe(el)}`);
    }
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        const name = a.name.toLowerCase();
        if (name.startsWith('on')) bad.push(`event attribute ${name} on ${describe(el)}`);
        if (['href', 'src', 'action', 'formaction', 'srcdoc', 'data', 'xlink:href'].includes(name)) {
          const v = a.value.replace(/[\u0000-\u0020]+/g, '').toLowerCase();
          if (v.startsWith('javascript:') || v.startsWith('data:text/html') || v.startsWith('vbscript:')) {
            bad.push(`${name}="${a.value}" on ${describe(el)}`);
          }
          if (name === 'srcdoc') bad.push(`srcdoc on ${describe(el)}`);
        }
      }
    }
    const framesPwned = [...document.querySelectorAll('iframe')].some((f) => {
      try {
        return f.contentWindow && f.contentWindow.__pwned !== undefined;
      } catch {
        return false;
      }
    });
    const body = document.body;
    const hidden = getComputedStyle(body).display === 'none' || body.getBoundingClientRect().height === 0;
    return { bad, pwned: typeof window.__pwned, framesPwned, hidden };
  });
  if (dom.pwned !== 'undefined') problems.push(`window.__pwned is ${dom.pwned}`);
  if (dom.framesPwned) problems.push('an iframe has __pwned set');
  if (dom.hidden) problems.push('the body is hidden (an injected style?)');
  problems.push(...dom.bad);
  if (probe.events.dialogs.length) problems.push(`dialogs: ${probe.events.dialogs.join(' | ')}`);
  if (probe.events.pageErrors.length) {
    reports.push(`${where}: page errors: ${probe.events.pageErrors.join(' | ')}`);
  }
  if (probe.events.csp.length) {
    // CSP blocking something means something tried to run; the DOM checks
    // above decide whether that is a failure, here we only report it.
    reports.push(`${where}: CSP reports: ${probe.events.csp.map((s) => short(s, 200)).join(' | ')}`);
  }
  if (probe.events.consoleErrors.length) {
    reports.push(`${where}: console errors: ${probe.events.consoleErrors.map((s) => short(s, 200)).join(' | ')}`);
  }
  const uniq = [...new Set(problems.map((x) => x.replace(/\s+/g, ' ')))];
  const shown = uniq.slice(0, 8).join('; ') + (uniq.length > 8 ? `; … ${uniq.length - 8} more` : '');
  expect(uniq.length === 0, `${where}: ${shown}`);
  return `clean${probe.events.csp.length ? ` (${probe.events.csp.length} CSP reports)` : ''}`;
}

async function assertNav(page, where) {
  for (const href of ['/', '/people', '/search']) {
    const n = await page.locator(`nav a[href="${href}"]`).count();
    expect(n >= 1, `${where}: no nav link to ${href}`);
  }
}

async function goto(page, probe, url) {
  probe.reset();
  const response = await page.goto(BASE + url, { waitUntil: 'load' });
  return response;
}

async function clickAndWait(page, probe, locator) {
  probe.reset();
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
  return response;
}

async function bodyText(page) {
  return page.evaluate(() => document.body.innerText);
}

const norm = (s) => String(s).replace(/\s+/g, ' ').trim();
// A count the API may give as a number or as the list itself.
const num = (v) => (Array.isArray(v) ? v.length : Number(v));

// Every payload that occurs in any string of `data` (an API answer for the
// same page) must be visible literally in the page's text.
function payloadsIn(data) {
  const found = new Set();
  const walk = (v) => {
    if (typeof v === 'string') {
      for (const p of PAYLOADS) if (v.includes(p)) found.add(p);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(data);
  return [...found];
}

async function assertPayloadsLiteral(page, expected, where) {
  const text = norm(await bodyText(page));
  const missing = expected.filter((p) => !text.includes(norm(p)));
  expect(missing.length === 0, `${where}: payload text not shown literally: ${missing.map((m) => JSON.stringify(m)).join(', ')}`);
  return `${expected.length} payload(s) shown as text`;
}

// ---------------------------------------------------------------- 1. walk

const STOP = new Set(
  'about after again their there these those which while would could should where other being were have this that with from they them will what when your into than then also said says just more most only over such very because before'.split(' '),
);

function pickWord(text) {
  const words = (text.match(/\p{L}{5,}/gu) || []).filter((w) => !STOP.has(w.toLowerCase()));
  words.sort((a, b) => b.length - a.length);
  return words[0];
}

async function walk(ctx) {
  const page = await ctx.newPage();
  const probe = instrument(page, 'walk');
  const flow = new Flow('walk', page);
  const state = {};

  await flow.step('01 story list', async () => {
    const res = await goto(page, probe, '/');
    expect(res && res.status() === 200, `GET / → ${res?.status()}`);
    await page.locator('table[data-testid=story-list]').waitFor();
    const rows = await page.locator('tr[data-testid=story-row]').count();
    expect(rows >= 1, 'no tr[data-testid=story-row]');
    const links = await page.locator('tr[data-testid=story-row] a[data-testid=story-link][href^="/stories/"]').count();
    expect(links === rows, `${rows} rows but ${links} a[data-testid=story-link][href^="/stories/"]`);
    expect((await page.locator('form[data-testid=story-filter] input[name=q]').count()) === 1, 'no form[data-testid=story-filter] input[name=q]');
    await assertNav(page, '/');
    await shot(page, '01-list.png');
    return `${rows} stories; ${await assertClean(page, probe, res, '/')}`;
  });

  await flow.step('02 sort by largest', async () => {
    const link = page.locator('a[data-testid=sort-largest]');
    expect((await page.locator('a[data-testid=sort-recent]').count()) >= 1, 'no a[data-testid=sort-recent]');
    expect((await link.count()) >= 1, 'no a[data-testid=sort-largest]');
    const res = await clickAndWait(page, probe, link.first());
    expect(res && res.status() === 200, `sort-largest → ${res?.status()}`);
    const first = page.locator('tr[data-testid=story-row] a[data-testid=story-link]').first();
    const href = await first.getAttribute('href');
    const title = norm(await first.innerText());
    const top = await apiJson('/api/v1/stories?sort=largest&limit=5');
    const maxArticles = Math.max(...top.stories.map((s) => num(s.articles)));
    const apiFirst = top.stories[0];
    expect(href === `/stories/${apiFirst.id}`, `first row links ${href}, the API's largest story is ${apiFirst.id}`);
    expect(num(apiFirst.articles) === maxArticles, `API sort=largest is not sorted: ${short(top.stories.map((s) => s.articles))}`);
    state.story = apiFirst;
    state.top = (await apiJson('/api/v1/stories?sort=largest&limit=20')).stories;
    state.firstTitle = title;
    await shot(page, '02-list-largest.png');
    return `first: ${href} "${short(title, 60)}" (${apiFirst.articles} articles, ${apiFirst.outlets} outlets); ${await assertClean(page, probe, res, '/?sort=largest')}`;
  });

  // The story page of the contract; `file` is its screenshot.
  const checkStoryPage = async (res, storyId, file) => {
    expect(res && res.status() === 200, `story page → ${res?.status()}`);
    expect(new URL(page.url()).pathname === `/stories/${storyId}`, `landed on ${page.url()}, want /stories/${storyId}`);
    const h1 = norm(await page.locator('h1').first().innerText());
    expect(h1.length > 0, 'empty h1');
    const data = await apiJson(`/api/v1/stories/${storyId}`);
    expect(h1 === norm(data.story.title), `h1 "${h1}" ≠ API title "${data.story.title}"`);
    const outlets = await page.locator('section[data-testid=coverage] tr[data-testid=outlet-row]').count();
    expect(outlets >= 2, `coverage rows: ${outlets} (want ≥ 2)`);
    expect(outlets === num(data.story.outlets), `coverage rows ${outlets} ≠ API outlets ${short(data.story.outlets)}`);
    const facts = page.locator('section[data-testid=comparison] [data-testid=fact]');
    const nFacts = await facts.count();
    expect(nFacts >= 1, 'no [data-testid=fact] in section[data-testid=comparison]');
    const statuses = await facts.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    const badStatus = statuses.filter((x) => !['corroborated', 'exclusive', 'conflicting'].includes(x));
    expect(badStatus.length === 0, `facts with data-status outside corroborated|exclusive|conflicting: ${short(badStatus)}`);
    const emptyFacts = await facts.evaluateAll((els) => els.filter((e) => e.innerText.trim().length === 0).length);
    expect(emptyFacts === 0, `${emptyFacts} facts without evidence text`);
    expect((await page.locator('section[data-testid=quotes]').count()) === 1, 'no section[data-testid=quotes]');
    const groups = await page.locator('section[data-testid=quotes] [data-testid=quote-group]').count();
    const apiGroups = data.comparison?.quote_groups?.length ?? 0;
    expect(groups === apiGroups, `${groups} [data-testid=quote-group] but the API has ${apiGroups} quote groups`);
    expect((await page.locator('section[data-testid=conflicts]').count()) === 1, 'no section[data-testid=conflicts]');
    const items = page.locator('section[data-testid=timeline] li[data-testid=timeline-item]');
    const nItems = await items.count();
    expect(nItems >= outlets, `timeline items ${nItems} < outlets ${outlets}`);
    const itemLinks = await page.locator('section[data-testid=timeline] li[data-testid=timeline-item] a[href^="/articles/"]').count();
    expect(itemLinks >= nItems, `${nItems} timeline items but ${itemLinks} links to /articles/`);
    await assertNav(page, 'story page');
    await shot(page, file);
    const count = (x) => statuses.filter((y) => y === x).length;
    return {
      groups,
      detail: `/stories/${storyId} "${short(h1, 60)}": ${outlets} outlets, ${nFacts} facts (${count('corroborated')} corroborated, ${count('exclusive')} exclusive, ${count('conflicting')} conflicting), ${groups} quote groups, ${nItems} timeline items; ${await assertClean(page, probe, res, 'story page')}`,
    };
  };

  await flow.step('03 largest story page', async () => {
    const res = await clickAndWait(page, probe, page.locator('tr[data-testid=story-row] a[data-testid=story-link]').first());
    const out = await checkStoryPage(res, state.story.id, '03-story.png');
    state.groups = out.groups;
    return out;
  });

  // The walk goes on through a quote group. When the largest story has none
  // (no utterance quoted by two outlets: true of the example data's largest
  // story), it takes the largest story that has one, from the same list.
  await flow.step('03b story with a quote group', async () => {
    if (state.groups >= 1) return `the largest story has ${state.groups} quote groups`;
    let pick;
    for (const s of state.top) {
      const d = await apiJson(`/api/v1/stories/${s.id}`);
      if ((d.comparison?.quote_groups?.length ?? 0) >= 1 && num(s.outlets) >= 2) {
        pick = s;
        break;
      }
    }
    expect(pick, `none of the ${state.top.length} largest stories has a quote group`);
    reports.push(`walk: the largest story ${state.story.id} has no quote group (no utterance quoted by two outlets); the walk continues through story ${pick.id}`);
    let res = await clickAndWait(page, probe, page.locator('nav a[href="/"]').first());
    res = await clickAndWait(page, probe, page.locator('a[data-testid=sort-largest]').first());
    expect(res && res.status() === 200, `sort-largest → ${res?.status()}`);
    const link = page.locator(`tr[data-testid=story-row] a[data-testid=story-link][href="/stories/${pick.id}"]`);
    expect((await link.count()) === 1, `story ${pick.id} not in the list sorted by largest`);
    res = await clickAndWait(page, probe, link);
    const out = await checkStoryPage(res, pick.id, '03b-story-with-quotes.png');
    expect(out.groups >= 1, `story ${pick.id}: no [data-testid=quote-group]`);
    state.story = pick;
    return out;
  });

  await flow.step('04 person page', async () => {
    const link = page.locator('section[data-testid=quotes] [data-testid=quote-group] a[data-testid=person-link][href^="/people/"]').first();
    expect((await link.count()) === 1, 'no a[data-testid=person-link][href^="/people/"] in a quote group');
    const href = await link.getAttribute('href');
    const name = norm(await link.innerText());
    const res = await clickAndWait(page, probe, link);
    expect(res && res.status() === 200, `${href} → ${res?.status()}`);
    const h1 = norm(await page.locator('h1').first().innerText());
    expect(h1.length > 0, 'empty h1');
    const quotes = page.locator('ul[data-testid=person-quotes] li[data-testid=person-quote]');
    const n = await quotes.count();
    expect(n >= 1, 'no li[data-testid=person-quote]');
    const withStory = await page.locator('ul[data-testid=person-quotes] li[data-testid=person-quote] a[href^="/stories/"]').count();
    expect(withStory >= 1, 'no person-quote links to a story');
    const key = decodeURIComponent(href.slice('/people/'.length));
    const ent = await apiJson(`/api/v1/entities/${encodeURIComponent(key)}`);
    expect(ent.quotes?.length >= 1, `API /api/v1/entities/${key} has no quotes`);
    state.person = { href, key, name: h1, quotes: ent.quotes };
    await assertNav(page, 'person page');
    await shot(page, '04-person.png');
    return `${href} "${h1}" (link text "${name}"): ${n} quotes; ${await assertClean(page, probe, res, 'person page')}`;
  });

  await flow.step('05 search for a word of the quote', async () => {
    const quote = state.person.quotes.map((q) => q.text).find((t) => pickWord(t)) || '';
    const word = pickWord(quote);
    expect(word, `no usable word in the person's quotes: ${short(quote)}`);
    state.word = word;
    let res = await clickAndWait(page, probe, page.locator('nav a[href="/search"]').first());
    expect(res && res.status() === 200, `/search → ${res?.status()}`);
    const form = page.locator('form[data-testid=search-form]');
    expect((await form.count()) === 1, 'no form[data-testid=search-form]');
    await form.locator('input[name=q]').fill(word);
    probe.reset();
    [res] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), form.locator('input[name=q]').press('Enter')]);
    expect(res && res.status() === 200, `search → ${res?.status()}`);
    const u = new URL(page.url());
    expect(u.pathname === '/search' && u.searchParams.get('q') === word, `landed on ${page.url()}`);
    expect((await page.locator('[data-testid=search-total]').count()) >= 1, 'no [data-testid=search-total]');
    const hits = page.locator('li[data-testid=search-hit]');
    const n = await hits.count();
    expect(n >= 1, `no li[data-testid=search-hit] for "${word}"`);
    const marks = await page.locator('li[data-testid=search-hit] mark').allInnerTexts();
    expect(marks.length >= 1, 'no <mark> in the hits');
    const stem = word.toLowerCase().slice(0, 4);
    expect(marks.some((m) => m.toLowerCase().includes(stem)), `no <mark> contains "${stem}…": ${short(marks)}`);
    expect((await page.locator('form[data-testid=search-form] input[name=q]').inputValue()) === word, 'the search box does not keep the query');
    await assertNav(page, 'search page');
    await shot(page, '05-search.png');
    return `"${word}" (from "${short(quote, 60)}"): ${n} hits, ${marks.length} <mark>; ${await assertClean(page, probe, res, 'search page')}`;
  });

  await flow.step('06 search hit → story', async () => {
    const hits = page.locator('li[data-testid=search-hit]');
    // Prefer a hit in the story we came from.
    let link = hits.locator(`a[href="/stories/${state.story.id}"]`).first();
    if ((await link.count()) === 0) link = hits.locator('a[href^="/stories/"]').first();
    expect((await link.count()) === 1, 'no search hit links to a story');
    const href = await link.getAttribute('href');
    const res = await clickAndWait(page, probe, link);
    expect(res && res.status() === 200, `${href} → ${res?.status()}`);
    expect((await page.locator('h1').count()) >= 1, 'no h1');
    expect((await page.locator('section[data-testid=coverage]').count()) === 1, 'no section[data-testid=coverage]');
    await shot(page, '06-story-from-search.png');
    return `${href}; ${await assertClean(page, probe, res, 'story page from search')}`;
  });

  await flow.step('07 timeline → article', async () => {
    const link = page.locator('section[data-testid=timeline] li[data-testid=timeline-item] a[href^="/articles/"]').first();
    const href = await link.getAttribute('href');
    const res = await clickAndWait(page, probe, link);
    expect(res && res.status() === 200, `${href} → ${res?.status()}`);
    const paras = await page.locator('article[data-testid=article-text] p').count();
    expect(paras >= 1, 'no paragraphs in article[data-testid=article-text]');
    const id = href.slice('/articles/'.length);
    const art = await api(`/api/v1/articles/${id}`);
    if (art.status === 200 && typeof art.json?.text === 'string') {
      const text = norm(await page.locator('article[data-testid=article-text]').innerText());
      const firstPara = norm(art.json.text.split(/\n\s*\n/)[0]);
      expect(text.includes(firstPara), `article text does not contain the first paragraph "${short(firstPara, 60)}"`);
    }
    await assertNav(page, 'article page');
    await shot(page, '07-article.png');
    return `${href}: ${paras} paragraphs; ${await assertClean(page, probe, res, 'article page')}`;
  });

  await flow.check('08 sort by recent, filter form', async () => {
    let res = await goto(page, probe, '/?sort=largest');
    res = await clickAndWait(page, probe, page.locator('a[data-testid=sort-recent]').first());
    expect(res && res.status() === 200, `sort-recent → ${res?.status()}`);
    const recent = await apiJson('/api/v1/stories?sort=recent&limit=5');
    const href = await page.locator('tr[data-testid=story-row] a[data-testid=story-link]').first().getAttribute('href');
    expect(href === `/stories/${recent.stories[0].id}`, `first row ${href}, the API's most recent story is ${recent.stories[0].id}`);
    const word = state.word || 'fire';
    const form = page.locator('form[data-testid=story-filter]');
    await form.locator('input[name=q]').fill(word);
    probe.reset();
    [res] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), form.locator('input[name=q]').press('Enter')]);
    expect(res && res.status() === 200, `filter → ${res?.status()}`);
    expect(new URL(page.url()).searchParams.get('q') === word, `filter landed on ${page.url()}`);
    const rows = await page.locator('tr[data-testid=story-row]').count();
    const api = await apiJson(`/api/v1/stories?q=${encodeURIComponent(word)}&limit=100`);
    // (A full page may hold fewer rows than the API's 100.)
    expect(rows === api.stories.length || (rows >= 20 && api.total > rows),
      `filter "${word}": ${rows} rows, the API has ${api.stories.length} (total ${api.total})`);
    expect(rows >= 1, `filter "${word}" shows no story`);
    await shot(page, '08-list-filtered.png');
    return `recent first ${href}; filter "${word}": ${rows} stories; ${await assertClean(page, probe, res, 'filtered list')}`;
  });

  await page.close();
}

// ---------------------------------------------------------------- 2. hostile input

async function hostile(ctx) {
  const page = await ctx.newPage();
  const probe = instrument(page, 'hostile');
  const flow = new Flow('hostile', page);
  const body = fs.readFileSync(FIXTURE, 'utf8');
  const fixture = body.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
  const state = {};

  if (TOKEN) {
    await flow.check('POST without token → 401 JSON', async () => {
      for (const [label, headers] of [
        ['no Authorization', {}],
        ['wrong token', { authorization: `Bearer ${TOKEN}x` }],
      ]) {
        const r = await api('/api/v1/ingest/articles', {
          method: 'POST',
          headers: { 'content-type': 'application/x-ndjson', ...headers },
          body,
        });
        expect(r.status === 401, `${label}: status ${r.status}, want 401: ${short(r.text)}`);
        expect(/json/i.test(r.headers.get('content-type') || ''), `${label}: content-type ${r.headers.get('content-type')}`);
        expect(r.json?.error && typeof r.json.error === 'object', `${label}: body has no "error" object: ${short(r.text)}`);
        expect(r.json.error.status === 401 || r.json.error.status === undefined, `${label}: error.status ${r.json.error.status}`);
      }
      return 'no Authorization and a wrong token both get 401 {"error": …}';
    });
  } else {
    line('SKIP', 'hostile: POST without token → 401 JSON', 'E2E_TOKEN not set (server started without --token)');
  }

  await flow.step('POST fixtures/hostile.jsonl', async () => {
    const headers = { 'content-type': 'application/x-ndjson' };
    if (TOKEN) headers.authorization = `Bearer ${TOKEN}`;
    const r = await api('/api/v1/ingest/articles', { method: 'POST', headers, body });
    expect(r.status === 201 || r.status === 200, `status ${r.status}: ${short(r.text, 400)}`);
    expect(r.status === 201, `status ${r.status}, the contract says 201`);
    const j = r.json;
    expect(j && Array.isArray(j.articles), `no "articles" array: ${short(r.text, 400)}`);
    const stored = (j.inserted ?? 0) + (j.updated ?? 0) + (j.unchanged ?? 0);
    expect(stored === fixture.length && j.articles.length === fixture.length,
      `${fixture.length} articles posted, answer: ${short(j, 400)}`);
    state.ids = j.articles.map((a) => (typeof a === 'string' ? a : a.id));
    const health = await waitForSearchCaughtUp();
    return `inserted ${j.inserted}, updated ${j.updated}, unchanged ${j.unchanged}, rejects ${short(j.rejects)}; health ${short(health)}`;
  });

  await flow.check('the three reports form one story', async () => {
    const list = await apiJson('/api/v1/stories?sort=recent&limit=100');
    const cands = list.stories.filter((s) => /Orrin Vale/.test(s.title || ''));
    expect(cands.length >= 1, `no story titled "…Orrin Vale…" among ${list.stories.length}: ${short(list.stories.map((s) => s.title), 300)}`);
    const story = cands.sort((a, b) => num(b.articles) - num(a.articles))[0];
    state.story = story;
    state.storyData = await apiJson(`/api/v1/stories/${story.id}`);
    const memberIds = state.storyData.members.map((m) => m.id);
    const expected = state.ids.slice(0, 3);
    const missing = expected.filter((id) => !memberIds.includes(id));
    expect(num(story.outlets) === 3 && missing.length === 0,
      `story ${story.id} has ${story.articles} articles / ${story.outlets} outlets; members ${short(memberIds)}, missing ${short(missing)} (${cands.length} candidate stories)`);
    return `story ${story.id}: "${short(story.title, 70)}", ${story.articles} articles, ${story.outlets} outlets`;
  });

  // Every page visit: load, check nothing ran or became markup, payloads shown
  // literally, screenshot.
  const visit = async (name, file, url, { status = 200, expectPayloads = [], extra } = {}) =>
    flow.check(name, async () => {
      const res = await goto(page, probe, url);
      expect(res, `no response for ${url}`);
      const want = Array.isArray(status) ? status : [status];
      expect(want.includes(res.status()), `${url} → ${res.status()}, want ${want.join('|')}`);
      await page.waitForTimeout(150); // let any injected handler fire
      const clean = await assertClean(page, probe, res, url);
      let more = '';
      if (expectPayloads.length) more += `; ${await assertPayloadsLiteral(page, expectPayloads, url)}`;
      if (extra) more += `; ${await extra(res)}`;
      await shot(page, file);
      return `${url}: ${clean}${more}`;
    });

  if (!state.ids) {
    await page.close();
    return;
  }

  const story = state.story;
  const sd = state.storyData;
  const byId = new Map();
  for (let i = 0; i < state.ids.length; i++) byId.set(state.ids[i], fixture[i]);

  await visit('story list shows the payload title as text', 'h01-list.png', '/', {
    extra: async () => {
      if (!story) return 'story not found, title check skipped';
      const link = page.locator(`a[data-testid=story-link][href="/stories/${story.id}"]`);
      expect((await link.count()) >= 1, `story ${story.id} not on the first page of /`);
      const text = norm(await link.first().innerText());
      expect(norm(story.title).startsWith(text.replace(/…$/, '')) && text.length > 10, `link text "${text}" vs title "${story.title}"`);
      const literal = PAYLOADS.filter((p) => story.title.includes(p));
      expect(literal.length >= 1, `the story title carries no payload: "${story.title}"`);
      expect((await page.getByText(literal[0]).count()) >= 1, `getByText(${JSON.stringify(literal[0])}) found nothing`);
      return `title shown literally: "${short(text, 80)}"`;
    },
  });

  await visit('story list filtered by a payload (reflected in the form)', 'h02-list-filter.png',
    `/?q=${encodeURIComponent(PAYLOADS[2])}`, {
      extra: async () => {
        const v = await page.locator('form[data-testid=story-filter] input[name=q]').inputValue();
        expect(v === PAYLOADS[2], `filter box value ${JSON.stringify(v)}, want ${JSON.stringify(PAYLOADS[2])}`);
        return 'query kept verbatim in the filter box';
      },
    });

  if (story) {
    await visit('hostile story page', 'h03-story.png', `/stories/${story.id}`, {
      expectPayloads: payloadsIn({ title: sd.story.title, outlets: sd.members.map((m) => m.outlet), titles: sd.members.map((m) => m.title) }),
      extra: async () => {
        const h1 = norm(await page.locator('h1').first().innerText());
        expect(h1 === norm(sd.story.title), `h1 "${h1}" ≠ "${sd.story.title}"`);
        const cov = norm(await page.locator('section[data-testid=coverage]').innerText());
        const missing = [...new Set(sd.members.map((m) => m.outlet))].filter((o) => !cov.includes(norm(o)));
        expect(missing.length === 0, `outlets not shown literally in coverage: ${short(missing, 300)}`);
        const rows = await page.locator('section[data-testid=coverage] tr[data-testid=outlet-row]').count();
        expect(rows === 3, `${rows} coverage rows, want 3`);
        const people = await page.locator('a[data-testid=person-link]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('href')))]);
        state.people = people;
        // Quotes: every payload in the text of the comparison's quotes is shown.
        const inQuotes = payloadsIn((sd.comparison?.quotes ?? []).map((q) => q.text));
        const shownText = norm(await bodyText(page));
        const qMissing = inQuotes.filter((p) => !shownText.includes(norm(p)));
        expect(qMissing.length === 0, `payloads of quote texts not shown literally: ${short(qMissing, 300)}`);
        const groups = await page.locator('section[data-testid=quotes] [data-testid=quote-group]').count();
        return `h1 and 3 outlets literal; ${groups} quote groups with ${inQuotes.length} payload(s); person links ${short(people, 200)}`;
      },
    });

    await flow.check('speakers found in the hostile story', async () => {
      expect(state.people?.length >= 1, 'no person links on the hostile story page');
      return short(state.people, 200);
    });

    for (const [i, href] of (state.people || []).slice(0, 4).entries()) {
      const key = decodeURIComponent(href.slice('/people/'.length));
      const ent = await api(`/api/v1/entities/${encodeURIComponent(key)}`);
      await visit(`person page ${href}`, `h04-person-${i + 1}.png`, href, {
        expectPayloads: ent.status === 200 ? payloadsIn((ent.json.quotes || []).map((q) => q.text)) : [],
        extra: async () => {
          const h1 = norm(await page.locator('h1').first().innerText());
          expect(ent.status === 200, `API /api/v1/entities/${key} → ${ent.status}`);
          expect(h1 === norm(ent.json.entity?.name ?? h1), `h1 "${h1}" ≠ API name "${ent.json.entity?.name}"`);
          const n = await page.locator('li[data-testid=person-quote]').count();
          expect(n >= 1, 'no li[data-testid=person-quote]');
          return `"${h1}", ${n} quotes`;
        },
      });
    }
  }

  for (const [i, word] of ['pwned', 'onerror'].entries()) {
    await visit(`search "${word}" (snippets escaped, <mark> kept)`, `h05-search-${word}.png`, `/search?q=${word}&kind=all`, {
      extra: async () => {
        const n = await page.locator('li[data-testid=search-hit]').count();
        expect(n >= 1, `no hits for "${word}"`);
        const marks = await page.locator('li[data-testid=search-hit] mark').allInnerTexts();
        expect(marks.some((m) => m.toLowerCase().includes(word)), `no <mark>${word}</mark>: ${short(marks)}`);
        const text = norm(await page.locator('li[data-testid=search-hit]').allInnerTexts().then((a) => a.join(' ')));
        expect(/[<>]/.test(text), 'no literal < or > in any hit: payloads dropped or interpreted?');
        return `${n} hits, ${marks.length} <mark>${i === 0 ? '' : ''}`;
      },
    });
  }

  await visit('search for a whole payload (reflected in the form)', 'h06-search-payload.png',
    `/search?q=${encodeURIComponent(PAYLOADS[0])}&kind=all`, {
      extra: async () => {
        const v = await page.locator('form[data-testid=search-form] input[name=q]').inputValue();
        expect(v === PAYLOADS[0], `search box value ${JSON.stringify(v)}`);
        return 'query kept verbatim in the search box';
      },
    });

  for (const [i, id] of state.ids.entries()) {
    const a = byId.get(id);
    await visit(`article page ${id}`, `h07-article-${i + 1}.png`, `/articles/${id}`, {
      expectPayloads: payloadsIn([a.title, a.text]),
      extra: async () => {
        const el = page.locator('article[data-testid=article-text]');
        expect((await el.count()) === 1, 'no article[data-testid=article-text]');
        const shown = norm(await el.innerText());
        const paras = a.text.split(/\n\s*\n/).map(norm);
        const missing = paras.filter((p) => !shown.includes(p));
        expect(missing.length === 0, `paragraphs not shown literally: ${short(missing, 300)}`);
        const stored = await api(`/api/v1/articles/${id}`);
        const url = stored.json?.url ?? stored.json?.article?.url;
        const links = await page.locator('a[href]').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
        if (url) {
          const host = new URL(url).host;
          const toSource = links.filter((h) => h.includes(host));
          expect(toSource.every((h) => h === url), `links to the source differ from its URL ${url}: ${short(toSource)}`);
        }
        return `${paras.length} paragraphs literal; url ${url ?? 'none'}`;
      },
    });
  }

  await visit('unknown story id with markup', 'h08-404.png', `/stories/${encodeURIComponent(PAYLOADS[0])}`, { status: [400, 404] });
  await visit('unknown person with markup', 'h09-404-person.png', `/people/${encodeURIComponent(PAYLOADS[1])}`, { status: [200, 404] });
  await visit('people index', 'h10-people.png', '/people');

  await page.close();
}

// ---------------------------------------------------------------- main

async function main() {
  console.log(`e2e: ${BASE}, Chromium ${CHROMIUM}, screenshots in ${ARTIFACTS}`);
  const health = await api('/healthz').catch((e) => ({ status: 0, text: String(e) }));
  if (health.status !== 200) {
    line('FAIL', 'server health', `GET /healthz → ${health.status} ${short(health.text)}`);
    return finish();
  }
  line('PASS', 'server health', short(health.text, 200));

  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallax-e2e-chromium-'));
  let ctx;
  try {
    ctx = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: launchArgs(),
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: true, // needed for page.evaluate; the pages themselves carry none
    });
    line('PASS', 'launch Chromium', `${ctx.browser()?.version?.() ?? 'persistent context'}`);
  } catch (e) {
    line('FAIL', 'launch Chromium', String(e?.message || e).split('\n')[0]);
    fs.rmSync(userDataDir, { recursive: true, force: true });
    return finish();
  }
  try {
    await walk(ctx);
    await hostile(ctx);
  } catch (e) {
    line('FAIL', 'harness', e?.stack || String(e));
  } finally {
    await ctx.close().catch(() => {});
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  return finish();
}

function finish() {
  if (reports.length) {
    console.log('\nReports (not failures):');
    for (const r of reports) console.log(`  NOTE ${r}`);
  }
  const count = (s) => results.filter((r) => r.status === s).length;
  console.log(`\ne2e: ${count('PASS')} passed, ${count('FAIL')} failed, ${count('SKIP')} skipped; screenshots in ${ARTIFACTS}`);
  process.exitCode = count('FAIL') > 0 ? 1 : 0;
}

await main();
