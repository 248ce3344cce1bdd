import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { Kernel } from "../../src/kernel/kernel.js";
import { sqlString, withDuck } from "../../src/node/vault/vault.js";
import { corpusFaker, POSITIVES } from "../pii/corpus.js";
import { vectorPath } from "../support/vectors.js";

/** Shared by the node tests: people-like data with real identifiers, uploads, and what is on disk. */

export interface Person {
  id: number;
  name: string;
  resident_id: string;
  mobile: string;
  address: string;
  city: string;
  amount: number;
  signed_on: string;
}

/** Resident IDs from the GB 11643 vectors first, then generated ones (faker zh_CN + check digits). */
export function people(count: number, seed = 11): Person[] {
  const vectors = JSON.parse(
    readFileSync(vectorPath("cn-identifiers", "cn_identifier_vectors.json"), "utf8"),
  );
  const known: string[] = vectors.resident_id.valid
    .map((v: { v: string }) => v.v)
    .filter((v: string) => v.length === 18);
  const f = corpusFaker(seed);
  return Array.from({ length: count }, (_, i) => {
    let resident = known[i] ?? POSITIVES.resident_id(f).toUpperCase();
    while (resident.length !== 18) resident = POSITIVES.resident_id(f).toUpperCase();
    return {
      id: i + 1,
      name: f.person.fullName(),
      resident_id: resident,
      mobile: `1${f.helpers.arrayElement(["38", "39", "50", "86", "58", "77"])}${f.string.numeric(8)}`,
      address: POSITIVES.address(f),
      city: f.helpers.arrayElement(["杭州", "深圳", "成都", "武汉"]),
      amount: f.number.int({ min: 1, max: 99_999 }) / 100,
      signed_on: `2024-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
    };
  });
}

const csvCell = (v: unknown) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function toCsv(rows: Person[]): string {
  const header = Object.keys(rows[0] ?? {}) as (keyof Person)[];
  return `${[header.join(","), ...rows.map((r) => header.map((h) => csvCell(r[h])).join(","))].join("\n")}\n`;
}

export const toJsonl = (rows: object[]) => `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`;

/** Parquet bytes of `rows`, written by DuckDB from a JSON Lines file. */
export async function toParquet(rows: object[], dir: string): Promise<Buffer> {
  const { writeFile } = await import("node:fs/promises");
  const jsonl = join(dir, `p-${Date.now()}-${Math.random()}.jsonl`);
  const parquet = `${jsonl}.parquet`;
  await writeFile(jsonl, toJsonl(rows));
  await withDuck((conn) =>
    conn.run(`COPY (SELECT * FROM read_json(${sqlString(jsonl)})) TO ${sqlString(parquet)} (FORMAT parquet)`),
  );
  return readFileSync(parquet);
}

/** A request body that arrives in small chunks, as a slow client sends it (no Content-Length). */
export function chunked(data: string | Buffer, size = 1024): Readable {
  const bytes = Buffer.from(data);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

export async function upload(
  app: FastifyInstance,
  auth: string | undefined,
  body: string | Buffer | Readable,
  options: { contentType?: string; query?: string } = {},
) {
  return app.inject({
    method: "POST",
    url: `/api/v1/node/datasets${options.query ? `?${options.query}` : ""}`,
    headers: {
      "content-type": options.contentType ?? "text/csv",
      ...(auth ? { authorization: auth } : {}),
    },
    payload: body,
  });
}

/** Files in the node's vault and incoming dirs (a refused upload must leave none). */
export async function nodeFiles(dataDir: string): Promise<string[]> {
  const list = async (d: string) => (await readdir(d).catch(() => [] as string[])).map((f) => join(d, f));
  const files = [
    ...(await list(join(dataDir, "node", "vault"))),
    ...(await list(join(dataDir, "node", "incoming"))),
  ];
  return files.filter((f) => !f.endsWith("key-check.sealed")).sort();
}

export async function eventCount(k: Kernel, type: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    select count(*) as n from outbox_events where type = ${type}`.execute(k.db);
  return Number(rows[0]?.n ?? 0);
}
