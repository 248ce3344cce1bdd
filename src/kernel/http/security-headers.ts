import type { FastifyInstance } from "fastify";
import helmet from "helmet";

/**
 * Security headers from helmet's maintained defaults, computed ONCE at start: our policy is the
 * same for every response, and helmet re-derives it per request (its CSP parsing showed up in
 * profiles of the hottest route). Set in onRequest, so a route that needs its own policy (the
 * /docs page) can still override a header.
 *
 * HSTS and upgrade-insecure-requests belong to the TLS terminator in front of a deployment;
 * sent from a plain-HTTP local server they would break the portal on http://localhost.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  const middleware = helmet({
    strictTransportSecurity: false,
    contentSecurityPolicy: {
      directives: { "img-src": ["'self'", "data:"], "upgrade-insecure-requests": null },
    },
  });
  // helmet's middleware is synchronous for static options; it only writes headers.
  middleware({} as never, response as never, () => undefined);
  return headers;
}

export function installSecurityHeaders(app: FastifyInstance): void {
  const headers = securityHeaders();
  app.addHook("onRequest", async (_request, reply) => {
    reply.headers(headers);
  });
}
