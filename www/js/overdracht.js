// The Plein's or sociaal team's handoff of a family to the CJG (plein, gst):
// POST /api/v1/overdrachten. The family's consent is a required checkbox;
// the form engine refuses to send without it.
import { start, datum } from './pagina.js';
import { koppelFormulier } from './formulier.js';
import { tokenClaims } from './sessie.js';
import { tweedeGezaghebbende, bevestiging, samen } from './zaakformulier.js';



// The team's own gemeente from its token (the claim "gemeente"), or null: a
// team hands over families of its own gemeente, so that is the likely answer.
function eigenGemeente(token) {
  const claims = tokenClaims(token);
  return claims && typeof claims.gemeente === 'string' && /^[0-9]{4}$/.test(claims.gemeente) ? claims.gemeente : null;
}

function termijnZin(zaak) {
  const t = (zaak && zaak.termijnen) || {};
  return t.tijdelijke_maatregel
    ? `Het CJG zet uiterlijk op ${datum(t.tijdelijke_maatregel)} een tijdelijke maatregel in.`
    : 'Het CJG neemt de zaak in behandeling.';
}

const s = start(['plein', 'gst']);
if (s) {
  const form = document.getElementById('overdracht');
  const gemeente = eigenGemeente(s.token);
  // The default value, so that "Nog een overdracht" (a form reset) keeps it.
  if (gemeente) form.querySelector('#g0-gem').defaultValue = gemeente;
  tweedeGezaghebbende(form);
  samen(form);
  const f = koppelFormulier(form, {
    pad: '/api/v1/overdrachten',
    bevestig: (zaak) => bevestiging(form, zaak, termijnZin),
  });
  document.querySelector('[data-nieuw]').addEventListener('click', () => bevestiging.terug(form, f));
}
