// Bundles the server and CLI into dist/server/cli.js, so a start loads one file instead of transpiling ~200 with tsx.
// Pure-JS npm packages are bundled too: resolving and loading thousands of small files from node_modules made every
// start about 0.5 s slower (measured: `repere version` 1.3 s bundled against 2.0 s). Packages that read files beside
// their own code, ship native or WebAssembly binaries, use worker threads, or load lazily on first use stay external.
import { build } from "esbuild";

const EXTERNAL = new Set([
  "@electric-sql/pglite", // WebAssembly and data files
  "@node-rs/argon2", // native binary
  "pg-native", // optional native driver pg probes for
  "pdfkit", // font metrics read from its own folder; loaded on first PDF
  "@e965/xlsx", // loaded on first ODS export
  "nodemailer", // loaded on first e-mail
  "pg-boss", // loaded on PostgreSQL only
  "@fastify/swagger-ui", // serves its static files from its own folder
  "@fastify/static", // idem for the web app
  "pino", // worker-thread transports resolve files at run time
  "@faker-js/faker", // large locale data, used by the seed
  "@codegouvfr/react-dsfr", // fonts resolved as files for the PDFs
  "esbuild",
  "tsx",
]);

const packageOf = (path) => {
  const parts = path.split("/");
  return path.startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
};

const externalPackages = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@server/") || args.path.startsWith("@shared/") || args.path.startsWith("@web/"))
        return undefined;
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      if (EXTERNAL.has(packageOf(args.path))) return { path: args.path, external: true };
      return undefined;
    });
  },
};

await build({
  entryPoints: ["src/server/cli/main.ts"],
  outfile: "dist/server/cli.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: "linked",
  tsconfig: "tsconfig.json",
  plugins: [externalPackages],
  logLevel: "warning",
  // Bundled code keeps a working `require` and file location for the few modules that need them.
  banner: {
    js: "import { createRequire as __repereCreateRequire } from 'node:module'; const require = __repereCreateRequire(import.meta.url);",
  },
});
