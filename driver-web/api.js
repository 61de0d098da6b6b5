// Calls to the platform's API with the signed-in driver's bearer token.

const API = '/api/v1';

let session = null;
let onExpired = () => {};

export function useSession(current, expired) {
  session = current;
  if (expired) onExpired = expired;
}

export const token = () => session?.token;

/**
 * JSON in and out. A refusal throws an Error carrying the status and the server's body (its
 * problems, an OTP's attemptsLeft). A request that never reached the server throws with status 0,
 * which is how callers tell "offline" from "refused".
 */
export async function api(method, path, body) {
  const headers = { Authorization: 'Bearer ' + session?.token };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(API + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch (e) {
    const error = new Error('No connection');
    error.status = 0;
    throw error;
  }
  if (response.status === 401) {
    onExpired('Your session ended. Please sign in again.');
    const error = new Error('unauthorized');
    error.status = 401;
    throw error;
  }
  const data = response.headers.get('Content-Type')?.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const error = new Error(data?.message || ('HTTP ' + response.status));
    error.status = response.status;
    error.data = data || {};
    throw error;
  }
  return data;
}

export async function login(email, password) {
  const response = await fetch(API + '/auth/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  if (!response.ok) {
    const error = new Error('HTTP ' + response.status);
    error.status = response.status;
    throw error;
  }
  return response.json();
}
