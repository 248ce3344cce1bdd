#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `npm start`).
import { existsSync } from "node:fs";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  console.error("yaosu: not built yet — run `npm run build` (npm start does this for you)");
  process.exit(2);
}
await import(entry.href);
