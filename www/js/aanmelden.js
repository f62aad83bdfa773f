// Sign-in. How is configuration (/config/aanmelden.json): "oidc" in
// production (oidc.js: the identity provider's token), "dev" in the dev stack
// (POST /api/v1/dev/token, which the daemon only answers when
// devtoken.enabled = yes). Either way the token goes to sessionStorage only.
import { api } from './api.js';
import { bewaarSessie, eigenPagina } from './sessie.js';
import { start } from './pagina.js';
import { bsnFout } from './bsn.js';
import { toonFout, wisFout } from './formulier.js';

const IDENTITEIT = {
  agb: { label: 'AGB-code', uitleg: '8 cijfers.', voorbeeld: '01234567', patroon: /^[0-9]{8}$/, fout: 'Een AGB-code heeft 8 cijfers.' },
  org: { label: 'Organisatie (OIN)', uitleg: 'Het kenmerk van uw organisatie, bijvoorbeeld een OIN van 20 cijfers.', voorbeeld: '00000001234567890000', patroon: /^[A-Za-z0-9.:-]{1,64}$/, fout: 'Gebruik 1 tot 64 letters, cijfers, punten, dubbele punten of streepjes.' },
  bsn: { label: 'BSN', uitleg: 'Uw burgerservicenummer: 9 cijfers.', voorbeeld: '', bsn: true },
  gemeente: { label: 'Gemeentecode', uitleg: '4 cijfers (CBS), bijvoorbeeld 0301 voor Zutphen.', voorbeeld: '0301', patroon: /^[0-9]{4}$/, fout: 'Een gemeentecode heeft 4 cijfers.' },
};
const CLAIM = {
  huisarts: 'agb', jeugdarts: 'agb', medisch_specialist: 'agb', aanbieder: 'agb',
  gi: 'org', rechter: 'org', om: 'org', jji: 'org', ouder: 'bsn', jeugdige: 'bsn',
  cjg: 'gemeente', plein: 'gemeente', gst: 'gemeente', beheerder: 'gemeente',
};
// Where each role starts after signing in, unless it came from a page.
const STARTPAGINA = {
  huisarts: '/verwijzing.html', jeugdarts: '/verwijzing.html', medisch_specialist: '/verwijzing.html',
  gi: '/mandaat.html', rechter: '/mandaat.html', om: '/mandaat.html', jji: '/mandaat.html',
  cjg: '/cjg.html', plein: '/overdracht.html', gst: '/overdracht.html',
  ouder: '/ouder.html', jeugdige: '/ouder.html',
};

function melding(tekst) {
  const vak = document.querySelector('[data-melding]');
  vak.querySelector('[data-melding-tekst]').textContent = tekst;
  vak.hidden = false;
  vak.focus();
}

// Only a path of this site: "/x.html", never "//host" or "https:".
export function terugAdres(rol) {
  return eigenPagina(new URLSearchParams(location.search).get('terug')) || STARTPAGINA[rol] || '/';
}

function devAanmelden() {
  const form = document.getElementById('dev-aanmelden');
  const rol = form.querySelector('#rol');
  const invoer = form.querySelector('#identiteit');
  const kies = () => {
    const soort = IDENTITEIT[CLAIM[rol.value]];
    form.querySelector('[data-identiteit-label]').textContent = soort.label;
    form.querySelector('[data-identiteit-uitleg]').textContent = soort.uitleg;
    invoer.inputMode = soort.bsn || soort.label !== 'Organisatie (OIN)' ? 'numeric' : 'text';
    invoer.value = soort.voorbeeld;
    wisFout(form, invoer);
  };
  rol.addEventListener('change', kies);
  kies();
  invoer.addEventListener('input', () => {
    if (IDENTITEIT[CLAIM[rol.value]].bsn) {
      const t = bsnFout(invoer.value.trim(), false);
      if (t) toonFout(form, invoer, t); else wisFout(form, invoer);
    } else wisFout(form, invoer);
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const claim = CLAIM[rol.value];
    const soort = IDENTITEIT[claim];
    const v = invoer.value.trim();
    const fout = soort.bsn ? bsnFout(v, true) : soort.patroon.test(v) ? null : soort.fout;
    if (fout) { toonFout(form, invoer, fout); invoer.focus(); return; }
    const antwoord = await api('POST', '/api/v1/dev/token', { body: { role: rol.value, [claim]: v } });
    if (!antwoord.ok) {
      const ip = antwoord.problem && antwoord.problem['invalid-params'];
      if (Array.isArray(ip) && ip.length) { toonFout(form, invoer, String(ip[0].reason)); invoer.focus(); return; }
      melding(antwoord.status === 404
        ? 'Aanmelden zonder identity provider staat uit (devtoken.enabled). Vraag de beheerder hoe u zich hier aanmeldt.'
        : antwoord.problem.detail);
      return;
    }
    bewaarSessie(antwoord.data.token, antwoord.data.role, antwoord.data.expires_in);
    location.assign(terugAdres(antwoord.data.role));
  });
  document.querySelector('[data-dev]').hidden = false;
}

async function begin() {
  start(null);
  let config = { wijze: 'dev' };
  try {
    const r = await fetch('/config/aanmelden.json', { cache: 'no-store' });
    if (r.ok) config = await r.json();
  } catch { /* the dev default */ }
  if (config.wijze === 'oidc') {
    const { oidcStart, oidcTerug } = await import('./oidc.js');
    if (await oidcTerug(config, (fout) => melding(fout), terugAdres)) return;
    document.querySelector('[data-oidc]').hidden = false;
    document.querySelector('[data-oidc-start]').addEventListener('click', () => oidcStart(config));
  } else {
    devAanmelden();
  }
}

begin();
