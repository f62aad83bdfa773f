// The GP's referral page, the sign-in page and the start page.
import { test, verwacht, nieuwePagina, sluit, aanmelden, geenAxeFouten, schermafdrukken, nieuwBsn, token, apiAls, BASE } from './lib.mjs';

async function zakenVan(rol, claim, waarde) {
  const r = await apiAls(await token(rol, claim, waarde), 'GET', '/api/v1/zaken?limit=100');
  verwacht(r.status === 200, `GET /zaken als ${rol}: ${r.status}`);
  return r.data.zaken;
}

async function vulVerwijzing(page, { kind, ouder, naam }) {
  await page.getByLabel('BSN').first().fill(kind);
  await page.locator('#j-naam').fill(naam);
  await page.locator('#j-geb').fill('2014-05-01');
  await page.locator('#g0-bsn').fill(ouder);
  await page.locator('#g0-naam').fill('Anna de Vries');
  await page.locator('#g0-gem').fill('0301');
  await page.getByLabel('Hulpvraag').fill('Slaapt slecht en gaat niet meer naar school.');
}

test('the start page and the sign-in page: no WCAG 2.1 A/AA violations, screenshots', async () => {
  const page = await nieuwePagina();
  await page.goto(BASE + '/');
  await geenAxeFouten(page, '/');
  await schermafdrukken(page, 'start');
  await page.goto(BASE + '/aanmelden.html');
  await page.getByLabel('Rol').waitFor();
  await geenAxeFouten(page, '/aanmelden.html');
  await schermafdrukken(page, 'aanmelden');
  await sluit(page);
});

test('a page for a role asks to sign in first, and the token is kept in sessionStorage only', async () => {
  const page = await nieuwePagina();
  await page.goto(BASE + '/verwijzing.html');
  await page.getByText('Meld u eerst aan').waitFor();
  verwacht(!(await page.locator('#verwijzing').isVisible()), 'the form shows without sign-in');
  await aanmelden(page, 'huisarts', '01234567', '/verwijzing.html');
  verwacht(page.url() === BASE + '/verwijzing.html', `after sign-in at ${page.url()}`);
  const opslag = await page.evaluate(() => ({ s: JSON.stringify(sessionStorage), l: localStorage.length, c: document.cookie }));
  verwacht(opslag.s.includes('eyJ'), 'no token in sessionStorage');
  verwacht(opslag.l === 0 && opslag.c === '', 'something in localStorage or a cookie');
  verwacht(!page.url().includes('eyJ'), 'the token is in the URL');
  await sluit(page);
});

test('a GP submits a referral and the parent then sees it on their page', async () => {
  const kind = nieuwBsn(), ouder = nieuwBsn();
  const page = await nieuwePagina();
  await aanmelden(page, 'huisarts', '01234567', '/verwijzing.html');
  await vulVerwijzing(page, { kind, ouder, naam: 'Sam de Vries' });
  await geenAxeFouten(page, '/verwijzing.html (ingevuld)');
  await schermafdrukken(page, 'verwijzing');
  await page.getByRole('button', { name: 'Verwijzing versturen' }).click();
  const ref = page.locator('[data-referentie]');
  await ref.waitFor();
  const referentie = await ref.textContent();
  verwacht(/^JH-\d{4}-\d{6,}$/.test(referentie), `referentie ${referentie}`);
  await geenAxeFouten(page, '/verwijzing.html (bevestiging)');
  await schermafdrukken(page, 'verwijzing-bevestiging');
  await sluit(page);

  const ouderPagina = await nieuwePagina({ breedte: 360 });
  await aanmelden(ouderPagina, 'ouder', ouder, '/ouder.html');
  await ouderPagina.getByText(referentie).first().waitFor();
  await ouderPagina.getByText('Sam de Vries').first().waitFor();
  await sluit(ouderPagina);
});

