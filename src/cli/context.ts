import { pino } from "pino";
import { type Config, loadConfig } from "../kernel/config.js";
import { createKernel, type Kernel } from "../kernel/kernel.js";
import { allMigrations } from "../server/migrations.js";

/** Runs one CLI action against a kernel opened from the environment, closing it afterwards. */
export async function withKernel<T>(
  action: (k: Kernel) => Promise<T>,
  overrides: Partial<Config> = {},
): Promise<T> {
  const config = loadConfig(process.env, overrides);
  // Commands print their own results; the logger only speaks up for problems.
  const kernel = await createKernel(config, { migrations: allMigrations, log: pino({ level: "warn" }) });
  try {
    return await action(kernel);
  } finally {
    await kernel.close();
  }
}
