import { resolve } from "node:path";

/** Everything the server and the CLI read from the environment, read once. */
export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  /** Set: run on this PostgreSQL server. Unset: embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  keysDir: string;
  /** Hex or base64 keys given by the environment win over key files. */
  auditKey: string | undefined;
  dataKey: string | undefined;
  blindIndexKey: string | undefined;
  secureCookies: boolean;
  trustProxy: boolean;
  logLevel: string;
  /** Seed demo organisations, accounts and cases on a first start. */
  seedDemo: boolean;
  /**
   * Whether `repere serve` also runs the recurring jobs (alerts, observatory refresh, retention…). Off, the server
   * only answers HTTP and `repere worker` runs the jobs: heavy jobs then never slow the servers people use.
   * PostgreSQL only: on the embedded database the server is the one process that can run them.
   */
  runJobs: boolean;
  sessionIdleMinutes: number;
  /** Closed cases keep their identity this long, then only their statistical residue remains. */
  retentionDaysAfterClosure: number;
  /** Sign-in attempts allowed per client address and minute, on each app server. */
  loginRateLimitPerMinute: number;
  sessionAbsoluteHours: number;
  /**
   * How long a server may reuse a session it read, in seconds (0: never). Changes that end or narrow a session reach
   * every server at once through the database; this bounds the rest.
   */
  sessionCacheSeconds: number;
  /** Outgoing e-mail for pathway alerts; null (the default) keeps notices in the app only. */
  smtp: SmtpConfig | null;
}

export interface SmtpConfig {
  /** smtp://user:password@host:587 or smtps://…; the secret stays in the environment. */
  url: string;
  from: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  const databaseUrl = env.DATABASE_URL || undefined;
  const runJobs = !["0", "false"].includes(env.REPERE_JOBS ?? "1");
  if (!runJobs && databaseUrl === undefined) {
    throw new Error(
      "REPERE_JOBS=0 demande DATABASE_URL : avec la base embarquée, seul le serveur peut exécuter les tâches planifiées",
    );
  }
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    publicUrl,
    databaseUrl,
    dataDir: resolve(env.REPERE_DATA_DIR ?? "data"),
    keysDir: resolve(env.REPERE_KEYS_DIR ?? "keys"),
    auditKey: env.REPERE_AUDIT_KEY || undefined,
    dataKey: env.REPERE_DATA_KEY || undefined,
    blindIndexKey: env.REPERE_BLIND_INDEX_KEY || undefined,
    secureCookies: publicUrl.startsWith("https://"),
    trustProxy: env.TRUST_PROXY === "1" || env.TRUST_PROXY === "true",
    logLevel: env.LOG_LEVEL ?? "info",
    // A production PostgreSQL must never receive demo accounts unless someone asks for them.
    seedDemo: env.REPERE_DEMO === undefined ? databaseUrl === undefined : env.REPERE_DEMO === "1",
    runJobs,
    sessionIdleMinutes: 30,
    // Five years by default: the limitation rules of legal.md (O3); the data protection officer sets the real value.
    retentionDaysAfterClosure: Number(env.REPERE_RETENTION_DAYS ?? 5 * 365),
    loginRateLimitPerMinute: Number(env.REPERE_LOGIN_RATE_LIMIT ?? 20),
    sessionAbsoluteHours: 12,
    sessionCacheSeconds: Number(env.REPERE_SESSION_CACHE_SECONDS ?? 5),
    smtp: env.REPERE_SMTP_URL
      ? { url: env.REPERE_SMTP_URL, from: env.REPERE_MAIL_FROM ?? "Repère <ne-pas-repondre@repere.local>" }
      : null,
  };
}
