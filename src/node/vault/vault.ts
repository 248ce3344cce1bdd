import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { ConfigError } from "../../kernel/config.js";
import { notFound } from "../../kernel/errors.js";
import { isId } from "../../kernel/ids.js";
import type { Kernel } from "../../kernel/kernel.js";
import { SealError, sealBytes, sealFile, unsealBytes, unsealFile } from "./sealed-file.js";

/**
 * The vault keeps a holder's raw data inside the node's data dir, encrypted at rest with a
 * subkey of the master key (which lives outside the data files):
 *   <dataDir>/node/vault/key-check.sealed      proves the key on open
 *   <dataDir>/node/vault/<dst_id>.parquet.sealed   the dataset, as Parquet
 *   <dataDir>/node/vault/<dst_id>.meta.sealed      its catalog row (written last: it is the commit)
 * Why not an encrypted DuckDB file (ATTACH … ENCRYPTION_KEY)? DuckDB 1.5 writes encrypted files
 * only with the OpenSSL of its httpfs extension, downloaded on demand; its built-in mbedTLS is
 * read-only unless `force_mbedtls_unsafe` (weak nonces). So Parquet sealed with node:crypto it is.
 * Queries decrypt into a private scratch dir (RAM-backed /dev/shm when there is one) that is
 * removed as soon as the work is done.
 */
export { DATASET_FORMATS, type DatasetFormat } from "./formats.js";

import type { DatasetFormat } from "./formats.js";

export interface DatasetColumn {
  name: string;
  type: string;
}

export interface DatasetRecord {
  id: string;
  name: string;
  sourceFile: string;
  format: DatasetFormat;
  rows: number;
  columns: DatasetColumn[];
  /** size of the source file as imported */
  bytes: number;
  sha256: string;
  importedAt: string;
  /**
   * The participant whose data this is: only its users see the dataset over HTTP. null only for
   * datasets imported before ownership was recorded (the CLI still lists them).
   */
  ownerParticipantId: string | null;
}

export interface Vault {
  readonly dir: string;
  list(): Promise<DatasetRecord[]>;
  get(id: string): Promise<DatasetRecord>;
  /** Runs `work` on a DuckDB connection where the view `dataset` reads the dataset. */
  query<T>(id: string, work: (conn: DuckDBConnection) => Promise<T>): Promise<T>;
  /** Adds a dataset from a plaintext Parquet file; until the catalog row lands, it does not exist. */
  store(record: DatasetRecord, parquetPath: string, onProgress?: (doneBytes: number) => void): Promise<void>;
  /** Removes a dataset: its catalog row first (from then on it does not exist), then its data. */
  remove(id: string): Promise<void>;
}

const KEY_CHECK = "key-check.sealed";
const KEY_CHECK_TEXT = "yaosu vault v1";
const dataFile = (id: string) => `${id}.parquet.sealed`;
const metaFile = (id: string) => `${id}.meta.sealed`;

/** The one answer for "no such dataset" — also what a non-owner gets, so existence never leaks. */
export const datasetNotFound = (id: string) =>
  notFound("dataset_not_found", `no dataset ${id} in this node's vault`, "dataset");

export function vaultDir(dataDir: string): string {
  return join(dataDir, "node", "vault");
}

export async function openNodeVault(k: Kernel): Promise<Vault> {
  return openVault(vaultDir(k.config.dataDir), k.keyring.subkey("vault"));
}

