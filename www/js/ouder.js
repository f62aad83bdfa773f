// The family's page: every aanvraag of their children (GET /api/v1/zaken, then
// each zaak whole), in plain Dutch (B1): what the status means, what happens
// next, the date that matters, what happened so far (newest first) and, on
// request, who looked at it (GET /api/v1/zaken/{id}/inzage).
import { start, datum, tijdstip, el, vandaag } from './pagina.js';
import { api } from './api.js';

const sessie = start(['ouder', 'jeugdige']);
const jeugdige = sessie && sessie.rol === 'jeugdige';

// The nearest deadline, one sentence per kind; other names get a general one.
const TERMIJN = {
  beschikking: (d) => `Het CJG beslist uiterlijk op ${d}.`,
  verslag: (d) => `U krijgt het verslag van het gesprek uiterlijk op ${d}.`,
  toewijzing: (d) => `Het CJG regelt de hulp uiterlijk op ${d}.`,
  tijdelijke_maatregel: (d) => `Het heeft spoed. Het CJG regelt uiterlijk op ${d} eerste hulp.`,
  pgb_besteding: (d) => `U kunt het geld van uw pgb (persoonsgebonden budget) gebruiken tot en met ${d}.`,
};
const TERMIJN_ANDERS = (d) => `Het CJG doet de volgende stap uiterlijk op ${d}.`;

// Steps that leave the status as it is: their own sentence, since the status
// sentence would only repeat the one before.
const STAP = {
  verslag_aanvullen: 'Uw opmerkingen staan nu bij het verslag.',
  tijdelijke_maatregel: 'Het CJG heeft snel eerste hulp geregeld.',
  werkwijze: 'Het CJG heeft opgeschreven hoe het met u samenwerkt.',
  verdagen: 'Het CJG neemt meer tijd voor het besluit.',
  opschorten: 'De tijd voor het besluit staat even stil.',
  start_zorg: 'De hulpverlener is begonnen met de hulp.',
};

const WIE = {
  cjg: 'Het CJG', huisarts: 'De huisarts', jeugdarts: 'De jeugdarts',
  medisch_specialist: 'De medisch specialist', gi: 'De jeugdbeschermer',
  rechter: 'De kinderrechter', om: 'Het Openbaar Ministerie', jji: 'De jeugdinrichting',
  plein: 'Het Plein', gst: 'Het sociale team', beheerder: 'Een beheerder van de gemeente',
  aanbieder: 'De hulpverlener', ouder: 'U of iemand uit uw gezin', jeugdige: 'U of iemand uit uw gezin',
};
const WAT = {
  'zaak.aanmaken': 'heeft de aanvraag gemaakt',
  'zaak.lezen': 'heeft de aanvraag bekeken',
  'zaak.zoeken': 'heeft de aanvraag in een overzicht gezien',
  'zaak.werkvoorraad': 'heeft de aanvraag in de lijst met werk gezien',
  'zaak.inzage': 'heeft bekeken wie de gegevens heeft bekeken',
  'gezin.lezen': 'heeft de gegevens van het gezin bekeken',
  'gezin.casusregisseur': 'heeft vastgelegd wie de hulp voor het gezin regelt',
  'zaak.brp-woonplaats': jeugdige ? 'heeft opgezocht waar u woont' : 'heeft opgezocht waar uw kind woont',
};

const overzicht = document.querySelector('[data-overzicht]');
const foutVak = document.querySelector('[data-fout]');
const lijst = document.querySelector('[data-zaken]');


function toonFout(tekst) {
  foutVak.querySelector('[data-fout-tekst]').textContent = tekst;
  foutVak.hidden = false;
  foutVak.focus();
}

// The nearest running deadline: the earliest date, of two on one day the first by name.
function eersteTermijn(termijnen) {
  let beste = null;
  for (const [naam, d] of Object.entries(termijnen || {})) {
    if (typeof d !== 'string') continue;
    if (!beste || d < beste.datum || (d === beste.datum && naam < beste.naam)) beste = { naam, datum: d };
  }
  return beste;
}

