// Test configuration of the real-editor tests (Neovim, Emacs with eglot): `npm run test:editors`.
import { defineConfig } from "vitest/config";
import { EDITOR_TESTS } from "./vitest.config";

export default defineConfig({
  test: {
    include: EDITOR_TESTS,
    // They spawn the bundled server: build it first.
    globalSetup: ["server/test/lsp/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
