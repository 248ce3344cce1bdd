import type { ModuleMigration } from "../../kernel/db/migrations.js";

export const identityMigrations: ModuleMigration[] = [
  {
    name: "20261124_10_identity_participants",
    async up(db) {
      await db.schema
        .createTable("participants")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("uscc", "text", (c) => c.unique())
        .addColumn("resident_id_hash", "text", (c) => c.unique())
        .addColumn("resident_id_masked", "text")
        .addColumn("region", "text")
        .addColumn("contact_email", "text")
        .addColumn("contact_phone", "text")
        .addColumn("service_kinds", "text", (c) => c.notNull())
        .addColumn("public_key_jwk", "text", (c) => c.notNull())
        .addColumn("private_key_sealed", "text", (c) => c.notNull())
        .addColumn("status_reason", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("updated_at", "text", (c) => c.notNull())
        .addColumn("admitted_at", "text")
        .execute();
      await db.schema
        .createIndex("participants_status")
        .on("participants")
        .columns(["status", "id"])
        .execute();

      await db.schema
        .createTable("users")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("participant_id", "text", (c) => c.notNull().references("participants.id"))
        .addColumn("username", "text", (c) => c.notNull().unique())
        .addColumn("display_name", "text")
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("roles", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("users_participant").on("users").column("participant_id").execute();

      await db.schema
        .createTable("sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("access_token_hash", "text", (c) => c.notNull().unique())
        .addColumn("access_expires_at", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("revoked_at", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("api_keys")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("participant_id", "text", (c) => c.notNull().references("participants.id"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("key_hash", "text", (c) => c.notNull().unique())
        .addColumn("scopes", "text", (c) => c.notNull())
        .addColumn("created_by", "text")
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("revoked_at", "text")
        .addColumn("last_used_at", "text")
        .execute();
      await db.schema.createIndex("api_keys_participant").on("api_keys").column("participant_id").execute();
    },
  },
];
