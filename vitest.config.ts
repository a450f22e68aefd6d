// Tests: unit and golden tests of the core, end-to-end tests that spawn the real command.
// End-to-end tests spawn Node processes: a generous timeout, so a loaded machine slows them
// down without failing them (speed is measured by `npm run bench`, not by tests).
import { defineConfig } from "vitest/config";

export default defineConfig({
  // The launcher's loader and its cache folder are CommonJS TypeScript (.cts, src/cli/cache-code.cts):
  // Vite strips types from .ts/.mts/.tsx by default, .cts too here.
  oxc: { include: /\.([cm]?ts|[jt]sx)$/ },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
