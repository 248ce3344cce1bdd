import { type Migration, type MigrationProvider, Migrator } from "kysely";
import type { AnyDb, Dialect } from "./database.js";

/**
 * Each module ships its own migrations, named `<yyyymmdd>_<nn>_<module>_<what>` so that the
 * union sorts into the order they were written. A migration receives the dialect for the few
 * DDL differences between SQLite and PostgreSQL.
 */
export interface ModuleMigration {
  name: string;
  up(db: AnyDb, dialect: Dialect): Promise<void>;
}

export async function migrateToLatest(
  db: AnyDb,
  dialect: Dialect,
  migrations: ModuleMigration[],
): Promise<string[]> {
  const provider: MigrationProvider = {
    async getMigrations() {
      const all: Record<string, Migration> = {};
      for (const m of migrations) {
        if (all[m.name]) throw new Error(`duplicate migration name ${m.name}`);
        all[m.name] = { up: (trx) => m.up(trx, dialect) };
      }
      return all;
    },
  };
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: "yaosu_migrations",
    migrationLockTableName: "yaosu_migrations_lock",
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** An auto-incrementing integer primary key column type for the dialect. */
export const serialType = (dialect: Dialect) => (dialect === "postgres" ? "bigserial" : "integer");

/** A column type for raw bytes (hashes): Buffer in and out on both engines. */
export const binaryType = (dialect: Dialect) => (dialect === "postgres" ? "bytea" : "blob");
