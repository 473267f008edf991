import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** Gzipped size of the JavaScript a first visit downloads: the entry script and the chunks it preloads. */
export function initialJsGzipBytes(distDir: string): { bytes: number; files: string[] } {
  const html = readFileSync(join(distDir, "index.html"), "utf8");
  const files = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1] ?? "");
  const unique = [...new Set(files)];
  const bytes = unique.reduce((sum, file) => sum + gzipSync(readFileSync(join(distDir, file))).length, 0);
  return { bytes, files: unique };
}
