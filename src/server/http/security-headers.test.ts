import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { testApp } from "../test/test-app.ts";
import { securityHeaders } from "./security-headers.ts";

describe("security headers", () => {
  it("come with every answer, a refusal included, and forbid framing, sniffing and foreign scripts", async () => {
    const { api } = await testApp();
    for (const res of [await api.get("/api/health"), await api.get("/api/cases")]) {
      const csp = String(res.headers["content-security-policy"]);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("upgrade-insecure-requests");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("SAMEORIGIN");
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
      expect(res.headers["strict-transport-security"]).toBeUndefined();
    }
  });

  it("ask browsers for HTTPS only when the app is served over TLS", async () => {
    const apply = securityHeaders({ secure: true });
    const server = createServer((req, res) => apply(req, res, () => res.end()));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
      expect(res.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    } finally {
      server.close();
    }
  });
});
