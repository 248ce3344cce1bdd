import { Command, CommanderError } from "commander";
import { packageVersion } from "../server/package-root.js";
import { catalogCommand } from "./commands/catalog.js";
import { dbCommand } from "./commands/db.js";
import { demoCommand } from "./commands/demo.js";
import { nodeCommand } from "./commands/node.js";
import { participantCommand } from "./commands/participant.js";
import { scanCommand } from "./commands/scan.js";
import { serveCommand } from "./commands/serve.js";
import { userCommand } from "./commands/user.js";
import { verifyCommand } from "./commands/verify.js";
import { reportError } from "./output.js";

/** `yaosu` — the command line of the exchange and its node. */
const program = new Command("yaosu")
  .description("Yaosu 要素 — data-element exchange and holder node")
  .version(packageVersion)
  .showHelpAfterError()
  .exitOverride();

serveCommand(program);
dbCommand(program);
participantCommand(program);
userCommand(program);
demoCommand(program);
verifyCommand(program);
scanCommand(program);
nodeCommand(program);
catalogCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exitCode = error.exitCode === 0 ? 0 : 2;
  else process.exitCode = reportError(error);
}
