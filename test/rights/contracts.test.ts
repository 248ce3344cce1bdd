import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { rightsHarness, snapshot } from "./helpers.js";

/**
 * The three rights (PR-2) and their movement by contracts signed by both parties (PR-4, PR-3
 * "transfers are filed"): registration creates the holding right by a reaction; the holder grants
 * derived rights or transfers the right; both parties' signatures complete the contract and the
 * right moves in the same transaction.
 */
describe.each(DIALECTS)("rights and rights contracts on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.cleanup());
  const { as, events, registered, holdingRight, participantId } = rightsHarness(() => t);

  it("PR-2 PR-3: registering creates the holder's holding right in the same transaction; cancelling revokes it", async () => {
    const holder = await participantId("enterprise-a");
    const id = await registered("enterprise-a");
    const right = await holdingRight(id);
    expect(right).toMatchObject({ holderParticipantId: holder, basis: "original", parentRightId: null });
    const one = await as(null, "GET", `/rights/${right.id}`);
    expect(one.json()).toEqual(right);
    const registeredEvent = (await events("registration.registered")).find((e) => e.subjectIds[0] === id);
    const created = (await events("rights.created")).find((e) => e.subjectIds[0] === right.id);
    expect(registeredEvent?.payload).toMatchObject({ holderParticipantId: holder });
    expect(created?.actor).toEqual(registeredEvent?.actor);
    expect(created?.seq).toBe((registeredEvent?.seq ?? 0) + 1);
    if (dialect === "postgres") expect(created?.txId).toBe(registeredEvent?.txId);

    const cancelled = await as("enterprise-a", "POST", `/registrations/${id}/cancel`, {
      reason: "sold the fleet",
    });
    expect(cancelled.statusCode).toBe(200);
    expect((await as(null, "GET", `/rights/${right.id}`)).json().status).toBe("revoked");
    const revoked = (await events("rights.revoked")).find((e) => e.subjectIds[0] === id);
    expect(revoked?.payload).toMatchObject({ rightIds: [right.id] });
    const refused = await as("enterprise-a", "POST", `/rights/${right.id}/contracts`, {
      kind: "transfer",
      counterpartyParticipantId: await participantId("enterprise-b"),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("right_not_active");
  });

  it("PR-2: a grant derives a processing-and-use right for the counterparty; the source stays active", async () => {
    const [a, b] = [await participantId("enterprise-a"), await participantId("enterprise-b")];
    const source = await holdingRight(await registered("enterprise-a"));
    const proposed = await as("enterprise-a", "POST", `/rights/${source.id}/contracts`, {
      kind: "grant",
      counterpartyParticipantId: b,
      rightKind: "processing_use",
      scope: "model training on trip durations, no re-identification",
      termEnd: "2099-12-31T00:00:00Z",
      priceFen: 1_250_000,
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const offer = proposed.json();
    expect(offer).toMatchObject({
      status: "proposed",
      kind: "grant",
      priceFen: 1_250_000,
      resultingRightId: null,
    });
    expect(offer.signatures.holder.participantId).toBe(a);
    expect(offer.signatures.counterparty).toBeNull();
    expect(
      (await as("enterprise-b", "GET", `/participants/${b}/rights-contracts`)).json().items,
    ).toHaveLength(1);

    const accepted = await as("enterprise-b", "POST", `/rights/contracts/${offer.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    const signed = accepted.json();
    expect(signed.status).toBe("signed");
    const derived = (await as(null, "GET", `/rights/${signed.resultingRightId}`)).json();
    expect(derived).toMatchObject({
      kind: "processing_use",
      holderParticipantId: b,
      basis: "grant",
      parentRightId: source.id,
      status: "active",
      termEnd: "2099-12-31T00:00:00.000Z",
    });
    expect((await as(null, "GET", `/rights/${source.id}`)).json().status).toBe("active");
    const filed = (await events("rights.contract_signed")).find((e) => e.subjectIds[0] === offer.id);
    expect(filed?.payload).toMatchObject({
      documentSha256: offer.documentSha256,
      resultingRightId: derived.id,
    });
    expect(JSON.stringify(filed)).not.toContain("1250000");

    // an operating right cannot be granted from a processing right's grant of the wrong kind
    const wrong = await as("enterprise-b", "POST", `/rights/${derived.id}/contracts`, {
      kind: "grant",
      counterpartyParticipantId: await participantId("vendor"),
      rightKind: "holding",
      scope: "x",
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: "kind_not_grantable", field: "rightKind" });
  });

  it("PR-4: a transfer moves the right; a transferred right cannot move again; of two racing transfers one completes", async () => {
    const [b, vendor] = [await participantId("enterprise-b"), await participantId("vendor")];
    const source = await holdingRight(await registered("enterprise-a"));
    const offer = async (to: string) => {
      const r = await as("enterprise-a", "POST", `/rights/${source.id}/contracts`, {
        kind: "transfer",
        counterpartyParticipantId: to,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    const [toB, toVendor] = [await offer(b), await offer(vendor)];
    const [first, second] = await Promise.all([
      as("enterprise-b", "POST", `/rights/contracts/${toB}/accept`),
      as("vendor", "POST", `/rights/contracts/${toVendor}/accept`),
    ]);
    const codes = [first.statusCode, second.statusCode].sort();
    expect(codes, `${first.body} ${second.body}`).toEqual([200, 409]);
    const winner = first.statusCode === 200 ? first.json() : second.json();
    const winnerId = first.statusCode === 200 ? b : vendor;
    const moved = (await as(null, "GET", `/rights/${winner.resultingRightId}`)).json();
    expect(moved).toMatchObject({
      kind: "holding",
      basis: "contract",
      parentRightId: source.id,
      holderParticipantId: winnerId,
    });
    expect((await as(null, "GET", `/rights/${source.id}`)).json().status).toBe("transferred");
    const loser = first.statusCode === 200 ? toVendor : toB;
    const loserParty = first.statusCode === 200 ? "vendor" : "enterprise-b";
    expect((await as(loserParty, "GET", `/rights/contracts/${loser}`)).json().status).toBe("withdrawn");
    expect((await events("rights.transferred")).filter((e) => e.subjectIds[0] === source.id)).toHaveLength(1);

    const again = await as("enterprise-a", "POST", `/rights/${source.id}/contracts`, {
      kind: "transfer",
      counterpartyParticipantId: vendor,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("right_not_active");
  });

  it("PR-4: refuses non-holders, third parties, the wrong party and anonymous callers; refusals change nothing", async () => {
    const [a, b] = [await participantId("enterprise-a"), await participantId("enterprise-b")];
    const source = await holdingRight(await registered("enterprise-a"));
    const offer = (
      await as("enterprise-a", "POST", `/rights/${source.id}/contracts`, {
        kind: "transfer",
        counterpartyParticipantId: b,
      })
    ).json();
    const before = await snapshot(t);
    const attempts: [string | null, string, object | undefined, number, string][] = [
      [
        "enterprise-b",
        `/rights/${source.id}/contracts`,
        { kind: "transfer", counterpartyParticipantId: a },
        403,
        "not_holder",
      ],
      ["vendor", `/rights/contracts/${offer.id}/accept`, undefined, 404, "contract_not_found"],
      ["vendor", `/rights/contracts/${offer.id}/decline`, {}, 404, "contract_not_found"],
      ["vendor", `/rights/contracts/${offer.id}/withdraw`, {}, 404, "contract_not_found"],
      ["enterprise-a", `/rights/contracts/${offer.id}/accept`, undefined, 403, "not_counterparty"],
      ["enterprise-b", `/rights/contracts/${offer.id}/withdraw`, {}, 403, "not_proposer"],
      ["operator", `/rights/contracts/${offer.id}/accept`, undefined, 403, "not_counterparty"],
      [null, `/rights/contracts/${offer.id}/accept`, undefined, 401, "unauthorized"],
      [
        null,
        `/rights/${source.id}/contracts`,
        { kind: "transfer", counterpartyParticipantId: b },
        401,
        "unauthorized",
      ],
      [
        "enterprise-a",
        `/rights/${source.id}/contracts`,
        { kind: "transfer", counterpartyParticipantId: a },
        400,
        "counterparty_is_holder",
      ],
      [
        "enterprise-a",
        `/rights/${source.id}/contracts`,
        { kind: "transfer", counterpartyParticipantId: b, scope: "all" },
        400,
        "not_for_transfer",
      ],
      [
        "enterprise-a",
        `/rights/${source.id}/contracts`,
        { kind: "grant", counterpartyParticipantId: b, rightKind: "processing_use" },
        400,
        "scope_required",
      ],
      [
        "enterprise-a",
        `/rights/${source.id}/contracts`,
        { kind: "transfer", counterpartyParticipantId: "ptc_00000000000000000000000000" },
        400,
        "party_not_admitted",
      ],
      [
        "enterprise-a",
        `/rights/${source.id}/contracts`,
        { kind: "sell", counterpartyParticipantId: b },
        400,
        "validation_failed",
      ],
    ];
    for (const [user, url, body, status, code] of attempts) {
      const r = await as(user, "POST", url, body);
      expect(r.statusCode, `${user} ${url} ${r.body}`).toBe(status);
      if (status !== 401) expect(r.json().code, url).toBe(code);
    }
    for (const [user, status] of [
      ["vendor", 404],
      [null, 401],
      ["regulator", 200],
      ["enterprise-b", 200],
    ] as const)
      expect((await as(user, "GET", `/rights/contracts/${offer.id}`)).statusCode, String(user)).toBe(status);
    expect((await as("vendor", "GET", `/participants/${a}/rights-contracts`)).statusCode).toBe(403);
    expect((await as("vendor", "GET", `/participants/${a}/rights`)).statusCode).toBe(403);
    expect(await snapshot(t)).toEqual(before);

    const declined = await as("enterprise-b", "POST", `/rights/contracts/${offer.id}/decline`, {
      reason: "price",
    });
    expect(declined.json()).toMatchObject({ status: "declined", reason: "price" });
    expect((await as("enterprise-b", "POST", `/rights/contracts/${offer.id}/accept`)).statusCode).toBe(409);
    const second = (
      await as("enterprise-a", "POST", `/rights/${source.id}/contracts`, {
        kind: "transfer",
        counterpartyParticipantId: b,
      })
    ).json();
    expect((await as("enterprise-a", "POST", `/rights/contracts/${second.id}/withdraw`)).json().status).toBe(
      "withdrawn",
    );
    for (const type of ["rights.contract_declined", "rights.contract_withdrawn"])
      expect(
        (await events(type)).some((e) => e.subjectIds[0] === offer.id || e.subjectIds[0] === second.id),
        type,
      ).toBe(true);
  });
});
