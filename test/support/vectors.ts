import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * External test vectors live beside the repository, in the workspace's `shared/vectors/`
 * (`<workspace>/main` is the repo, `<workspace>/shared` the shared material); they are never
 * copied or edited here. YAOSU_VECTORS_DIR points elsewhere, e.g. for a clone outside the
 * workspace.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

export function vectorPath(...parts: string[]): string {
  const base = process.env.YAOSU_VECTORS_DIR ?? join(repoRoot, "..", "shared", "vectors");
  if (!existsSync(base)) {
    throw new Error(
      `test vectors not found at ${base}: keep the repo beside the workspace's shared/ folder, or set YAOSU_VECTORS_DIR`,
    );
  }
  return join(base, ...parts);
}
