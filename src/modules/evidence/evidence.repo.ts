import type { Kysely } from "kysely";
import { type AnyDb, typed } from "../../kernel/db/database.js";
import type { NodeId, TreeReader } from "../../lib/merkle/index.js";
import type {
  CheckpointRow,
  EntryRow,
  EvidenceTables,
  NodeRow,
  StateRow,
  SubjectRow,
} from "./evidence.tables.js";

const t = (db: AnyDb): Kysely<EvidenceTables> => typed<EvidenceTables>(db);

/** Rows per INSERT: SQLite allows at most 32766 bound parameters in one statement. */
const CHUNK = 2000;

async function insertChunked<T extends keyof EvidenceTables>(db: AnyDb, table: T, rows: EvidenceTables[T][]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // The signature ties table and row type; the untyped handle takes the rows as they are.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

export const insertEntries = (db: AnyDb, rows: EntryRow[]) => insertChunked(db, "evidence_entries", rows);
export const insertNodes = (db: AnyDb, rows: NodeRow[]) => insertChunked(db, "evidence_nodes", rows);
export const insertSubjects = (db: AnyDb, rows: SubjectRow[]) => insertChunked(db, "evidence_subjects", rows);

export async function readState(db: AnyDb): Promise<StateRow> {
  const row = await t(db)
    .selectFrom("evidence_state")
    .selectAll()
    .where("id", "=", 1)
    .executeTakeFirstOrThrow();
  return {
    id: 1,
    size: Number(row.size),
    cursor_tx: Number(row.cursor_tx),
    cursor_seq: Number(row.cursor_seq),
  };
}

/** Moves the state forward only from the size we read: a second sequencer racing us fails here. */
export async function advanceState(db: AnyDb, from: StateRow, to: Omit<StateRow, "id">): Promise<void> {
  const result = await t(db)
    .updateTable("evidence_state")
    .set(to)
    .where("id", "=", 1)
    .where("size", "=", from.size)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new Error("evidence state moved under the sequencer");
}

export function findEntry(db: AnyDb, idx: number): Promise<EntryRow | undefined> {
  return t(db).selectFrom("evidence_entries").selectAll().where("idx", "=", idx).executeTakeFirst();
}

export function listEntries(db: AnyDb, start: number, limit: number): Promise<EntryRow[]> {
  return t(db)
    .selectFrom("evidence_entries")
    .selectAll()
    .where("idx", ">=", start)
    .orderBy("idx")
    .limit(limit)
    .execute();
}

export function findEntriesByLeafHash(db: AnyDb, leafHash: Buffer): Promise<EntryRow[]> {
  return t(db)
    .selectFrom("evidence_entries")
    .selectAll()
    .where("leaf_hash", "=", leafHash)
    .orderBy("idx")
    .execute();
}

export function findTrail(db: AnyDb, subjectId: string, after: number, limit: number): Promise<EntryRow[]> {
  return t(db)
    .selectFrom("evidence_subjects")
    .innerJoin("evidence_entries", "evidence_entries.idx", "evidence_subjects.idx")
    .selectAll("evidence_entries")
    .where("evidence_subjects.subject_id", "=", subjectId)
    .where("evidence_subjects.idx", ">", after)
    .orderBy("evidence_subjects.idx")
    .limit(limit)
    .execute();
}

export async function insertCheckpoint(db: AnyDb, row: CheckpointRow): Promise<void> {
  await t(db)
    .insertInto("evidence_checkpoints")
    .values(row)
    .onConflict((oc) => oc.column("size").doNothing())
    .execute();
}

export function latestCheckpoint(db: AnyDb): Promise<CheckpointRow | undefined> {
  return t(db)
    .selectFrom("evidence_checkpoints")
    .selectAll()
    .orderBy("size", "desc")
    .limit(1)
    .executeTakeFirst();
}

export function listCheckpoints(db: AnyDb, afterSize: number, limit: number): Promise<CheckpointRow[]> {
  return t(db)
    .selectFrom("evidence_checkpoints")
    .selectAll()
    .where("size", ">", afterSize)
    .orderBy("size")
    .limit(limit)
    .execute();
}

/**
 * The stored tree as the Merkle library's TreeReader: a proof's O(log n) nodes come back in at
 * most two queries (leaf hashes from the entries, interior nodes from evidence_nodes). A missing
 * node means a corrupted store, never a client error.
 */
export function treeReader(db: AnyDb): TreeReader {
  const getNodes = async (ids: readonly NodeId[]) => {
    const leaves = ids.filter((id) => id.level === 0).map((id) => id.index);
    const interior = ids.filter((id) => id.level > 0);
    const [leafRows, nodeRows] = await Promise.all([
      leaves.length
        ? t(db)
            .selectFrom("evidence_entries")
            .select(["idx", "leaf_hash"])
            .where("idx", "in", leaves)
            .execute()
        : [],
      interior.length
        ? t(db)
            .selectFrom("evidence_nodes")
            .select(["level", "idx", "hash"])
            .where((eb) =>
              eb.or(interior.map((id) => eb.and([eb("level", "=", id.level), eb("idx", "=", id.index)]))),
            )
            .execute()
        : [],
    ]);
    const byKey = new Map<string, Buffer>();
    for (const r of leafRows) byKey.set(`0/${Number(r.idx)}`, r.leaf_hash);
    for (const r of nodeRows) byKey.set(`${r.level}/${Number(r.idx)}`, r.hash);
    return ids.map((id) => {
      const hash = byKey.get(`${id.level}/${id.index}`);
      if (!hash) throw new Error(`evidence tree node ${id.level}/${id.index} is missing`);
      return new Uint8Array(hash);
    });
  };
  return {
    getNodes,
    async getNode(level, index) {
      const [hash] = await getNodes([{ level, index }]);
      return hash as Uint8Array;
    },
  };
}
