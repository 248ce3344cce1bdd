import { expect } from "vitest";
import type { Answer } from "../http/garbage-arbitraries.js";

/** A refusal as every edge must give it: a 4xx RFC 9457 problem with a stable code. */
export function expectProblem(answer: Answer, context: string) {
  const shown = `${context}: ${answer.statusCode} ${answer.body.slice(0, 300)}`;
  expect(answer.statusCode, shown).toBeGreaterThanOrEqual(400);
  expect(answer.statusCode, shown).toBeLessThan(500);
  expect(String(answer.headers["content-type"]), shown).toMatch(/^application\/problem\+json/);
  expect((answer.json() as { code?: string }).code, shown).toEqual(
    expect.stringMatching(/^[a-z][a-z0-9_]*$/),
  );
}
