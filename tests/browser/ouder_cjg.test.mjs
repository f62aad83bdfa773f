// The family's page (ouder.html) and the CJG's page (cjg.html): a referral
// made by API shows on the parent's phone; a CJG worker takes it one step on
// through the page, keyboard only; the parent then reads the new status;
// nobody else's child shows; errors of the API show; axe and screenshots.
import { test, verwacht, nieuwePagina, sluit, aanmelden, geenAxeFouten, schermafdrukken, nieuwBsn, token, apiAls } from './lib.mjs';

const MAANDEN = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
  'september', 'oktober', 'november', 'december'];
function datumNl(d) {
  const [j, m, dag] = d.split('-').map(Number);
  return `${dag} ${MAANDEN[m - 1]} ${j}`;
}

// A referral of a fresh child by the GP (agb 01234567), for gemeente 0301.
async function verwijs({ kind, ouder, naam, spoed = false }) {
  const tok = await token('huisarts', 'agb', '01234567');
  const r = await apiAls(tok, 'POST', '/api/v1/verwijzingen', {
    jeugdige: { bsn: kind, geboortedatum: '2015-03-12', naam },
    gezaghebbenden: [{ bsn: ouder, naam: `Ouder van ${naam}`, gemeente: '0301' }],
    hulpvraag: 'Slaapt slecht en is vaak boos.\nOp school gaat het nog redelijk.',
    spoed,
  }, { 'Idempotency-Key': `ouder-cjg-${kind}` });
  verwacht(r.status === 201, `POST /verwijzingen: ${r.status} ${JSON.stringify(r.data)}`);
  return r.data;
}

async function zaakAls(rol, claim, waarde, id) {
  const r = await apiAls(await token(rol, claim, waarde), 'GET', `/api/v1/zaken/${id}`);
  verwacht(r.status === 200, `GET /zaken/${id} als ${rol}: ${r.status}`);
  return r.data;
}

async function tekstVan(locator) {
  return ((await locator.textContent()) || '').replace(/\s+/g, ' ').trim();
}

async function actiefId(page) {
  return page.evaluate(() => (document.activeElement ? document.activeElement.id || document.activeElement.tagName : ''));
}

// The zaak of tests 1 and 2.
const eerste = { kind: nieuwBsn(), ouder: nieuwBsn(), naam: `Lotte van Dam ${Math.floor(Math.random() * 9000 + 1000)}` };

test('ouder (360 px): the child\'s aanvraag with its plain-language status, next step, date and history', async () => {
  eerste.zaak = await verwijs(eerste);
  const api = await zaakAls('ouder', 'bsn', eerste.ouder, eerste.zaak.id);
  verwacht(api.uitleg && api.uitleg.wat, 'the API gives no uitleg.wat');

  const page = await nieuwePagina({ breedte: 360 });
  await aanmelden(page, 'ouder', eerste.ouder, '/ouder.html');
  const kaart = page.locator('[data-zaak]');
  await kaart.first().waitFor();
  verwacht(await kaart.count() === 1, `${await kaart.count()} aanvragen shown, 1 expected`);
  verwacht((await tekstVan(kaart.locator('h2'))).includes(eerste.naam), `heading: ${await tekstVan(kaart.locator('h2'))}`);
  verwacht(await tekstVan(kaart.locator('[data-referentie]')) === eerste.zaak.referentie, 'the referentie is not shown');
  verwacht(await tekstVan(kaart.locator('[data-status]')) === api.uitleg.wat,
    `status sentence "${await tekstVan(kaart.locator('[data-status]'))}", API: "${api.uitleg.wat}"`);
  await kaart.getByRole('heading', { name: 'Wat gebeurt er nu?' }).waitFor();
  verwacht(await tekstVan(kaart.locator('[data-vervolg]')) === api.uitleg.vervolg, 'the vervolg is not the API\'s');
  verwacht(api.termijnen.beschikking, 'a verwijzing has no beschikking termijn');
  verwacht(await tekstVan(kaart.locator('[data-termijn]')) === `Het CJG beslist uiterlijk op ${datumNl(api.termijnen.beschikking)}.`,
    `deadline sentence: ${await tekstVan(kaart.locator('[data-termijn]'))}`);
  const stappen = kaart.locator('[data-tijdlijn] > li');
  verwacht(await stappen.count() === api.statushistorie.length, `${await stappen.count()} timeline entries, API ${api.statushistorie.length}`);
  verwacht((await tekstVan(stappen.first())).includes(api.statushistorie[0].uitleg), 'the timeline entry lacks its uitleg');
  // No BSN on the family's page, and none in the address.
  const alles = await page.locator('body').innerText();
  verwacht(!alles.includes(eerste.kind) && !alles.includes(eerste.ouder), 'a BSN is shown on the parent\'s page');
  verwacht(!page.url().includes(eerste.ouder), 'the BSN is in the URL');

  // Who looked: fetched when opened.
  await kaart.getByText('Wie heeft uw gegevens bekeken?').click();
  await kaart.getByText('De huisarts heeft de aanvraag gemaakt.').waitFor();
  await geenAxeFouten(page, '/ouder.html (aanvraag)');
  await schermafdrukken(page, 'ouder');
  await sluit(page);
});

