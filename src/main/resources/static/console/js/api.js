// The gateway's public API as the console calls it: the same endpoints as any client, nothing private.
// The API key is entered once and kept in sessionStorage (this tab only, gone when it closes); it travels in
// the X-API-Key header only, never in a URL, and is never written to the console or the page.

const KEY_ITEM = 'traderGateway.apiKey';
const rejectedListeners = [];

export const apiKey = {
  get: () => sessionStorage.getItem(KEY_ITEM) || '',
  set: (key) => (key ? sessionStorage.setItem(KEY_ITEM, key) : sessionStorage.removeItem(KEY_ITEM)),
};

/** Called with the ProblemDetail whenever the gateway answers 401 (no key, or a key it does not accept). */
export function onKeyRejected(listener) {
  rejectedListeners.push(listener);
}

/** The headers every call sends: the key (when one is set) in X-API-Key, never in the URL. */
export function authHeaders(accept) {
  const headers = { Accept: accept };
  const key = apiKey.get();
  if (key) {
    headers['X-API-Key'] = key;
  }
  return headers;
}

/** Tells the page the gateway refused the key (401): the notice asks for one. */
export function reportRejected(body) {
  rejectedListeners.forEach((listener) => listener(body));
}

/**
 * Calls a path of the gateway (GET unless told otherwise; a body is sent as JSON). Never throws for an HTTP or
 * network failure: resolves {ok, status, body}, where body is the parsed JSON (a ProblemDetail for an error) or null.
 */
export async function callJson(path, method = 'GET', payload = undefined) {
  const headers = authHeaders('application/json');
  const init = { method, headers, cache: 'no-store', credentials: 'omit' };
  if (payload !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(payload);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    return { ok: false, status: 0, body: { title: 'Gateway unreachable', detail: 'no answer from the gateway' } };
  }
  let body = null;
  if ((response.headers.get('Content-Type') || '').includes('json')) {
    try {
      body = await response.json();
    } catch (e) {
      body = { title: 'Unreadable answer', detail: 'the answer ended early or is not JSON' };
    }
  }
  if (response.status === 401) {
    reportRejected(body);
  }
  return { ok: response.ok, status: response.status, body };
}

export const getJson = (path) => callJson(path);

/** A ProblemDetail (or any failed answer) in words for a person. */
export function problemText(result) {
  const body = result.body || {};
  const title = body.title || (result.status ? 'HTTP ' + result.status : 'No answer');
  return body.detail ? title + ': ' + body.detail : title;
}
