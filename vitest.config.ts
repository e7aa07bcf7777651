// Test configuration: unit, fixture and protocol tests across the workspaces.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["server/test/**/*.test.ts", "rules/test/**/*.test.ts", "test-fixtures/**/*.test.ts", "client/test/**/*.test.ts"],
    // Protocol and editor tests spawn the bundled server: build it first.
    globalSetup: ["server/test/lsp/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