test('cjg: the worklist finds the zaak, a step is taken by keyboard, and the parent then reads the new status', async () => {
  verwacht(eerste.zaak, 'the first test made no zaak');
  // A spoed referral: its deadline (tijdelijke_maatregel) is tomorrow, so it leads the list.
  const spoed = { kind: nieuwBsn(), ouder: nieuwBsn(), naam: 'Spoed Kind' };
  spoed.zaak = await verwijs({ ...spoed, spoed: true });

  // The parent's page is open before the step.
  const ouderPagina = await nieuwePagina({ breedte: 360 });
  await aanmelden(ouderPagina, 'ouder', eerste.ouder, '/ouder.html');
  await ouderPagina.locator('[data-zaak] [data-status]').waitFor();
  const stappenVoor = await ouderPagina.locator('[data-tijdlijn] > li').count();

  const page = await nieuwePagina();
  let posts = 0;
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().includes('/acties/')) posts++; });
  await aanmelden(page, 'cjg', '0301', '/cjg.html');
  const knop = page.getByRole('button', { name: eerste.zaak.referentie, exact: true });
  await knop.waitFor();
  const rij = page.locator(`tr[data-id="${eerste.zaak.id}"]`);
  verwacht((await tekstVan(rij)).includes('Ontvangen'), `row: ${await tekstVan(rij)}`);
  verwacht((await tekstVan(rij)).includes(`Beschikking: ${datumNl(eerste.zaak.termijnen.beschikking)}`), `row: ${await tekstVan(rij)}`);
  // Sorted as the API gives it, and the flags as text.
  const werk = await apiAls(await token('cjg', 'gemeente', '0301'), 'GET', '/api/v1/werkvoorraad');
  const volgorde = await page.locator('[data-werk-rijen] tr').evaluateAll((trs) => trs.map((t) => t.dataset.id));
  verwacht(JSON.stringify(volgorde) === JSON.stringify(werk.data.zaken.map((z) => z.id)), 'the worklist is not in the API\'s order');
  const spoedRij = page.locator(`tr[data-id="${spoed.zaak.id}"]`);
  const spoedItem = werk.data.zaken.find((z) => z.id === spoed.zaak.id);
  verwacht(spoedItem && spoedItem.binnen_5_werkdagen, 'the API does not flag the spoed zaak binnen_5_werkdagen');
  await spoedRij.getByText('Binnen 5 werkdagen').waitFor();
  await spoedRij.getByText('Spoed', { exact: true }).waitFor();
  verwacht(!(await tekstVan(rij)).includes('Binnen 5 werkdagen'), 'the zaak of 8 weeks is flagged binnen 5 werkdagen');
  await geenAxeFouten(page, '/cjg.html (werkvoorraad)');
  await schermafdrukken(page, 'cjg-werkvoorraad');

  // Open it with the keyboard: the focus goes to the zaak's heading.
  await knop.focus();
  await page.keyboard.press('Enter');
  await page.locator('#zaak-kop').getByText(eerste.zaak.referentie).waitFor();
  await page.locator('[data-status-naam]').waitFor();
  verwacht(await actiefId(page) === 'zaak-kop', `focus on ${await actiefId(page)} after opening`);
  verwacht((await tekstVan(page.locator('#zaak-kop'))).includes(eerste.naam), 'the heading lacks the child\'s name');
  verwacht(!page.url().includes(eerste.kind) && !page.url().includes(eerste.ouder), `a BSN in the URL: ${page.url()}`);
  const zaak = page.locator('[data-zaak-inhoud]');
  await zaak.getByText(`Ouder van ${eerste.naam}`).waitFor();
  await zaak.getByText('Slaapt slecht en is vaak boos.').waitFor();
  await zaak.getByText(`Beschikking: ${datumNl(eerste.zaak.termijnen.beschikking)}`).waitFor();
  verwacht(await page.locator('[data-historie] > li').count() === 1, 'statushistorie: not 1 entry');
  const cjgZaak = await zaakAls('cjg', 'gemeente', '0301', eerste.zaak.id);
  const knoppen = await page.locator('.cjg-acties button').evaluateAll((bs) => bs.map((b) => b.dataset.actie));
  verwacht(JSON.stringify(knoppen) === JSON.stringify(cjgZaak.acties_toegestaan), `buttons ${knoppen} ≠ acties_toegestaan ${cjgZaak.acties_toegestaan}`);
  await geenAxeFouten(page, '/cjg.html (zaak)');
  await schermafdrukken(page, 'cjg-zaak');

  // The step's form, by keyboard.
  const actieKnop = page.getByRole('button', { name: 'Ontvangst bevestigen', exact: true });
  await actieKnop.focus();
  await page.keyboard.press('Enter');
  const form = page.locator('.cjg-actie form');
  await form.waitFor();
  verwacht(await actieKnop.getAttribute('aria-expanded') === 'true', 'aria-expanded not set on the action button');
  verwacht((await page.evaluate(() => document.activeElement.textContent)) === 'Ontvangst bevestigen', 'focus not on the form\'s heading');
  await geenAxeFouten(page, '/cjg.html (actieformulier)');
  await schermafdrukken(page, 'cjg-actie');
  // Sent without a choice: an error at the field and in the summary, nothing posted.
  await form.getByRole('button', { name: 'Vastleggen' }).focus();
  await page.keyboard.press('Enter');
  await form.locator('[data-foutsamenvatting]').getByText('Er is niets vastgelegd').waitFor();
  await form.locator('.utrecht-form-field-error-message', { hasText: 'Kies hoe de ontvangst is bevestigd.' }).waitFor();
  verwacht(posts === 0, `${posts} POST(s) without a choice`);
  await geenAxeFouten(page, '/cjg.html (actieformulier met fout)');
  // From the summary's link to the radio buttons, choose e-mail, send.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  verwacht(await page.evaluate(() => document.activeElement.type) === 'radio', 'the summary link does not lead to the field');
  await page.keyboard.press('ArrowDown');
  verwacht(await form.getByLabel('Per e-mail').isChecked(), 'e-mail not chosen by the arrow key');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.locator('[data-zaak-gelukt]').getByText('De status is nu: Ontvangst bevestigd.').waitFor();
  verwacht(posts === 1, `${posts} POSTs for one step`);
  verwacht(await tekstVan(page.locator('[data-status-naam]')) === 'Ontvangst bevestigd', 'the page does not show the new status');
  verwacht(await page.locator('[data-historie] > li').count() === 2, 'statushistorie: not 2 entries');
  verwacht(await page.locator('.cjg-acties button[data-actie="ontvangst_bevestigen"]').count() === 0, 'ontvangst_bevestigen still offered');
  verwacht(await page.locator('.cjg-acties button[data-actie="vooronderzoek"]').count() === 1, 'vooronderzoek not offered');
  const na = await zaakAls('cjg', 'gemeente', '0301', eerste.zaak.id);
  verwacht(na.status === 'ontvangst_bevestigd', `API status ${na.status}`);
  verwacht(na.statushistorie.at(-1).gegevens && na.statushistorie.at(-1).gegevens.wijze === 'email', 'the body sent was not {wijze: email}');

  // Back to the worklist, which was refreshed; the focus returns to the zaak's button.
  await page.getByRole('button', { name: 'Terug naar de werkvoorraad' }).click();
  await rij.getByText('Ontvangst bevestigd').waitFor();
  verwacht(await page.evaluate(() => document.activeElement.dataset.id) === eerste.zaak.id, 'focus not back on the zaak\'s button');
  await sluit(page);

  // The parent reloads: the new sentence, one more entry, newest first.
  const ouderApi = await zaakAls('ouder', 'bsn', eerste.ouder, eerste.zaak.id);
  await ouderPagina.reload();
  const status = ouderPagina.locator('[data-zaak] [data-status]');
  await status.waitFor();
  verwacht(await tekstVan(status) === ouderApi.uitleg.wat, `parent sees "${await tekstVan(status)}", API "${ouderApi.uitleg.wat}"`);
  verwacht(ouderApi.uitleg.wat !== cjgZaak.uitleg.wat, 'the status sentence did not change');
  const stappen = ouderPagina.locator('[data-tijdlijn] > li');
  verwacht(await stappen.count() === stappenVoor + 1, `timeline ${stappenVoor} → ${await stappen.count()}`);
  verwacht((await tekstVan(stappen.first())).includes(ouderApi.uitleg.wat), 'the newest entry is not on top');
  await sluit(ouderPagina);
});

