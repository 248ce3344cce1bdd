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
];
