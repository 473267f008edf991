import type { FastifyReply } from "fastify";
import type { AppContext } from "../context.ts";

/** `__Host-` binds the cookie to this exact host over HTTPS; plain HTTP (local use) cannot carry that prefix. */
export function sessionCookieName(ctx: AppContext): string {
  return ctx.config.secureCookies ? "__Host-repere_session" : "repere_session";
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string) {
  reply.setCookie(sessionCookieName(ctx), token, {
    httpOnly: true,
    sameSite: "strict",
    secure: ctx.config.secureCookies,
    path: "/",
    maxAge: ctx.config.sessionAbsoluteHours * 3600,
  });
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply) {
  reply.clearCookie(sessionCookieName(ctx), {
    path: "/",
    httpOnly: true,
    sameSite: "strict",
    secure: ctx.config.secureCookies,
  });
}
