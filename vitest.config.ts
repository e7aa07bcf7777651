// Test configuration: unit, fixture and protocol tests across the workspaces.
import { defineConfig } from "vitest/config";

/** Tests that drive a real editor installed from Debian packages; `npm test` needs nothing but Node. */
export const EDITOR_TESTS = ["server/test/lsp/neovim.test.ts", "server/test/lsp/emacs.test.ts"];

export default defineConfig({
  test: {
    include: ["server/test/**/*.test.ts", "rules/test/**/*.test.ts", "test-fixtures/**/*.test.ts", "client/test/**/*.test.ts"],
    // Real-editor tests need Debian packages (Neovim, Emacs): they run with `npm run test:editors`.
    exclude: ["**/node_modules/**", ...EDITOR_TESTS],
    // Protocol and editor tests spawn the bundled server: build it first.
    globalSetup: ["server/test/lsp/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
