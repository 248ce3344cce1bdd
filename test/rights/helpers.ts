import { createHash } from "node:crypto";
import { expect } from "vitest";
import { DAY_MS } from "../../src/modules/registration/index.js";
import { complete, harness } from "../registration/helpers.js";
import type { TestApp } from "../support/kernels.js";

/** Requests as demo users plus shortcuts to a registered resource and its holding right (PR-2, PR-3). */
export function rightsHarness(get: () => TestApp) {
  const h = harness(get);
  const { as, advance } = h;

  /** Drives a registration of `username` to registered; returns its id. */
  async function registered(username: string, name = complete.name, overrides: object = {}): Promise<string> {
    const created = await as(username, "POST", "/registrations", { ...complete, name, ...overrides });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect((await as(username, "POST", `/registrations/${id}/submit`)).statusCode).toBe(200);
    const passed = await as("operator", "POST", `/registrations/${id}/review`, {
      decision: "pass",
      reason: "ok",
    });
    expect(passed.statusCode, passed.body).toBe(200);
    advance(10 * DAY_MS + 1000);
    const closed = await as("operator", "POST", `/registrations/${id}/close-notice`);
    expect(closed.json().status, closed.body).toBe("registered");
    return id;
  }

  /** The active holding right on a registered resource. */
  async function holdingRight(registrationId: string) {
    const rights = (await as(null, "GET", `/rights?resource=${registrationId}`)).json().items as {
      id: string;
      kind: string;
      status: string;
      holderParticipantId: string;
    }[];
    const right = rights.find((r) => r.kind === "holding" && r.status === "active");
    expect(right).toBeTruthy();
    return right as NonNullable<typeof right>;
  }

  const participantId = async (username: string) => (await h.me(username)).participant.id as string;

  return { ...h, registered, holdingRight, participantId };
}

/**
 * What a refused request must not change: the rights, contracts, registrations and participants
 * (as digests, so a failure shows which) and the domain events (logins add their own, not counted).
 */
export async function snapshot(t: TestApp) {
  const digest = async (table: "rights" | "rights_contracts" | "registrations" | "participants") =>
    createHash("sha256")
      .update(JSON.stringify(await t.k.db.selectFrom(table).selectAll().orderBy("id").execute()))
      .digest("hex");
  const domainEvents = (await t.k.outbox.readAfter(t.k.db, 0, 1_000_000)).filter((e) =>
    /^(rights|registration|succession|identity\.participant)/.test(e.type),
  );
  return {
    rights: await digest("rights"),
    contracts: await digest("rights_contracts"),
    registrations: await digest("registrations"),
    participants: await digest("participants"),
    events: domainEvents.length,
  };
}
