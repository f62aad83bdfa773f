// The browser tests' harness: Debian's chromium driven by playwright-core
// (never a downloaded browser), axe-core for WCAG 2.1 A/AA, screenshots as
// artifacts, and a small runner whose "ok   - " / "FAIL - " lines match the
// integration tests'. run.sh starts the stack and passes its address in
// TOEGANG_URL and where the artifacts go in TOEGANG_ARTIFACTS.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const BASE = process.env.TOEGANG_URL || 'http://127.0.0.1:8080';
const ARTIFACTS = process.env.TOEGANG_ARTIFACTS || 'artifacts';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// As root without network: no sandbox (root), and none of chromium's own
// calls home, which this machine refuses.
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-features=Translate,OptimizationHints,MediaRouter',
  '--metrics-recording-only', '--no-default-browser-check', '--lang=nl-NL'];

const tests = [];
export function test(naam, fn) { tests.push({ naam, fn }); }

export class Fout extends Error {}
export function verwacht(waar, wat) { if (!waar) throw new Fout(wat); }

let browser = null;
export function browserInstance() { return browser; }

// A fresh context (own sessionStorage) and page. Every console error, page
// error and CSP violation is recorded; eindePagina() fails on any of them.
export async function nieuwePagina({ breedte = 1280, hoogte = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width: breedte, height: hoogte }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  page.fouten = [];
  // Console errors a test causes on purpose (a dropped connection) go here.
  page.verwacht = [];
  page.on('pageerror', (e) => page.fouten.push('pageerror: ' + e.message));
  page.on('console', (m) => {
    // A 4xx the page asked for and handles (a refused form) shows as a console
    // error of the network layer; that is not a fault of the page.
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()) &&
        !page.verwacht.some((re) => re.test(m.text())))
      page.fouten.push('console: ' + m.text());
  });
  page.setDefaultTimeout(10000);
  return page;
}

export async function sluit(page) {
  const fouten = page.fouten;
  await page.context().close();
  verwacht(fouten.length === 0, 'fouten in de pagina: ' + fouten.join(' | '));
}

// A token straight from the dev endpoint (for setting up data by API).
export async function token(rol, claim, waarde) {
  const r = await fetch(BASE + '/api/v1/dev/token', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ role: rol, [claim]: waarde }),
  });
  verwacht(r.status === 200, `dev token ${rol}: ${r.status}`);
  return (await r.json()).token;
}

export async function apiAls(tok, method, pad, body, extra = {}) {
  const headers = { Authorization: 'Bearer ' + tok, ...extra };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const r = await fetch(BASE + pad, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let data = null;
  try { data = await r.json(); } catch { data = null; }
  return { status: r.status, data };
}

// Signs in through the sign-in page, as a person would, and lands on terug
// (or the role's start page).
export async function aanmelden(page, rol, identiteit, terug) {
  await page.goto(BASE + '/aanmelden.html' + (terug ? '?terug=' + encodeURIComponent(terug) : ''));
  await page.getByLabel('Rol').selectOption(rol);
  const veld = page.locator('#identiteit');
  await veld.fill(identiteit);
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/aanmelden.html')),
    page.getByRole('button', { name: 'Aanmelden', exact: true }).click()]);
}

// WCAG 2.1 A and AA by axe-core; returns the violations as text lines.
export async function axe(page) {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

export async function geenAxeFouten(page, waar) {
  const v = await axe(page);
  verwacht(v.length === 0, `axe op ${waar}: ${v.join(' | ')}`);
}

// A full-page screenshot at 360 and 1280 px wide: ARTIFACTS/<naam>-<w>.png.
export async function schermafdrukken(page, naam) {
  const dir = join(ARTIFACTS, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const oud = page.viewportSize();
  for (const w of [360, 1280]) {
    await page.setViewportSize({ width: w, height: 800 });
    await page.screenshot({ path: join(dir, `${naam}-${w}.png`), fullPage: true });
    // Nothing may stick out sideways at 360 px (WCAG 1.4.10 reflow).
    if (w === 360) {
      const breed = await page.evaluate(() => document.documentElement.scrollWidth);
      verwacht(breed <= 360, `${naam}: de pagina is ${breed} px breed bij 360 px`);
    }
  }
  await page.setViewportSize(oud);
}

// A valid BSN not used before in this run (9 digits, elfproef): tests share
// one database, so each makes its own people.
let volgnummer = Math.floor(Math.random() * 1000000);
export function nieuwBsn() {
  for (;;) {
    volgnummer = (volgnummer + 1) % 100000000;
    const basis = String(100000000 + volgnummer * 7 % 89999999).slice(1, 9);
    let som = 0;
    for (let i = 0; i < 8; i++) som += (9 - i) * Number(basis[i]);
    const laatste = som % 11;
    if (laatste === 10 || /^0+$/.test(basis)) continue;
    return basis + laatste;
  }
}

export async function draai(bestanden) {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  for (const b of bestanden) await import(b);
  let goed = 0, fout = 0;
  for (const t of tests) {
    try {
      await t.fn();
      goed++;
      console.log(`ok   - ${t.naam}`);
    } catch (e) {
      fout++;
      console.log(`FAIL - ${t.naam}: ${e instanceof Fout ? e.message : (e && e.stack) || e}`);
    }
  }
  await browser.close();
  return { goed, fout };
}
