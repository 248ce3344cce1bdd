import type { z } from "zod";
import { badRequest } from "../kernel/errors.js";

/** CLI options are validated with zod like HTTP bodies, and refused with the same codes. */
export function parseOptions<T extends z.ZodType>(
  schema: T,
  raw: unknown,
  flagOf: (field: string) => string = toFlag,
): z.infer<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join(".") ?? "";
  throw badRequest(
    "validation_failed",
    `${field ? `${flagOf(field)}: ` : ""}${issue?.message ?? "invalid options"}`,
    field,
  );
}

const toFlag = (field: string) => `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
