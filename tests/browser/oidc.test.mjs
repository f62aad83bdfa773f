// The production sign-in (www/js/oidc.js): the authorization code flow with
// PKCE against an identity provider that the test plays with page.route (the
// configuration, the authorize redirect, the token endpoint behind /idp/).
import { createHash } from 'node:crypto';
import { test, verwacht, nieuwePagina, sluit, token, BASE } from './lib.mjs';

const IDP = 'https://idp.example.test';

async function speelIdp(page, { tok, staatFout = false }) {
  const gezien = {};
  await page.route('**/config/aanmelden.json', (r) => r.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({ wijze: 'oidc', authorization_endpoint: IDP + '/authorize', token_endpoint: '/idp/token', client_id: 'toegang-portaal', scope: 'openid toegang' }),
  }));
  await page.route(IDP + '/**', (r) => {
    const u = new URL(r.request().url());
    gezien.authorize = Object.fromEntries(u.searchParams);
    const state = staatFout ? 'iets-anders' : u.searchParams.get('state');
    r.fulfill({ status: 302, headers: { Location: `${BASE}/aanmelden.html?code=eenmalig-123&state=${encodeURIComponent(state)}` } });
  });
  await page.route('**/idp/token', (r) => {
    gezien.token = Object.fromEntries(new URLSearchParams(r.request().postData() || ''));
    r.fulfill({ contentType: 'application/json', body: JSON.stringify({ access_token: tok, token_type: 'Bearer', expires_in: 600 }) });
  });
  return gezien;
}

test('OIDC sign-in: code flow with PKCE (S256), state checked, the token in sessionStorage, the code gone from the address bar', async () => {
  const tok = await token('huisarts', 'agb', '01234567');
  const page = await nieuwePagina();
  const gezien = await speelIdp(page, { tok });
  await page.goto(BASE + '/aanmelden.html?terug=/verwijzing.html');
  await Promise.all([page.waitForURL(BASE + '/verwijzing.html'), page.getByRole('button', { name: 'Aanmelden', exact: true }).click()]);
  const a = gezien.authorize;
  verwacht(a && a.response_type === 'code' && a.client_id === 'toegang-portaal' && a.code_challenge_method === 'S256', `authorize: ${JSON.stringify(a)}`);
  verwacht(a.redirect_uri === BASE + '/aanmelden.html' && a.state && a.nonce, 'redirect_uri, state or nonce missing');
  const t = gezien.token;
  verwacht(t && t.grant_type === 'authorization_code' && t.code === 'eenmalig-123', `token request: ${JSON.stringify(t)}`);
  const s256 = createHash('sha256').update(t.code_verifier).digest('base64url');
  verwacht(s256 === a.code_challenge, 'the code_verifier does not match the code_challenge');
  await page.getByText('Aangemeld als huisarts').waitFor();
  verwacht(await page.locator('#verwijzing').isVisible(), 'the referral form is not shown after OIDC sign-in');
  const opslag = await page.evaluate(() => Object.keys(sessionStorage));
  verwacht(opslag.length === 1 && opslag[0] === 'toegang.sessie', `sessionStorage holds ${opslag.join(', ')}`);
  const geschiedenis = await page.evaluate(() => history.length);
  verwacht(geschiedenis >= 1, 'history');
  await sluit(page);
});

test('OIDC sign-in: an answer with another state is refused, and nobody is signed in', async () => {
  const tok = await token('huisarts', 'agb', '01234567');
  const page = await nieuwePagina();
  await speelIdp(page, { tok, staatFout: true });
  await page.goto(BASE + '/aanmelden.html');
  await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
  await page.getByText('hoort niet bij deze aanmelding').waitFor();
  verwacht(!page.url().includes('code='), `the code stays in the address bar: ${page.url()}`);
  const s = await page.evaluate(() => sessionStorage.getItem('toegang.sessie'));
  verwacht(s === null, 'signed in despite the wrong state');
  await sluit(page);
});
