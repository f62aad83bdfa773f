// The sign-in of this browser tab. The bearer token lives in sessionStorage
// (gone when the tab closes), never in a URL, a cookie or local storage.
// Production: the identity provider's token arrives through oidc.js; the dev
// stack: aanmelden.html mints one through POST /api/v1/dev/token.
const KEY = 'toegang.sessie';

export function sessie() {
  let s;
  try {
    s = JSON.parse(sessionStorage.getItem(KEY) || 'null');
  } catch {
    s = null;
  }
  if (!s || typeof s.token !== 'string' || typeof s.rol !== 'string') return null;
  if (typeof s.verloopt === 'number' && Date.now() >= s.verloopt) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  return s;
}

export function bewaarSessie(token, rol, seconden) {
  sessionStorage.setItem(KEY, JSON.stringify({
    token, rol, verloopt: Date.now() + Math.max(0, seconden - 30) * 1000,
  }));
}

export function afmelden() {
  sessionStorage.removeItem(KEY);
}

const ROLNAAM = {
  huisarts: 'huisarts', jeugdarts: 'jeugdarts', medisch_specialist: 'medisch specialist',
  gi: 'gecertificeerde instelling', rechter: 'kinderrechter', om: 'Openbaar Ministerie',
  jji: 'justitiële jeugdinrichting', cjg: 'CJG-medewerker', plein: 'Plein',
  gst: 'gebiedsgericht sociaal team', ouder: 'ouder', jeugdige: 'jeugdige',
  beheerder: 'beheerder', aanbieder: 'jeugdhulpaanbieder',
};

export function rolNaam(rol) {
  return ROLNAAM[rol] || rol;
}

// The claims of a JWT, read only for the page's own choices (a start page, a
// prefilled gemeente); the API verifies the token itself. null if unreadable.
export function tokenClaims(jwt) {
  try {
    const p = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(p), (ch) => ch.charCodeAt(0))));
  } catch {
    return null;
  }
}

// A page of this site to return to ("/x.html"), never "//host" or "https:":
// the way back after signing in comes from the URL and must not lead away.
export function eigenPagina(pad) {
  return typeof pad === 'string' && /^\/[A-Za-z0-9_-]+\.html$/.test(pad) ? pad : null;
}

// The page's own path, for the way back after signing in (a path, no data).
export function aanmeldAdres() {
  return '/aanmelden.html?terug=' + encodeURIComponent(location.pathname);
}
