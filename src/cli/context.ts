import type { Config } from "../kernel/config.js";
import type { Kernel } from "../kernel/kernel.js";

/**
 * Runs one CLI action against a kernel opened from the environment, closing it afterwards.
 * The kernel and every module's migrations are imported only here, when a command runs: help
 * and the offline verifier start in a fraction of the time.
 */
export async function withKernel<T>(
  action: (k: Kernel) => Promise<T>,
  overrides: Partial<Config> = {},
): Promise<T> {
  const [{ pino }, { loadConfig }, { createKernel }, { allMigrations }, { allReactions }] = await Promise.all(
    [
      import("pino"),
      import("../kernel/config.js"),
      import("../kernel/kernel.js"),
      import("../server/migrations.js"),
      import("../flows/reactions.js"),
    ],
  );
  const config = loadConfig(process.env, overrides);
  // Commands print their own results; the logger only speaks up for problems.
  const kernel = await createKernel(config, {
    migrations: allMigrations,
    reactions: allReactions,
    log: pino({ level: "warn" }),
  });
  try {
    return await action(kernel);
  } finally {
    await kernel.close();
  }
}

/** The identity module, loaded when a command needs it. */
export const identity = () => import("../modules/identity/index.js");
