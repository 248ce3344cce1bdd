import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/kernel/clock.js";
import { ConfigError } from "../../src/kernel/config.js";
import { AppError } from "../../src/kernel/errors.js";
import { createIdGenerator } from "../../src/kernel/ids.js";
import { importFile, openVault, profileDataset, type Vault, withDuck } from "../../src/node/vault/index.js";
import { sqlString } from "../../src/node/vault/vault.js";

// The vault in-process: each format, profiles of known data, refusals that leave nothing, sealing.
const MARKER = "ZEBRA_MARKER_9f3a";
const CSV = [
  "id,name,amount,city,updated",
  `1,${MARKER}_Alice,10.5,Hangzhou,2024-03-01`,
  "2,Bob,20,,2024-03-02",
  "3,Carol,,Hangzhou,2024-03-03",
  "4,Dave,40,Shenzhen,2024-03-04",
].join("\n");

let dir: string;
let vault: Vault;
const key = randomBytes(32);
const clock = new ManualClock(new Date("2024-03-14T00:00:00Z"));
const newId = createIdGenerator(clock);
const OWNER = "ptc_01HZZZZZZZZZZZZZZZZZZZZZZZ";
const base = () => ({
  ownerParticipantId: OWNER,
  maxBytes: 1 << 20,
  newId: () => newId("dataset"),
  now: () => clock.now(),
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "yaosu-vault-test-"));
  vault = await openVault(join(dir, "vault"), key);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function write(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

/** The AppError `work` is refused with (failing the test if it is not refused). */
const refusal = (work: Promise<unknown>) =>
  work.then(
    () => expect.fail("expected a refusal"),
    (error: unknown) => {
      if (error instanceof AppError) return error;
      throw error;
    },
  );

describe("import", () => {
  it("imports CSV and profiles it against the known data", async () => {
    const record = await importFile(vault, {
      ...base(),
      path: await write("people.csv", CSV),
      name: "people",
    });
    expect(record).toMatchObject({
      id: expect.stringMatching(/^dst_/),
      name: "people",
      format: "csv",
      rows: 4,
    });
    expect(record.columns.map((c) => c.name)).toEqual(["id", "name", "amount", "city", "updated"]);
    expect(record.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await vault.list()).toEqual([record]);

    const profile = await profileDataset(vault, record.id, { now: () => clock.now() });
    expect(profile).toMatchObject({ rows: 4, columns: 5 });
    const col = (name: string) => profile.columnProfiles.find((c) => c.name === name);
    expect(col("amount")).toMatchObject({ nulls: 1, nullRate: 0.25, distinct: 3, min: "10.5", max: "40.0" });
    expect(col("city")).toMatchObject({ nullRate: 0.25, distinct: 2, completeness: 0.75, uniqueness: 0.5 });
    expect(col("id")).toMatchObject({ min: "1", max: "4", distinct: 4, uniqueness: 1, validity: 1 });
    expect(col("name")?.min).not.toContain(MARKER); // text min/max are masked too
    expect(profile.quality.uniqueness).toBe(1);
    expect(profile.quality.completeness).toBeCloseTo(0.9);
    expect(profile.quality.timeliness).toEqual({ newest: "2024-03-04T00:00:00.000Z", ageDays: 10 });
    expect(profile.sample).toHaveLength(4);
    const sampleText = JSON.stringify(profile.sample);
    expect(sampleText).not.toContain(MARKER);
    expect(sampleText).not.toContain("Hangzhou");
    expect(profile.sample.map((r) => r.name)).toContain("B*b");
  });

  it("runs a validator hook and a mask hook", async () => {
    const record = await importFile(vault, { ...base(), path: await write("people.csv", CSV) });
    const profile = await profileDataset(vault, record.id, {
      now: () => clock.now(),
      sampleRows: 2,
      validator: (c) => (c.name === "city" ? (v) => v === "Hangzhou" : undefined),
      mask: () => "#",
    });
    expect(profile.columnProfiles.find((c) => c.name === "city")?.validity).toBeCloseTo(2 / 3);
    expect(profile.sample).toHaveLength(2);
    expect(Object.values(profile.sample[0] ?? {}).every((v) => v === "#" || v === null)).toBe(true);
  });

  it("imports JSON Lines", async () => {
    const lines = ['{"k":"a","n":1}', '{"k":"b","n":null}', '{"k":"a","n":3}'].join("\n");
    const record = await importFile(vault, { ...base(), path: await write("events.jsonl", lines) });
    expect(record).toMatchObject({ format: "jsonl", rows: 3 });
    const profile = await profileDataset(vault, record.id, { now: () => clock.now() });
    expect(profile.columnProfiles.find((c) => c.name === "n")).toMatchObject({
      nullRate: 1 / 3,
      min: "1",
      max: "3",
    });
    expect(profile.columnProfiles.find((c) => c.name === "k")?.distinct).toBe(2);
    expect(profile.quality.timeliness).toBeNull();
  });

  it("imports Parquet (written by DuckDB)", async () => {
    const path = join(dir, "range.parquet");
    await withDuck((conn) =>
      conn.run(
        `COPY (SELECT i AS n, i % 7 AS m FROM range(1000) r(i)) TO ${sqlString(path)} (FORMAT parquet)`,
      ),
    );
    const record = await importFile(vault, { ...base(), path });
    expect(record).toMatchObject({ format: "parquet", rows: 1000 });
    const profile = await profileDataset(vault, record.id, { now: () => clock.now() });
    expect(profile.columnProfiles.find((c) => c.name === "n")).toMatchObject({
      min: "0",
      max: "999",
      nullRate: 0,
    });
    expect(profile.columnProfiles.find((c) => c.name === "m")?.distinct).toBe(7);
  });
});

describe("refusals leave nothing behind", () => {
  const vaultFiles = () => readdirSync(vault.dir).filter((f) => f !== "key-check.sealed");

  it("a CSV row with the wrong number of fields names its line", async () => {
    const broken = `${CSV}\n5,Eve,50\n6,Frank,60,Xi'an,2024-03-06`;
    const error = await refusal(importFile(vault, { ...base(), path: await write("broken.csv", broken) }));
    expect(error).toMatchObject({ status: 400, code: "invalid_file", field: "file" });
    expect(error.message).toMatch(/line 6\b/);
    expect(await vault.list()).toEqual([]);
    expect(vaultFiles()).toEqual([]);
  });

  it("a value of the wrong type beyond DuckDB's sniffing sample names its line and column", async () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => `${i},${i * 2}`);
    const error = await refusal(
      importFile(vault, { ...base(), path: await write("late.csv", ["a,b", ...rows, "x,oops"].join("\n")) }),
    );
    expect(error.message).toMatch(/line 25002, column 'a'/);
    expect(vaultFiles()).toEqual([]);
  });

  it("malformed JSON Lines are refused", async () => {
    const error = await refusal(
      importFile(vault, { ...base(), path: await write("bad.jsonl", '{"a":1}\n{"a":\n') }),
    );
    expect(error.code).toBe("invalid_file");
    expect(vaultFiles()).toEqual([]);
  });

  it("a file over the size limit is refused before it is read", async () => {
    const path = await write("big.csv", CSV);
    const error = await refusal(importFile(vault, { ...base(), path, maxBytes: 10 }));
    expect(error).toMatchObject({ status: 413, code: "file_too_large", field: "file" });
    expect(vaultFiles()).toEqual([]);
  });

  it("an unknown extension asks for --format; an unknown dataset is 404", async () => {
    const error = await refusal(importFile(vault, { ...base(), path: await write("data.txt", CSV) }));
    expect(error).toMatchObject({ status: 400, code: "unknown_format" });
    const missing = await refusal(profileDataset(vault, newId("dataset"), { now: () => clock.now() }));
    expect(missing).toMatchObject({ status: 404, code: "dataset_not_found" });
  });
});

