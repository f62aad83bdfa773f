// Parts the create pages share beyond the form engine: the optional second
// gezaghebbende, and the confirmation that replaces the form.
export function tweedeGezaghebbende(form) {
  const vak = form.querySelector('[data-tweede]');
  const erbij = form.querySelector('[data-tweede-erbij]');
  const weg = form.querySelector('[data-tweede-weg]');
  if (!vak || !erbij || !weg) return;
  const fieldset = vak.querySelector('fieldset');
  erbij.addEventListener('click', () => {
    vak.hidden = false;
    fieldset.disabled = false;
    erbij.hidden = true;
    fieldset.querySelector('input').focus();
  });
  weg.addEventListener('click', () => {
    vak.hidden = true;
    fieldset.disabled = true;
    erbij.hidden = false;
    erbij.focus();
  });
}

// Shows the zaak's referentie (and a sentence of the page) in place of the form.
export function bevestiging(form, zaak, zin) {
  const vak = document.querySelector('[data-bevestiging]');
  vak.querySelector('[data-referentie]').textContent = zaak && zaak.referentie ? zaak.referentie : '';
  const t = vak.querySelector('[data-termijn]');
  if (t) t.textContent = zin ? zin(zaak) : '';
  form.hidden = true;
  vak.hidden = false;
  vak.focus();
}

// Back to an empty form for the next one.
bevestiging.terug = (form, formulier) => {
  document.querySelector('[data-bevestiging]').hidden = true;
  formulier.nieuw();
  form.hidden = false;
  const eerste = form.querySelector('input, textarea, select');
  if (eerste) eerste.focus();
};

// Optional fields that go together (data-samen: the omvang of a mandaat, the
// team of an overdracht): once one has a value, those marked
// data-samen-verplicht are required too, so the page names what is missing
// before anything is sent.
export function samen(form) {
  for (const groep of form.querySelectorAll('[data-samen]')) {
    const alle = [...groep.querySelectorAll('input, select, textarea')];
    const verplicht = alle.filter((e) => e.hasAttribute('data-samen-verplicht'));
    const zet = () => {
      const iets = alle.some((e) => e.value.trim() !== '');
      for (const e of verplicht) e.required = iets;
    };
    groep.addEventListener('input', zet);
    groep.addEventListener('change', zet);
    form.addEventListener('reset', () => setTimeout(zet));
    zet();
  }
}