function termijnZin(t) {
  const d = datum(t.datum);
  return (TERMIJN[t.naam] || TERMIJN_ANDERS)(d);
}

function stapTekst(stap) {
  if (stap.actie && STAP[stap.actie]) return STAP[stap.actie];
  return stap.uitleg || stap.toelichting || '';
}

function tijdlijn(historie) {
  const ol = el('ol', 'toegang-tijdlijn');
  ol.dataset.tijdlijn = '';
  // Newest first: what happened last is what a parent looks for.
  for (const stap of [...historie].reverse()) {
    const li = el('li');
    const t = el('time', null, tijdstip(stap.tijdstip));
    t.dateTime = stap.tijdstip;
    li.append(t, el('span', null, stapTekst(stap)));
    ol.append(li);
  }
  return ol;
}

function inzageRegel(r) {
  const wie = WIE[r.rol] || 'Iemand';
  let wat = WAT[r.actie];
  if (!wat && typeof r.actie === 'string' && r.actie.startsWith('zaak.actie.')) wat = 'heeft aan de aanvraag gewerkt';
  if (!wat) wat = 'heeft de gegevens bekeken';
  const li = el('li');
  const t = el('time', null, tijdstip(r.tijdstip));
  t.dateTime = r.tijdstip;
  li.append(t, el('span', null, `${wie} ${wat}.`));
  return li;
}

// "Wie heeft uw gegevens bekeken?": fetched when it is opened, not before.
function inzage(zaak, n) {
  const details = el('details', 'ouder-inzage');
  const summary = el('summary', null, 'Wie heeft uw gegevens bekeken?');
  const vak = el('div', 'ouder-inzage__inhoud');
  const status = el('p', 'utrecht-paragraph', '');
  status.setAttribute('role', 'status');
  status.id = `inzage-${n}-status`;
  vak.append(status);
  details.append(summary, vak);
  let geladen = false;
  details.addEventListener('toggle', async () => {
    if (!details.open || geladen) return;
    geladen = true;
    status.textContent = 'De gegevens worden opgehaald.';
    const a = await api('GET', `/api/v1/zaken/${encodeURIComponent(zaak.id)}/inzage`);
    if (!a.ok) {
      geladen = false;
      status.textContent = '';
      const fout = el('div', 'utrecht-alert utrecht-alert--error');
      fout.setAttribute('role', 'alert');
      fout.append(el('p', 'utrecht-paragraph', a.problem.detail || 'Dit kon niet worden opgehaald.'));
      vak.replaceChildren(status, fout);
      return;
    }
    const regels = Array.isArray(a.data && a.data.inzage) ? a.data.inzage : [];
    status.textContent = regels.length === 1 ? 'Uw gegevens zijn 1 keer bekeken of gebruikt.'
      : `Uw gegevens zijn ${regels.length} keer bekeken of gebruikt. Het nieuwste staat bovenaan.`;
    const ul = el('ul', 'toegang-tijdlijn ouder-inzage__lijst');
    for (const r of regels) ul.append(inzageRegel(r));
    vak.replaceChildren(status, ul);
  });
  return details;
}

