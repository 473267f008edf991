import type { Action } from "@shared/actions.ts";
import type { SessionStage } from "@shared/auth.ts";
import type { CurrentSession } from "../auth/auth.service.ts";
import type { UserActor } from "../policy/actor.ts";

/** Each route's policy decision: public, or the action it performs (checked against the caller's roles). */
export type RoutePolicy = "public" | "session" | Action;

declare module "fastify" {
  interface FastifyContextConfig {
    policy?: RoutePolicy;
    /** Session stages allowed on the route; by default only fully signed-in ("active") sessions. */
    stages?: readonly SessionStage[];
  }
  interface FastifyRequest {
    current?: CurrentSession;
  }
}

/** The signed-in caller; routes behind a policy always have one (the auth hook ran). */
export function actorOf(request: { current?: CurrentSession }): UserActor {
  const current = request.current;
  if (!current) throw new Error("route reached without a session: its policy should have refused");
  return current.actor;
}

export function sessionOf(request: { current?: CurrentSession }): CurrentSession {
  const current = request.current;
  if (!current) throw new Error("route reached without a session: its policy should have refused");
  return current;
}
