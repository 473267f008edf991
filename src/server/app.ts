import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import fastifyCookie from "@fastify/cookie";
import fastifyCsrf from "@fastify/csrf-protection";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { SessionStage } from "@shared/auth.ts";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { adminRoutes } from "./admin/admin.routes.ts";
import { auditRoutes } from "./audit/audit.routes.ts";
import { authRoutes } from "./auth/auth.routes.ts";
import { resolveSession } from "./auth/auth.service.ts";
import { caseRoutes } from "./cases/cases.routes.ts";
import type { AppContext } from "./context.ts";
import { directoryRoutes } from "./directory/directory.routes.ts";
import { healthRoutes } from "./health/health.routes.ts";
import { AppError } from "./http/errors.ts";
import { sendProblem } from "./http/problem.ts";
import { isDeclaredPublic } from "./http/public-routes.ts";
import { securityHeaders } from "./http/security-headers.ts";
import { sessionCookieName } from "./http/session-cookie.ts";
import { observatoryRoutes } from "./observatory/observatory.routes.ts";
import { pathwayRoutes } from "./pathway/pathway.routes.ts";
import { mayAttempt } from "./policy/policy.ts";
import { fromProjectRoot } from "./project-root.ts";
import { qualificationRoutes } from "./qualification/qualification.routes.ts";
import { screeningRoutes } from "./screening/screenings.routes.ts";

export const WEB_DIST = fromProjectRoot("dist", "web");
const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export type App = Awaited<ReturnType<typeof buildApp>>;

/** An API route and its policy decision, as registered: the policy tests walk this list. */
export interface RegisteredRoute {
  method: string;
  url: string;
  policy: string;
}
const routeTables = new WeakMap<object, RegisteredRoute[]>();

export function registeredRoutes(app: object): RegisteredRoute[] {
  return routeTables.get(app) ?? [];
}

/** Builds the HTTP application over a context; main.ts listens, tests inject. */
export async function buildApp(ctx: AppContext) {
  const app = Fastify({
    loggerInstance: ctx.log as FastifyBaseLogger,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 1_048_576,
    trustProxy: ctx.config.trustProxy,
    routerOptions: { maxParamLength: 200 },
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Deny by default: an API route that names no policy stops the server before it serves anything.
  const routeTable: RegisteredRoute[] = [];
  routeTables.set(app, routeTable);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api")) return;
    if (!route.config?.policy) {
      if (!isDeclaredPublic(route.url)) throw new Error(`route ${route.method} ${route.url} has no policy decision`);
      route.config = { ...route.config, policy: "public" };
    }
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") routeTable.push({ method, url: route.url, policy: String(route.config.policy) });
    }
  });

  app.setErrorHandler((error, request, reply) => sendProblem(reply, request, error));
  app.setNotFoundHandler((request, reply) => {
    if (!request.url.startsWith("/api/") && request.method === "GET" && existsSync(`${WEB_DIST}/index.html`)) {
      return reply.type("text/html").sendFile("index.html", WEB_DIST);
    }
    return sendProblem(reply, request, new AppError("not_found", 404));
  });

  const secureHeaders = securityHeaders({ secure: ctx.config.secureCookies });
  app.addHook("onRequest", (request, reply, done) =>
    secureHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)),
  );
  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, {
    cookieKey: "repere_csrf",
    cookieOpts: { path: "/", httpOnly: true, sameSite: "strict", secure: ctx.config.secureCookies },
    getToken: (request) => request.headers["x-csrf-token"] as string | undefined,
  });
  await app.register(fastifyRateLimit, { global: false });

  app.addHook("onRequest", async (request, reply) => {
    if (!request.url.startsWith("/api/")) return;
    if (STATE_CHANGING.has(request.method)) await checkCsrf(app, request, reply);
    const policy = request.routeOptions.config.policy;
    if (!policy || policy === "public") return;
    const lookup = await resolveSession(ctx, request.cookies[sessionCookieName(ctx)], request.id);
    if (lookup.status === "none") throw new AppError("unauthenticated", 401);
    if (lookup.status === "expired") throw new AppError("session_expired", 401);
    const current = lookup.current;
    const stages: readonly SessionStage[] = request.routeOptions.config.stages ?? ["active"];
    const stage = current.session.stage as SessionStage;
    if (!stages.includes(stage)) {
      throw new AppError(stage === "active" ? "forbidden" : stage, 403);
    }
    request.current = current;
    if (policy !== "session" && !mayAttempt(current.actor, policy)) throw new AppError("forbidden", 403);
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Repère API",
        version: "0.1.0",
        description: "API de Repère. Les erreurs suivent la RFC 9457 (application/problem+json).",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "repere_session" } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  await app.register(healthRoutes(ctx));
  await app.register(authRoutes(ctx));
  await app.register(adminRoutes(ctx));
  await app.register(auditRoutes(ctx));
  await app.register(qualificationRoutes(ctx));
  await app.register(screeningRoutes(ctx));
  await app.register(caseRoutes(ctx));
  await app.register(directoryRoutes(ctx));
  await app.register(observatoryRoutes(ctx));
  await app.register(pathwayRoutes(ctx));

  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: ["index.html"], maxAge: "1h" });
  }
  return app;
}

function checkCsrf(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  return new Promise((resolve, reject) => {
    app.csrfProtection(request, reply, (error?: Error) =>
      error ? reject(new AppError("csrf_invalid", 403)) : resolve(),
    );
  });
}
