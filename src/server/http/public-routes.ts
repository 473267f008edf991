/**
 * The only API routes that answer without a session. Every other /api route must name the policy action it
 * performs (route config `policy`), or the server refuses to start.
 */
export const PUBLIC_ROUTE_PREFIXES = [
  "/api/health",
  "/api/docs",
  "/api/auth/csrf",
  "/api/auth/login",
  "/api/open-data",
] as const;

export function isDeclaredPublic(url: string): boolean {
  return PUBLIC_ROUTE_PREFIXES.some((prefix) => url === prefix || url.startsWith(`${prefix}/`));
}
