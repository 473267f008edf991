import pg from "pg";
import type { Database } from "../db/connection.ts";
import type { SessionCache } from "./session-cache.ts";

export const AUTH_CHANGED_CHANNEL = "repere_auth_changed";
const RECONNECT_DELAY_MS = 1_000;

/**
 * Clears the session cache whenever the database says sessions, users or organisations changed (migration 0007).
 * On PostgreSQL a connection of its own LISTENs; while it is down the cache is off, so a missed notice can never keep
 * a revoked session alive. PGlite lives in this process and tells its own listeners.
 */
export async function listenForAuthChanges(
  database: Database,
  cache: SessionCache,
  connectionString: string | undefined,
  log: { warn(object: object, message: string): void },
  options: { onNotice?: (payload: string) => void } = {},
): Promise<{ stop(): Promise<void> }> {
  const heard = (payload: string) => {
    cache.clear();
    options.onNotice?.(payload);
  };
  if (database.pglite) {
    const unlisten = await database.pglite.listen(AUTH_CHANGED_CHANNEL, heard);
    return { stop: () => unlisten() };
  }
  if (!connectionString) throw new Error("PostgreSQL without a connection string");

  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    cache.setEnabled(false);
    const next = new pg.Client({ connectionString, application_name: "repere-auth-listener" });
    const lost = (error?: Error) => {
      if (client !== next) return;
      client = undefined;
      cache.setEnabled(false);
      next.end().catch(() => undefined);
      if (!stopped) {
        log.warn(
          { err: error?.message },
          "auth change listener lost its connection: session cache off until it is back",
        );
        retry = setTimeout(() => void connect(), RECONNECT_DELAY_MS);
      }
    };
    client = next;
    next.on("notification", (message) => heard(message.payload ?? ""));
    next.on("error", lost);
    next.on("end", () => lost());
    try {
      await next.connect();
      await next.query(`listen ${AUTH_CHANGED_CHANNEL}`);
      if (client === next && !stopped) cache.setEnabled(true);
    } catch (error) {
      lost(error instanceof Error ? error : new Error(String(error)));
    }
  };
  await connect();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      const current = client;
      client = undefined;
      cache.setEnabled(false);
      await current?.end().catch(() => undefined);
    },
  };
}
