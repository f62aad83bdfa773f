// What every page does on load: show who is signed in (with a way out), and
// keep a page for other roles closed with a link to sign in.
import { sessie, afmelden, rolNaam, aanmeldAdres } from './sessie.js';

// rollen: the roles the page is for. Returns the session, or null when the
// page showed "sign in" instead of its content (data-inhoud stays hidden).
export function start(rollen) {
  const s = sessie();
  const wie = document.querySelector('[data-wie]');
  if (wie) {
    wie.replaceChildren();
    if (s) {
      const t = document.createElement('span');
      t.textContent = `Aangemeld als ${rolNaam(s.rol)}`;
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'utrecht-button utrecht-button--html-button utrecht-button--subtle';
      b.textContent = 'Afmelden';
      b.addEventListener('click', () => { afmelden(); location.assign('/'); });
      wie.append(t, ' ', b);
    } else {
      const a = document.createElement('a');
      a.className = 'utrecht-link';
      a.href = aanmeldAdres();
      a.textContent = 'Aanmelden';
      wie.append(a);
    }
  }
  const inhoud = document.querySelector('[data-inhoud]');
  const dicht = document.querySelector('[data-aanmelden-nodig]');
  if (!rollen) return s;
  if (s && rollen.includes(s.rol)) {
    if (inhoud) inhoud.hidden = false;
    if (dicht) dicht.hidden = true;
    return s;
  }
  if (inhoud) inhoud.hidden = true;
  if (dicht) {
    const p = dicht.querySelector('p');
    const a = dicht.querySelector('a');
    p.textContent = s
      ? `Deze pagina is voor: ${rollen.map(rolNaam).join(', ')}. U bent aangemeld als ${rolNaam(s.rol)}.`
      : `Deze pagina is voor: ${rollen.map(rolNaam).join(', ')}. Meld u eerst aan.`;
    a.href = aanmeldAdres();
    dicht.hidden = false;
  }
  return null;
}

// A date of the API (YYYY-MM-DD) or a timestamp, as Dutch readers write it.
export function datum(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s || '');
  if (!m) return s || '';
  const maanden = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
    'september', 'oktober', 'november', 'december'];
  return `${Number(m[3])} ${maanden[Number(m[2]) - 1]} ${m[1]}`;
}

// Today in the Dutch calendar, YYYY-MM-DD (as the API writes dates).
export function vandaag() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

export function tijdstip(s) {
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return s || '';
  return d.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

// A new element with a class and text: pages build their DOM with this, never
// with markup strings, so nothing the API returns is read as HTML.
export function el(tag, klasse, tekst) {
  const e = document.createElement(tag);
  if (klasse) e.className = klasse;
  if (tekst !== undefined && tekst !== null) e.textContent = String(tekst);
  return e;
}
