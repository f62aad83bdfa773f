// The mandate form of the gedwongen kader (gi, rechter, om, jji):
// POST /api/v1/mandaten.
import { start, datum } from './pagina.js';
import { koppelFormulier } from './formulier.js';
import { tweedeGezaghebbende, bevestiging, samen } from './zaakformulier.js';




function termijnZin(zaak) {
  const t = (zaak && zaak.termijnen) || {};
  const zinnen = [];
  if (t.toewijzing) zinnen.push(`Het CJG wijst de hulp uiterlijk op ${datum(t.toewijzing)} toe.`);
  if (t.tijdelijke_maatregel) zinnen.push(`Een tijdelijke maatregel volgt uiterlijk op ${datum(t.tijdelijke_maatregel)}.`);
  return zinnen.join(' ');
}

if (start(['gi', 'rechter', 'om', 'jji'])) {
  const form = document.getElementById('mandaat');
  tweedeGezaghebbende(form);
  samen(form);
  const f = koppelFormulier(form, {
    pad: '/api/v1/mandaten',
    bevestig: (zaak) => bevestiging(form, zaak, termijnZin),
  });
  document.querySelector('[data-nieuw]').addEventListener('click', () => bevestiging.terug(form, f));
}