test('a wrong BSN shows an inline error as it is typed, and nothing is submitted', async () => {
  const ouder = nieuwBsn();
  const page = await nieuwePagina();
  let posts = 0;
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/api/v1/verwijzingen')) posts++; });
  await aanmelden(page, 'huisarts', '01234567', '/verwijzing.html');
  await vulVerwijzing(page, { kind: '123456780', ouder, naam: 'Foutje Test' });
  const fout = page.locator('#j-bsn-fout');
  await fout.waitFor();
  verwacht((await fout.textContent()).includes('elfproef'), `error text: ${await fout.textContent()}`);
  verwacht(await page.locator('#j-bsn').getAttribute('aria-invalid') === 'true', 'aria-invalid not set');
  await page.getByRole('button', { name: 'Verwijzing versturen' }).click();
  await page.locator('[data-foutsamenvatting]').getByText('Er is niets verstuurd').waitFor();
  verwacht(posts === 0, `${posts} POST(s) sent with a wrong BSN`);
  verwacht(await page.locator('#j-naam').inputValue() === 'Foutje Test', 'the form lost what was typed');
  await geenAxeFouten(page, '/verwijzing.html (fout)');
  await schermafdrukken(page, 'verwijzing-fout');
  const zaken = await zakenVan('ouder', 'bsn', ouder);
  verwacht(zaken.length === 0, `${zaken.length} zaak/zaken stored for the parent`);
  await sluit(page);
});

test("the API's invalid-params appear next to their field, and a retry reuses the Idempotency-Key", async () => {
  const kind = nieuwBsn(), ouder = nieuwBsn();
  const page = await nieuwePagina();
  const sleutels = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith('/api/v1/verwijzingen')) sleutels.push(r.headers()['idempotency-key']); });
  await aanmelden(page, 'huisarts', '01234567', '/verwijzing.html');
  await vulVerwijzing(page, { kind, ouder, naam: 'Later Geboren' });
  await page.locator('#j-geb').fill('1-1-2099');
  await page.getByRole('button', { name: 'Verwijzing versturen' }).click();
  const fout = page.locator('#j-geb-fout');
  await fout.waitFor();
  verwacht((await fout.textContent()).length > 0, 'no inline error from the API for a future birth date');
  await page.locator('#j-geb').fill('1-5-2014');
  // The first try fails on the way (the network drops): the form keeps it all.
  page.verwacht.push(/ERR_CONNECTION_RESET/);
  await page.route('**/api/v1/verwijzingen', (r) => r.abort('connectionreset'), { times: 1 });
  await page.getByRole('button', { name: 'Verwijzing versturen' }).click();
  await page.locator('[data-foutsamenvatting]').getByText('niet dubbel').waitFor();
  verwacht(await page.locator('#j-naam').inputValue() === 'Later Geboren', 'the form lost what was typed');
  await page.getByRole('button', { name: 'Verwijzing versturen' }).click();
  await page.locator('[data-referentie]').waitFor();
  verwacht(sleutels.length === 3, `${sleutels.length} POSTs`);
  verwacht(sleutels[1] === sleutels[2] && sleutels[1], 'the retry sent another Idempotency-Key');
  const zaken = await zakenVan('ouder', 'bsn', ouder);
  verwacht(zaken.length === 1, `${zaken.length} zaken for one referral`);
  await sluit(page);
});

test('keyboard only: the skip link, every field and the submit button are reached with Tab, and the referral is sent with Enter', async () => {
  const kind = nieuwBsn(), ouder = nieuwBsn();
  const page = await nieuwePagina({ breedte: 360 });
  await aanmelden(page, 'huisarts', '01234567', '/verwijzing.html');
  await page.locator('#verwijzing').waitFor();
  const k = page.keyboard;
  await k.press('Tab');
  verwacht(await page.evaluate(() => document.activeElement.textContent.trim()) === 'Naar de inhoud', 'the first Tab does not reach the skip link');
  await k.press('Enter');
  // From the main content on, Tab until the field; the test types as a person would.
  async function tabNaar(id) {
    for (let i = 0; i < 40; i++) {
      await k.press('Tab');
      if (await page.evaluate(() => document.activeElement.id) === id) return;
    }
    throw new Error(`Tab never reaches #${id}`);
  }
  await tabNaar('j-bsn'); await k.type(kind);
  await tabNaar('j-naam'); await k.type('Toetsenbord Kind');
  await tabNaar('j-geb'); await k.type('1-5-2014');
  await tabNaar('g0-bsn'); await k.type(ouder);
  await tabNaar('g0-naam'); await k.type('Anna de Vries');
  await tabNaar('g0-gem'); await k.type('0301');
  await tabNaar('hulpvraag'); await k.type('Hulp bij slapen.');
  await tabNaar('g0-gem');
  await k.press('Enter');
  await page.locator('[data-referentie]').waitFor();
  verwacht(await page.evaluate(() => document.activeElement.closest('[data-bevestiging]') !== null), 'the focus does not move to the confirmation');
  await sluit(page);
});
