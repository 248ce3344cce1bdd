import { type Command, InvalidArgumentError } from "commander";
import { auditLog } from "../verify/audit.js";
import { verifyCertificateFile } from "../verify/certificate.js";
import { verifyContractFile } from "../verify/contract.js";
import { verifyCheckpointFile, verifyConsistencyFiles, verifyInclusionFiles } from "../verify/offline.js";
import { report } from "../verify/outcome.js";
import { progressReporter } from "../verify/progress.js";

// `yaosu verify …` (CT-7): checks the evidence log without trusting the exchange that runs it —
// offline from downloaded files, or as an auditor over the whole public API.

const EXIT_CODES = `
Output and exit codes:
  0  valid    one line "valid: …" on stdout
  1  invalid  one line "invalid: <reason>" on stdout — a bad signature, key, proof or entry,
              a malformed file, or (verify log) a log that cannot be fetched or answers wrongly
  2  usage    a missing option or an unreadable file; one line on stderr`;

const KEY_HELP =
  "the log's verifier key: a vkey string (name+id+base64), or a file with the vkey line or the JSON of GET /api/v1/evidence/key";

const positiveInt = (flag: string, min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new InvalidArgumentError(`${flag} must be a whole number ≥ ${min}`);
  return n;
};

export function verifyCommand(program: Command): void {
  const verify = program
    .command("verify")
    .description(
      "verify the evidence log: signed checkpoints, inclusion and consistency proofs, or a whole log",
    )
    .addHelpText("after", EXIT_CODES);

  verify
    .command("checkpoint")
    .description("check that a checkpoint note is signed by the log key and is a valid C2SP tlog checkpoint")
    .requiredOption("--checkpoint <file>", "the signed checkpoint note (GET /api/v1/evidence/checkpoint)")
    .requiredOption("--key <file|vkey>", KEY_HELP)
    .option("--origin <origin>", "require this origin line (default: the key file's origin, if it has one)")
    .option("--json", "print the verdict as one JSON object")
    .addHelpText("after", `\nPrints: valid: <origin> size <n> root <hex>\n${EXIT_CODES}`)
    .action((options: { checkpoint: string; key: string; origin?: string; json?: boolean }) =>
      report(() => verifyCheckpointFile(options), options.json),
    );

  verify
    .command("inclusion")
    .description("check that an entry is in the tree of a signed checkpoint")
    .requiredOption("--checkpoint <file>", "the signed checkpoint note")
    .requiredOption("--key <file|vkey>", KEY_HELP)
    .requiredOption(
      "--proof <file>",
      "inclusion proof JSON (GET /api/v1/evidence/entries/:index/proof?treeSize=N)",
    )
    .requiredOption("--entry <file>", "the entry's exact bytes (GET /api/v1/evidence/entries/:index/raw)")
    .option("--origin <origin>", "require this origin line")
    .option("--json", "print the verdict as one JSON object")
    .addHelpText(
      "after",
      `
The leaf hash is recomputed from the entry bytes (SHA-256 of 0x00 ‖ bytes) and the root from the
proof; both must match, and the root must be the checkpoint's, for the checkpoint's tree size. The
proof's own leafHash and rootHash fields are only compared, never trusted.
${EXIT_CODES}`,
    )
    .action(
      (options: {
        checkpoint: string;
        key: string;
        proof: string;
        entry: string;
        origin?: string;
        json?: boolean;
      }) => report(() => verifyInclusionFiles(options), options.json),
    );

  verify
    .command("consistency")
    .description("check that a newer signed checkpoint extends an older one (append-only)")
    .requiredOption("--old <file>", "the older signed checkpoint note")
    .requiredOption("--new <file>", "the newer signed checkpoint note")
    .requiredOption("--key <file|vkey>", KEY_HELP)
    .requiredOption(
      "--proof <file>",
      "consistency proof JSON (GET /api/v1/evidence/consistency?from=OLD&to=NEW)",
    )
    .option("--origin <origin>", "require this origin line")
    .option("--json", "print the verdict as one JSON object")
    .addHelpText("after", EXIT_CODES)
    .action(
      (options: { old: string; new: string; key: string; proof: string; origin?: string; json?: boolean }) =>
        report(() => verifyConsistencyFiles(options), options.json),
    );

  verify
    .command("certificate")
    .description("check a registration certificate: a JWS signed by the exchange's certificate key")
    .argument(
      "<file>",
      "the compact JWS (GET /api/v1/certificates/{number}.jws) or the JSON of GET …/{number}",
    )
    .requiredOption(
      "--key <file|url>",
      "the certificate key: a JWK file, or the JSON of GET /api/v1/certificates/key (a file or that URL)",
    )
    .option("--json", "print the verdict as one JSON object")
    .addHelpText("after", `\nPrints: valid: <number> <resource name> holder <participant id>\n${EXIT_CODES}`)
    .action((file: string, options: { key: string; json?: boolean }) =>
      report(() => verifyCertificateFile({ file, key: options.key }), options.json),
    );

  verify
    .command("contract")
    .description("check a rights contract: its document hash and both parties' Ed25519 signatures")
    .argument("<file>", "the JSON of GET /api/v1/rights/contracts/{id}")
    .option("--json", "print the verdict as one JSON object")
    .addHelpText(
      "after",
      `\nPrints: valid: <contract id> <kind> <holder> -> <counterparty> sha256 <hex>\n${EXIT_CODES}`,
    )
    .action((file: string, options: { json?: boolean }) =>
      report(() => verifyContractFile({ file }), options.json),
    );

  verify
    .command("log")
    .description("audit a whole log over its public API: every entry, every checkpoint, and proofs")
    .requiredOption("--url <url>", "the exchange's base URL (or its …/api/v1/evidence URL)")
    .option(
      "--key <file|vkey>",
      `pin the log key and fail if the log serves another (default: trust on first use); ${KEY_HELP}`,
    )
    .option(
      "--samples <n>",
      "random inclusion proofs to check per checkpoint, besides the last entry's",
      positiveInt("--samples", 0),
      2,
    )
    .option(
      "--full",
      "check the inclusion proof of every entry in the latest checkpoint (one request per entry)",
    )
    .option("--concurrency <n>", "proof requests in flight", positiveInt("--concurrency", 1), 16)
    .option("--json", "print the verdict as one JSON object")
    .addHelpText(
      "after",
      `
Up to the latest signed checkpoint, downloads every entry (1000 per request), checks that each is
canonical JSON (RFC 8785) whose leaf hash is the one the log gives, and rebuilds the Merkle tree.
Every published checkpoint must verify under the key, grow in size, and have exactly the root
recomputed from the entries at its size; for each one the log must also serve a consistency proof
from the previous checkpoint and inclusion proofs (the last entry and --samples random ones) that
verify against the signed roots — those are built from the log's stored interior nodes, so they
catch a corrupted node store. Progress goes to stderr (a bar on a terminal).

Prints: valid: <N> entries, <M> checkpoints, root <hex>
    or: invalid: <reason naming the first bad entry index or checkpoint size>
${EXIT_CODES}`,
    )
    .action(
      (options: {
        url: string;
        key?: string;
        samples: number;
        full?: boolean;
        concurrency: number;
        json?: boolean;
      }) =>
        report(
          () =>
            auditLog(
              {
                url: options.url,
                samples: options.samples,
                full: Boolean(options.full),
                concurrency: options.concurrency,
                ...(options.key === undefined ? {} : { key: options.key }),
              },
              progressReporter(),
            ),
          options.json,
        ),
    );
}
