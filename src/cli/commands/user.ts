import type { Command } from "commander";
import { z } from "zod";
import { randomToken } from "../../kernel/crypto/digest.js";
import { hashPassword } from "../../kernel/crypto/password.js";
import { line } from "../../kernel/http/text.js";
import { ROLES } from "../../modules/identity/identity.model.js";
import { passwordSchema, usernameSchema } from "../../modules/identity/identity.schema.js";
import { identity, withKernel } from "../context.js";
import { parseOptions } from "../validate.js";

const options = z.object({
  participant: z.string().min(1),
  username: usernameSchema,
  password: passwordSchema.optional(),
  roles: z.array(z.enum(ROLES)).min(1),
  displayName: line(0, 100).optional(),
});

export function userCommand(program: Command): void {
  program
    .command("user")
    .description("users of participants")
    .command("create")
    .description("add a user to a participant; without --password a random one is generated and printed once")
    .requiredOption("--participant <id>", "participant id (ptc_…)")
    .requiredOption("--username <name>", "login name")
    .option("--password <password>", "at least 8 characters (or set YAOSU_NEW_USER_PASSWORD)")
    .option("--roles <roles>", `comma-separated: ${ROLES.join(",")}`, (v) => v.split(","), ["member"])
    .option("--display-name <name>", "name shown in the portal")
    .option("--json", "print JSON")
    .action(async (raw: Record<string, unknown>) => {
      const input = parseOptions(options, {
        ...raw,
        password: raw.password ?? process.env.YAOSU_NEW_USER_PASSWORD,
      });
      const password = input.password ?? randomToken(12);
      const passwordHash = await hashPassword(password);
      const { createUser, getParticipant, presentUser } = await identity();
      const row = await withKernel(async (k) => {
        await getParticipant(k.db, input.participant);
        return k.transaction((trx) =>
          createUser(k, trx, { ...input, participantId: input.participant, passwordHash }, { system: "cli" }),
        );
      });
      if (raw.json) process.stdout.write(`${JSON.stringify(presentUser(row))}\n`);
      else
        process.stdout.write(`${row.id} ${row.username}${input.password ? "" : ` password: ${password}`}\n`);
    });
}
