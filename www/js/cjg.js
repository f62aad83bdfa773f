// The CJG's page: the worklist (GET /api/v1/werkvoorraad), nearest deadline
// first, and one zaak at a time (GET /api/v1/zaken/{id}) with the steps its
// status allows (acties_toegestaan), each a small form (cjg_acties.js). The
// open zaak's id is in the hash (#zaak=<id>), so Back returns to the list;
// no person's number is ever in the address.
import { start, datum, tijdstip, el, vandaag } from './pagina.js';
import { api } from './api.js';
import { rolNaam } from './sessie.js';
import { actieFormulier, actieNaam } from './cjg_acties.js';

const STATUS = {
  ontvangen: 'Ontvangen', ontvangst_bevestigd: 'Ontvangst bevestigd',
  vooronderzoek_afgerond: 'Vooronderzoek afgerond', gesprek_gevoerd: 'Gesprek gevoerd',
  verslag_verstrekt: 'Verslag verstrekt', gezinsplan_opgesteld: 'Gezinsplan opgesteld',
  aanvraag_ontvangen: 'Aanvraag ontvangen', beoordeeld: 'Beoordeeld', advies_ontvangen: 'Advies ontvangen',
  toegekend: 'Toegekend', gedeeltelijk_toegekend: 'Gedeeltelijk toegekend', afgewezen: 'Afgewezen',
  ingetrokken: 'Ingetrokken', doorgezonden: 'Doorgezonden',
};
const ROUTE = { verwijzing: 'Verwijzing', mandaat: 'Mandaat', melding: 'Melding', overdracht: 'Overdracht' };
const TERMIJN = {
  beschikking: 'Beschikking', verslag: 'Verslag', toewijzing: 'Toewijzing',
  tijdelijke_maatregel: 'Tijdelijke maatregel', pgb_besteding: 'Besteding pgb',
};
const naamVan = (lijst, code) => lijst[code] || String(code || '').replace(/_/g, ' ');
const statusNaam = (s) => naamVan(STATUS, s);

