import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import writeXlsxFile from "write-excel-file/node";
import { ManualClock } from "../../src/kernel/clock.js";
import { AppError } from "../../src/kernel/errors.js";
import { createIdGenerator } from "../../src/kernel/ids.js";
import { importFile, openVault, type Vault } from "../../src/node/vault/index.js";

/**
 * Excel workbooks into the holder's node (PR-3 item 1, "and Excel"): the first sheet's header row
 * names the columns, values keep their types, and what is not a workbook is refused leaving nothing.
 */
let dir: string;
let vault: Vault;
const clock = new ManualClock(new Date("2025-06-01T00:00:00Z"));
const newId = createIdGenerator(clock);
const options = (path: string) => ({
  path,
  ownerParticipantId: "ptc_01HZZZZZZZZZZZZZZZZZZZZZZZ",
  maxBytes: 1 << 20,
  newId: () => newId("dataset"),
  now: () => clock.now(),
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "yaosu-xlsx-test-"));
  vault = await openVault(join(dir, "vault"), randomBytes(32));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("PR-3: .xlsx import", () => {
  it("imports the first sheet with its header row as columns and typed values", async () => {
    const path = join(dir, "会员.xlsx");
    await writeXlsxFile([
      [{ value: "会员号" }, { value: "姓名" }, { value: "金额" }, { value: "日期" }],
      [
        { value: "M001" },
        { value: "王伟" },
        { value: 12.5 },
        { value: new Date("2025-01-02T00:00:00Z"), format: "yyyy-mm-dd" },
      ],
      [
        { value: "M002" },
        { value: "李娜" },
        { value: 30 },
        { value: new Date("2025-02-03T00:00:00Z"), format: "yyyy-mm-dd" },
      ],
      [{ value: "M003" }, null, { value: 7.25 }, null],
    ]).toFile(path);
    const record = await importFile(vault, options(path));
    expect(record).toMatchObject({ format: "xlsx", rows: 3, sourceFile: "会员.xlsx" });
    expect(record.columns.map((c) => c.name)).toEqual(["会员号", "姓名", "金额", "日期"]);
    expect(record.columns.find((c) => c.name === "金额")?.type).toBe("DOUBLE");
    const rows = await vault.query(record.id, async (conn) =>
      (
        await conn.runAndReadAll(`SELECT "会员号", "姓名", "金额" FROM dataset ORDER BY 1`)
      ).getRowObjectsJson(),
    );
    expect(rows).toEqual([
      { 会员号: "M001", 姓名: "王伟", 金额: 12.5 },
      { 会员号: "M002", 姓名: "李娜", 金额: 30 },
      { 会员号: "M003", 姓名: null, 金额: 7.25 },
    ]);
  });

  it("refuses a file that is not a workbook, and a sheet with an empty header cell, keeping nothing", async () => {
    const fake = join(dir, "fake.xlsx");
    await writeFile(fake, "id,name\n1,a\n");
    const notWorkbook = await importFile(vault, options(fake)).catch((e: unknown) => e);
    expect(notWorkbook).toBeInstanceOf(AppError);
    expect(notWorkbook).toMatchObject({ status: 400, code: "invalid_file" });
    expect((notWorkbook as AppError).message).toMatch(/^fake\.xlsx: not a readable \.xlsx workbook/);

    const gap = join(dir, "gap.xlsx");
    await writeXlsxFile([
      [{ value: "id" }, null, { value: "name" }],
      [{ value: 1 }, { value: 2 }, { value: "a" }],
    ]).toFile(gap);
    const emptyHeader = await importFile(vault, options(gap)).catch((e: unknown) => e);
    expect(emptyHeader).toMatchObject({ status: 400, code: "invalid_file" });
    expect((emptyHeader as AppError).message).toBe("gap.xlsx: line 1, column 2: the header cell is empty");
    expect(await vault.list()).toEqual([]);
    expect(readdirSync(join(dir, "vault")).filter((f) => f.endsWith(".parquet.sealed"))).toEqual([]);
  });
});
