// Vitest configuration of the VS Code end-to-end test only (`npm run test:e2e`; not part of `npm test`).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: join(dirname(fileURLToPath(import.meta.url)), "../../.."),
    include: ["client/test/e2e/**/*.e2e.ts"],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 240_000,
  },
});
