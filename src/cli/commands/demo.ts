import type { Command } from "commander";
import type { DemoSeedResult } from "../../flows/demo-seed.js";
import { withKernel } from "../context.js";

export function printDemoLogins(result: DemoSeedResult): void {
  const users = [...result.created, ...result.existing];
  if (result.created.length) process.stdout.write(`Demo world seeded: ${result.created.join(", ")}\n`);
  process.stdout.write(`Demo logins: ${users.join(", ")}\n`);
  if (result.generatedPassword) {
    process.stdout.write(
      `Password of the demo users (shown only now; set YAOSU_DEMO_PASSWORD to choose it): ${result.generatedPassword}\n`,
    );
  } else if (result.created.length) {
    process.stdout.write("Password of the demo users: the value of YAOSU_DEMO_PASSWORD\n");
  } else {
    process.stdout.write(
      "Demo users already existed; their password is the one printed or set when they were seeded.\n",
    );
  }
}

export function demoCommand(program: Command): void {
  const demo = program.command("demo").description("the demo world");
  demo
    .command("seed")
    .description(
      "create the demo participants, users and registered resources if they are missing (idempotent)",
    )
    .option("--json", "print the result as JSON")
    .action(async (options: { json?: boolean }) => {
      const [{ seedDemo }, { seedDemoResources }] = await Promise.all([
        import("../../flows/demo-seed.js"),
        import("../../flows/demo-resources.js"),
      ]);
      const result = await withKernel(async (k) => {
        const seeded = await seedDemo(k);
        return { ...seeded, resources: (await seedDemoResources(k)).created };
      });
      if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else printDemoLogins(result);
    });
}
