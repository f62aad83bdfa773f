// The forms of the CJG procedure's actions (POST /api/v1/zaken/{id}/acties/{actie}):
// one small form per action, built from a description of its fields that
// follows the action's schema in openapi.yaml (ActieOntvangstBevestigen …
// ActieStartZorg). Field names are the JSON paths of the body, so the API's
// invalid-params land next to their field (toonFout of formulier.js); the
// few members that are lists of objects (the products of a beschikking) are
// a JSON text area.
import { el, datum, vandaag } from './pagina.js';
import { api } from './api.js';
import { lees, toonFout, wisFout, zet, samenvatting } from './formulier.js';

export const ACTIE_NAAM = {
  ontvangst_bevestigen: 'Ontvangst bevestigen',
  vooronderzoek: 'Vooronderzoek vastleggen',
  gesprek: 'Gesprek vastleggen',
  verslag: 'Verslag verstrekt',
  verslag_aanvullen: 'Verslag aanvullen',
  gezinsplan: 'Gezinsplan vastleggen',
  aanvraag: 'Aanvraag vastleggen',
  beoordeling: 'Beoordeling vastleggen',
  advies: 'Advies vastleggen',
  beschikken: 'Beschikken',
  start_zorg: 'Start van de zorg vastleggen',
  tijdelijke_maatregel: 'Tijdelijke maatregel vastleggen',
  werkwijze: 'Werkwijze vastleggen',
  verdagen: 'Beslistermijn verdagen',
  opschorten: 'Beslistermijn opschorten',
  intrekken: 'Intrekken',
  doorzenden: 'Doorzenden',
};

export function actieNaam(actie) {
  return ACTIE_NAAM[actie] || String(actie).replace(/_/g, ' ');
}

// A day some months after d (YYYY-MM-DD).
function maandenLater(d, n) {
  const [j, m, dag] = d.split('-').map(Number);
  const t = new Date(Date.UTC(j, m - 1 + n, dag - 1));
  return t.toISOString().slice(0, 10);
}

const ONDERWERPEN = [
  ['a', 'a. Behoeften, persoonskenmerken, voorkeuren, veiligheid, ontwikkeling, gezinssituatie en hulpvraag'],
  ['b', 'b. Het gewenste resultaat'],
  ['c', 'c. Eigen kracht en netwerk: zelf een oplossing vinden'],
  ['d', 'd. Een andere voorziening'],
  ['e', 'e. Jeugdhulp met een overige voorziening'],
  ['f', 'f. Een individuele voorziening'],
  ['g', 'g. Afstemming met zorg, onderwijs, ondersteuning, werk en inkomen'],
  ['h', 'h. Godsdienst, levensovertuiging en culturele achtergrond'],
  ['i', 'i. De keuze voor een pgb en wat die betekent'],
];
const CRITERIA = [
  ['a', 'Criterium a: geen oplossing op eigen kracht of met het netwerk'],
  ['b', 'Criterium b: geen oplossing met een overige voorziening'],
  ['c', 'Criterium c: geen oplossing met andere voorzieningen'],
];
const GEMEENTE = { patroon: '[0-9]{4}', patroonFout: 'Een gemeentecode heeft 4 cijfers, bijvoorbeeld 0301.', max: 4, inputmode: 'numeric' };