describe("encryption at rest", () => {
  it("no vault file holds the imported data in clear", async () => {
    await importFile(vault, { ...base(), path: await write("people.csv", CSV) });
    for (const file of readdirSync(vault.dir)) {
      const bytes = readFileSync(join(vault.dir, file));
      expect(bytes.includes(MARKER), file).toBe(false);
      expect(bytes.includes("PAR1"), file).toBe(false); // not even a Parquet header
    }
  });

  it("another master key cannot open the vault", async () => {
    await importFile(vault, { ...base(), path: await write("people.csv", CSV) });
    await expect(openVault(vault.dir, randomBytes(32))).rejects.toBeInstanceOf(ConfigError);
  });

  it("a tampered data file is refused, not read", async () => {
    const record = await importFile(vault, { ...base(), path: await write("people.csv", CSV) });
    const path = join(vault.dir, `${record.id}.parquet.sealed`);
    const bytes = readFileSync(path);
    bytes[40] = (bytes[40] ?? 0) ^ 1;
    await writeFile(path, bytes);
    await expect(profileDataset(vault, record.id, { now: () => clock.now() })).rejects.toThrow(
      /cannot be decrypted/,
    );
  });
});

describe("ownership and removal", () => {
  it("PR-3: records its owner participant and the uploaded file's name instead of a temp path", async () => {
    const path = await write("upload-7f3a.tmp", CSV);
    const record = await importFile(vault, { ...base(), path, sourceFile: "客户.csv", format: "csv" });
    expect(record).toMatchObject({ ownerParticipantId: OWNER, sourceFile: "客户.csv", name: "客户.csv" });
    expect((await vault.get(record.id)).ownerParticipantId).toBe(OWNER);
    const broken = await write("upload-9c1b.tmp", `${CSV}\n5,Eve`);
    const error = await refusal(
      importFile(vault, { ...base(), path: broken, sourceFile: "坏.csv", format: "csv" }),
    );
    expect(error.message).toMatch(/^坏\.csv: line 6/);
    expect(error.message).not.toContain("upload-9c1b");
  });

  it("removes a dataset: catalog row and data file gone, then 404", async () => {
    const record = await importFile(vault, { ...base(), path: await write("people.csv", CSV) });
    await vault.remove(record.id);
    expect(readdirSync(vault.dir).filter((f) => f !== "key-check.sealed")).toEqual([]);
    await expect(vault.get(record.id)).rejects.toMatchObject({ status: 404, code: "dataset_not_found" });
    await expect(vault.remove(record.id)).rejects.toMatchObject({ status: 404 });
  });
});