test('ouder: another parent sees nothing of the first child; the empty page says so', async () => {
  verwacht(eerste.zaak, 'the first test made no zaak');
  const leeg = await nieuwePagina({ breedte: 360 });
  await aanmelden(leeg, 'ouder', nieuwBsn(), '/ouder.html');
  await leeg.getByText('U heeft nog geen aanvragen.').waitFor();
  verwacht(await leeg.locator('[data-zaak]').count() === 0, 'a parent without zaken sees an aanvraag');
  const tekst = await leeg.locator('body').innerText();
  verwacht(!tekst.includes(eerste.naam) && !tekst.includes(eerste.zaak.referentie), 'the first child shows to a stranger');
  await geenAxeFouten(leeg, '/ouder.html (leeg)');
  await schermafdrukken(leeg, 'ouder-leeg');
  await sluit(leeg);

  const tweede = { kind: nieuwBsn(), ouder: nieuwBsn(), naam: `Daan Jansen ${Math.floor(Math.random() * 9000 + 1000)}` };
  tweede.zaak = await verwijs(tweede);
  const page = await nieuwePagina({ breedte: 360 });
  await aanmelden(page, 'ouder', tweede.ouder, '/ouder.html');
  await page.locator('[data-zaak]').first().waitFor();
  await page.getByText(tweede.naam).first().waitFor();
  verwacht(await page.locator('[data-zaak]').count() === 1, `${await page.locator('[data-zaak]').count()} aanvragen for the second parent`);
  const t2 = await page.locator('body').innerText();
  verwacht(t2.includes(tweede.zaak.referentie), 'the second parent does not see their own referentie');
  verwacht(!t2.includes(eerste.naam) && !t2.includes(eerste.zaak.referentie), 'the first child shows to the second parent');
  // The CJG page stays closed to a parent.
  await page.goto(new URL('/cjg.html', page.url()).href);
  await page.getByText('Deze pagina is voor: CJG-medewerker').waitFor();
  verwacht(!(await page.locator('[data-inhoud]').isVisible()), 'the CJG page opens for a parent');
  await sluit(page);
});