// What each action's form asks. Kinds: tekst, tekstvak, datum, keuze (radio
// buttons), lijst (select), vinkje (a boolean), json (a member, or the whole
// body with naam ''), regels (one object per line), groep (a fieldset).
function beschrijving(actie, zaak) {
  const nu = vandaag();
  switch (actie) {
  case 'ontvangst_bevestigen':
    return { uitleg: 'Art. 3.1.2: het CJG bevestigt het gezin schriftelijk of per e-mail dat de aanvraag binnen is.', velden: [
      { t: 'keuze', naam: 'wijze', label: 'Hoe is de ontvangst bevestigd?', verplicht: 'Kies hoe de ontvangst is bevestigd.',
        opties: [['brief', 'Per brief'], ['email', 'Per e-mail']] },
    ] };
  case 'vooronderzoek':
    return { uitleg: 'Art. 3.2: de woonplaats is bepaald en het identiteitsbewijs is gecontroleerd. Of u ziet in overleg met het gezin af van het vooronderzoek (3.2.4). Het nummer van het identiteitsbewijs wordt niet vastgelegd.', velden: [
      { t: 'tekst', naam: 'woonplaats_gemeente', label: 'Gemeente van de woonplaats', verplicht: true, waarde: zaak.verantwoordelijke_gemeente || '',
        uitleg: `CBS-code van 4 cijfers. Is het niet ${zaak.verantwoordelijke_gemeente || 'de eigen gemeente'}? Zend de aanvraag dan door.`, ...GEMEENTE },
      { t: 'lijst', naam: 'id_document_type', label: 'Gezien identiteitsbewijs (niet nodig bij afzien)', leeg: 'Kies',
        opties: [['paspoort', 'Paspoort'], ['identiteitskaart', 'Identiteitskaart'], ['rijbewijs', 'Rijbewijs'], ['verblijfsdocument', 'Verblijfsdocument']] },
      { t: 'vinkje', naam: 'id_gecontroleerd', label: 'Het identiteitsbewijs is gecontroleerd (3.2.3)' },
      { t: 'vinkje', naam: 'afgezien', label: 'Afgezien van het vooronderzoek, in overleg met het gezin (3.2.4)' },
      { t: 'tekstvak', naam: 'reden_afzien', label: 'Reden om af te zien (alleen bij afzien)', max: 2000, rijen: 2 },
    ] };
  case 'gesprek':
    return { uitleg: 'Art. 3.3: het gesprek met het gezin. Het gesprek start de termijn voor het verslag: 15 werkdagen na de datum.', velden: [
      { t: 'datum', naam: 'datum', label: 'Datum van het gesprek', verplicht: true, waarde: nu, max: nu },
      { t: 'groep', label: 'Onderwerpen van het gesprek (art. 3.3.1)', naam: 'onderwerpen', alles: 'besproken',
        uitleg: 'Per onderwerp: besproken, of niet nodig. Laat leeg als u afziet van het gesprek.',
        velden: ONDERWERPEN.map(([k, label]) => ({ t: 'keuze', naam: `onderwerpen.${k}`, label, naast: true,
          opties: [['besproken', 'Besproken'], ['niet_nodig', 'Niet nodig']] })) },
      { t: 'vinkje', naam: 'toestemming_persoonsgegevens', label: 'Het gezin geeft toestemming om persoonsgegevens te verwerken (3.3.3)' },
      { t: 'vinkje', naam: 'ouderbijdrage_geinformeerd', label: 'Het gezin weet of er een ouderbijdrage is (3.3.2)' },
      { t: 'vinkje', naam: 'afgezien', label: 'Afgezien van het gesprek, in overleg met het gezin (3.3.4)' },
      { t: 'tekstvak', naam: 'reden_afzien', label: 'Reden om af te zien (alleen bij afzien)', max: 2000, rijen: 2 },
    ] };
  case 'verslag':
    return { uitleg: 'Art. 3.4: het verslag van het gesprek is aan het gezin gegeven. Dit beëindigt de termijn voor het verslag.', velden: [
      { t: 'vinkje', naam: 'gezin_wil_geen_verslag', label: 'Het gezin wil geen verslag' },
      { t: 'datum', naam: 'verstrekt_op', label: 'Verstrekt op (niet nodig als het gezin geen verslag wil)', waarde: nu, max: nu },
      { t: 'tekstvak', naam: 'samenvatting', label: 'Samenvatting (niet nodig als het gezin geen verslag wil)', max: 20000, rijen: 6 },
    ] };
  case 'verslag_aanvullen':
    return { uitleg: 'Art. 3.4.2: opmerkingen of aanvullingen van het gezin bij het verslag. De status blijft gelijk.', velden: [
      { t: 'tekstvak', naam: 'aanvulling', label: 'Opmerkingen of aanvullingen van het gezin', verplicht: true, max: 20000, rijen: 5 },
    ] };
  case 'gezinsplan': {
    const plan = zaak.gezin && zaak.gezin.gezinsplan;
    return { uitleg: 'Art. 3.5: één gezin, één plan. Schrijf een nieuwe versie (alle drie de teksten), of neem het huidige plan van het gezin over.' +
      (plan ? ` Het gezin heeft nu versie ${plan.versie}.` : ' Het gezin heeft nog geen plan.'), velden: [
      { t: 'vinkje', naam: 'bestaand_plan', label: 'Het huidige plan van het gezin overnemen (dan geen teksten invullen)' },
      { t: 'tekstvak', naam: 'eigen_kracht_netwerk', label: 'Eigen kracht en netwerk', max: 20000, rijen: 3 },
      { t: 'tekstvak', naam: 'vrij_toegankelijke_voorzieningen', label: 'Vrij toegankelijke voorzieningen', max: 20000, rijen: 3 },
      { t: 'tekstvak', naam: 'individuele_voorzieningen', label: 'Individuele voorzieningen', max: 20000, rijen: 3 },
      { t: 'vinkje', naam: 'familiegroepsplan', label: 'Dit is een familiegroepsplan' },
    ] };
  }
  case 'aanvraag':
    return { uitleg: 'Art. 3.6: de aanvraag om een individuele voorziening. Start de beslistermijn: 8 weken na ontvangst.', velden: [
      { t: 'datum', naam: 'ontvangen_op', label: 'Ontvangen op', verplicht: true, waarde: nu, max: nu },
      { t: 'keuze', naam: 'wijze', label: 'Hoe is de aanvraag gedaan?', verplicht: 'Kies hoe de aanvraag is gedaan.',
        opties: [['format', 'Met het aanvraagformulier (format)'], ['verslag', 'Het ondertekende verslag geldt als aanvraag'], ['plan', 'Het ondertekende plan geldt als aanvraag']] },
      { t: 'vinkje', naam: 'ondertekend', label: 'Het gezin heeft het verslag of plan ondertekend (3.6.2)' },
      { t: 'tekstvak', naam: 'ondersteuning', label: 'Welke ondersteuning vraagt het gezin?', verplicht: true, max: 4000, rijen: 3 },
      { t: 'tekstvak', naam: 'doel', label: 'Welk doel heeft die ondersteuning?', verplicht: true, max: 4000, rijen: 3 },
    ] };
  case 'beoordeling':
    return { uitleg: 'Art. 3.7.2: de aanvraag beoordeeld op de criteria a, b en c, elk met een motivering; en de psychologische interventies binnen de GGZ die zij vraagt (3.7.5).', velden: [
      ...CRITERIA.map(([k, label]) => ({ t: 'groep', label, naam: k, velden: [
        { t: 'keuze', naam: `${k}.besluit`, label: 'Besluit', verplicht: 'Kies voldaan of niet voldaan.', naast: true,
          opties: [['voldaan', 'Voldaan'], ['niet_voldaan', 'Niet voldaan']] },
        { t: 'tekstvak', naam: `${k}.motivering`, label: 'Motivering', verplicht: true, max: 4000, rijen: 2 },
      ] })),
      { t: 'regels', naam: 'ggz_interventies', lid: 'naam', label: 'Psychologische interventies binnen de GGZ (niet verplicht)',
        uitleg: 'Eén per regel, de naam zoals op de lijst van het Zorginstituut. Bijvoorbeeld: Systeemtherapie.', rijen: 3 },
    ] };
  case 'advies':
    return { uitleg: 'Art. 3.8: advies voordat het CJG beslist.', velden: [
      { t: 'tekst', naam: 'adviseur', label: 'Adviseur', verplicht: true, max: 200 },
      { t: 'tekstvak', naam: 'advies', label: 'Advies', verplicht: true, max: 20000, rijen: 4 },
    ] };
  case 'beschikken': {
    const voorbeeld = [{
      omschrijving: 'Ambulante gezinsbehandeling',
      productcategorie: zaak.productcategorie || '45',
      vorm: 'natura',
      ingangsdatum: nu,
      einddatum: maandenLater(nu, 6),
    }];
    return { uitleg: 'Het besluit. Alle termijnen stoppen. Een toekenning noemt de hulp in de producten; elk product wordt een toewijzing.', velden: [
      { t: 'keuze', naam: 'besluit', label: 'Besluit', verplicht: 'Kies een besluit.',
        opties: [['toegekend', 'Toegekend'], ['gedeeltelijk_toegekend', 'Gedeeltelijk toegekend'], ['afgewezen', 'Afgewezen']] },
      { t: 'tekstvak', naam: 'grondslag', label: 'Grondslag', verplicht: true, max: 2000, rijen: 2,
        waarde: 'Jeugdwet art. 2.3; Nadere regels jeugdhulp, art. 3.7' },
      { t: 'tekstvak', naam: 'motivering', label: 'Motivering', verplicht: true, max: 20000, rijen: 4 },
      { t: 'json', naam: 'producten', label: 'Producten (JSON)', rijen: 10, waarde: JSON.stringify(voorbeeld, null, 2),
        uitleg: 'Een lijst van producten (schema Product in openapi.yaml): omschrijving, vorm (natura of pgb), ingangsdatum, einddatum; met een aanbieder_agb ook productcategorie en omvang. Het voorbeeld is een product in natura. Laat leeg bij een afwijzing.' },
    ] };
  }
  case 'start_zorg': {
    const open = (zaak.toewijzingen || []).filter((t) => !t.gestart_op);
    return { uitleg: 'De aanbieder is begonnen met de hulp van een toewijzing (zoals een iJw JW305 het zal melden).', velden: [
      { t: 'lijst', naam: 'toewijzing', label: 'Toewijzing', verplicht: 'Kies de toewijzing.', getal: true, leeg: open.length ? 'Kies' : 'Er is geen toewijzing zonder start',
        opties: open.map((t) => [String(t.nummer), `${t.nummer}: ${t.omschrijving} (vanaf ${datum(t.ingangsdatum)})`]) },
      { t: 'datum', naam: 'startdatum', label: 'Gestart op', verplicht: true, waarde: nu, max: nu },
    ] };
  }
  case 'tijdelijke_maatregel':
    return { uitleg: 'Art. 3.1.3: bij spoed een passende tijdelijke maatregel. Dit beëindigt de termijn voor de tijdelijke maatregel; de status blijft gelijk.', velden: [
      { t: 'tekstvak', naam: 'maatregel', label: 'Maatregel', verplicht: true, max: 4000, rijen: 4 },
    ] };
  case 'werkwijze':
    return { uitleg: 'Hoe het CJG met het gezin werkt (Noot 5). De status blijft gelijk.', velden: [
      { t: 'keuze', naam: 'fase', label: 'Fase van de cliëntroute', verplicht: 'Kies de fase.',
        opties: [['vraagstelling', 'Vraagstelling'], ['vraagverheldering', 'Vraagverheldering'], ['vraagduiding', 'Vraagduiding'], ['vraagbemiddeling', 'Vraagbemiddeling']] },
      { t: 'lijst', naam: 'opvoedsituatie', label: 'Opvoedsituatie (niet verplicht)', leeg: 'Niet ingevuld',
        opties: [['opvoedingsvragen', 'Opvoedingsvragen'], ['opvoedingsspanning', 'Opvoedingsspanning'], ['verhoogde_opvoedingsspanning', 'Verhoogde opvoedingsspanning'], ['opvoedingsnood', 'Opvoedingsnood'], ['opvoedingscrisis', 'Opvoedingscrisis']] },
      { t: 'lijst', naam: 'risico_instrument', label: 'Risico-instrument (niet verplicht)', leeg: 'Niet ingevuld',
        opties: [['signs_of_safety', 'Signs of Safety'], ['cfra', 'CFRA'], ['lirik', 'LIRIK'], ['veiligheid_in_gezinnen', 'Veiligheid in gezinnen'], ['deescalatie_beloop', 'De-escalatie en beloop'], ['eerste_hulpkaart', 'Eerste-hulpkaart'], ['stoplicht', 'Stoplicht'], ['thermometer', 'Thermometer']] },
      { t: 'tekstvak', naam: 'toelichting', label: 'Toelichting (niet verplicht)', max: 4000, rijen: 3 },
    ] };
  case 'verdagen': {
    const t = zaak.termijnen && zaak.termijnen.beschikking;
    return { uitleg: `Awb art. 4:14: de beslistermijn wordt verlengd, gemeld voordat zij afloopt.${t ? ` De termijn loopt nu tot ${datum(t)}.` : ''} De status blijft gelijk.`, velden: [
      { t: 'datum', naam: 'nieuwe_datum', label: 'Nieuwe datum', verplicht: true },
      { t: 'tekstvak', naam: 'reden', label: 'Reden', verplicht: true, max: 2000, rijen: 3 },
    ] };
  }
  case 'opschorten':
    return { uitleg: 'Awb art. 4:15: de beslistermijn staat stil van de ene tot en met de andere datum; de termijn schuift zoveel dagen op. De status blijft gelijk.', velden: [
      { t: 'datum', naam: 'van', label: 'Van', verplicht: true, waarde: nu },
      { t: 'datum', naam: 'tot', label: 'Tot en met', verplicht: true },
      { t: 'tekstvak', naam: 'reden', label: 'Reden', verplicht: true, max: 2000, rijen: 3 },
    ] };
  case 'intrekken':
    return { uitleg: 'Het gezin trekt de aanvraag in. De aanvraag stopt en alle termijnen stoppen. Dit kan niet ongedaan worden gemaakt.', velden: [
      { t: 'tekstvak', naam: 'reden', label: 'Reden', verplicht: true, max: 2000, rijen: 3 },
    ] };
  case 'doorzenden':
    return { uitleg: 'Woonplaatsbeginsel (iJw WJ759 code 8): een andere gemeente is verantwoordelijk. Binnen de regio gaat de aanvraag naar het CJG van die gemeente; u ziet haar daarna niet meer.', velden: [
      { t: 'tekst', naam: 'gemeente', label: 'Gemeente', verplicht: true, uitleg: 'CBS-code van 4 cijfers, niet de eigen gemeente.', ...GEMEENTE },
      { t: 'tekstvak', naam: 'reden', label: 'Reden', verplicht: true, max: 2000, rijen: 3 },
    ] };
  default:
    return { uitleg: 'De inhoud van deze stap staat in openapi.yaml (schema’s Actie…).', velden: [
      { t: 'json', naam: '', label: 'Gegevens (JSON)', verplicht: true, rijen: 8, waarde: '{}' },
    ] };
  }
}

