// The GP's referral form: POST /api/v1/verwijzingen.
import { start, datum } from './pagina.js';
import { koppelFormulier } from './formulier.js';
import { tweedeGezaghebbende, bevestiging } from './zaakformulier.js';

if (start(['huisarts', 'jeugdarts', 'medisch_specialist'])) {
  const form = document.getElementById('verwijzing');
  tweedeGezaghebbende(form);
  const f = koppelFormulier(form, {
    pad: '/api/v1/verwijzingen',
    bevestig: (zaak) => bevestiging(form, zaak, (z) =>
      z.termijnen && z.termijnen.beschikking ? `Het CJG beslist uiterlijk op ${datum(z.termijnen.beschikking)}.` : ''),
  });
  document.querySelector('[data-nieuw]').addEventListener('click', () => bevestiging.terug(form, f));
}
