// Production sign-in: OpenID Connect, authorization code flow with PKCE
// (S256) for a public client, as /config/aanmelden.json describes it:
//   {"wijze": "oidc", "authorization_endpoint": "https://idp.../authorize",
//    "token_endpoint": "/idp/token", "client_id": "...", "scope": "openid ...",
//    "token": "access_token"}
// The token endpoint is reached through this site (nginx proxies /idp/ to the
// identity provider; the CSP allows no other origin to be called). The
// identity provider issues the JWT the API verifies (RS256/ES256, role and
// identity claims; see etc/OIDC.md); the page keeps it in sessionStorage only.
import { bewaarSessie, tokenClaims, eigenPagina } from './sessie.js';

const STAP = 'toegang.oidc';

function base64url(bytes) {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function willekeurig(n) {
  return base64url(crypto.getRandomValues(new Uint8Array(n)));
}

function terugAdres() {
  return location.origin + '/aanmelden.html';
}

export async function oidcStart(config) {
  const verifier = willekeurig(32);
  const state = willekeurig(16);
  const nonce = willekeurig(16);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const terug = new URLSearchParams(location.search).get('terug');
  // Only for the round trip to the identity provider; removed on return.
  sessionStorage.setItem(STAP, JSON.stringify({ verifier, state, nonce, terug }));
  const url = new URL(config.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: config.client_id, redirect_uri: terugAdres(),
    scope: config.scope || 'openid', state, nonce,
    code_challenge: challenge, code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}


// On the way back from the identity provider: true when this call handled it
// (signed in and moved on, or reported why not).
export async function oidcTerug(config, meld, doel) {
  const q = new URLSearchParams(location.search);
  if (!q.has('code') && !q.has('error')) return false;
  let stap = null;
  try { stap = JSON.parse(sessionStorage.getItem(STAP) || 'null'); } catch { stap = null; }
  sessionStorage.removeItem(STAP);
  // The code is single-use, but it does not stay in the address bar or history.
  history.replaceState(null, '', location.pathname);
  if (q.has('error')) {
    meld('Aanmelden is niet gelukt bij de identity provider. Probeer het opnieuw.');
    return true;
  }
  if (!stap || q.get('state') !== stap.state) {
    meld('Aanmelden is niet gelukt: het antwoord hoort niet bij deze aanmelding. Probeer het opnieuw.');
    return true;
  }
  let antwoord;
  try {
    const r = await fetch(config.token_endpoint, {
      method: 'POST', credentials: 'omit', cache: 'no-store',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code', code: q.get('code'), redirect_uri: terugAdres(),
        client_id: config.client_id, code_verifier: stap.verifier,
      }).toString(),
    });
    antwoord = r.ok ? await r.json() : null;
  } catch {
    antwoord = null;
  }
  const token = antwoord && antwoord[config.token || 'access_token'];
  const c = typeof token === 'string' ? tokenClaims(token) : null;
  const idc = antwoord && typeof antwoord.id_token === 'string' ? tokenClaims(antwoord.id_token) : null;
  if (!c || typeof c.role !== 'string' || (idc && idc.nonce !== stap.nonce)) {
    meld('Aanmelden is niet gelukt: de identity provider gaf geen bruikbaar token. Neem contact op met de beheerder.');
    return true;
  }
  const seconden = Number(antwoord.expires_in) > 0 ? Number(antwoord.expires_in)
    : typeof c.exp === 'number' ? c.exp - Math.floor(Date.now() / 1000) : 900;
  bewaarSessie(token, c.role, seconden);
  location.assign(eigenPagina(stap.terug) || doel(c.role));
  return true;
}