// The DOM of the fields. Every field that can carry an error has its own
// error message element (as formulier.js expects: a direct child).
let volgnummer = 0;
function nieuwId(actie) {
  volgnummer += 1;
  return `actie-${actie}-${volgnummer}`;
}

function foutregel(id) {
  const p = el('p', 'utrecht-form-field-error-message');
  p.id = `${id}-fout`;
  p.hidden = true;
  return p;
}

function label(id, tekst, klasse = 'utrecht-form-label') {
  const l = el('label', klasse, tekst);
  l.htmlFor = id;
  return l;
}

function beschrijvingVan(id, tekst, invoer) {
  const d = el('div', 'utrecht-form-field-description', tekst);
  d.id = `${id}-uitleg`;
  invoer.setAttribute('aria-describedby', d.id);
  return d;
}

function veld(actie, v) {
  if (v.t === 'keuze') return keuze(actie, v);
  if (v.t === 'groep') return groep(actie, v);
  if (v.t === 'vinkje') return vinkje(actie, v);
  const id = nieuwId(actie);
  let invoer;
  if (v.t === 'tekstvak' || v.t === 'json' || v.t === 'regels') {
    invoer = el('textarea', 'utrecht-textarea utrecht-textarea--html-textarea');
    invoer.rows = v.rijen || 3;
    if (v.t !== 'tekstvak') invoer.spellcheck = false;
  } else if (v.t === 'lijst') {
    invoer = el('select', 'utrecht-select utrecht-select--html-select');
    const leeg = el('option', null, v.leeg || 'Kies');
    leeg.value = '';
    invoer.append(leeg);
    for (const [waarde, tekst] of v.opties) {
      const o = el('option', null, tekst);
      o.value = waarde;
      invoer.append(o);
    }
    if (v.getal) invoer.dataset.soort = 'getal';
  } else {
    invoer = el('input', 'utrecht-textbox utrecht-textbox--html-input');
    invoer.type = v.t === 'datum' ? 'date' : 'text';
    if (v.inputmode) invoer.inputMode = v.inputmode;
    invoer.autocomplete = 'off';
  }
  invoer.id = id;
  if (v.t === 'json' || v.t === 'regels') {
    // Not read by lees(): these are parsed here (see body()).
    invoer.dataset.naam = v.naam;
    invoer.dataset.soort = v.t;
    if (v.lid) invoer.dataset.lid = v.lid;
  } else {
    invoer.name = v.naam;
  }
  if (v.verplicht) {
    invoer.required = true;
    if (typeof v.verplicht === 'string') invoer.dataset.verplichtFout = v.verplicht;
  }
  if (v.max && v.t !== 'datum') invoer.maxLength = v.max;
  if (v.max && v.t === 'datum') invoer.max = v.max;
  if (v.patroon) { invoer.dataset.patroon = v.patroon; invoer.dataset.patroonFout = v.patroonFout; }
  if (v.waarde !== undefined) invoer.value = v.waarde;

  const vak = el('div', `utrecht-form-field utrecht-form-field--${v.t === 'lijst' ? 'select' : 'text'}`);
  const kop = el('div', 'utrecht-form-field__label');
  kop.append(label(id, v.label));
  vak.append(kop);
  if (v.uitleg) vak.append(beschrijvingVan(id, v.uitleg, invoer));
  vak.append(foutregel(id));
  const in_ = el('div', 'utrecht-form-field__input');
  in_.append(invoer);
  vak.append(in_);
  return vak;
}

