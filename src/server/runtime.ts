import type { FastifyInstance } from "fastify";
import { allReactions } from "../flows/reactions.js";
import type { Clock } from "../kernel/clock.js";
import type { Config } from "../kernel/config.js";
import { createKernel, type Kernel } from "../kernel/kernel.js";
import { type EvidenceRunner, startEvidenceLog } from "../modules/evidence/index.js";
import { closeDueNotices } from "../modules/registration/index.js";
import { buildApp } from "./app.js";
import { allMigrations } from "./migrations.js";

/** Opens the kernel (migrating the database) with every module's migrations and every flow's reactions. */
export const openKernel = (config: Config, clock?: Clock): Promise<Kernel> =>
  createKernel(config, { migrations: allMigrations, reactions: allReactions, ...(clock ? { clock } : {}) });

export interface RunningServer {
  app: FastifyInstance;
  kernel: Kernel;
  /** null when YAOSU_SEQUENCER=off */
  evidence: EvidenceRunner | null;
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the exchange (with its embedded node) and the evidence sequencer, and arranges a graceful shutdown: on SIGTERM or
 * SIGINT it stops accepting connections, lets requests in flight finish, then closes the database.
 */
export async function startServer(
  kernel: Kernel,
  options: { handleSignals?: boolean } = {},
): Promise<RunningServer> {
  const app = await buildApp(kernel);
  const evidence = kernel.config.sequencer === "on" ? await startEvidenceLog(kernel) : null;
  const closer = closeNoticesPeriodically(kernel);
  const address = await app.listen({ port: kernel.config.port, host: kernel.config.host });
  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      clearInterval(closer);
      await app.close();
      // Requests have finished: seal what they wrote, publish a last checkpoint, then close.
      await evidence?.stop();
      await kernel.close();
    })();
    return closing;
  };
  if (options.handleSignals) {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      process.once(signal, () => {
        kernel.log.info({ signal }, "shutting down");
        close().then(
          () => process.exit(0),
          (error) => {
            kernel.log.error({ err: error }, "shutdown failed");
            process.exit(1);
          },
        );
      });
    }
  }
  return { app, kernel, evidence, url: address.replace("0.0.0.0", "127.0.0.1"), close };
}

/**
 * Registrations whose public notice has run out are closed (registered, or left waiting for
 * undecided objections) once a minute. Closing is guarded and idempotent, so several exchange
 * processes may all run this.
 */
function closeNoticesPeriodically(kernel: Kernel, everyMs = 60_000): NodeJS.Timeout {
  const timer = setInterval(() => {
    closeDueNotices(kernel).then(
      (result) => {
        if (result.closed.length) kernel.log.info({ closed: result.closed }, "registration notices closed");
      },
      (error) => kernel.log.error({ err: error }, "closing registration notices failed"),
    );
  }, everyMs);
  timer.unref();
  return timer;
}
