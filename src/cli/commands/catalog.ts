import type { Command } from "commander";
import { withKernel } from "../context.js";

/** `yaosu catalog …`: maintenance of the catalog's search projection (decision 0016). */
export function catalogCommand(program: Command): void {
  const catalog = program.command("catalog").description("the public catalog's search index");
  catalog
    .command("reindex")
    .description("rebuild the catalog from the registry (after an upgrade or a dictionary change)")
    .option("--json", "print the result as JSON")
    .action(async (options: { json?: boolean }) => {
      const result = await withKernel(async (k) => {
        const { reindexCatalog } = await import("../../flows/catalog-projection.js");
        return reindexCatalog(k, { system: "cli:catalog-reindex" });
      });
      process.stdout.write(
        options.json
          ? `${JSON.stringify(result)}\n`
          : `catalog reindexed: ${result.indexed} items, ${result.removed} stale removed\n`,
      );
    });
}