function kaart(samenvatting, zaak, fout, n) {
  const art = el('article', 'toegang-kaart ouder-aanvraag');
  art.dataset.zaak = '';
  const kopId = `aanvraag-${n}`;
  art.setAttribute('aria-labelledby', kopId);
  const naam = (zaak || samenvatting).jeugdige ? (zaak || samenvatting).jeugdige.naam : '';
  const kop = el('h2', 'utrecht-heading-2', naam ? `Aanvraag voor ${naam}` : 'Aanvraag');
  kop.id = kopId;
  const ref = el('p', 'utrecht-paragraph toegang-klein');
  const refWaarde = el('strong', null, samenvatting.referentie);
  refWaarde.dataset.referentie = '';
  ref.append('Nummer: ', refWaarde);
  if (samenvatting.aangemaakt) ref.append(` · binnengekomen op ${datum(samenvatting.aangemaakt.slice(0, 10))}`);
  art.append(kop, ref);

  if (!zaak) {
    const f = el('div', 'utrecht-alert utrecht-alert--error');
    f.setAttribute('role', 'alert');
    f.append(el('p', 'utrecht-paragraph', `De gegevens van deze aanvraag konden niet worden opgehaald. ${fout || ''}`.trim()));
    art.append(f);
    return art;
  }

  const uitleg = zaak.uitleg || {};
  const status = el('p', 'ouder-status', uitleg.wat || 'Het CJG werkt aan uw aanvraag.');
  status.dataset.status = '';
  art.append(status);

  if (uitleg.vervolg) {
    art.append(el('h3', 'utrecht-heading-3', 'Wat gebeurt er nu?'));
    const p = el('p', 'utrecht-paragraph', uitleg.vervolg);
    p.dataset.vervolg = '';
    art.append(p);
  }

  const t = eersteTermijn(zaak.termijnen);
  if (t) {
    art.append(el('h3', 'utrecht-heading-3', 'Belangrijke datum'));
    const p = el('p', 'utrecht-paragraph ouder-termijn', termijnZin(t));
    p.dataset.termijn = t.naam;
    art.append(p);
    if (t.datum < vandaag())
      art.append(el('p', 'utrecht-paragraph', 'Deze datum is voorbij. Heeft u nog niets gehoord? Neem dan contact op met het CJG.'));
  }

  const historie = Array.isArray(zaak.statushistorie) ? zaak.statushistorie : [];
  if (historie.length) {
    art.append(el('h3', 'utrecht-heading-3', 'Wat is er al gebeurd?'),
      el('p', 'utrecht-paragraph toegang-klein', 'Het nieuwste staat bovenaan.'),
      tijdlijn(historie));
  }
  art.append(inzage(zaak, n));
  return art;
}

async function alleZaken() {
  const zaken = [];
  let cursor = null;
  // A family has a handful; stop at 5 pages all the same.
  for (let pagina = 0; pagina < 5; pagina++) {
    const pad = '/api/v1/zaken?limit=100' + (cursor ? '&cursor=' + encodeURIComponent(cursor) : '');
    const a = await api('GET', pad);
    if (!a.ok) return a;
    zaken.push(...(a.data.zaken || []));
    cursor = a.data.volgende;
    if (!cursor) break;
  }
  return { ok: true, zaken };
}

async function laad() {
  foutVak.hidden = true;
  overzicht.textContent = 'De aanvragen worden opgehaald.';
  lijst.setAttribute('aria-busy', 'true');
  const a = await alleZaken();
  if (!a.ok) {
    lijst.removeAttribute('aria-busy');
    overzicht.textContent = '';
    toonFout(a.problem.detail || 'De aanvragen konden niet worden opgehaald.');
    return;
  }
  const details = await Promise.all(a.zaken.map((z) => api('GET', `/api/v1/zaken/${encodeURIComponent(z.id)}`)));
  const kaarten = a.zaken.map((z, i) => kaart(z, details[i].ok ? details[i].data : null,
    details[i].ok ? '' : details[i].problem.detail, i + 1));
  lijst.replaceChildren(...kaarten);
  lijst.removeAttribute('aria-busy');
  overzicht.textContent = a.zaken.length === 0 ? 'U heeft nog geen aanvragen.'
    : a.zaken.length === 1 ? 'U heeft 1 aanvraag.' : `U heeft ${a.zaken.length} aanvragen.`;
  if (details.some((d) => !d.ok && d.status === 401)) toonFout('U bent niet meer aangemeld. Meld u opnieuw aan.');
}

if (sessie) {
  document.querySelector('[data-opnieuw]').addEventListener('click', laad);
  laad();
}
