// The mandate page of the gedwongen kader (gi, rechter, om, jji) and the
// handoff page of the Plein and the sociaal team (plein, gst).
import { test, verwacht, nieuwePagina, sluit, aanmelden, geenAxeFouten, schermafdrukken, nieuwBsn, token, apiAls, BASE } from './lib.mjs';

const GI = '00000001234567890000';

async function zakenVan(rol, claim, waarde) {
  const r = await apiAls(await token(rol, claim, waarde), 'GET', '/api/v1/zaken?limit=100');
  verwacht(r.status === 200, `GET /zaken als ${rol}: ${r.status}`);
  return r.data.zaken;
}

// The whole zaak of a referentie, as the role that made it reads it: found in
// the list (which holds a summary), then fetched.
async function zaakVan(rol, claim, waarde, referentie) {
  const tok = await token(rol, claim, waarde);
  const lijst = await apiAls(tok, 'GET', '/api/v1/zaken?limit=100');
  verwacht(lijst.status === 200, `GET /zaken als ${rol}: ${lijst.status}`);
  const kort = lijst.data.zaken.find((z) => z.referentie === referentie);
  verwacht(kort, `zaak ${referentie} not among the zaken of ${rol} ${waarde}`);
  const r = await apiAls(tok, 'GET', `/api/v1/zaken/${kort.id}`);
  verwacht(r.status === 200, `GET /zaken/${kort.id} als ${rol}: ${r.status}`);
  return { kort, zaak: r.data };
}

