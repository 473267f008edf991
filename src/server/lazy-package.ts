import { createRequire } from "node:module";

const requireFromHere = createRequire(import.meta.url);

/**
 * A package loaded on first use instead of at start. PDF, spreadsheet and SMTP libraries take ~300 ms to load and
 * serve a few requests a day: the server answers its health check without them (cold start target, BENCHMARKS.md).
 */
export function lazyPackage<T>(name: string): () => T {
  let loaded: T | undefined;
  return () => {
    loaded ??= requireFromHere(name) as T;
    return loaded;
  };
}
