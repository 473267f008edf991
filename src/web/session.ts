import type { Action } from "@shared/actions.ts";
import type { SessionView } from "@shared/auth.ts";
import { type QueryClient, queryOptions, useQuery } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import { ApiProblem, api } from "./api.ts";

/** Why nobody is signed in: the sign-in page explains an expiry, and a deliberate sign-out forgets the page left. */
export type SignedOutReason = "unauthenticated" | "session_expired" | "logged_out";

/** Signed in (at whatever stage), or signed out and why. */
export type SessionState = { view: SessionView } | { view: null; reason: SignedOutReason };

export const sessionQuery = queryOptions({
  queryKey: ["session"],
  queryFn: async (): Promise<SessionState> => {
    try {
      return { view: await api.getSession() };
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 401) {
        return { view: null, reason: error.code === "session_expired" ? "session_expired" : "unauthenticated" };
      }
      throw error;
    }
  },
  staleTime: 60_000,
  retry: false,
});

export function useSessionState() {
  return useQuery(sessionQuery);
}

export function markSignedOut(queryClient: QueryClient, reason: SignedOutReason): void {
  const signedOut: SessionState = { view: null, reason };
  queryClient.setQueryData(sessionQuery.queryKey, signedOut);
  // Data fetched for the previous user must not show to the next one.
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQuery.queryKey[0] });
}

export function canDo(session: SessionView, action: Action): boolean {
  return session.can.includes(action);
}

/** Set by RequireActiveSession for every page behind sign-in. */
export const ActiveSessionContext = createContext<SessionView | null>(null);

export function useActiveSession(): SessionView {
  const session = useContext(ActiveSessionContext);
  if (!session) throw new Error("useActiveSession used outside RequireActiveSession");
  return session;
}