// A day relative to today in the Dutch calendar, YYYY-MM-DD.
function dag(verschil) {
  return new Date(Date.now() + verschil * 86400000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
}

// How a Dutch reader writes a date of the API ("1 december 2026").
function nlDatum(s) {
  const [j, m, d] = s.split('-').map(Number);
  return `${d} ${['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september',
    'oktober', 'november', 'december'][m - 1]} ${j}`;
}

// Counts the POSTs to an API path the page sends.
function telPosts(page, pad) {
  const posts = [];
  page.on('request', (r) => { if (r.method() === 'POST' && r.url().endsWith(pad)) posts.push(r); });
  return posts;
}

async function vulGemeen(page, { kind, ouder, naam, gemeente = '0301' }) {
  await page.locator('#j-bsn').fill(kind);
  await page.locator('#j-naam').fill(naam);
  await page.locator('#j-geb').fill('2013-02-07');
  await page.locator('#g0-bsn').fill(ouder);
  await page.locator('#g0-naam').fill('Sandra Hendriks');
  if (gemeente !== null) await page.locator('#g0-gem').fill(gemeente);
  await page.getByLabel('Hulpvraag').fill('Ambulante gezinsbehandeling om de opvoedsituatie thuis te verbeteren.');
}

async function vulUitspraak(page, { maatregel = 'Ondertoezichtstelling (OTS)', datum = dag(-30), kenmerk } = {}) {
  await page.getByLabel('Maatregel', { exact: true }).selectOption({ label: maatregel });
  await page.getByLabel('Datum van de uitspraak').fill(datum);
  if (kenmerk !== undefined) await page.getByLabel('Kenmerk').fill(kenmerk);
}

async function zichtbareFout(page, id) {
  const fout = page.locator(`#${id}-fout`);
  verwacht(await fout.isVisible(), `no visible error next to #${id}`);
  const tekst = (await fout.textContent()).trim();
  verwacht(tekst.length > 0, `the error next to #${id} is empty`);
  const veld = page.locator(`#${id}`);
  verwacht(await veld.getAttribute('aria-invalid') === 'true', `#${id} is not aria-invalid`);
  verwacht((await veld.getAttribute('aria-describedby') || '').split(' ').includes(`${id}-fout`),
    `#${id} is not described by its error`);
  return tekst;
}

test('the mandate and handoff pages, empty and with "Meer gegevens" open: no WCAG 2.1 A/AA violations, screenshots', async () => {
  const page = await nieuwePagina();
  await aanmelden(page, 'gi', GI, '/mandaat.html');
  await page.locator('#mandaat').waitFor();
  await geenAxeFouten(page, '/mandaat.html (leeg)');
  await page.getByText('Meer gegevens (niet verplicht)').click();
  await page.getByLabel('Eenheid').waitFor();
  await geenAxeFouten(page, '/mandaat.html (meer gegevens)');
  await schermafdrukken(page, 'mandaat-leeg');
  await sluit(page);

  const team = await nieuwePagina();
  await aanmelden(team, 'plein', '0301', '/overdracht.html');
  await team.locator('#overdracht').waitFor();
  await geenAxeFouten(team, '/overdracht.html (leeg)');
  await team.getByText('Meer gegevens (niet verplicht)').click();
  await team.getByLabel('Contactpersoon').waitFor();
  await geenAxeFouten(team, '/overdracht.html (meer gegevens)');
  await schermafdrukken(team, 'overdracht-leeg');
  await sluit(team);
});

test('each page is closed to other roles, with who it is for', async () => {
  const page = await nieuwePagina();
  await aanmelden(page, 'huisarts', '01234567', '/mandaat.html');
  await page.getByText('Deze pagina is voor: gecertificeerde instelling, kinderrechter, Openbaar Ministerie, justitiële jeugdinrichting. U bent aangemeld als huisarts.').waitFor();
  verwacht(!(await page.locator('#mandaat').isVisible()), 'the mandate form shows to a huisarts');
  await sluit(page);

  const gi = await nieuwePagina();
  await aanmelden(gi, 'gi', GI, '/overdracht.html');
  await gi.getByText('Deze pagina is voor: Plein, gebiedsgericht sociaal team.').waitFor();
  verwacht(!(await gi.locator('#overdracht').isVisible()), 'the handoff form shows to a GI');
  await sluit(gi);
});

test('a GI registers a mandate: the referentie and the toewijzing deadline show, and the zaak is stored as chosen', async () => {
  const kind = nieuwBsn(), ouder = nieuwBsn();
  const kenmerk = `C/05/${kind} / JE RK 26-1187`;
  const uitspraak = dag(-30);
  const page = await nieuwePagina();
  const posts = telPosts(page, '/api/v1/mandaten');
  await aanmelden(page, 'gi', GI, '/mandaat.html');
  verwacht(page.url() === BASE + '/mandaat.html', `after sign-in at ${page.url()}`);
  await vulUitspraak(page, { maatregel: 'Voogdij', datum: uitspraak, kenmerk });
  await vulGemeen(page, { kind, ouder, naam: 'Milan Hendriks' });
  await page.getByText('Meer gegevens (niet verplicht)').click();
  await page.getByLabel('Productcategorie').fill('45');
  await page.getByLabel('Aantal').fill('2');
  await page.getByLabel('Eenheid').selectOption({ label: 'uur' });
  await page.getByLabel('Hoe vaak').selectOption({ label: 'per week' });
  await geenAxeFouten(page, '/mandaat.html (ingevuld)');
  await schermafdrukken(page, 'mandaat');
  await page.getByRole('button', { name: 'Mandaat registreren' }).click();

  const bevestiging = page.locator('[data-bevestiging]');
  await bevestiging.waitFor();
  const referentie = await page.locator('[data-referentie]').textContent();
  verwacht(/^JH-\d{4}-\d{6,}$/.test(referentie), `referentie ${referentie}`);
  verwacht(!(await page.locator('#mandaat').isVisible()), 'the form still shows after the confirmation');
  verwacht(await page.evaluate(() => document.activeElement && document.activeElement.hasAttribute('data-bevestiging')),
    'the focus did not move to the confirmation');
  verwacht(posts.length === 1, `${posts.length} POSTs for one mandate`);

  const { kort, zaak } = await zaakVan('gi', 'org', GI, referentie);
  verwacht(kort.route === 'mandaat' && zaak.route === 'mandaat', `route ${kort.route}`);
  verwacht(zaak.mandaat && zaak.mandaat.maatregel === 'voogdij', `maatregel ${JSON.stringify(zaak.mandaat)}`);
  verwacht(zaak.mandaat.kenmerk === kenmerk && zaak.mandaat.uitspraakdatum === uitspraak, `uitspraak ${JSON.stringify(zaak.mandaat)}`);
  const o = zaak.mandaat.omvang || {};
  verwacht(o.volume === 2 && o.eenheid === '04' && o.frequentie === '2', `omvang ${JSON.stringify(o)}`);
  verwacht(zaak.productcategorie === '45', `productcategorie ${zaak.productcategorie}`);
  verwacht(zaak.jeugdige.bsn === kind && zaak.gezaghebbenden.length === 1 && zaak.gezaghebbenden[0].bsn === ouder, 'the people differ');
  verwacht(zaak.verwijzer && zaak.verwijzer.type === '04', `verwijzer ${JSON.stringify(zaak.verwijzer)}`);

  // The deadline the GI reads is the zaak's, in Dutch.
  verwacht(zaak.termijnen && zaak.termijnen.toewijzing, `termijnen ${JSON.stringify(zaak.termijnen)}`);
  const zin = (await page.locator('[data-termijn]').textContent()).trim();
  verwacht(zin === `Het CJG wijst de hulp uiterlijk op ${nlDatum(zaak.termijnen.toewijzing)} toe.`, `deadline sentence: ${zin}`);
  await geenAxeFouten(page, '/mandaat.html (bevestiging)');
  await schermafdrukken(page, 'mandaat-bevestiging');

  // The next one starts empty, with the focus on its first field.
  await page.getByRole('button', { name: 'Nog een mandaat' }).click();
  await page.locator('#mandaat').waitFor();
  verwacht(await page.locator('#j-bsn').inputValue() === '' && await page.getByLabel('Kenmerk').inputValue() === '', 'the new form is not empty');
  verwacht(await page.evaluate(() => document.activeElement && document.activeElement.id) === 'maatregel', 'the focus is not on the first field');
  await sluit(page);
});

test('a wrong BSN and a missing kenmerk show inline errors, and nothing is posted', async () => {
  const ouder = nieuwBsn();
  const page = await nieuwePagina();
  const posts = telPosts(page, '/api/v1/mandaten');
  await aanmelden(page, 'gi', GI, '/mandaat.html');
  await vulUitspraak(page, {});
  await vulGemeen(page, { kind: '123456780', ouder, naam: 'Foutje Test' });
  // The elfproef speaks while typing, before anything is sent.
  await page.locator('#j-bsn-fout').waitFor();
  verwacht((await page.locator('#j-bsn-fout').textContent()).includes('elfproef'), 'no elfproef error while typing');
  await page.getByRole('button', { name: 'Mandaat registreren' }).click();
  const samenvatting = page.locator('[data-foutsamenvatting]');
  await samenvatting.getByText('Er zijn 2 fouten. Er is niets verstuurd.').waitFor();
  verwacht((await zichtbareFout(page, 'j-bsn')).includes('elfproef'), 'the BSN error is not about the elfproef');
  verwacht(await zichtbareFout(page, 'kenmerk') === 'Vul het kenmerk van de uitspraak in.', 'the kenmerk error differs');
  verwacht(await samenvatting.getByRole('link').count() === 2, 'the summary does not list both errors');
  await samenvatting.getByRole('link', { name: 'Uitspraak of beschikking, Kenmerk: Vul het kenmerk van de uitspraak in.', exact: true }).click();
  verwacht(await page.evaluate(() => document.activeElement.id) === 'kenmerk', 'the summary link does not lead to the kenmerk');
  verwacht(posts.length === 0, `${posts.length} POST(s) sent with errors`);
  verwacht(await page.locator('#j-naam').inputValue() === 'Foutje Test', 'the form lost what was typed');
  await geenAxeFouten(page, '/mandaat.html (fout)');
  await schermafdrukken(page, 'mandaat-fout');
  // Typing the kenmerk takes its error away.
  await page.getByLabel('Kenmerk').fill('C/05/1 / JE RK 26-1');
  verwacht(!(await page.locator('#kenmerk-fout').isVisible()), 'the kenmerk error stays after typing one');
  verwacht((await zakenVan('ouder', 'bsn', ouder)).length === 0, 'a zaak was stored for the parent');
  await sluit(page);
});

test('an omvang half filled in is named before sending; a future uitspraakdatum comes back from the API next to its field', async () => {
  const kind = nieuwBsn(), ouder = nieuwBsn();
  const page = await nieuwePagina();
  const posts = telPosts(page, '/api/v1/mandaten');
  await aanmelden(page, 'gi', GI, '/mandaat.html');
  await vulUitspraak(page, { datum: dag(30), kenmerk: 'C/05/2 / JE RK 26-2' });
  await vulGemeen(page, { kind, ouder, naam: 'Half Ingevuld' });
  const meer = page.getByText('Meer gegevens (niet verplicht)');
  await meer.click();
  await page.getByLabel('Aantal').fill('3');
  await meer.click(); // closed again: its errors must still be seen
  await page.getByRole('button', { name: 'Mandaat registreren' }).click();
  await page.locator('[data-foutsamenvatting]').getByText('Er zijn 2 fouten. Er is niets verstuurd.').waitFor();
  verwacht(await zichtbareFout(page, 'eenheid') === 'Kies een eenheid.', 'no error for the missing eenheid');
  verwacht(await zichtbareFout(page, 'frequentie') === 'Kies hoe vaak.', 'no error for the missing frequentie');
  verwacht(posts.length === 0, `${posts.length} POST(s) with half an omvang`);

  await page.getByLabel('Eenheid').selectOption({ label: 'uur' });
  await page.getByLabel('Hoe vaak').selectOption({ label: 'per week' });
  await page.getByRole('button', { name: 'Mandaat registreren' }).click();
  await page.locator('#uitspraakdatum-fout').waitFor();
  verwacht((await zichtbareFout(page, 'uitspraakdatum')).includes('toekomst'), 'the future uitspraakdatum error is not about the future');
  verwacht(posts.length === 1, `${posts.length} POSTs`);
  verwacht((await zakenVan('ouder', 'bsn', ouder)).length === 0, 'a zaak was stored with a future uitspraakdatum');

  await page.getByLabel('Datum van de uitspraak').fill(dag(-1));
  await page.getByRole('button', { name: 'Mandaat registreren' }).click();
  await page.locator('[data-referentie]').waitFor();
  verwacht((await zakenVan('ouder', 'bsn', ouder)).length === 1, 'not one zaak for the mandate');
  await sluit(page);
});

test('a handoff without the family\'s consent shows an inline error and posts nothing; with it, the zaak is made', async () => {
  const kind = nieuwBsn(), ouder = nieuwBsn();
  const reden = 'Het gezin kwam bij het Plein voor schulden; de vragen over het kind vragen om jeugdhulp.';
  const page = await nieuwePagina({ breedte: 360 });
  const posts = telPosts(page, '/api/v1/overdrachten');
  await aanmelden(page, 'plein', '0301', '/overdracht.html');
  verwacht(page.url() === BASE + '/overdracht.html', `after sign-in at ${page.url()}`);
  verwacht(await page.locator('#g0-gem').inputValue() === '0301', 'the team\'s own gemeente is not filled in');
  await vulGemeen(page, { kind, ouder, naam: 'Yusuf El Amrani', gemeente: null });
  await page.getByLabel('Reden van de overdracht').fill(reden);
  await page.getByText('Meer gegevens (niet verplicht)').click();
  await page.getByLabel('Met hulp van familie of vrienden').fill('Oma haalt de kinderen twee keer per week uit school.');
  await page.getByLabel('Naam van het team').fill('Plein Zutphen, team jeugd en gezin');
  await page.getByLabel('Contactpersoon').fill('Fatima Yilmaz');
  await schermafdrukken(page, 'overdracht');
  await page.getByRole('button', { name: 'Overdracht versturen' }).click();

  const samenvatting = page.locator('[data-foutsamenvatting]');
  await samenvatting.getByText('Er is 1 fout. Er is niets verstuurd.').waitFor();
  verwacht((await zichtbareFout(page, 'toestemming')).startsWith('Zonder toestemming van het gezin'), 'the consent error differs');
  verwacht(posts.length === 0, `${posts.length} POST(s) without consent`);
  await geenAxeFouten(page, '/overdracht.html (fout)');
  await schermafdrukken(page, 'overdracht-fout');

  // By keyboard: from the summary (which has the focus) to the checkbox, tick it.
  verwacht(await page.evaluate(() => document.activeElement.hasAttribute('data-foutsamenvatting')), 'the summary does not have the focus');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  verwacht(await page.evaluate(() => document.activeElement.id) === 'toestemming', 'the summary link does not lead to the checkbox');
  await page.keyboard.press('Space');
  verwacht(await page.locator('#toestemming').isChecked(), 'Space did not tick the checkbox');
  verwacht(!(await page.locator('#toestemming-fout').isVisible()), 'the consent error stays once ticked');
  await page.getByRole('button', { name: 'Overdracht versturen' }).click();

  await page.locator('[data-bevestiging]').waitFor();
  const referentie = await page.locator('[data-referentie]').textContent();
  verwacht(/^JH-\d{4}-\d{6,}$/.test(referentie), `referentie ${referentie}`);
  verwacht((await page.locator('[data-termijn]').textContent()).trim() === 'Het CJG neemt de zaak in behandeling.', 'the sentence after the referentie differs');
  verwacht(posts.length === 1, `${posts.length} POSTs for one handoff`);
  await geenAxeFouten(page, '/overdracht.html (bevestiging)');
  await schermafdrukken(page, 'overdracht-bevestiging');

  const { kort, zaak } = await zaakVan('plein', 'gemeente', '0301', referentie);
  verwacht(kort.route === 'overdracht' && zaak.route === 'overdracht', `route ${kort.route}`);
  verwacht(zaak.toestemming_gegevensdeling === true, `toestemming ${zaak.toestemming_gegevensdeling}`);
  verwacht(zaak.jeugdige.bsn === kind && zaak.gezaghebbenden[0].bsn === ouder, 'the people differ');
  const ov = zaak.overdracht || {};
  verwacht(ov.reden === reden, `reden ${ov.reden}`);
  verwacht(ov.team && ov.team.naam === 'Plein Zutphen, team jeugd en gezin' && ov.team.contactpersoon === 'Fatima Yilmaz', `team ${JSON.stringify(ov.team)}`);
  verwacht(ov.geprobeerd && ov.geprobeerd.netwerk && !ov.geprobeerd.eigen_kracht, `geprobeerd ${JSON.stringify(ov.geprobeerd)}`);

  // The next handoff starts empty but for the team's gemeente.
  await page.getByRole('button', { name: 'Nog een overdracht' }).click();
  await page.locator('#overdracht').waitFor();
  verwacht(await page.locator('#j-bsn').inputValue() === '' && !(await page.locator('#toestemming').isChecked()), 'the new form is not empty');
  verwacht(await page.locator('#g0-gem').inputValue() === '0301', 'the gemeente is gone from the new form');
  await sluit(page);
});

test('a handoff: a phone number alone asks for the team and contact; a family of another gemeente is refused with the reason', async () => {
  const kind = nieuwBsn(), ouder = nieuwBsn();
  const page = await nieuwePagina();
  const posts = telPosts(page, '/api/v1/overdrachten');
  await aanmelden(page, 'gst', '0301', '/overdracht.html');
  await vulGemeen(page, { kind, ouder, naam: 'Lotte Smit', gemeente: '0599' });
  await page.getByLabel('Reden van de overdracht').fill('Lotte heeft jeugdhulp nodig.');
  await page.getByLabel('Het gezin geeft toestemming').check();
  await page.getByText('Meer gegevens (niet verplicht)').click();
  await page.getByLabel('Telefoon').fill('0575 123 456');
  await page.getByText('Meer gegevens (niet verplicht)').click();
  await page.getByRole('button', { name: 'Overdracht versturen' }).click();
  await page.locator('[data-foutsamenvatting]').getByText('Er zijn 2 fouten. Er is niets verstuurd.').waitFor();
  verwacht(await zichtbareFout(page, 'team-naam') === 'Vul ook de naam van het team in.', 'no error for the team\'s name');
  verwacht(await zichtbareFout(page, 'team-contact') === 'Vul ook de contactpersoon in.', 'no error for the contact');
  verwacht(posts.length === 0, `${posts.length} POST(s) with half a team`);

  await page.getByLabel('Telefoon').fill('');
  await page.getByRole('button', { name: 'Overdracht versturen' }).click();
  await page.locator('[data-foutsamenvatting]').getByText('eigen gemeente').waitFor();
  verwacht(posts.length === 1, `${posts.length} POSTs`);
  verwacht(await page.locator('#j-naam').inputValue() === 'Lotte Smit', 'the form lost what was typed');
  verwacht((await zakenVan('ouder', 'bsn', ouder)).length === 0, 'a zaak was stored for a family of another gemeente');
  await sluit(page);
});

test('keyboard only: a GI reaches every field of the mandate, opens "Meer gegevens" and sends with Enter', async () => {
  const kind = nieuwBsn(), ouder = nieuwBsn();
  // Typed day-month-year, stored as YYYY-MM-DD.
  const uitspraak = '2025-03-03';
  const page = await nieuwePagina({ breedte: 360 });
  await aanmelden(page, 'gi', GI, '/mandaat.html');
  await page.locator('#mandaat').waitFor();
  const k = page.keyboard;
  await k.press('Tab');
  verwacht(await page.evaluate(() => document.activeElement.textContent.trim()) === 'Naar de inhoud', 'the first Tab does not reach the skip link');
  await k.press('Enter');
  async function tabNaar(wat) {
    for (let i = 0; i < 40; i++) {
      await k.press('Tab');
      if (await page.evaluate((w) => document.activeElement.matches(w), wat)) return;
    }
    throw new Error(`Tab never reaches ${wat}`);
  }
  await tabNaar('#maatregel'); await k.press('ArrowDown');
  await tabNaar('#uitspraakdatum'); await k.type('3-3-2025');
  await tabNaar('#kenmerk'); await k.type('C/05/3 / JE RK 26-3');
  await tabNaar('#j-bsn'); await k.type(kind);
  await tabNaar('#j-naam'); await k.type('Toetsenbord Kind');
  await tabNaar('#j-geb'); await k.type('04-04-2013');
  await tabNaar('#g0-bsn'); await k.type(ouder);
  await tabNaar('#g0-naam'); await k.type('Anna de Vries');
  await tabNaar('#g0-gem'); await k.type('0301');
  await tabNaar('#hulpvraag'); await k.type('Gezinsbehandeling.');
  await tabNaar('details[data-meer] > summary'); await k.press('Enter');
  await tabNaar('#volume'); await k.type('4');
  await tabNaar('#eenheid'); await k.press('ArrowDown');
  await tabNaar('#frequentie'); await k.press('ArrowDown');
  await tabNaar('button[type="submit"]');
  await k.press('Enter');
  await page.locator('[data-referentie]').waitFor();
  verwacht(await page.evaluate(() => document.activeElement.closest('[data-bevestiging]') !== null), 'the focus does not move to the confirmation');
  const { zaak } = await zaakVan('gi', 'org', GI, await page.locator('[data-referentie]').textContent());
  verwacht(zaak.mandaat.maatregel === 'ots' && zaak.mandaat.uitspraakdatum === uitspraak, `mandaat ${JSON.stringify(zaak.mandaat)}`);
  verwacht(zaak.mandaat.omvang && zaak.mandaat.omvang.volume === 4 && zaak.mandaat.omvang.eenheid === '04' && zaak.mandaat.omvang.frequentie === '1',
    `omvang ${JSON.stringify(zaak.mandaat.omvang)}`);
  await sluit(page);
});
