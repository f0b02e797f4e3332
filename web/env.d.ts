/// <reference types="vite/client" />
/// <reference types="@remix-run/node" />

declare module '@remix-run/node' {
  interface AppLoadContext {
    /** Per-request CSP nonce set by web/server.mjs. */
    cspNonce: string;
    /** The visitor's address as web/server.mjs sees it (after trusted proxies). */
    clientIp?: string;
  }
}

export {};