if (start(['cjg'])) {
  const werk = document.querySelector('[data-werkvoorraad]');
  const werkStatus = document.querySelector('[data-werk-status]');
  const werkFout = document.querySelector('[data-werk-fout]');
  const werkTabel = document.querySelector('[data-werk-tabel]');
  const rijen = document.querySelector('[data-werk-rijen]');
  const zaakSectie = document.querySelector('[data-zaak]');
  const zaakKop = document.getElementById('zaak-kop');
  const zaakStatus = document.querySelector('[data-zaak-status]');
  const gelukt = document.querySelector('[data-zaak-gelukt]');
  const zaakFout = document.querySelector('[data-zaak-fout]');
  const inhoud = document.querySelector('[data-zaak-inhoud]');
  let open = null; // the zaak shown: { id, zaak }
  let laatstGeopend = null;
  const titel = document.title;

  const melding = (vak, tekst) => {
    vak.querySelector('[data-tekst]').textContent = tekst;
    vak.hidden = false;
  };

  function badge(tekst, soort) {
    const b = el('span', `utrecht-status-badge cjg-badge cjg-badge--${soort}`, tekst);
    return b;
  }

  function signalen(z) {
    const s = [];
    if (z.verlopen) s.push(badge('Termijn verlopen', 'verlopen'));
    if (z.binnen_5_werkdagen) s.push(badge('Binnen 5 werkdagen', 'binnenkort'));
    if (z.spoed) s.push(badge('Spoed', 'spoed'));
    if (z.buiten_regio) s.push(badge('Buiten de regio: doorzenden', 'info'));
    if (z.woonplaats_te_bepalen) s.push(badge('Woonplaats bepalen', 'info'));
    return s;
  }

  function cel(label, ...inhoud_) {
    const td = el('td', 'utrecht-table__cell');
    td.dataset.label = label;
    td.append(...inhoud_);
    return td;
  }

  // ---- the worklist ------------------------------------------------------
  async function laadWerkvoorraad() {
    werkFout.hidden = true;
    werkStatus.textContent = 'De werkvoorraad wordt opgehaald.';
    const a = await api('GET', '/api/v1/werkvoorraad');
    if (!a.ok) {
      werkStatus.textContent = '';
      melding(werkFout, a.problem.detail || 'De werkvoorraad kon niet worden opgehaald.');
      if (!werk.hidden) werkFout.focus();
      return;
    }
    const zaken = Array.isArray(a.data && a.data.zaken) ? a.data.zaken : [];
    rijen.replaceChildren(...zaken.map((z) => {
      const tr = el('tr', 'utrecht-table__row');
      tr.dataset.id = z.id;
      const knop = el('button', 'utrecht-button utrecht-button--html-button utrecht-button--subtle cjg-open', z.referentie);
      knop.type = 'button';
      knop.dataset.id = z.id;
      knop.addEventListener('click', () => kies(z.id));
      const termijn = z.termijn ? `${naamVan(TERMIJN, z.termijn.naam)}: ${datum(z.termijn.datum)}` : 'Geen termijn';
      const s = signalen(z);
      const let_op = s.length ? s : [el('span', 'toegang-klein', 'Niets')];
      tr.append(cel('Aanvraag', knop), cel('Status', statusNaam(z.status)), cel('Route', naamVan(ROUTE, z.route)),
        cel('Termijn', termijn), cel('Let op', ...let_op));
      return tr;
    }));
    werkTabel.hidden = zaken.length === 0;
    werkStatus.textContent = zaken.length === 0 ? 'Er zijn geen open aanvragen.'
      : zaken.length === 1 ? '1 open aanvraag.' : `${zaken.length} open aanvragen.`;
  }

  function kies(id) {
    const doel = '#zaak=' + id;
    if (location.hash === doel) openZaak(id);
    else location.hash = doel;
  }

  function toonLijst() {
    document.title = titel;
    zaakSectie.hidden = true;
    werk.hidden = false;
    open = null;
    inhoud.replaceChildren();
    const knop = laatstGeopend && rijen.querySelector(`button[data-id="${CSS.escape(laatstGeopend)}"]`);
    if (knop) knop.focus();
    else document.getElementById('werkvoorraad-kop').focus();
  }

  // ---- one zaak -----------------------------------------------------------
  async function openZaak(id, { stil = false } = {}) {
    laatstGeopend = id;
    werk.hidden = true;
    zaakSectie.hidden = false;
    if (!stil) { gelukt.hidden = true; zaakFout.hidden = true; }
    if (!open || open.id !== id) {
      zaakKop.textContent = 'Aanvraag';
      inhoud.replaceChildren();
    }
    zaakStatus.textContent = 'De aanvraag wordt opgehaald.';
    const a = await api('GET', `/api/v1/zaken/${encodeURIComponent(id)}`);
    zaakStatus.textContent = '';
    if (!a.ok) {
      open = null;
      inhoud.replaceChildren();
      melding(zaakFout, a.problem.detail || 'De aanvraag kon niet worden opgehaald.');
      if (!stil) zaakKop.focus();
      return false;
    }
    toonZaak(a.data);
    if (!stil) zaakKop.focus();
    return true;
  }

  function gegeven(dl, sleutel, ...waarde) {
    const dt = el('dt', 'utrecht-data-list__item-key', sleutel);
    const dd = el('dd', 'utrecht-data-list__item-value utrecht-data-list__item-value--html-dd');
    dd.append(...waarde);
    const div = el('div', 'utrecht-data-list__item');
    div.append(dt, dd);
    dl.append(div);
    return dd;
  }

  function kop3(tekst) {
    return el('h3', 'utrecht-heading-3', tekst);
  }

  function toonZaak(zaak) {
    open = { id: zaak.id, zaak };
    zaakKop.textContent = `Aanvraag ${zaak.referentie}${zaak.jeugdige && zaak.jeugdige.naam ? ' — ' + zaak.jeugdige.naam : ''}`;
    // The referentie only: the title goes into the browser's history.
    document.title = `Aanvraag ${zaak.referentie} — Werkvoorraad CJG — toegang`;
    const delen = [];

    const regel = el('p', 'utrecht-paragraph cjg-statusregel');
    const st = el('strong', null, statusNaam(zaak.status));
    st.dataset.statusNaam = zaak.status;
    regel.append('Status: ', st);
    const extra = signalen(zaak);
    if (extra.length) regel.append(' ', ...extra);
    delen.push(regel);

    const waarsch = Array.isArray(zaak.waarschuwingen) ? zaak.waarschuwingen : [];
    if (waarsch.length) {
      const w = el('div', 'utrecht-alert utrecht-alert--warning');
      const m = el('div', 'utrecht-alert__message');
      m.append(el('p', 'utrecht-paragraph', waarsch.length === 1 ? 'Waarschuwing' : `${waarsch.length} waarschuwingen`));
      const ul = el('ul', 'utrecht-unordered-list');
      for (const x of waarsch) {
        const periode = x.ingangsdatum ? ` Productcategorie ${x.productcategorie}, ${datum(x.ingangsdatum)} tot en met ${datum(x.einddatum)}, ${x.toewijzingen} toewijzing${x.toewijzingen === 1 ? '' : 'en'}.` : '';
        ul.append(el('li', 'utrecht-unordered-list__item', `${x.toelichting || x.code}${periode}`));
      }
      m.append(ul);
      const c = el('div', 'utrecht-alert__content');
      c.append(m);
      w.append(c);
      delen.push(w);
    }

    // Termijnen
    delen.push(kop3('Termijnen'));
    const termijnen = Object.entries(zaak.termijnen || {}).sort((x, y) => (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
    if (termijnen.length) {
      const ul = el('ul', 'utrecht-unordered-list');
      ul.dataset.termijnen = '';
      const nu = vandaag();
      for (const [naam, d] of termijnen) {
        const li = el('li', 'utrecht-unordered-list__item', `${naamVan(TERMIJN, naam)}: ${datum(d)}`);
        if (d < nu) li.append(' ', badge('Verlopen', 'verlopen'));
        ul.append(li);
      }
      delen.push(ul);
    } else {
      delen.push(el('p', 'utrecht-paragraph', 'Er loopt geen termijn.'));
    }

    // De volgende stap
    delen.push(kop3('Volgende stap'));
    const acties = Array.isArray(zaak.acties_toegestaan) ? zaak.acties_toegestaan : [];
    const vak = el('div', 'cjg-actievak');
    vak.id = 'actievak';
    if (acties.length) {
      delen.push(el('p', 'utrecht-paragraph', 'Kies de stap die u wilt vastleggen. U ziet alleen de stappen die nu kunnen.'));
      const groep = el('div', 'utrecht-button-group cjg-acties');
      for (const actie of acties) {
        const k = el('button', 'utrecht-button utrecht-button--html-button utrecht-button--secondary-action', actieNaam(actie));
        k.type = 'button';
        k.dataset.actie = actie;
        k.setAttribute('aria-expanded', 'false');
        k.setAttribute('aria-controls', vak.id);
        k.addEventListener('click', () => openActie(zaak, actie, k, groep, vak));
        groep.append(k);
      }
      delen.push(groep);
    } else {
      delen.push(el('p', 'utrecht-paragraph', 'Er is geen stap meer mogelijk: de aanvraag is afgerond.'));
    }
    delen.push(vak);

    // Gegevens
    delen.push(kop3('Gegevens'));
    const dl = el('dl', 'utrecht-data-list utrecht-data-list--rows cjg-gegevens');
    const j = zaak.jeugdige || {};
    gegeven(dl, 'Jeugdige', j.naam || '');
    gegeven(dl, 'Geboortedatum', datum(j.geboortedatum));
    gegeven(dl, 'BSN jeugdige', j.bsn || '');
    gegeven(dl, 'Route', naamVan(ROUTE, zaak.route));
    gegeven(dl, 'Spoed', zaak.spoed ? 'Ja' : 'Nee');
    gegeven(dl, 'Verantwoordelijke gemeente', zaak.verantwoordelijke_gemeente || '');
    if (zaak.aangemaakt) gegeven(dl, 'Binnengekomen', tijdstip(zaak.aangemaakt));
    const gz = Array.isArray(zaak.gezaghebbenden) ? zaak.gezaghebbenden : [];
    if (gz.length) {
      const ul = el('ul', 'utrecht-unordered-list cjg-kaal');
      for (const g of gz) ul.append(el('li', 'utrecht-unordered-list__item', `${g.naam} (BSN ${g.bsn}, gemeente ${g.gemeente})`));
      gegeven(dl, gz.length === 1 ? 'Gezaghebbende' : 'Gezaghebbenden', ul);
    } else {
      gegeven(dl, 'Gezaghebbenden', 'Niet bekend: de woonplaats moet nog worden bepaald.');
    }
    const hv = gegeven(dl, 'Hulpvraag', zaak.hulpvraag || '');
    hv.classList.add('utrecht-data-list__item-value--multiline', 'cjg-tekst');
    if (zaak.mandaat) gegeven(dl, 'Mandaat', `${zaak.mandaat.maatregel}, uitspraak ${datum(zaak.mandaat.uitspraakdatum)}, kenmerk ${zaak.mandaat.kenmerk}`);
    if (zaak.verwijzer && zaak.verwijzer.agb) gegeven(dl, 'Verwijzer (AGB)', zaak.verwijzer.agb);
    if (zaak.productcategorie) gegeven(dl, 'Productcategorie', zaak.productcategorie);
    const gezin = zaak.gezin;
    if (gezin) {
      const r = gezin.casusregisseur;
      gegeven(dl, 'Casusregisseur', r ? `${r.naam} (${r.organisatie})` : 'Nog niet benoemd');
      gegeven(dl, 'Gezinsplan', gezin.gezinsplan ? `Versie ${gezin.gezinsplan.versie}` : 'Nog geen plan');
      if (Array.isArray(gezin.zaken) && gezin.zaken.length > 1)
        gegeven(dl, 'Aanvragen van het gezin', gezin.zaken.map((x) => `${x.referentie} (${statusNaam(x.status)})`).join(', '));
    }
    delen.push(dl);

    // Toewijzingen
    const tw = Array.isArray(zaak.toewijzingen) ? zaak.toewijzingen : [];
    if (tw.length) {
      delen.push(kop3('Toewijzingen'));
      const ul = el('ul', 'utrecht-unordered-list');
      for (const t of tw) {
        const wat = `${t.nummer}: ${t.omschrijving} (${t.vorm}), ${datum(t.ingangsdatum)} tot en met ${datum(t.einddatum)}` +
          (t.aanbieder_agb ? `, aanbieder ${t.aanbieder_agb}` : '') +
          (t.gestart_op ? `; gestart op ${datum(t.gestart_op)}` : '; nog niet gestart');
        ul.append(el('li', 'utrecht-unordered-list__item', wat));
      }
      delen.push(ul);
    }

    // Statushistorie, newest first
    delen.push(kop3('Statushistorie'));
    delen.push(el('p', 'utrecht-paragraph toegang-klein', 'Het nieuwste staat bovenaan.'));
    const ol = el('ol', 'toegang-tijdlijn');
    ol.dataset.historie = '';
    for (const h of [...(zaak.statushistorie || [])].reverse()) {
      const li = el('li');
      const t = el('time', null, tijdstip(h.tijdstip));
      t.dateTime = h.tijdstip;
      li.append(t, el('strong', null, statusNaam(h.status)));
      if (h.toelichting) li.append(el('p', 'utrecht-paragraph cjg-tekst', h.toelichting));
      li.append(el('p', 'utrecht-paragraph toegang-klein',
        `Door: ${rolNaam(h.door)}${h.actie ? ` · stap: ${actieNaam(h.actie)}` : ''}`));
      if (h.gegevens && typeof h.gegevens === 'object' && Object.keys(h.gegevens).length) {
        const d = el('details', 'cjg-vastgelegd');
        d.append(el('summary', null, 'Vastgelegde gegevens'), el('pre', 'cjg-json', JSON.stringify(h.gegevens, null, 2)));
        li.append(d);
      }
      ol.append(li);
    }
    delen.push(ol);

    inhoud.replaceChildren(...delen);
  }

  function sluitActie(groep, vak) {
    vak.replaceChildren();
    for (const k of groep.querySelectorAll('button[data-actie]')) k.setAttribute('aria-expanded', 'false');
  }

  function openActie(zaak, actie, knop, groep, vak) {
    sluitActie(groep, vak);
    gelukt.hidden = true;
    zaakFout.hidden = true;
    const f = actieFormulier(actie, zaak, {
      sluit() { sluitActie(groep, vak); knop.focus(); },
      async gelukt(antwoord) {
        if (antwoord && antwoord.referentie) {
          toonZaak(antwoord);
          melding(gelukt, `Vastgelegd: ${actieNaam(actie)}. De status is nu: ${statusNaam(antwoord.status)}.`);
        } else {
          // A doorzenden within the region: the zaak is no longer ours to see.
          open = null;
          inhoud.replaceChildren();
          melding(gelukt, `De aanvraag is doorgezonden naar gemeente ${antwoord && antwoord.doorgezonden_naar}. Zij staat niet meer in uw werkvoorraad.`);
        }
        gelukt.focus();
        laadWerkvoorraad();
      },
      async conflict(problem) {
        await openZaak(zaak.id, { stil: true });
        melding(zaakFout, `${problem.detail || 'Deze stap kan nu niet.'} De aanvraag is opnieuw opgehaald: kies een stap die nu kan.`);
        zaakFout.focus();
        laadWerkvoorraad();
      },
    });
    vak.replaceChildren(f.sectie);
    knop.setAttribute('aria-expanded', 'true');
    f.focus();
  }

  // ---- the address ----------------------------------------------------------
  function volgAdres() {
    const m = /^#zaak=([0-9a-f-]{36})$/.exec(location.hash);
    if (m) { if (!open || open.id !== m[1] || zaakSectie.hidden) openZaak(m[1]); return; }
    if (location.hash === '' || location.hash === '#') { if (!zaakSectie.hidden) toonLijst(); }
    // Any other hash (the skip link's #inhoud) leaves the page as it is.
  }

  document.querySelector('[data-vernieuw]').addEventListener('click', laadWerkvoorraad);
  document.querySelector('[data-terug]').addEventListener('click', () => {
    if (location.hash.startsWith('#zaak=')) location.hash = '';
    else toonLijst();
  });
  window.addEventListener('hashchange', volgAdres);
  laadWerkvoorraad();
  volgAdres();
}
