// Calls to the platform's API with the signed-in user's bearer token. Shared by the kitchen board
// and the driver app.

const API = '/api/v1';

let session = null;
let onExpired = () => {};

export function useSession(current, expired) {
  session = current;
  if (expired) onExpired = expired;
}

export const currentSession = () => session;
export const token = () => session?.token;

/**
 * JSON in and out; with a contentType the body is sent as it is (a menu file, byte for byte). A
 * refusal throws an Error carrying the status, the server's body as data (an OTP's attemptsLeft)
 * and its problems ({path, reason}). A request that never reached the server throws with status 0,
 * which is how callers tell "offline" from "refused".
 */
export async function api(method, path, body, contentType) {
  const headers = { Authorization: 'Bearer ' + session?.token };
  let payload;
  if (contentType) {
    headers['Content-Type'] = contentType;
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(API + path, { method, headers, body: payload, cache: 'no-store' });
  } catch (e) {
    throw failure('No connection', 0);
  }
  if (response.status === 401) {
    onExpired('Your session ended. Please sign in again.');
    throw failure('unauthorized', 401);
  }
  const data = response.headers.get('Content-Type')?.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const error = failure(data?.message || ('HTTP ' + response.status), response.status);
    error.data = data || {};
    error.problems = Array.isArray(data?.problems) ? data.problems : [];
    throw error;
  }
  return data;
}

/** Signs in; a refusal throws with the status (401 wrong password, 429 too many attempts, 0 offline). */
export async function login(email, password) {
  let response;
  try {
    response = await fetch(API + '/auth/login', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }),
    });
  } catch (e) {
    throw failure('No connection', 0);
  }
  if (!response.ok) throw failure('HTTP ' + response.status, response.status);
  return response.json();
}

/** What a sign-in form says about a refused login; anything but a refusal reads as no connection. */
export function loginProblem(error, noConnection) {
  if (error.status === 429) return 'Too many attempts. Wait a minute and try again.';
  if (error.status === 401 || error.status === 400) return 'Wrong email or password.';
  return noConnection;
}

function failure(message, status) {
  const error = new Error(message);
  error.status = status;
  return error;
}