function vinkje(actie, v) {
  const id = nieuwId(actie);
  const invoer = el('input', 'utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom');
  invoer.type = 'checkbox';
  invoer.id = id;
  invoer.name = v.naam;
  invoer.dataset.soort = 'boolean';
  const vak = el('div', 'utrecht-form-field utrecht-form-field--checkbox');
  const kop = el('div', 'utrecht-form-field__label utrecht-form-field__label--checkbox');
  kop.append(label(id, v.label, 'utrecht-form-label utrecht-form-label--checkbox'));
  const in_ = el('div', 'utrecht-form-field__input');
  in_.append(invoer);
  vak.append(kop, foutregel(id), in_);
  return vak;
}

function keuze(actie, v) {
  const id = nieuwId(actie);
  const buiten = el('div', 'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset');
  const fs = el('fieldset', 'utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset' + (v.naast ? ' cjg-naast' : ''));
  fs.dataset.veld = v.naam;
  if (v.verplicht) fs.dataset.verplichteKeuze = typeof v.verplicht === 'string' ? v.verplicht : 'Maak een keuze.';
  fs.append(el('legend', 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend', v.label));
  fs.append(foutregel(id));
  const opties = el('div', 'cjg-opties');
  v.opties.forEach(([waarde, tekst], i) => {
    const rid = `${id}-${i}`;
    const r = el('div', 'utrecht-form-field utrecht-form-field--radio');
    const invoer = el('input', 'utrecht-radio-button utrecht-radio-button--html-input');
    invoer.type = 'radio';
    invoer.id = rid;
    invoer.name = v.naam;
    invoer.value = waarde;
    r.append(invoer, label(rid, tekst, 'utrecht-form-label utrecht-form-label--radio'));
    opties.append(r);
  });
  fs.append(opties);
  buiten.append(fs);
  return buiten;
}

function groep(actie, v) {
  const buiten = el('div', 'utrecht-form-fieldset utrecht-form-fieldset--html-fieldset');
  const fs = el('fieldset', 'utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset cjg-groep');
  if (v.naam) fs.dataset.veld = v.naam;
  fs.append(el('legend', 'utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend', v.label));
  if (v.uitleg) fs.append(el('p', 'utrecht-form-field-description', v.uitleg));
  fs.append(foutregel(nieuwId(actie)));
  if (v.alles) {
    const knop = el('button', 'utrecht-button utrecht-button--html-button utrecht-button--secondary-action', 'Alles besproken');
    knop.type = 'button';
    knop.addEventListener('click', () => {
      for (const r of fs.querySelectorAll(`input[type="radio"][value="${v.alles}"]`)) {
        r.checked = true;
        wisFout(r.form, r);
      }
    });
    const p = el('p', 'utrecht-paragraph');
    p.append(knop);
    fs.append(p);
  }
  for (const sub of v.velden) fs.append(veld(actie, sub));
  buiten.append(fs);
  return buiten;
}

// ---- reading and checking the form -------------------------------------

function benoemd(form) {
  return [...form.elements].filter((e) => (e.name || e.dataset.naam !== undefined) && !e.matches(':disabled') && e.type !== 'submit' && e.type !== 'button');
}



// The checks the page does itself: what is required, the patterns, and
// whether the JSON reads. Returns [{el, tekst}]; the rules across members are
// the API's (its invalid-params land next to the fields).
function controleer(form) {
  const fouten = [];
  for (const e of benoemd(form)) {
    if (e.type === 'radio' || e.type === 'checkbox') continue;
    const v = e.value.trim();
    if (e.required && v === '') {
      fouten.push({ el: e, tekst: e.dataset.verplichtFout || 'Vul dit in.' });
    } else if (v !== '' && e.dataset.patroon && !new RegExp(`^(?:${e.dataset.patroon})$`).test(v)) {
      fouten.push({ el: e, tekst: e.dataset.patroonFout || 'Dit klopt niet.' });
    } else if (v !== '' && e.maxLength > 0 && v.length > e.maxLength) {
      fouten.push({ el: e, tekst: `Dit is te lang: hoogstens ${e.maxLength} tekens.` });
    } else if (v !== '' && e.dataset.soort === 'json') {
      try {
        const w = JSON.parse(v);
        if (e.dataset.naam === '' && (w === null || typeof w !== 'object' || Array.isArray(w)))
          fouten.push({ el: e, tekst: 'De gegevens zijn een JSON-object: { … }.' });
      } catch (x) {
        fouten.push({ el: e, tekst: `Dit is geen geldige JSON (${x.message}).` });
      }
    }
  }
  for (const fs of form.querySelectorAll('[data-verplichte-keuze]')) {
    const radios = [...fs.querySelectorAll('input[type="radio"]')];
    if (radios.length && !radios.some((r) => r.checked)) fouten.push({ el: radios[0], tekst: fs.dataset.verplichteKeuze });
  }
  return fouten;
}

function body(form) {
  let b = lees(form);
  for (const e of benoemd(form)) {
    if (e.name) continue;
    const v = e.value.trim();
    if (v === '') continue;
    let waarde;
    if (e.dataset.soort === 'json') waarde = JSON.parse(v);
    else if (e.dataset.soort === 'regels')
      waarde = v.split('\n').map((r) => r.trim()).filter(Boolean).map((r) => ({ [e.dataset.lid]: r }));
    else continue;
    if (e.dataset.naam === '') b = { ...b, ...waarde };
    else zet(b, e.dataset.naam, waarde);
  }
  return b;
}

// The field an invalid-params name points at: the field of that name, else
// the fieldset or JSON field whose path is a prefix of it (or the JSON field
// that holds the whole body).
function veldVoor(form, naam) {
  const alle = benoemd(form);
  const precies = alle.find((e) => e.name === naam && e.type !== 'radio') || alle.find((e) => e.name === naam) ||
    alle.find((e) => e.dataset.naam === naam && naam !== '');
  if (precies) return { el: precies, precies: true };
  const onder = (v) => naam === v || naam.startsWith(v + '.') || naam.startsWith(v + '[');
  let beste = null;
  for (const fs of form.querySelectorAll('[data-veld]')) {
    if (onder(fs.dataset.veld) && (!beste || fs.dataset.veld.length > beste.pad.length))
      beste = { pad: fs.dataset.veld, el: fs.querySelector('input, select, textarea'), groep: fs.classList.contains('cjg-groep') ? fs : null };
  }
  for (const e of alle) {
    if (e.dataset.naam !== undefined && (e.dataset.naam === '' || onder(e.dataset.naam)) &&
        (!beste || e.dataset.naam.length > beste.pad.length)) beste = { pad: e.dataset.naam, el: e };
  }
  return beste && beste.el ? { el: beste.el, groep: beste.groep, precies: false } : null;
}

// An error about a group of fields as a whole (onderwerpen, a criterium).
function groepFout(fs, tekst) {
  const p = fs.querySelector(':scope > .utrecht-form-field-error-message');
  p.textContent = tekst;
  p.hidden = false;
  fs.classList.add('utrecht-form-fieldset--invalid');
}

function wisGroepFouten(form) {
  for (const fs of form.querySelectorAll('.cjg-groep')) {
    const p = fs.querySelector(':scope > .utrecht-form-field-error-message');
    if (p) { p.textContent = ''; p.hidden = true; }
    fs.classList.remove('utrecht-form-fieldset--invalid');
  }
}


// The form of one action on one zaak, as a section to put in the page.
// opties: gelukt(antwoord) on 200, conflict(problem) on 409, sluit() on cancel.
export function actieFormulier(actie, zaak, opties) {
  const b = beschrijving(actie, zaak);
  const sectie = el('section', 'toegang-kaart cjg-actie');
  sectie.dataset.actie = actie;
  const kopId = nieuwId(actie);
  sectie.setAttribute('aria-labelledby', kopId);
  const kop = el('h4', 'utrecht-heading-4', actieNaam(actie));
  kop.id = kopId;
  kop.tabIndex = -1;
  sectie.append(kop);
  if (b.uitleg) sectie.append(el('p', 'utrecht-paragraph toegang-klein', b.uitleg));

  const form = el('form', 'utrecht-form');
  form.noValidate = true;
  const sv = el('div', 'utrecht-alert utrecht-alert--error');
  sv.dataset.foutsamenvatting = '';
  sv.hidden = true;
  sv.tabIndex = -1;
  sv.setAttribute('role', 'alert');
  const svIn = el('div', 'utrecht-alert__content');
  const svMsg = el('div', 'utrecht-alert__message');
  const svKop = el('p', 'utrecht-paragraph');
  svKop.dataset.kop = '';
  svMsg.append(svKop, el('ul', 'utrecht-unordered-list'));
  svIn.append(svMsg);
  sv.append(svIn);
  form.append(sv);
  for (const v of b.velden) form.append(veld(actie, v));

  const knoppen = el('div', 'utrecht-button-group');
  const verstuur = el('button', 'utrecht-button utrecht-button--html-button utrecht-button--primary-action utrecht-button--submit', 'Vastleggen');
  verstuur.type = 'submit';
  const annuleer = el('button', 'utrecht-button utrecht-button--html-button utrecht-button--secondary-action', 'Annuleren');
  annuleer.type = 'button';
  annuleer.addEventListener('click', () => opties.sluit());
  knoppen.append(verstuur, annuleer);
  form.append(knoppen);
  sectie.append(form);

  for (const e of benoemd(form)) {
    e.addEventListener('input', () => wisFout(form, e));
    e.addEventListener('change', () => wisFout(form, e));
  }

  let bezig = false;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (bezig) return;
    for (const e of benoemd(form)) wisFout(form, e);
    wisGroepFouten(form);
    sv.hidden = true;
    const fouten = controleer(form);
    if (fouten.length) {
      for (const f of fouten) toonFout(form, f.el, f.tekst);
      samenvatting(form, fouten, fouten.length === 1 ? 'Er is 1 fout. Er is niets vastgelegd.' : `Er zijn ${fouten.length} fouten. Er is niets vastgelegd.`);
      return;
    }
    bezig = true;
    verstuur.disabled = true;
    verstuur.setAttribute('aria-busy', 'true');
    const a = await api('POST', `/api/v1/zaken/${encodeURIComponent(zaak.id)}/acties/${encodeURIComponent(actie)}`, { body: body(form) });
    bezig = false;
    verstuur.disabled = false;
    verstuur.removeAttribute('aria-busy');
    if (a.ok) { opties.gelukt(a.data); return; }
    const p = a.problem || {};
    if (a.status === 409) { opties.conflict(p); return; }
    const lijst = [];
    for (const ip of Array.isArray(p['invalid-params']) ? p['invalid-params'] : []) {
      const naam = typeof ip.name === 'string' ? ip.name : '';
      const reden = String(ip.reason || 'klopt niet');
      const gevonden = veldVoor(form, naam);
      const tekst = gevonden && !gevonden.precies && naam ? `${naam}: ${reden}` : reden;
      if (gevonden && gevonden.groep) groepFout(gevonden.groep, tekst);
      else if (gevonden) toonFout(form, gevonden.el, tekst);
      lijst.push({ el: gevonden ? gevonden.el : null, tekst: gevonden || !naam ? tekst : `${naam}: ${reden}` });
    }
    let kopTekst = p.detail || p.title || 'Het vastleggen is niet gelukt.';
    if (a.netwerk)
      kopTekst += ' Het is niet zeker of de stap is vastgelegd. Haal de aanvraag opnieuw op en kijk in de statushistorie voordat u het opnieuw probeert.';
    samenvatting(form, lijst, kopTekst);
  });

  return {
    sectie,
    focus() { kop.focus(); },
  };
}
