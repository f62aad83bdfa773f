// The elfproef of a BSN (as the API checks it): nine digits, not all zero,
// 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11.
export function bsnGeldig(s) {
  if (!/^[0-9]{9}$/.test(s) || /^0+$/.test(s)) return false;
  let som = 0;
  for (let i = 0; i < 8; i++) som += (9 - i) * Number(s[i]);
  som -= Number(s[8]);
  return som % 11 === 0;
}

// The sentence for a BSN field as typed so far; null when nothing is wrong
// (yet): an unfinished number is only judged when the field is left.
export function bsnFout(s, klaar) {
  if (s === '') return klaar ? 'Vul het BSN in.' : null;
  if (!/^[0-9]*$/.test(s)) return 'Een BSN bestaat alleen uit cijfers.';
  if (s.length < 9) return klaar ? 'Een BSN heeft 9 cijfers.' : null;
  if (s.length > 9) return 'Een BSN heeft 9 cijfers.';
  return bsnGeldig(s) ? null : 'Dit BSN klopt niet (elfproef). Controleer de cijfers.';
}
