import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "kysely";
import { expect } from "vitest";
import { makeResidentId } from "../../src/lib/cn-identifiers/index.js";
import { importFile } from "../../src/node/vault/index.js";
import { openNodeVault } from "../../src/node/vault/vault.js";
import { complete, harness } from "../registration/helpers.js";
import type { TestApp } from "../support/kernels.js";

/** The demo citizen's resident ID (src/flows/demo-seed.ts) and other people's, for the vault. */
export const CITIZEN_ID = makeResidentId("310104", "19900307", "123");
export const OTHER_IDS = [
  makeResidentId("110101", "19800101", "234"),
  makeResidentId("440305", "19751231", "456"),
];
export const CITIZEN_EMAIL = "zhangsan@mail.example";

/** A holder's dataset: the citizen's rows and other people's, side by side. */
export const PEOPLE_CSV = [
  "resident_id,name,email,amount",
  `${CITIZEN_ID},张三,${CITIZEN_EMAIL},10.5`,
  `${OTHER_IDS[0]},李四,lisi@mail.example,20`,
  `${CITIZEN_ID},张三,,30`,
  `${OTHER_IDS[1]},王五,"wang,wu@mail.example",40`,
].join("\n");

export const DAY = 24 * 3600 * 1000;

/** Requests as demo users plus the steps every test here needs: a registered resource with a vaulted dataset. */
export function world(get: () => TestApp) {
  const h = harness(get);
  const { as, me } = h;

  /** The demo user's participant (as /participants/me answers it). */
  const participant = async (username: string) => (await me(username)).participant;

  async function importDataset(owner: string, csv = PEOPLE_CSV): Promise<string> {
    const t = get();
    const path = join(t.config.dataDir, `people-${Date.now()}.csv`);
    await writeFile(path, csv);
    const record = await importFile(await openNodeVault(t.k), {
      path,
      ownerParticipantId: (await participant(owner)).id,
      name: "people",
      maxBytes: 1 << 20,
      newId: () => t.k.newId("dataset"),
      now: () => t.clock.now(),
    });
    return record.id;
  }

  /** Draft → submit → review → notice → registered, advancing the clock past the notice. */
  async function registered(holder: string, datasetId?: string): Promise<string> {
    const draft = await as(holder, "POST", "/registrations", {
      ...complete,
      ...(datasetId ? { datasetId } : {}),
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const id = draft.json().id as string;
    expect((await as(holder, "POST", `/registrations/${id}/submit`)).statusCode).toBe(200);
    const review = await as("operator", "POST", `/registrations/${id}/review`, {
      decision: "pass",
      reason: "ok",
    });
    expect(review.statusCode, review.body).toBe(200);
    h.advance(get().config.registrationNoticeDays * DAY + 60_000);
    const closed = await as("operator", "POST", `/registrations/${id}/close-notice`);
    expect(closed.json().status, closed.body).toBe("registered");
    return id;
  }

  /** Every row of every table, as text, to look for values that must never be stored in clear. */
  async function everyTable(): Promise<string> {
    const t = get();
    const tables =
      t.k.database.dialect === "postgres"
        ? await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(t.k.db)
        : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(t.k.db);
    const dumps: string[] = [];
    for (const { name } of tables.rows) {
      const rows = await sql`select * from ${sql.table(name)}`.execute(t.k.db);
      dumps.push(
        `${name}: ${JSON.stringify(rows.rows, (_k, v) => (Buffer.isBuffer(v) ? v.toString("hex") : v))}`,
      );
    }
    return dumps.join("\n");
  }

  return { ...h, participant, importDataset, registered, everyTable };
}
