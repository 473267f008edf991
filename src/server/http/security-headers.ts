import helmet from "helmet";

/**
 * The security headers of every response (CSP, frame ancestors, no sniffing, referrer policy, HSTS behind TLS),
 * built once. @fastify/helmet rebuilt helmet's middleware, directives parsed again, on every request.
 */
export function securityHeaders(options: { secure: boolean }) {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The DSFR and react-dsfr set a few inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: options.secure ? [] : null,
      },
    },
    strictTransportSecurity: options.secure,
  });
}
