import type { Command } from "commander";
import { loadConfig } from "../../kernel/config.js";

export function dbCommand(program: Command): void {
  const db = program.command("db").description("database maintenance");
  db.command("migrate")
    .description("apply pending migrations (serve also does this at start)")
    .action(async () => {
      const config = loadConfig();
      const [{ openDatabase }, { migrateToLatest }, { asConfigError }, { allMigrations }] = await Promise.all(
        [
          import("../../kernel/db/database.js"),
          import("../../kernel/db/migrations.js"),
          import("../../kernel/kernel.js"),
          import("../../server/migrations.js"),
        ],
      );
      try {
        const database = openDatabase(config.databaseUrl);
        try {
          const applied = await migrateToLatest(database.db, database.dialect, allMigrations);
          process.stdout.write(
            applied.length ? `applied: ${applied.join(", ")}\n` : "database is up to date\n",
          );
        } finally {
          await database.close().catch(() => undefined);
        }
      } catch (error) {
        // An unreachable or unopenable database is a configuration mistake (exit 2), not a bug.
        throw asConfigError(config, error);
      }
    });
}
