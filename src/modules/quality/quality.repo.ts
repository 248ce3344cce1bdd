import { type AnyDb, typed } from "../../kernel/db/database.js";
import type { FeedbackStatus } from "./quality.model.js";
import type { FeedbackRow, QualityTables } from "./quality.tables.js";

/** All SQL of the quality module, as functions of (db, …). */
const t = (db: AnyDb) => typed<QualityTables>(db);

export async function insertFeedback(db: AnyDb, row: FeedbackRow): Promise<void> {
  await t(db).insertInto("quality_feedback").values(row).execute();
}

export function findFeedback(db: AnyDb, id: string): Promise<FeedbackRow | undefined> {
  return t(db).selectFrom("quality_feedback").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Guarded update: applies only while the item is in one of `from` (the race loser gets false). */
export async function updateFeedback(
  db: AnyDb,
  id: string,
  from: readonly FeedbackStatus[],
  changes: Partial<FeedbackRow>,
): Promise<boolean> {
  const result = await t(db)
    .updateTable("quality_feedback")
    .set(changes)
    .where("id", "=", id)
    .where("status", "in", [...from])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface FeedbackFilter {
  /** items where this participant filed or holds the resource */
  party?: string;
  /** …or whose status is one of these (what overseers see) */
  orStatuses?: FeedbackStatus[];
  status?: FeedbackStatus;
  registration?: string;
  /** open with the response deadline before this instant */
  overdueAt?: string;
  after?: string;
  limit: number;
}

export function listFeedback(db: AnyDb, f: FeedbackFilter): Promise<FeedbackRow[]> {
  let q = t(db).selectFrom("quality_feedback").selectAll();
  const { party, orStatuses } = f;
  if (party || orStatuses)
    q = q.where((eb) =>
      eb.or([
        ...(party ? [eb("filer_participant_id", "=", party), eb("holder_participant_id", "=", party)] : []),
        ...(orStatuses ? [eb("status", "in", orStatuses)] : []),
      ]),
    );
  if (f.status) q = q.where("status", "=", f.status);
  if (f.registration) q = q.where("registration_id", "=", f.registration);
  if (f.overdueAt) q = q.where("status", "=", "open").where("response_deadline_at", "<", f.overdueAt);
  if (f.after) q = q.where("id", ">", f.after);
  return q.orderBy("id").limit(f.limit).execute();
}

/** Items per status of one resource, and how many open ones are past their deadline. */
export async function countFeedback(db: AnyDb, registrationId: string, now: string) {
  const byStatus = await t(db)
    .selectFrom("quality_feedback")
    .select(["status", (eb) => eb.fn.countAll<number | string>().as("n")])
    .where("registration_id", "=", registrationId)
    .groupBy("status")
    .execute();
  const overdue = await t(db)
    .selectFrom("quality_feedback")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("registration_id", "=", registrationId)
    .where("status", "=", "open")
    .where("response_deadline_at", "<", now)
    .executeTakeFirst();
  const counts = Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)])) as Partial<
    Record<FeedbackStatus, number>
  >;
  return { counts, overdue: Number(overdue?.n ?? 0) };
}