test('errors: the API\'s 422 next to the fields, a 409 in an alert, a failing list in an alert', async () => {
  const z = { kind: nieuwBsn(), ouder: nieuwBsn(), naam: 'Fout Proef' };
  z.zaak = await verwijs(z);
  const cjg = await token('cjg', 'gemeente', '0301');
  const r = await apiAls(cjg, 'POST', `/api/v1/zaken/${z.zaak.id}/acties/ontvangst_bevestigen`, { wijze: 'brief' });
  verwacht(r.status === 200, `ontvangst_bevestigen by API: ${r.status}`);

  const page = await nieuwePagina({ breedte: 360 });
  await aanmelden(page, 'cjg', '0301', '/cjg.html');
  await page.getByRole('button', { name: z.zaak.referentie, exact: true }).click();
  await page.locator('[data-status-naam]').waitFor();
  await page.getByRole('button', { name: 'Vooronderzoek vastleggen' }).click();
  const form = page.locator('.cjg-actie form');
  await form.waitFor();
  // Another gemeente and no ID checked: the API refuses, each reason at its field.
  const gemeente = form.getByLabel('Gemeente van de woonplaats');
  verwacht(await gemeente.inputValue() === '0301', 'the woonplaats is not filled in with the zaak\'s gemeente');
  await gemeente.fill('0302');
  await form.getByRole('button', { name: 'Vastleggen' }).click();
  await form.locator('[data-foutsamenvatting]').getByText('Er is niets vastgelegd').waitFor();
  const fout = form.locator(`#${await gemeente.getAttribute('id')}-fout`);
  verwacht((await tekstVan(fout)).includes('andere gemeente'), `error at woonplaats_gemeente: ${await tekstVan(fout)}`);
  verwacht(await gemeente.getAttribute('aria-invalid') === 'true', 'aria-invalid not set');
  const idFout = form.locator(`#${await form.getByLabel('Gezien identiteitsbewijs').getAttribute('id')}-fout`);
  verwacht((await tekstVan(idFout)).length > 0, 'no error at id_document_type');
  verwacht(await form.getByLabel('Gemeente van de woonplaats').inputValue() === '0302', 'the form lost what was typed');
  await geenAxeFouten(page, '/cjg.html (fout van de API)');
  verwacht((await zaakAls('cjg', 'gemeente', '0301', z.zaak.id)).status === 'ontvangst_bevestigd', 'the refused step was recorded');

  // Meanwhile a colleague takes the step: ours answers 409, shown in an alert, the zaak re-read.
  const collega = await apiAls(cjg, 'POST', `/api/v1/zaken/${z.zaak.id}/acties/vooronderzoek`,
    { woonplaats_gemeente: '0301', id_document_type: 'paspoort', id_gecontroleerd: true });
  verwacht(collega.status === 200, `vooronderzoek by API: ${collega.status}`);
  await gemeente.fill('0301');
  await form.getByLabel('Gezien identiteitsbewijs').selectOption('identiteitskaart');
  await form.getByLabel('Het identiteitsbewijs is gecontroleerd').check();
  await form.getByRole('button', { name: 'Vastleggen' }).click();
  const alert = page.locator('[data-zaak-fout]');
  await alert.getByText('kan niet in de status').waitFor();
  verwacht(await alert.getAttribute('role') === 'alert', 'the 409 is not in an alert');
  await page.locator('[data-status-naam="vooronderzoek_afgerond"]').waitFor();
  verwacht(await page.locator('.cjg-acties button[data-actie="vooronderzoek"]').count() === 0, 'vooronderzoek still offered after the 409');
  await geenAxeFouten(page, '/cjg.html (409)');
  await sluit(page);

  // The family's list fails: the API's problem in an alert.
  const ouder = await nieuwePagina({ breedte: 360 });
  await aanmelden(ouder, 'ouder', z.ouder, '/ouder.html');
  await ouder.locator('[data-zaak]').first().waitFor();
  await ouder.route('**/api/v1/zaken?*', (route) => route.fulfill({
    status: 503, contentType: 'application/problem+json',
    body: JSON.stringify({ type: 'urn:toegang:problem:unavailable', title: 'Service Unavailable', status: 503, detail: 'De database is even niet bereikbaar.' }),
  }));
  await ouder.reload();
  const fout2 = ouder.locator('[data-fout]');
  await fout2.getByText('De database is even niet bereikbaar.').waitFor();
  verwacht(await fout2.getAttribute('role') === 'alert', 'the error is not in an alert');
  verwacht(await ouder.locator('[data-zaak]').count() === 0, 'aanvragen shown after a failed list');
  await geenAxeFouten(ouder, '/ouder.html (fout)');
  ouder.fouten = ouder.fouten.filter((f) => !/status of 503/.test(f));
  await sluit(ouder);
});
