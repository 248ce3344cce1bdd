import type { Command } from "commander";
import { z } from "zod";
import { line } from "../../kernel/http/text.js";
import {
  PARTICIPANT_STATUSES,
  PARTICIPANT_TYPES,
  SERVICE_KINDS,
} from "../../modules/identity/identity.model.js";
import { identity, withKernel } from "../context.js";
import { printRows } from "../output.js";
import { parseOptions } from "../validate.js";

const CLI_ACTOR = { system: "cli" };

const createOptions = z.object({
  type: z.enum(PARTICIPANT_TYPES),
  name: line(2, 200),
  uscc: z.string().max(40).optional(),
  residentId: z.string().max(40).optional(),
  region: z
    .string()
    .regex(/^\d{6}$/, "a 6-digit region code")
    .optional(),
  email: z.email().optional(),
  serviceKinds: z.array(z.enum(SERVICE_KINDS)).optional(),
  admitted: z.boolean().optional(),
});

export function participantCommand(program: Command): void {
  const participant = program.command("participant").description("market participants (admission: SG-12)");

  participant
    .command("list")
    .description("list participants")
    .option("--status <status>", `one of ${PARTICIPANT_STATUSES.join(", ")}`)
    .option("--type <type>", `one of ${PARTICIPANT_TYPES.join(", ")}`)
    .option("--json", "print JSON")
    .action(async (options: { status?: string; type?: string; json?: boolean }) => {
      const filter = parseOptions(
        z.object({
          status: z.enum(PARTICIPANT_STATUSES).optional(),
          type: z.enum(PARTICIPANT_TYPES).optional(),
        }),
        options,
      );
      const { listParticipants, presentParticipant } = await identity();
      const rows = await withKernel((k) => listParticipants(k.db, { ...filter, limit: 10_000 }));
      const items = rows.map(presentParticipant);
      printRows(
        options.json
          ? items
          : items.map((p) => ({
              id: p.id,
              type: p.type,
              status: p.status,
              name: p.name,
              identifier: p.uscc ?? p.residentIdMasked,
            })),
        Boolean(options.json),
      );
    });

  participant
    .command("create")
    .description(
      "create a participant directly (for the operator's own set-up; others apply through the portal or API)",
    )
    .requiredOption("--type <type>", PARTICIPANT_TYPES.join(" | "))
    .requiredOption("--name <name>", "legal name")
    .option("--uscc <code>", "Unified Social Credit Code (organisations)")
    .option("--resident-id <number>", "resident ID number (individuals)")
    .option("--region <code>", "6-digit administrative division code")
    .option("--email <address>", "contact e-mail")
    .option("--service-kinds <kinds>", `comma-separated, for third_party: ${SERVICE_KINDS.join(",")}`, (v) =>
      v.split(","),
    )
    .option("--admitted", "admit at once instead of leaving the application pending")
    .option("--json", "print JSON")
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(createOptions, raw);
      const { createParticipant, presentParticipant } = await identity();
      const row = await withKernel((k) =>
        k.transaction((trx) =>
          createParticipant(
            k,
            trx,
            { ...options, contactEmail: options.email },
            options.admitted ? "admitted" : "pending",
            CLI_ACTOR,
          ),
        ),
      );
      const p = presentParticipant(row);
      if (raw.json) process.stdout.write(`${JSON.stringify(p)}\n`);
      else process.stdout.write(`${p.id} ${p.status}\n`);
    });

  for (const [transition, help] of [
    ["admit", "admit a pending applicant"],
    ["reject", "reject a pending applicant (needs --reason)"],
    ["suspend", "suspend an admitted participant (needs --reason)"],
    ["reinstate", "lift a suspension (needs --reason)"],
    ["exit", "record a participant's exit (needs --reason)"],
  ] as const) {
    participant
      .command(`${transition} <id>`)
      .description(help)
      .option("--reason <text>", "why (recorded in the status and the evidence)")
      .action(async (id: string, options: { reason?: string }) => {
        const { transitionParticipant } = await identity();
        const row = await withKernel((k) =>
          transitionParticipant(k, CLI_ACTOR, id, transition, options.reason ?? null),
        );
        process.stdout.write(`${row.id} ${row.status}\n`);
      });
  }
}
