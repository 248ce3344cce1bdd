import { expect } from "vitest";
import { closeDueNotices, DAY_MS } from "../../src/modules/registration/index.js";
import { complete, harness } from "../registration/helpers.js";
import type { TestApp } from "../support/kernels.js";

/** Drives registrations through the registry over HTTP, as holders and reviewers do. */
export function registry(get: () => TestApp) {
  const h = harness(get);
  const { as } = h;

  async function draft(holder: string, changes: object = {}): Promise<string> {
    const created = await as(holder, "POST", "/registrations", { ...complete, ...changes });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().id;
  }
  async function submitted(holder: string, changes: object = {}) {
    const id = await draft(holder, changes);
    expect((await as(holder, "POST", `/registrations/${id}/submit`)).statusCode).toBe(200);
    return id;
  }
  async function inNotice(holder: string, changes: object = {}) {
    const id = await submitted(holder, changes);
    const passed = await as("operator", "POST", `/registrations/${id}/review`, {
      decision: "pass",
      reason: "complete",
    });
    expect(passed.statusCode, passed.body).toBe(200);
    return id;
  }
  /** Every notice now running ends: the clock jumps past the period and the closer runs. */
  async function closeNotices() {
    h.advance(10 * DAY_MS + 1000);
    return closeDueNotices(get().k);
  }
  async function search(query = "") {
    const r = await as(null, "GET", `/catalog/search${query ? `?${query}` : ""}`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as {
      items: {
        id: string;
        status: string;
        cancelled: boolean;
        name: string;
        registrationNumber: string | null;
      }[];
      total: number;
      words: string[];
      facets: Record<string, { value: string; count: number }[]>;
    };
  }
  const ids = async (query: string) => (await search(query)).items.map((i) => i.id);

  return { ...h, draft, submitted, inNotice, closeNotices, search, ids };
}
