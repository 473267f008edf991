import { ChangePasswordInput, EnableTotpInput, LoginInput, type SessionStage, TotpInput } from "@shared/auth.ts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { actorOf, sessionOf } from "../http/route-config.ts";
import { clearSessionCookie, setSessionCookie } from "../http/session-cookie.ts";
import {
  changePassword,
  disableTotp,
  enableTotp,
  login,
  logout,
  logoutEverywhere,
  presentSession,
  startTotpEnrolment,
  verifySecondFactor,
} from "./auth.service.ts";

const ALL_STAGES: readonly SessionStage[] = [
  "totp_required",
  "totp_enrollment_required",
  "password_change_required",
  "active",
];
const Stage = z.object({
  stage: z.enum(["totp_required", "totp_enrollment_required", "password_change_required", "active"]),
});
const tags = ["authentification"];

export const authRoutes = (ctx: AppContext) => async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/auth/csrf",
    {
      config: { policy: "public" },
      schema: { tags, summary: "Jeton anti-CSRF à renvoyer dans l'en-tête x-csrf-token" },
    },
    async (_request, reply) => ({ token: reply.generateCsrf() }),
  );

  app.post(
    "/api/auth/login",
    {
      config: { policy: "public", rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: "1 minute" } },
      schema: { tags, summary: "Connexion (première étape)", body: LoginInput, response: { 200: Stage } },
    },
    async (request, reply) => {
      const { token, stage } = await login(ctx, request.body, {
        requestId: request.id,
        userAgent: request.headers["user-agent"],
      });
      setSessionCookie(ctx, reply, token);
      return { stage };
    },
  );

  app.post(
    "/api/auth/totp",
    {
      config: {
        policy: "session",
        stages: ["totp_required"],
        rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: "1 minute" },
      },
      schema: {
        tags,
        summary: "Second facteur : code TOTP ou code de secours",
        body: TotpInput,
        response: { 200: Stage },
      },
    },
    async (request, reply) => {
      const { token, stage } = await verifySecondFactor(ctx, sessionOf(request), request.body);
      setSessionCookie(ctx, reply, token);
      return { stage };
    },
  );

  app.get(
    "/api/session",
    { config: { policy: "session", stages: ALL_STAGES }, schema: { tags, summary: "Session en cours" } },
    async (request) => presentSession(ctx, sessionOf(request)),
  );

  app.post(
    "/api/auth/totp/setup",
    {
      config: { policy: "account.manage_totp", stages: ["totp_enrollment_required", "active"] },
      schema: { tags, summary: "Préparer l'activation de la double authentification" },
    },
    async (request) => startTotpEnrolment(ctx, sessionOf(request)),
  );

  app.post(
    "/api/auth/totp/enable",
    {
      config: { policy: "account.manage_totp", stages: ["totp_enrollment_required", "active"] },
      schema: { tags, summary: "Activer la double authentification", body: EnableTotpInput },
    },
    async (request, reply) => {
      const { token, stage, view } = await enableTotp(ctx, sessionOf(request), request.body);
      setSessionCookie(ctx, reply, token);
      return { stage, ...view };
    },
  );

  app.post(
    "/api/auth/totp/disable",
    {
      config: { policy: "account.manage_totp" },
      schema: { tags, summary: "Désactiver la double authentification", body: EnableTotpInput },
    },
    async (request, reply) => {
      await disableTotp(ctx, sessionOf(request), request.body);
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/auth/password",
    {
      config: {
        policy: "account.change_password",
        stages: ["password_change_required", "active"],
        rateLimit: { max: ctx.config.loginRateLimitPerMinute, timeWindow: "1 minute" },
      },
      schema: { tags, summary: "Changer son mot de passe", body: ChangePasswordInput, response: { 200: Stage } },
    },
    async (request, reply) => {
      const { token, stage } = await changePassword(ctx, sessionOf(request), request.body);
      setSessionCookie(ctx, reply, token);
      return { stage };
    },
  );

  app.post(
    "/api/auth/logout",
    { config: { policy: "session", stages: ALL_STAGES }, schema: { tags, summary: "Se déconnecter" } },
    async (request, reply) => {
      await logout(ctx, sessionOf(request));
      clearSessionCookie(ctx, reply);
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/auth/logout-everywhere",
    {
      config: { policy: "account.logout_everywhere" },
      schema: { tags, summary: "Se déconnecter de tous les appareils" },
    },
    async (request, reply) => {
      const revokedSessions = await logoutEverywhere(ctx, actorOf(request));
      clearSessionCookie(ctx, reply);
      return { revokedSessions };
    },
  );
};
