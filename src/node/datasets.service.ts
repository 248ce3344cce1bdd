import { rm } from "node:fs/promises";
import { AppError, badRequest } from "../kernel/errors.js";
import { actorOf, type Principal } from "../kernel/http/access.js";
import type { Kernel } from "../kernel/kernel.js";
import { incomingDir, receiveUpload, sweepIncoming, tooLarge, UPLOAD_TYPES } from "./upload.js";
import {
  type DatasetFormat,
  type DatasetRecord,
  datasetNotFound,
  formatOf,
  importFile,
  openNodeVault,
  type Vault,
} from "./vault/index.js";

/**
 * The embedded node's datasets as its holders see them over HTTP (PR-3, PR-8, CT-7). The node
 * serves every holder of the exchange; each dataset records its owner participant, and a dataset
 * that is not the caller's is answered exactly like one that does not exist (404
 * `dataset_not_found`), so nobody learns what another holder keeps. Imports and deletions are
 * state changes and leave an event (ids, counts and the file's SHA-256 — never data).
 */

export const EVENTS = { imported: "node.dataset_imported", deleted: "node.dataset_deleted" } as const;

const vaults = new WeakMap<Kernel, Promise<Vault>>();

/** The node's vault, opened once per kernel (opening checks the key and sweeps leftovers). */
export function nodeVault(k: Kernel): Promise<Vault> {
  let vault = vaults.get(k);
  if (!vault) {
    vault = sweepIncoming(incomingDir(k.config.dataDir)).then(() => openNodeVault(k));
    vault.catch(() => vaults.delete(k));
    vaults.set(k, vault);
  }
  return vault;
}

/** The dataset if the caller's participant owns it; otherwise the same 404 as a missing one. */
export async function ownedDataset(vault: Vault, p: Principal, id: string): Promise<DatasetRecord> {
  const record = await vault.get(id);
  if (record.ownerParticipantId !== p.participantId) throw datasetNotFound(id);
  return record;
}

export async function listOwned(k: Kernel, p: Principal): Promise<DatasetRecord[]> {
  const all = await (await nodeVault(k)).list();
  return all.filter((r) => r.ownerParticipantId === p.participantId);
}

export interface UploadInput {
  body: unknown;
  contentType: string | undefined;
  contentLength: string | undefined;
  format?: DatasetFormat;
  filename?: string;
  name?: string;
}

/** Streams an upload to the node, imports it for the caller's participant and records it. */
export async function uploadDataset(k: Kernel, p: Principal, input: UploadInput): Promise<DatasetRecord> {
  const maxBytes = k.config.nodeMaxImportBytes;
  if (!(mediaType(input.contentType) in UPLOAD_TYPES)) {
    throw new AppError(
      415,
      "unsupported_media_type",
      `send the file itself as the body with Content-Type ${Object.keys(UPLOAD_TYPES).join(", ")}`,
      "content-type",
    );
  }
  const format = uploadFormat(input);
  // An honest Content-Length over the limit is refused before a byte is read.
  const declared = Number(input.contentLength);
  if (Number.isSafeInteger(declared) && declared > maxBytes) throw tooLarge(declared, maxBytes);
  const vault = await nodeVault(k);
  const upload = await receiveUpload(input.body, incomingDir(k.config.dataDir), maxBytes);
  try {
    const record = await importFile(vault, {
      path: upload.path,
      sourceFile: input.filename ?? `upload.${format}`,
      name: input.name,
      format,
      ownerParticipantId: p.participantId,
      maxBytes,
      newId: () => k.newId("dataset"),
      now: () => k.clock.now(),
    });
    try {
      await k.transaction((trx) =>
        k.outbox.emit(trx, {
          type: EVENTS.imported,
          subjectIds: [record.id, p.participantId],
          actor: actorOf(p),
          payload: {
            datasetId: record.id,
            format: record.format,
            rows: record.rows,
            columns: record.columns.length,
            bytes: record.bytes,
            sha256: record.sha256,
          },
        }),
      );
    } catch (error) {
      // No event, no dataset: a failed request changes nothing.
      await vault.remove(record.id).catch(() => undefined);
      throw error;
    }
    return record;
  } finally {
    await rm(upload.path, { force: true });
  }
}

export async function deleteDataset(k: Kernel, p: Principal, id: string): Promise<void> {
  const vault = await nodeVault(k);
  const record = await ownedDataset(vault, p, id);
  // The catalog row goes inside the transaction, after the event: if removing fails, the event
  // is rolled back; if the commit fails after the removal, the dataset is gone without a record —
  // the rarer and safer of the two.
  await k.transaction(async (trx) => {
    await k.outbox.emit(trx, {
      type: EVENTS.deleted,
      subjectIds: [record.id, p.participantId],
      actor: actorOf(p),
      payload: { datasetId: record.id, sha256: record.sha256 },
    });
    await vault.remove(record.id);
  });
}

/** The query's format, else the file name's extension, else the content type's. */
function uploadFormat(input: UploadInput): DatasetFormat {
  if (input.format) return input.format;
  if (input.filename) {
    try {
      return formatOf(input.filename);
    } catch {
      // an unknown extension: the content type may still say
    }
  }
  const implied = UPLOAD_TYPES[mediaType(input.contentType)];
  if (implied) return implied;
  throw badRequest(
    "unknown_format",
    "cannot tell the upload's format: pass ?format=csv|jsonl|parquet, a ?filename with its extension, or Content-Type text/csv, application/x-ndjson or application/vnd.apache.parquet",
    "format",
  );
}

const mediaType = (header: string | undefined) => header?.split(";")[0]?.trim().toLowerCase() ?? "";

export const isTooLarge = (error: unknown) => error instanceof AppError && error.status === 413;
