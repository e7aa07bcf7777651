// Test configuration: unit, fixture and protocol tests across the workspaces.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["server/test/**/*.test.ts", "rules/test/**/*.test.ts", "test-fixtures/**/*.test.ts", "client/test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
