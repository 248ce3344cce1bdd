import { type AnyDb, typed } from "../../kernel/db/database.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import { EVENTS } from "./certificate.model.js";
import type { CertificateRevocationRow, CertificateTables } from "./certificates.tables.js";

/**
 * Revocation (PR-3): a certificate attests a registration only while it stands. When the
 * registration is cancelled the certificate is revoked — in the cancelling transaction (a
 * reaction, src/flows/certificate-revocation.ts) — and from then on every answer about it says so.
 * The signed JWS cannot change; its status is what the exchange states next to it, like OCSP.
 */
export const findRevocation = (db: AnyDb, number: string) =>
  typed<CertificateTables>(db)
    .selectFrom("certificate_revocations")
    .selectAll()
    .where("number", "=", number)
    .executeTakeFirst();

/** Revokes the certificate of registration `registrationId`; idempotent; a no-op if it has no number. */
export async function revokeCertificateOf(
  k: Kernel,
  trx: AnyDb,
  actor: Actor | null,
  registrationId: string,
  reason: string,
): Promise<CertificateRevocationRow | null> {
  const t = typed<CertificateTables>(trx);
  const reg = await t
    .selectFrom("registrations")
    .select(["registration_number", "holder_participant_id"])
    .where("id", "=", registrationId)
    .executeTakeFirst();
  if (!reg?.registration_number) return null;
  const row: CertificateRevocationRow = {
    number: reg.registration_number,
    registration_id: registrationId,
    reason,
    revoked_at: k.clock.now().toISOString(),
  };
  const inserted = await t
    .insertInto("certificate_revocations")
    .values(row)
    .onConflict((oc) => oc.column("number").doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0)
    return (await findRevocation(trx, row.number)) ?? null;
  await k.outbox.emit(trx, {
    type: EVENTS.revoked,
    subjectIds: [row.number, registrationId, reg.holder_participant_id],
    actor,
    payload: { registrationNumber: row.number, registrationId, reason },
  });
  return row;
}
