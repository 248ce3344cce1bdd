import type { AnyDb } from "../../kernel/db/database.js";
import { badRequest, notFound } from "../../kernel/errors.js";
import { consistencyProof, inclusionProof, rootAt, toHex } from "../../lib/merkle/index.js";
import { findEntry, latestCheckpoint, readState, treeReader } from "./evidence.repo.js";
import type { EntryRow } from "./evidence.tables.js";

/** Proofs as RFC 9162 defines them, hashes in lowercase hex, for any tree size the log has reached. */
export interface InclusionProof {
  treeSize: number;
  leafIndex: number;
  leafHash: string;
  rootHash: string;
  hashes: string[];
}

export interface ConsistencyProof {
  from: number;
  to: number;
  fromRoot: string;
  toRoot: string;
  hashes: string[];
}

export async function requireEntry(db: AnyDb, index: number): Promise<EntryRow> {
  const row = await findEntry(db, index);
  if (!row) throw notFound("entry_not_found", `the log has no entry ${index} yet`, "index");
  return row;
}

/** The size proofs are for when the client names none: the latest signed checkpoint's. */
async function defaultTreeSize(db: AnyDb): Promise<number> {
  return Number((await latestCheckpoint(db))?.size ?? 0);
}

async function checkSize(db: AnyDb, size: number, field: string): Promise<void> {
  const { size: current } = await readState(db);
  if (size > current)
    throw badRequest(
      "tree_size_out_of_range",
      `the log has ${current} entries; ${field} ${size} is beyond it`,
      field,
    );
}

export async function proveInclusion(db: AnyDb, index: number, treeSize?: number): Promise<InclusionProof> {
  const size = treeSize ?? (await defaultTreeSize(db));
  if (index >= size) {
    throw badRequest(
      "index_out_of_range",
      `entry ${index} is not in a tree of size ${size}`,
      treeSize === undefined ? "index" : "treeSize",
    );
  }
  await checkSize(db, size, "treeSize");
  const entry = await requireEntry(db, index);
  const reader = treeReader(db);
  const [hashes, root] = await Promise.all([inclusionProof(reader, index, size), rootAt(reader, size)]);
  return {
    treeSize: size,
    leafIndex: index,
    leafHash: entry.leaf_hash.toString("hex"),
    rootHash: toHex(root),
    hashes: hashes.map(toHex),
  };
}

export async function proveConsistency(db: AnyDb, from: number, to: number): Promise<ConsistencyProof> {
  if (from < 1)
    throw badRequest(
      "invalid_range",
      "consistency is defined between non-empty trees: from must be at least 1",
      "from",
    );
  if (from > to) throw badRequest("invalid_range", "from must not exceed to", "from");
  await checkSize(db, to, "to");
  const reader = treeReader(db);
  const [hashes, fromRoot, toRoot] = await Promise.all([
    consistencyProof(reader, from, to),
    rootAt(reader, from),
    rootAt(reader, to),
  ]);
  return { from, to, fromRoot: toHex(fromRoot), toRoot: toHex(toRoot), hashes: hashes.map(toHex) };
}
