// The behaviour every create form shares (verwijzing, mandaat, overdracht):
//  - the body is built from the fields' names, which are the API's JSON paths
//    (jeugdige.bsn, gezaghebbenden[1].gemeente), so the API's invalid-params
//    land next to the field they name;
//  - a BSN is checked with the elfproef while it is typed; required fields and
//    patterns when the form is sent; a form with an error is not sent;
//  - a failed send keeps everything typed, and the next try sends the same
//    Idempotency-Key, so a send that did arrive is not made twice;
//  - success shows the zaak's referentie and moves the focus there.
import { api } from './api.js';
import { bsnFout } from './bsn.js';

// "gezaghebbenden[1].naam" -> ['gezaghebbenden', 1, 'naam']
function pad(naam) {
  const delen = [];
  for (const deel of naam.split('.')) {
    const m = /^([^[\]]+)((?:\[\d+\])*)$/.exec(deel);
    if (!m) return null;
    delen.push(m[1]);
    for (const i of m[2].matchAll(/\[(\d+)\]/g)) delen.push(Number(i[1]));
  }
  return delen;
}

function zetDelen(doel, delen, waarde) {
  let o = doel;
  for (let i = 0; i < delen.length - 1; i++) {
    if (o[delen[i]] === undefined) o[delen[i]] = typeof delen[i + 1] === 'number' ? [] : {};
    o = o[delen[i]];
  }
  o[delen[delen.length - 1]] = waarde;
}

// Puts waarde at the JSON path naam ("producten[0].omvang") in doel.
export function zet(doel, naam, waarde) {
  const delen = pad(naam);
  if (delen) zetDelen(doel, delen, waarde);
}

