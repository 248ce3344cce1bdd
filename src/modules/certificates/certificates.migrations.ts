import type { ModuleMigration } from "../../kernel/db/migrations.js";

export const certificateMigrations: ModuleMigration[] = [
  {
    name: "20261124_50_certificates",
    async up(db) {
      await db.schema
        .createTable("certificate_keys")
        .addColumn("origin", "text", (c) => c.primaryKey())
        .addColumn("kid", "text", (c) => c.notNull().unique())
        .addColumn("public_jwk", "text", (c) => c.notNull())
        .addColumn("private_key_sealed", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("certificates")
        .addColumn("number", "text", (c) => c.primaryKey())
        .addColumn("registration_id", "text", (c) => c.notNull().unique())
        .addColumn("jws", "text", (c) => c.notNull())
        .addColumn("issued_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  {
    name: "20261205_50_certificates_revocations",
    async up(db) {
      // A certificate is revoked when its registration is cancelled. Kept apart from `certificates`
      // because certificates are issued lazily: a registration may be cancelled before anyone asked.
      await db.schema
        .createTable("certificate_revocations")
        .addColumn("number", "text", (c) => c.primaryKey())
        .addColumn("registration_id", "text", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("revoked_at", "text", (c) => c.notNull())
        .execute();
    },
  },
  {
    name: "20261206_50_certificates_superseded",
    async up(db) {
      // A change registration or a succession supersedes the current certificate; the old JWS
      // stays retrievable (and verifiable) with that status. No key: a holder move keeps the version.
      await db.schema
        .createTable("superseded_certificates")
        .addColumn("number", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("registration_id", "text", (c) => c.notNull())
        .addColumn("jws", "text", (c) => c.notNull())
        .addColumn("issued_at", "text", (c) => c.notNull())
        .addColumn("superseded_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("superseded_certificates_number_idx")
        .on("superseded_certificates")
        .columns(["number", "superseded_at"])
        .execute();
    },
  },
];
