// Calls to toegang's API from the pages: the bearer token of the session, JSON
// in and out, and every failure turned into one shape the page can show.
import { sessie, afmelden } from './sessie.js';

// { ok, status, data, problem, netwerk }: data is the JSON answer of a 2xx;
// problem the problem+json of a 4xx/5xx (or one made here for a network
// failure, netwerk = true, when the request may or may not have arrived).
export async function api(method, path, { body, idempotencyKey } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const s = sessie();
  if (s) headers.Authorization = 'Bearer ' + s.token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let res;
  try {
    res = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store', redirect: 'error',
    });
  } catch {
    return {
      ok: false, status: 0, netwerk: true,
      problem: {
        title: 'Geen verbinding',
        detail: 'De verbinding met toegang is verbroken. Wat u invulde staat er nog; probeer het opnieuw.',
      },
    };
  }
  let data = null;
  const type = res.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try { data = await res.json(); } catch { data = null; }
  }
  if (res.ok) return { ok: true, status: res.status, data, location: res.headers.get('Location') };
  if (res.status === 401) afmelden();
  const problem = data && typeof data === 'object' ? data : {};
  if (!problem.detail) problem.detail = standaardMelding(res.status);
  return { ok: false, status: res.status, problem, netwerk: res.status >= 500 };
}

function standaardMelding(status) {
  if (status === 401) return 'U bent niet (meer) aangemeld. Meld u opnieuw aan.';
  if (status === 403) return 'U mag dit niet doen met deze rol.';
  if (status === 404) return 'Dit is niet gevonden.';
  if (status >= 500) return 'toegang kan dit nu niet verwerken. Wat u invulde staat er nog; probeer het zo opnieuw.';
  return 'Dit kon niet worden verwerkt.';
}