export async function openVault(dir: string, key: Buffer): Promise<Vault> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await checkKey(dir, key);
  await sweep(dir);
  const get = async (id: string) => {
    if (!isId("dataset", id) || !existsSync(join(dir, metaFile(id)))) throw datasetNotFound(id);
    const sealed = await readFile(join(dir, metaFile(id)));
    const record = JSON.parse(unsealBytes(key, `meta/${id}`, sealed, metaFile(id)).toString());
    return { ...record, ownerParticipantId: record.ownerParticipantId ?? null } as DatasetRecord;
  };
  return {
    dir,
    get,
    async list() {
      const ids = (await readdir(dir))
        .filter((f) => f.endsWith(".meta.sealed"))
        .map((f) => f.split(".")[0] ?? "");
      return Promise.all(ids.sort().map(get));
    },
    async query(id, work) {
      await get(id);
      return withDuck(async (conn, scratch) => {
        const plain = join(scratch, "dataset.parquet");
        await unsealFile(key, `data/${id}`, join(dir, dataFile(id)), plain).catch((error) => {
          // Removed between get() and here by a concurrent delete: gone, not broken.
          if ((error as NodeJS.ErrnoException).code === "ENOENT") throw datasetNotFound(id);
          throw error;
        });
        await conn.run(`CREATE VIEW dataset AS SELECT * FROM read_parquet(${sqlString(plain)})`);
        return work(conn);
      });
    },
    async store(record, parquetPath, onProgress) {
      const pending = join(dir, `.tmp-${process.pid}-${record.id}`);
      try {
        await sealFile(key, `data/${record.id}`, parquetPath, `${pending}.data`, onProgress);
        await writeFile(
          `${pending}.meta`,
          sealBytes(key, `meta/${record.id}`, Buffer.from(JSON.stringify(record))),
          {
            mode: 0o600,
          },
        );
        await rename(`${pending}.data`, join(dir, dataFile(record.id)));
        await rename(`${pending}.meta`, join(dir, metaFile(record.id)));
      } catch (error) {
        await Promise.all(
          [`${pending}.data`, `${pending}.meta`, join(dir, dataFile(record.id))].map(forceRm),
        );
        throw error;
      }
    },
    async remove(id) {
      await get(id);
      await rm(join(dir, metaFile(id)));
      await forceRm(join(dir, dataFile(id)));
    },
  };
}

/** A vault sealed under another master key must refuse to open, not show up empty. */
async function checkKey(dir: string, key: Buffer) {
  const path = join(dir, KEY_CHECK);
  if (!existsSync(path)) {
    await writeFile(path, sealBytes(key, "key-check", Buffer.from(KEY_CHECK_TEXT)), {
      mode: 0o600,
      flag: "wx",
    });
    return;
  }
  try {
    unsealBytes(key, "key-check", await readFile(path), path);
  } catch (error) {
    if (!(error instanceof SealError)) throw error;
    throw new ConfigError(
      `the node vault ${dir} was sealed with a different master key (check YAOSU_MASTER_KEY / master.key)`,
    );
  }
}

/**
 * Leftovers of an import that died mid-way: temp files of a process that is gone, and data files
 * no catalog row names (given a grace period, since another process may be between its renames).
 */
async function sweep(dir: string) {
  const files = await readdir(dir);
  const committed = new Set(files.filter((f) => f.endsWith(".meta.sealed")).map((f) => f.split(".")[0]));
  const orphanCutoff = Date.now() - 10 * 60_000;
  const stale: string[] = [];
  for (const f of files) {
    const tmpOwner = /^\.tmp-(\d+)-/.exec(f)?.[1];
    if (tmpOwner && !processAlive(Number(tmpOwner))) stale.push(f);
    if (f.endsWith(".parquet.sealed") && !committed.has(f.split(".")[0])) {
      if ((await stat(join(dir, f))).mtimeMs < orphanCutoff) stale.push(f);
    }
  }
  await Promise.all(stale.map((f) => forceRm(join(dir, f))));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const forceRm = (path: string) => rm(path, { force: true, recursive: true });

/** A private, short-lived DuckDB with a private scratch dir; both are gone when `work` ends. */
export async function withDuck<T>(work: (conn: DuckDBConnection, scratch: string) => Promise<T>): Promise<T> {
  const base = existsSync("/dev/shm") ? "/dev/shm" : tmpdir();
  const scratch = await mkdtemp(join(base, "yaosu-vault-"));
  const instance = await DuckDBInstance.create(":memory:", {
    temp_directory: join(scratch, "spill"),
    autoinstall_known_extensions: "false",
  });
  try {
    const conn = await instance.connect();
    try {
      return await work(conn, scratch);
    } finally {
      conn.closeSync();
    }
  } finally {
    instance.closeSync();
    await forceRm(scratch);
  }
}

export const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;
export const sqlName = (value: string) => `"${value.replace(/"/g, '""')}"`;
