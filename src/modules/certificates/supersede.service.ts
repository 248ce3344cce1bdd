import { decodeJwt } from "jose";
import { type AnyDb, typed } from "../../kernel/db/database.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import { type CertificatePayload, EVENTS } from "./certificate.model.js";
import { checkNumber } from "./certificates.service.js";
import type { CertificateTables, SupersededCertificateRow } from "./certificates.tables.js";

/**
 * A change registration (PR-3) gives a registered resource a new version, a succession (PR-4) a
 * new holder; its certificate must then certify what now stands. In that transaction (reactions on
 * `registration.changed` and `registration.holder_moved`) the current certificate moves to
 * `superseded_certificates`, and the next request issues a new one. Old certificates stay
 * retrievable, with status `superseded`.
 */
export async function supersedeCertificate(
  k: Kernel,
  trx: AnyDb,
  actor: Actor | null,
  number: string,
): Promise<SupersededCertificateRow | null> {
  const t = typed<CertificateTables>(trx);
  const current = await t
    .selectFrom("certificates")
    .selectAll()
    .where("number", "=", number)
    .executeTakeFirst();
  if (!current) return null; // never issued: the next request issues the new version directly
  const version = Number((decodeJwt(current.jws) as unknown as CertificatePayload).version ?? 1);
  const row: SupersededCertificateRow = {
    number,
    version,
    registration_id: current.registration_id,
    jws: current.jws,
    issued_at: current.issued_at,
    superseded_at: k.clock.now().toISOString(),
  };
  await t.insertInto("superseded_certificates").values(row).execute();
  await t.deleteFrom("certificates").where("number", "=", number).execute();
  await k.outbox.emit(trx, {
    type: EVENTS.superseded,
    subjectIds: [number, current.registration_id],
    actor,
    payload: { registrationNumber: number, registrationId: current.registration_id, version },
  });
  return row;
}

/** The superseded certificates of registration `number`, oldest first. */
export async function supersededCertificates(db: AnyDb, number: string) {
  checkNumber(number);
  const rows = await typed<CertificateTables>(db)
    .selectFrom("superseded_certificates")
    .selectAll()
    .where("number", "=", number)
    .orderBy("superseded_at")
    .execute();
  return rows.map((r) => ({
    number: r.number,
    version: Number(r.version),
    jws: r.jws,
    issuedAt: r.issued_at,
    supersededAt: r.superseded_at,
    status: "superseded" as const,
  }));
}

/** The numbers of those of `registrationIds` that are registered (have a number). */
export async function registrationNumbersOf(
  db: AnyDb,
  registrationIds: readonly string[],
): Promise<string[]> {
  if (registrationIds.length === 0) return [];
  const rows = await typed<CertificateTables>(db)
    .selectFrom("registrations")
    .select("registration_number")
    .where("id", "in", [...registrationIds])
    .execute();
  return rows.flatMap((r) => (r.registration_number ? [r.registration_number] : []));
}
