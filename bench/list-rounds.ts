import type pg from "pg";
import { commandCpuSeconds, ownCpuSeconds, processCpuSeconds } from "./cpu-time.ts";
import { type LatencySummary, summariseLatencies } from "./latency.ts";
import { type LoadSample, runApiLoad, runRawLoad, type Statement } from "./list-load.ts";

/** CPU seconds the side's process and the database server used during a phase (0 where the database is in-process). */
export interface CpuReading {
  app: number;
  database: number;
}

export interface Side {
  name: string;
  /** One phase of load, with the CPU the side and the database used during it. */
  run(): Promise<LoadSample & { cpu: CpuReading }>;
}

export interface SideResult extends LatencySummary {
  failed: number;
  /** Milliseconds of CPU per request, by the side's process and by the database server. */
  appCpuMs: number;
  databaseCpuMs: number;
}

/**
 * The API and the raw SQL in alternating rounds, latencies pooled per side: on a noisy machine a slow spell then
 * falls on both sides instead of on whichever ran during it.
 */
export async function alternate(rounds: number, api: Side, raw: Side, log: (message: string) => void) {
  const sides = [api, raw];
  const samples = new Map<
    Side,
    { latencies: number[]; durationMs: number; failed: number; app: number; database: number }
  >(sides.map((side) => [side, { latencies: [], durationMs: 0, failed: 0, app: 0, database: 0 }]));
  for (let round = 1; round <= rounds; round++) {
    for (const side of sides) {
      log(`${side.name}: round ${round} of ${rounds}`);
      const sample = await side.run();
      const total = samples.get(side);
      if (!total) continue;
      for (const latency of sample.latencies) total.latencies.push(latency);
      total.durationMs += sample.durationMs;
      total.failed += sample.failed;
      total.app += sample.cpu.app;
      total.database += sample.cpu.database;
    }
  }
  const result = (side: Side): SideResult => {
    const total = samples.get(side);
    if (!total) throw new Error("no samples");
    const requests = Math.max(1, total.latencies.length);
    return {
      ...summariseLatencies(total.latencies, total.durationMs),
      failed: total.failed,
      appCpuMs: (total.app * 1000) / requests,
      databaseCpuMs: (total.database * 1000) / requests,
    };
  };
  return { api: result(api), raw: result(raw) };
}

/** Runs `phase` and returns what it returned with the CPU `read` saw used meanwhile. */
export async function withCpu<T>(read: () => CpuReading, phase: () => Promise<T>): Promise<T & { cpu: CpuReading }> {
  const before = read();
  const result = await phase();
  const after = read();
  return { ...result, cpu: { app: after.app - before.app, database: after.database - before.database } };
}

/**
 * The two sides of the PostgreSQL list line, shared by `npm run bench` and `npm run bench:list` so both measure the
 * same thing: the server process under autocannon, and the captured statements (names included) through a pg.Pool
 * in this process, each with its own and PostgreSQL's CPU.
 */
export function postgresListSides(options: {
  serverUrl: string;
  serverPid: number;
  headers: Record<string, string>;
  pool: pg.Pool;
  statements: Statement[][];
  connections: number;
  durationS: number;
}): [Side, Side] {
  const { serverUrl, serverPid, headers, pool, statements, connections, durationS } = options;
  return [
    {
      name: `PostgreSQL API, ${connections} connections for ${durationS} s`,
      run: () =>
        withCpu(
          () => ({ app: processCpuSeconds(serverPid), database: commandCpuSeconds("postgres") }),
          () => runApiLoad(serverUrl, headers, { connections, durationS }),
        ),
    },
    {
      name: `PostgreSQL raw SQL, ${connections} callers on a pool of ${pool.options.max} for ${durationS} s`,
      run: () =>
        withCpu(
          () => ({ app: ownCpuSeconds(), database: commandCpuSeconds("postgres") }),
          () =>
            runRawLoad((s) => pool.query({ name: s.name, text: s.text, values: s.params }), statements, {
              concurrency: connections,
              durationS,
            }),
        ),
    },
  ];
}
