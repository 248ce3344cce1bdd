import type { Command } from "commander";
import { z } from "zod";
import { loadConfig } from "../../kernel/config.js";
import { parseOptions } from "../validate.js";
import { printDemoLogins } from "./demo.js";

export function serveCommand(program: Command): void {
  program
    .command("serve")
    .description(
      "run the exchange with its embedded node (SQLite by default; YAOSU_DATABASE_URL=postgres://… for PostgreSQL)",
    )
    .option("--demo", "seed the demo world (idempotent) before serving")
    .option("-p, --port <port>", "port to listen on (default YAOSU_PORT or 8080)")
    .action(async (raw: { demo?: boolean; port?: string }) => {
      const options = parseOptions(
        z.object({
          demo: z.boolean().optional(),
          port: z.coerce.number().int().min(0).max(65535).optional(),
        }),
        raw,
      );
      const config = loadConfig(process.env, { port: options.port });
      const [{ openKernel, startServer }, { seedDemo }, { seedDemoResources }] = await Promise.all([
        import("../../server/runtime.js"),
        import("../../flows/demo-seed.js"),
        import("../../flows/demo-resources.js"),
      ]);
      const kernel = await openKernel(config);
      if (options.demo) {
        printDemoLogins(await seedDemo(kernel));
        await seedDemoResources(kernel);
      }
      const server = await startServer(kernel, { handleSignals: true });
      process.stdout.write(
        `\nYaosu 要素 is serving at ${server.url.replace("127.0.0.1", "localhost")}\n` +
          `  portal  ${server.url}/\n  API     ${server.url}/docs   (OpenAPI: ${server.url}/openapi.json)\n` +
          `  data    ${config.databaseUrl.replace(/\/\/[^@/]*@/, "//***@")}\n\n`,
      );
    });
}
