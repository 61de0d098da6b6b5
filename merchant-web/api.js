// Calls to the platform's API with the signed-in user's bearer token.

const API = '/api/v1';

let session = null;
let onExpired = () => {};

export function useSession(current, expired) {
  session = current;
  if (expired) onExpired = expired;
}

export const isOwner = () => session?.user.role === 'MERCHANT_OWNER';

export const merchantPath = (suffix) => '/merchants/' + encodeURIComponent(session.user.merchantId) + suffix;

/**
 * JSON in and out. With a contentType the body is sent as it is (a menu file, byte for byte). A
 * refusal throws an Error carrying the status and the server's problems ({path, reason}).
 */
export async function api(method, path, body, contentType) {
  const headers = { Authorization: 'Bearer ' + session.token };
  let payload;
  if (contentType) {
    headers['Content-Type'] = contentType;
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(API + path, { method, headers, body: payload });
  if (response.status === 401) {
    onExpired('Your session ended. Please sign in again.');
    throw new Error('unauthorized');
  }
  const data = response.headers.get('Content-Type')?.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const error = new Error(data?.message || ('HTTP ' + response.status));
    error.status = response.status;
    error.problems = Array.isArray(data?.problems) ? data.problems : [];
    throw error;
  }
  return data;
}
