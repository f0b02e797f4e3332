import { createContext, useContext } from 'react';

/**
 * The CSP nonce of this response. Set in entry.server; in the browser it is empty, because browsers hide
 * nonce attributes from the DOM and inline scripts are never re-run after hydration.
 */
export const NonceContext = createContext('');
export const NonceProvider = NonceContext.Provider;
export function useNonce(): string {
  return useContext(NonceContext);
}
