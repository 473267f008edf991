import { mkdirSync } from "node:fs";
import type { Config } from "../config.ts";
import { type Database, openPglite, openPostgres } from "./connection.ts";
import { lockDataFolder } from "./data-folder-lock.ts";

/** Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, else PGlite in the data folder. */
export async function openDatabase(config: Pick<Config, "databaseUrl" | "dataDir">): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  mkdirSync(config.dataDir, { recursive: true });
  const release = lockDataFolder(config.dataDir);
  try {
    const database = await openPglite(config.dataDir);
    const close = database.close;
    return {
      ...database,
      close: async () => {
        try {
          await close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
