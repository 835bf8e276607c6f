import { defineConfig } from "tsup";

/*
 * ESM with bundled .d.ts. @forecourt/protocol (private, TypeScript sources) is bundled in, code
 * and types alike, so the package's types are the protocol's zod schemas' own inferred types and
 * the published package needs only socket.io-client and zod.
 */
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm"],
  target: "es2022",
  platform: "neutral",
  dts: {
    // Through paths (not node_modules) TypeScript treats the protocol as our own source, so its types are inlined.
    compilerOptions: {
      noEmit: false,
      paths: { "@forecourt/protocol": ["../protocol/src/index.ts"], "@forecourt/protocol/*": ["../protocol/src/*.ts"] },
    },
  },
  noExternal: [/^@forecourt\/protocol/],
  external: ["socket.io-client", "zod", "standardwebhooks"],
  clean: true,
  sourcemap: true,
});
