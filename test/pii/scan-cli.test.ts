import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { corpusFaker, POSITIVES } from "./corpus.js";

/**
 * `yaosu scan` as a user runs it: the built CLI in a child process, on CSV, JSON Lines and
 * Parquet files made here — one with personal data, one without, and broken ones.
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin", "yaosu.js");
const BUILT = join(ROOT, "dist", "cli", "main.js");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function yaosu(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      stdio: "pipe",
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

interface Report {
  format: string;
  sampledRows: number;
  columns: { name: string; label: string; personal: boolean; sensitive: boolean; example?: string }[];
  proposal: {
    personalInformation: boolean;
    sensitivePersonalInformation: boolean;
    suggestedOriginClass?: string;
  };
}
const labels = (r: Report) => Object.fromEntries(r.columns.map((c) => [c.name, c.label]));

let dir = "";
const people: Record<string, string>[] = [];
const csv = (rows: Record<string, string>[]) => {
  const head = Object.keys(rows[0] ?? {});
  return `${[head.join(","), ...rows.map((r) => head.map((h) => `"${r[h]}"`).join(","))].join("\n")}\n`;
};

beforeAll(async () => {
  if (!existsSync(BUILT))
    throw new Error(`the CLI is not built: ${BUILT} is missing — run \`npm run build:server\``);
  dir = await mkdtemp(join(tmpdir(), "yaosu-scan-"));
  const f = corpusFaker(7);
  for (let i = 0; i < 300; i++) {
    people.push({
      姓名: POSITIVES.person_name(f),
      c2: POSITIVES.mobile(f),
      证件: POSITIVES.resident_id(f),
      amount: f.commerce.price(),
    });
  }
  const products = Array.from({ length: 300 }, (_, i) => ({
    sku: `SKU-${f.string.alphanumeric({ length: 8, casing: "upper" })}`,
    name: f.commerce.productName(),
    price: f.commerce.price(),
    qty: String(i % 17),
    created_at: f.date.recent({ days: 300 }).toISOString(),
  }));
  await writeFile(join(dir, "people.csv"), csv(people));
  await writeFile(join(dir, "people.jsonl"), `${people.map((p) => JSON.stringify(p)).join("\n")}\n`);
  await writeFile(join(dir, "people.txt"), `${people.map((p) => JSON.stringify(p)).join("\n")}\n`);
  await writeFile(join(dir, "products.csv"), csv(products));
  const head = Object.keys(people[0] ?? {});
  await writeXlsxFile([
    head.map((h) => ({ value: h })),
    ...people.map((p) => head.map((h) => ({ value: p[h] as string }))),
  ]).toFile(join(dir, "people.xlsx"));
  await writeFile(join(dir, "ragged.csv"), "a,b,c\n1,2,3\n4,5,6,7,8\n9,10,11\n");
  await writeFile(join(dir, "broken.jsonl"), '{"a": 1}\n{"a": \n');
  await writeFile(join(dir, "broken.parquet"), "PAR1 this is not parquet");
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  const from = join(dir, "people.csv").replaceAll("'", "''");
  const to = join(dir, "people.parquet").replaceAll("'", "''");
  await connection.run(
    `COPY (SELECT * FROM read_csv('${from}', all_varchar = true)) TO '${to}' (FORMAT parquet)`,
  );
  connection.closeSync();
  db.closeSync();
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("yaosu scan", () => {
  it.each(["people.csv", "people.jsonl", "people.parquet", "people.xlsx"])(
    "finds the personal data in %s",
    async (file) => {
      const run = await yaosu("scan", join(dir, file), "--json");
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const report = JSON.parse(run.stdout) as Report;
      expect(report.sampledRows).toBe(300);
      expect(labels(report)).toEqual({
        姓名: "person_name",
        c2: "mobile",
        证件: "resident_id",
        amount: "none",
      });
      expect(report.proposal).toMatchObject({
        personalInformation: true,
        sensitivePersonalInformation: true,
        suggestedOriginClass: "personal",
      });
      // Masked examples only: no name, phone or ID number from the file appears in the report.
      for (const p of people) for (const k of ["姓名", "c2", "证件"]) expect(run.stdout).not.toContain(p[k]);
    },
  );

  it("does not flag a file without personal data", async () => {
    const run = await yaosu("scan", join(dir, "products.csv"), "--json");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.columns.every((c) => c.label === "none" && !c.personal)).toBe(true);
    expect(report.proposal).toMatchObject({
      personalInformation: false,
      sensitivePersonalInformation: false,
    });
  });

  it("prints a table for people, samples, and takes --format", async () => {
    const table = await yaosu("scan", join(dir, "people.csv"));
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/证件\s+resident_id\s+\d\.\d\d\s+100%\s+yes\s+yes\s+\d{6}\*{8}/);
    expect(table.stdout).toMatch(/sensitive personal information: yes/);
    const sampled = JSON.parse(
      (await yaosu("scan", join(dir, "people.csv"), "--json", "--sample", "50")).stdout,
    );
    expect(sampled.sampledRows).toBe(50);
    const txt = await yaosu("scan", join(dir, "people.txt"), "--format", "jsonl", "--json");
    expect(labels(JSON.parse(txt.stdout) as Report).c2).toBe("mobile");
  });

  it.each([
    ["ragged.csv", /ragged\.csv: not readable as csv \(line 3\)/],
    ["broken.jsonl", /broken\.jsonl: not readable as json \(line \d+\)/],
    ["broken.parquet", /broken\.parquet: not readable as parquet/],
    ["missing.csv", /missing\.csv: no such file/],
  ])("refuses %s with one line and exit 1", async (file, message) => {
    const run = await yaosu("scan", join(dir, file));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\bat \S+:\d+/);
  });

  it("refuses bad options as usage errors", async () => {
    expect((await yaosu("scan", join(dir, "people.csv"), "--sample", "0")).code).toBe(1);
    expect((await yaosu("scan", join(dir, "people.unknown"))).code).toBe(1);
    expect((await yaosu("scan")).code).toBe(2);
  });
});
