import { type AnyDb, typed } from "../../kernel/db/database.js";
import type { ContractStatus } from "./rights.model.js";
import type { RightsContractRow, RightsTables } from "./rights.tables.js";

/** All SQL on rights contracts. Transitions are guarded on `proposed`: one decision wins. */
const t = (db: AnyDb) => typed<RightsTables>(db);

export async function insertContract(db: AnyDb, row: RightsContractRow): Promise<void> {
  await t(db).insertInto("rights_contracts").values(row).execute();
}

export async function findContract(db: AnyDb, id: string): Promise<RightsContractRow | undefined> {
  const row = await t(db).selectFrom("rights_contracts").selectAll().where("id", "=", id).executeTakeFirst();
  return row && { ...row, price_fen: row.price_fen === null ? null : Number(row.price_fen) };
}

/** proposed → `changes.status`; false when the contract was decided meanwhile. */
export async function decideContract(
  db: AnyDb,
  id: string,
  changes: Partial<RightsContractRow> & { status: Exclude<ContractStatus, "proposed"> },
): Promise<boolean> {
  const result = await t(db)
    .updateTable("rights_contracts")
    .set(changes)
    .where("id", "=", id)
    .where("status", "=", "proposed")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The contracts one participant is a party to (either side), by id. */
export async function contractsOf(
  db: AnyDb,
  participantId: string,
  f: { status?: ContractStatus; after?: string; limit: number },
): Promise<RightsContractRow[]> {
  let q = t(db)
    .selectFrom("rights_contracts")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb("proposer_participant_id", "=", participantId),
        eb("counterparty_participant_id", "=", participantId),
      ]),
    );
  if (f.status) q = q.where("status", "=", f.status);
  if (f.after) q = q.where("id", ">", f.after);
  const rows = await q.orderBy("id").limit(f.limit).execute();
  return rows.map((row) => ({ ...row, price_fen: row.price_fen === null ? null : Number(row.price_fen) }));
}

/** Proposed contracts on one source right (a transfer ends them). */
export function proposedOnRight(db: AnyDb, rightId: string): Promise<Pick<RightsContractRow, "id">[]> {
  return t(db)
    .selectFrom("rights_contracts")
    .select("id")
    .where("source_right_id", "=", rightId)
    .where("status", "=", "proposed")
    .orderBy("id")
    .execute();
}
