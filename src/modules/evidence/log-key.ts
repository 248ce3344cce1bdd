import { open, seal } from "../../kernel/crypto/secret-box.js";
import { typed } from "../../kernel/db/database.js";
import type { Kernel } from "../../kernel/kernel.js";
import { generateSignerKey, type NoteSigner, newSigner } from "../../lib/signed-note/index.js";
import type { EvidenceTables } from "./evidence.tables.js";

/**
 * The exchange's Ed25519 log key, named after the log's origin line (C2SP). Created once and
 * stored sealed under the master key, so every exchange process sharing the database signs with
 * the same key. Verifiers get the public half from GET /api/v1/evidence/key.
 */
export interface LogKey {
  origin: string;
  signer: NoteSigner;
  verifierKey: string;
}

export async function loadOrCreateLogKey(k: Kernel): Promise<LogKey> {
  const origin = k.config.logOrigin;
  const table = typed<EvidenceTables>(k.db);
  const aad = `evidence-log-key:${origin}`;
  const existing = await table
    .selectFrom("evidence_log_keys")
    .selectAll()
    .where("origin", "=", origin)
    .executeTakeFirst();
  if (existing) {
    const skey = open(k.keyring.subkey("secret-encryption"), existing.signer_key_sealed, aad).toString(
      "utf8",
    );
    return { origin, signer: newSigner(skey), verifierKey: existing.verifier_key };
  }
  const { skey, vkey } = generateSignerKey(origin);
  await table
    .insertInto("evidence_log_keys")
    .values({
      origin,
      signer_key_sealed: seal(k.keyring.subkey("secret-encryption"), Buffer.from(skey, "utf8"), aad),
      verifier_key: vkey,
      created_at: k.clock.now().toISOString(),
    })
    .onConflict((oc) => oc.column("origin").doNothing())
    .execute();
  // Another process may have won the race to create it: whatever is stored is the key.
  return loadOrCreateLogKey(k);
}
