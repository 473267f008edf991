// Bundles the server and CLI into dist/server/cli.js, so a start loads one file instead of transpiling ~200 with tsx.
// npm packages stay external (their own files load from node_modules), except JSON data, which is inlined.
import { build } from "esbuild";

const externalPackages = {
  name: "external-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith("@server/") || args.path.startsWith("@shared/") || args.path.startsWith("@web/"))
        return undefined;
      if (args.path.endsWith(".json")) return undefined;
      return { path: args.path, external: true };
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
