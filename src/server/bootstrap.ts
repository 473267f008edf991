import type { Config } from "./config.ts";
import type { AppContext } from "./context.ts";
import { migrateDatabase } from "./db/migrate.ts";
import { openDatabase } from "./db/open-database.ts";
import { loadKeyRing } from "./keys/key-ring.ts";
import { createLogger } from "./logger.ts";

/**
 * Opens what both the server and the CLI work on: keys, database (locked when embedded), migrations applied.
 * Logs go to stderr, so that CLI commands keep stdout for their result.
 */
export async function openContext(config: Config, options: { createKeys: boolean }): Promise<AppContext> {
  const log = createLogger(config.logLevel, process.stderr);
  const keys = loadKeyRing(config, { create: options.createKeys, warn: (message) => log.warn(message) });
  const database = await openDatabase(config);
  try {
    await migrateDatabase(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return { config, database, db: database.db, keys, log, now: () => new Date() };
}
