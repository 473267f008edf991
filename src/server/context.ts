import type { Logger } from "pino";
import type { SessionCache } from "./auth/session-cache.ts";
import type { Config } from "./config.ts";
import type { Database, Db } from "./db/connection.ts";
import type { KeyRing } from "./keys/key-ring.ts";

/** What services need from the running process: passed explicitly so tests can build as many as they like. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  keys: KeyRing;
  log: Logger;
  /** The clock, so deadlines and expiries can be tested without waiting. */
  now: () => Date;
  /** Signed-in sessions held for a few seconds by a serving process; absent, every request reads the database. */
  sessionCache?: SessionCache;
}
