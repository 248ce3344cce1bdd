import { CompactSign, decodeJwt } from "jose";
import { type AnyDb, typed } from "../../kernel/db/database.js";
import { badRequest, notFound } from "../../kernel/errors.js";
import type { Kernel } from "../../kernel/kernel.js";
import {
  CERTIFICATE_ALG,
  CERTIFICATE_NUMBER_PATTERN,
  CERTIFICATE_TYP,
  type CertificatePayload,
  type CertificateStatus,
  EVENTS,
} from "./certificate.model.js";
import type { CertificateKey } from "./certificate-key.js";
import type {
  CertificateRevocationRow,
  CertificateRow,
  CertificateTables,
  RegistrationView,
} from "./certificates.tables.js";
import { findRevocation } from "./revocation.service.js";

/**
 * Registration certificates (PR-3): a registered resource's certificate is a compact JWS signed by
 * the exchange's certificate key. Issued once, lazily, and stored, so the same bytes are served
 * every time; issuance emits `certificates.issued` into the outbox (and so the evidence log).
 * The registration is read directly from its table, read-only: modules do not import each other.
 */
export interface IssuedCertificate {
  number: string;
  jws: string;
  payload: CertificatePayload;
  issuedAt: string;
  /** valid while the registration stands; revoked once it is cancelled */
  status: CertificateStatus;
  revokedAt: string | null;
  revocationReason: string | null;
}

const present = (row: CertificateRow, revocation?: CertificateRevocationRow): IssuedCertificate => ({
  number: row.number,
  jws: row.jws,
  payload: decodeJwt(row.jws) as unknown as CertificatePayload,
  issuedAt: row.issued_at,
  status: revocation ? "revoked" : "valid",
  revokedAt: revocation?.revoked_at ?? null,
  revocationReason: revocation?.reason ?? null,
});

export function checkNumber(number: string): void {
  if (!CERTIFICATE_NUMBER_PATTERN.test(number))
    throw badRequest("invalid_registration_number", `${JSON.stringify(number)} is not a registration number`);
}

const findCertificate = (db: AnyDb, number: string) =>
  typed<CertificateTables>(db)
    .selectFrom("certificates")
    .selectAll()
    .where("number", "=", number)
    .executeTakeFirst();

/**
 * The claims of a registered resource's certificate, or null when it was never registered. A
 * cancelled registration still has its certificate (to show as revoked); its claims are those of
 * the registration as it was registered.
 */
async function claimsFor(k: Kernel, db: AnyDb, number: string): Promise<CertificatePayload | null> {
  const t = typed<CertificateTables>(db);
  const reg: RegistrationView | undefined = await t
    .selectFrom("registrations")
    .select([
      "id",
      "status",
      "registration_number",
      "holder_participant_id",
      "name",
      "origin_class",
      "grade",
      "notice_starts_at",
      "notice_ends_at",
      "decided_at",
      "version",
    ])
    .where("registration_number", "=", number)
    .executeTakeFirst();
  if ((reg?.status !== "registered" && reg?.status !== "cancelled") || !reg.decided_at) return null;
  const holder = await t
    .selectFrom("participants")
    .select(["id", "name"])
    .where("id", "=", reg.holder_participant_id)
    .executeTakeFirst();
  return {
    iss: k.config.logOrigin,
    sub: number,
    iat: Math.floor(Date.parse(reg.decided_at) / 1000),
    registrationNumber: number,
    registrationId: reg.id,
    resourceName: reg.name,
    holderParticipantId: reg.holder_participant_id,
    holderName: holder?.name ?? "",
    originClass: reg.origin_class,
    grade: reg.grade,
    registeredAt: reg.decided_at,
    noticeStartsAt: reg.notice_starts_at,
    noticeEndsAt: reg.notice_ends_at,
    version: Number(reg.version),
  };
}

export async function signCertificate(key: CertificateKey, payload: CertificatePayload): Promise<string> {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: CERTIFICATE_ALG, kid: key.kid, typ: CERTIFICATE_TYP })
    .sign(key.privateKey);
}

/**
 * The certificate of registration `number`: the stored one, or a new one if the resource is
 * registered. Idempotent: concurrent or repeated calls all return the one stored certificate.
 */
export async function issueCertificate(
  k: Kernel,
  key: CertificateKey,
  number: string,
): Promise<IssuedCertificate> {
  checkNumber(number);
  const stored = await findCertificate(k.db, number);
  if (stored) return present(stored, await findRevocation(k.db, number));
  return k.transaction(async (trx) => {
    const claims = await claimsFor(k, trx, number);
    if (!claims) throw notFound("certificate_not_found", `no registered resource has the number ${number}`);
    const row: CertificateRow = {
      number,
      registration_id: claims.registrationId,
      jws: await signCertificate(key, claims),
      issued_at: k.clock.now().toISOString(),
    };
    const inserted = await typed<CertificateTables>(trx)
      .insertInto("certificates")
      .values(row)
      .onConflict((oc) => oc.column("number").doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
      await k.outbox.emit(trx, {
        type: EVENTS.issued,
        subjectIds: [number, claims.registrationId, claims.holderParticipantId],
        actor: { system: "certificates" },
        payload: { registrationNumber: number, registrationId: claims.registrationId, kid: key.kid },
      });
    }
    const saved = await findCertificate(trx, number);
    if (!saved) throw new Error(`certificate ${number} vanished after insert`);
    return present(saved, await findRevocation(trx, number));
  });
}
