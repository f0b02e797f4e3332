/** Routes served at the root instead of under /api: well-known URLs other software looks for. */
export const UNPREFIXED_ROUTES = ['.well-known/jwks.json'];
