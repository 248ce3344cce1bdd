import { z } from "zod";

/** The problem document every error answer carries, published once in the OpenAPI components. */
export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe("stable machine-readable error code"),
    message: z.string(),
    field: z.string().optional().describe("dot path of the input at fault"),
    requestId: z.string(),
  })
  .meta({ id: "Problem" });

/** Adds the usual problem answers to a route's response map. */
export function withProblems<T extends Record<number, z.ZodType>>(responses: T) {
  return {
    ...responses,
    400: problemSchema,
    401: problemSchema,
    403: problemSchema,
    404: problemSchema,
    409: problemSchema,
    429: problemSchema,
  };
}
