import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("configuration", () => {
  it("defaults to port 8080, ./.yaosu and a SQLite file inside it", () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.dataDir).toMatch(/\.yaosu$/);
    expect(config.databaseUrl).toBe(`sqlite:${config.dataDir}/yaosu.sqlite`);
    expect(config.demoPassword).toBeUndefined();
  });

  it("reads YAOSU_* variables and selects PostgreSQL by URL", () => {
    const config = loadConfig({
      YAOSU_PORT: "9090",
      YAOSU_DATABASE_URL: "postgres://u@h/db",
      YAOSU_DEMO_PASSWORD: "long-enough",
    });
    expect(config).toMatchObject({
      port: 9090,
      databaseUrl: "postgres://u@h/db",
      demoPassword: "long-enough",
    });
  });

  it("stops at start with a message naming the bad variable", () => {
    expect(() => loadConfig({ YAOSU_PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ YAOSU_PORT: "eighty" })).toThrow(/YAOSU_PORT/);
    expect(() => loadConfig({ YAOSU_DATABASE_URL: "mysql://x" })).toThrow(/YAOSU_DATABASE_URL/);
    expect(() => loadConfig({ YAOSU_DEMO_PASSWORD: "short" })).toThrow(/YAOSU_DEMO_PASSWORD/);
  });

  it("reads an optional JSON file, with the environment taking precedence", async () => {
    const { writeFileSync, mkdtempSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const file = join(mkdtempSync(join(tmpdir(), "yaosu-config-")), "yaosu.json");
    writeFileSync(file, JSON.stringify({ port: 7000, logLevel: "warn" }));
    expect(loadConfig({ YAOSU_CONFIG_FILE: file })).toMatchObject({ port: 7000, logLevel: "warn" });
    expect(loadConfig({ YAOSU_CONFIG_FILE: file, YAOSU_PORT: "7001" }).port).toBe(7001);
    writeFileSync(file, "[1,2]");
    expect(() => loadConfig({ YAOSU_CONFIG_FILE: file })).toThrow(/JSON object/);
  });
});
