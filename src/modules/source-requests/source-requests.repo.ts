import { type AnyDb, typed } from "../../kernel/db/database.js";
import type { SourceRequestStatus } from "./source-requests.model.js";
import type { SourceRequestRow, SourceRequestTables } from "./source-requests.tables.js";

/** All SQL of the source-requests module, as functions of (db, …). */
const t = (db: AnyDb) => typed<SourceRequestTables>(db);

export async function insertSourceRequest(db: AnyDb, row: SourceRequestRow): Promise<void> {
  await t(db).insertInto("source_requests").values(row).execute();
}

export function findSourceRequest(db: AnyDb, id: string): Promise<SourceRequestRow | undefined> {
  return t(db).selectFrom("source_requests").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Guarded update: applies only while the request is in one of `from` (the race loser gets false). */
export async function updateSourceRequest(
  db: AnyDb,
  id: string,
  from: readonly SourceRequestStatus[],
  changes: Partial<SourceRequestRow>,
): Promise<boolean> {
  const result = await t(db)
    .updateTable("source_requests")
    .set(changes)
    .where("id", "=", id)
    .where("status", "in", [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface SourceRequestFilter {
  /** requests where this participant is the requester or the holder */
  party?: string;
  status?: SourceRequestStatus;
  /** still submitted with the deadline before this instant */
  overdueAt?: string;
  after?: string;
  limit: number;
}

/** Requests in id (= submission time) order. */
export function listSourceRequests(db: AnyDb, f: SourceRequestFilter): Promise<SourceRequestRow[]> {
  let q = t(db).selectFrom("source_requests").selectAll();
  const party = f.party;
  if (party)
    q = q.where((eb) =>
      eb.or([eb("requester_participant_id", "=", party), eb("holder_participant_id", "=", party)]),
    );
  if (f.status) q = q.where("status", "=", f.status);
  if (f.overdueAt) q = q.where("status", "=", "submitted").where("deadline_at", "<", f.overdueAt);
  if (f.after) q = q.where("id", ">", f.after);
  return q.orderBy("id").limit(f.limit).execute();
}
