import { defineConfig } from "vitest/config";

// One config for every test: unit tests sit beside their code (src/**/*.test.ts),
// cross-module, HTTP, CLI and browser tests live in test/.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "web/src/**/*.test.ts"],
    globalSetup: ["test/setup/postgres.global.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    reporters: ["default", ["json", { outputFile: ".vitest-report.json" }]],
  },
});