// The fields that count: named, and not disabled (also not by a disabled fieldset).
// A date as people type it (1-5-2014, 01.05.2014, 1/5/2014) or as the API
// writes it (2014-05-01), as YYYY-MM-DD; null when it is no date at all. A
// text field, not <input type="date">, whose order of day and month follows
// the browser's language rather than the page's.
export function isoDatum(s) {
  let m = /^\s*(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})\s*$/.exec(s);
  let j, mnd, d;
  if (m) [j, mnd, d] = [Number(m[3]), Number(m[2]), Number(m[1])];
  else if ((m = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(s))) [j, mnd, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else return null;
  const t = new Date(Date.UTC(j, mnd - 1, d));
  if (t.getUTCFullYear() !== j || t.getUTCMonth() !== mnd - 1 || t.getUTCDate() !== d) return null;
  return `${String(j).padStart(4, '0')}-${String(mnd).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function velden(form) {
  return [...form.elements].filter((el) => el.name && !el.matches(':disabled') && el.type !== 'submit');
}

// The JSON body of the form. Empty optional fields are left out; a checkbox
// with data-soort="boolean" is true or false; a radio group its checked value.
export function lees(form) {
  const body = {};
  for (const el of velden(form)) {
    const delen = pad(el.name);
    if (!delen) continue;
    let waarde;
    if (el.type === 'checkbox') {
      if (el.dataset.soort === 'boolean') waarde = el.checked;
      else if (!el.checked) continue;
      else waarde = el.value;
    } else if (el.type === 'radio') {
      if (!el.checked) continue;
      waarde = el.value === 'true' ? true : el.value === 'false' ? false : el.value;
    } else {
      waarde = el.value.trim();
      if (waarde === '') continue;
      if (el.dataset.soort === 'getal') waarde = Number(waarde);
      if (el.dataset.soort === 'datum') waarde = isoDatum(waarde) || waarde;
    }
    zetDelen(body, delen, waarde);
  }
  return body;
}

// The nearest enclosing field or fieldset that has an error message of its own
// (a radio button's is its fieldset's).
function veldVan(form, el) {
  for (let n = el.parentElement; n && n !== form; n = n.parentElement) {
    if (n.querySelector(':scope > .utrecht-form-field-error-message')) return n;
  }
  return null;
}

function foutElement(form, el) {
  const veld = veldVan(form, el);
  return veld ? veld.querySelector(':scope > .utrecht-form-field-error-message') : null;
}

export function toonFout(form, el, tekst) {
  const p = foutElement(form, el);
  const veld = veldVan(form, el);
  if (!p || !veld) return false;
  // An error inside a closed "Meer gegevens" must be seen and reachable.
  const meer = el.closest('details');
  if (meer) meer.open = true;
  p.textContent = tekst;
  p.hidden = false;
  veld.classList.add(veld.tagName === 'FIELDSET' ? 'utrecht-form-fieldset--invalid' : 'utrecht-form-field--invalid');
  el.setAttribute('aria-invalid', 'true');
  const ids = new Set((el.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
  ids.add(p.id);
  el.setAttribute('aria-describedby', [...ids].join(' '));
  return true;
}

export function wisFout(form, el) {
  const p = foutElement(form, el);
  const veld = veldVan(form, el);
  if (p) { p.textContent = ''; p.hidden = true; }
  if (veld) veld.classList.remove('utrecht-form-field--invalid', 'utrecht-form-fieldset--invalid');
  el.removeAttribute('aria-invalid');
}

// What the error summary calls a field: its fieldset's legend and its label
// ("Jeugdige, BSN"); a radio button by its group's legend alone.
export function labelVan(el) {
  const fieldset = el.closest('fieldset');
  const legend = fieldset && fieldset.querySelector('legend');
  const groep = legend ? legend.textContent.trim() : '';
  if (el.type === 'radio') return groep || el.name;
  const label = el.id ? el.form.querySelector(`label[for="${el.id}"]`) : null;
  const naam = label ? label.textContent.replace(/\s*\(.*\)\s*$/, '').trim() : el.name || el.dataset.naam || '';
  return groep ? `${groep}, ${naam}` : naam;
}

// The checks the page can do itself; returns [{el, tekst}].
function controleer(form) {
  const fouten = [];
  for (const el of velden(form)) {
    if (el.type === 'radio' || el.type === 'checkbox') {
      if (el.required && el.type === 'checkbox' && !el.checked)
        fouten.push({ el, tekst: el.dataset.verplichtFout || 'Dit is verplicht.' });
      continue;
    }
    const v = el.value.trim();
    if (el.dataset.soort === 'bsn') {
      const t = v === '' && !el.required ? null : bsnFout(v, true);
      if (t) fouten.push({ el, tekst: t });
    } else if (el.dataset.soort === 'datum' && v !== '' && !isoDatum(v)) {
      fouten.push({ el, tekst: 'Schrijf de datum als dag-maand-jaar, bijvoorbeeld 1-5-2014.' });
    } else if (el.required && v === '') {
      fouten.push({ el, tekst: el.dataset.verplichtFout || 'Vul dit in.' });
    } else if (v !== '' && el.dataset.patroon && !new RegExp(`^(?:${el.dataset.patroon})$`).test(v)) {
      fouten.push({ el, tekst: el.dataset.patroonFout || 'Dit klopt niet.' });
    } else if (v !== '' && el.maxLength > 0 && v.length > el.maxLength) {
      fouten.push({ el, tekst: `Dit is te lang: hoogstens ${el.maxLength} tekens.` });
    }
  }
  for (const groep of form.querySelectorAll('[data-verplichte-keuze]')) {
    const radios = [...groep.querySelectorAll('input[type="radio"]')];
    if (radios.length && !radios.some((r) => r.checked))
      fouten.push({ el: radios[0], tekst: groep.dataset.verplichteKeuze });
  }
  return fouten;
}

// The list of errors at the top, each a link to its field.
export function samenvatting(form, fouten, kop) {
  const vak = form.querySelector('[data-foutsamenvatting]');
  if (!vak) return;
  const lijst = vak.querySelector('ul');
  vak.querySelector('[data-kop]').textContent = kop;
  lijst.replaceChildren();
  for (const f of fouten) {
    const li = document.createElement('li');
    li.className = 'utrecht-unordered-list__item';
    if (f.el && f.el.id) {
      const a = document.createElement('a');
      a.className = 'utrecht-link';
      a.href = '#' + f.el.id;
      a.textContent = `${labelVan(f.el)}: ${f.tekst}`;
      a.addEventListener('click', (e) => { e.preventDefault(); f.el.focus(); });
      li.append(a);
    } else {
      li.textContent = f.tekst;
    }
    lijst.append(li);
  }
  lijst.hidden = fouten.length === 0;
  vak.hidden = false;
  vak.focus();
}

function verbergSamenvatting(form) {
  const vak = form.querySelector('[data-foutsamenvatting]');
  if (vak) vak.hidden = true;
}

// The field an invalid-params name points at: the field of that exact name,
// else the fieldset whose data-veld is a prefix of it.
function veldVoor(form, naam) {
  const el = velden(form).find((e) => e.name === naam && e.type !== 'radio') ||
    velden(form).find((e) => e.name === naam);
  if (el) return el;
  let beste = null;
  for (const groep of form.querySelectorAll('[data-veld]')) {
    const v = groep.dataset.veld;
    if ((naam === v || naam.startsWith(v + '.') || naam.startsWith(v + '[')) &&
        (!beste || v.length > beste.dataset.veld.length)) beste = groep;
  }
  return beste ? beste.querySelector('input, select, textarea') : null;
}

export function sleutel() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

// opties: pad (API path), bevestig(zaak, form) shows the success,
// aanvullen(body) adds what the fields cannot say.
export function koppelFormulier(form, opties) {
  let idempotencyKey = null;
  let bezig = false;
  const knop = form.querySelector('button[type="submit"]');

  for (const el of velden(form)) {
    if (el.dataset.soort === 'bsn') {
      el.addEventListener('input', () => {
        const t = bsnFout(el.value.trim(), false);
        if (t) toonFout(form, el, t); else wisFout(form, el);
      });
      el.addEventListener('blur', () => {
        const v = el.value.trim();
        const t = v === '' ? null : bsnFout(v, true);
        if (t) toonFout(form, el, t); else wisFout(form, el);
      });
    } else {
      el.addEventListener('input', () => wisFout(form, el));
      el.addEventListener('change', () => wisFout(form, el));
    }
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (bezig) return;
    for (const el of velden(form)) wisFout(form, el);
    verbergSamenvatting(form);
    const fouten = controleer(form);
    if (fouten.length) {
      for (const f of fouten) toonFout(form, f.el, f.tekst);
      samenvatting(form, fouten, fouten.length === 1 ? 'Er is 1 fout. Er is niets verstuurd.' : `Er zijn ${fouten.length} fouten. Er is niets verstuurd.`);
      return;
    }
    let body = lees(form);
    if (opties.aanvullen) body = opties.aanvullen(body);
    // One key until the zaak exists: a retry after any failure is the same request.
    if (!idempotencyKey) idempotencyKey = sleutel();
    bezig = true;
    if (knop) { knop.disabled = true; knop.setAttribute('aria-busy', 'true'); }
    const antwoord = await api('POST', opties.pad, { body, idempotencyKey });
    bezig = false;
    if (knop) { knop.disabled = false; knop.removeAttribute('aria-busy'); }
    if (antwoord.ok) {
      idempotencyKey = null;
      opties.bevestig(antwoord.data, form);
      return;
    }
    const p = antwoord.problem || {};
    const lijst = [];
    for (const ip of Array.isArray(p['invalid-params']) ? p['invalid-params'] : []) {
      const el = typeof ip.name === 'string' ? veldVoor(form, ip.name) : null;
      const tekst = String(ip.reason || 'klopt niet');
      if (el) toonFout(form, el, tekst);
      lijst.push({ el, tekst });
    }
    let kop = p.detail || p.title || 'Het versturen is niet gelukt.';
    if (p.type === 'urn:toegang:problem:idempotency-key-reused')
      kop = 'U heeft dit formulier al eerder verstuurd en daarna iets veranderd. Laad de pagina opnieuw om een nieuw verzoek te maken.';
    else if (antwoord.netwerk)
      kop += ' Als u opnieuw verstuurt, maakt toegang het verzoek niet dubbel.';
    samenvatting(form, lijst, kop);
  });

  return {
    nieuw() {
      idempotencyKey = null;
      form.reset();
      for (const el of velden(form)) wisFout(form, el);
      verbergSamenvatting(form);
    },
  };
}
