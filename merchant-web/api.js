// The board's view of the signed-in user; the API calls themselves are shared with the driver app
// (/common/api.js).

import { currentSession } from '/common/api.js';

export { api, login, loginProblem, useSession } from '/common/api.js';

export const isOwner = () => currentSession()?.user.role === 'MERCHANT_OWNER';

export const merchantPath = (suffix) => '/merchants/' + encodeURIComponent(currentSession().user.merchantId) + suffix;
