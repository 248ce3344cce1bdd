import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeSuccession } from "../../src/flows/succession.js";
import { type ObligationMover, obligationMovers } from "../../src/flows/succession-movers.js";
import { makeUscc } from "../../src/lib/cn-identifiers/index.js";
import { applyForAdmission } from "../../src/modules/identity/index.js";
import { DEMO_PASSWORD, DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { rightsHarness, snapshot } from "./helpers.js";

/**
 * Succession (PR-4): a merger, split, dissolution or bankruptcy moves every right, registration and
 * open offer of the predecessor to its successors and exits it — one transaction, one summary
 * event; a failure anywhere (a successor not admitted, a mover failing half-way) changes nothing.
 */
describe.each(DIALECTS)("succession on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.cleanup());
  const { as, events, registered, holdingRight, participantId } = rightsHarness(() => t);
  const succeed = (user: string | null, id: string, body: object) =>
    as(user, "POST", `/participants/${id}/succession`, body);

  it("PR-4: refusals and a failure mid-way change nothing", async () => {
    const [a, b] = [await participantId("enterprise-a"), await participantId("enterprise-b")];
    const right = await holdingRight(await registered("enterprise-a"));
    const pending = await applyForAdmission(t.k, {
      type: "enterprise",
      name: "Pending successor Ltd",
      uscc: makeUscc("91310000MA1YA0090"),
      admin: { username: "pending-successor", password: DEMO_PASSWORD },
    });
    const before = await snapshot(t);
    const merger = { event: "merger", successors: [b], reason: "merged into B" };
    const refusals: [string | null, string, object, number, string][] = [
      [null, a, merger, 401, "unauthorized"],
      ["enterprise-b", a, merger, 403, "forbidden"],
      ["regulator", a, merger, 403, "forbidden"],
      ["operator", a, { ...merger, successors: [pending.participant.id] }, 409, "successor_not_admitted"],
      ["operator", a, { ...merger, successors: [a] }, 400, "successor_is_predecessor"],
      ["operator", a, { ...merger, successors: [b, b] }, 400, "successors_repeated"],
      ["operator", a, { ...merger, successors: [b, pending.participant.id] }, 400, "merger_one_successor"],
      ["operator", a, { ...merger, allocation: { [right.id]: b } }, 400, "allocation_only_for_split"],
      [
        "operator",
        a,
        { ...merger, successors: ["ptc_00000000000000000000000000"] },
        400,
        "participant_not_found",
      ],
      ["operator", pending.participant.id, merger, 409, "predecessor_not_active"],
      ["operator", a, { ...merger, event: "takeover" }, 400, "validation_failed"],
      [
        "operator",
        a,
        {
          event: "split",
          successors: [b, await participantId("vendor")],
          reason: "x",
          allocation: { [right.id]: a },
        },
        400,
        "allocation_not_successor",
      ],
    ];
    for (const [user, id, body, status, code] of refusals) {
      const r = await succeed(user, id, body);
      expect(r.statusCode, `${user} ${JSON.stringify(body)} ${r.body}`).toBe(status);
      if (status === 400 || status === 409) expect(r.json().code).toBe(code);
    }
    expect(await snapshot(t)).toEqual(before);

    // A mover failing after rights and registrations have moved: the whole succession rolls back.
    const failing: ObligationMover = {
      name: "failing",
      move: async () => {
        throw new Error("an obligation that cannot move");
      },
    };
    await expect(
      completeSuccession(t.k, { system: "test" }, a, { event: "merger", successors: [b], reason: "x" }, [
        ...obligationMovers,
        failing,
      ]),
    ).rejects.toThrow("an obligation that cannot move");
    expect(await snapshot(t)).toEqual(before);
    expect((await as(null, "GET", `/rights/${right.id}`)).json().status).toBe("active");
  });

  it("PR-4: a merger moves every right, registration and open offer to the successor and exits the predecessor, in one transaction", async () => {
    const [a, b, vendor] = [
      await participantId("enterprise-a"),
      await participantId("enterprise-b"),
      await participantId("vendor"),
    ];
    const reg = await registered("enterprise-a");
    const holding = await holdingRight(reg);
    const grant = await as("enterprise-a", "POST", `/rights/${holding.id}/contracts`, {
      kind: "grant",
      counterpartyParticipantId: vendor,
      rightKind: "processing_use",
      scope: "analytics",
    });
    expect((await as("vendor", "POST", `/rights/contracts/${grant.json().id}/accept`)).statusCode).toBe(200);
    const granted = grant.json().id as string;
    const open = (
      await as("enterprise-a", "POST", `/rights/${holding.id}/contracts`, {
        kind: "transfer",
        counterpartyParticipantId: await participantId("notary"),
      })
    ).json().id as string;
    const draft = (
      await as("enterprise-a", "POST", "/registrations", {
        name: "Draft",
        originClass: "enterprise",
        grade: "general",
      })
    ).json().id;
    const activeBefore = (await as("operator", "GET", `/participants/${a}/rights`))
      .json()
      .items.filter((r: { status: string }) => r.status === "active");

    const done = await succeed("operator", a, {
      event: "merger",
      successors: [b],
      reason: "B absorbed A (吸收合并)",
    });
    expect(done.statusCode, done.body).toBe(200);
    const result = done.json();
    expect(result).toMatchObject({
      event: "merger",
      predecessorParticipantId: a,
      successorParticipantIds: [b],
    });
    expect(result.moved.rights).toHaveLength(activeBefore.length);
    expect(result.moved.rightsContractsWithdrawn).toEqual([open]);
    expect(result.moved.registrations.map((r: { registrationId: string }) => r.registrationId)).toEqual(
      expect.arrayContaining([reg, draft]),
    );

    const successorRights = (await as("enterprise-b", "GET", `/participants/${b}/rights`)).json().items;
    const inherited = successorRights.find((r: { parentRightId: string }) => r.parentRightId === holding.id);
    expect(inherited).toMatchObject({
      kind: "holding",
      basis: "succession",
      status: "active",
      resourceRegistrationId: reg,
    });
    expect((await as(null, "GET", `/rights/${holding.id}`)).json().status).toBe("transferred");
    const vendorRight = (await as(null, "GET", `/rights?resource=${reg}`))
      .json()
      .items.find((r: { holderParticipantId: string }) => r.holderParticipantId === vendor);
    expect(vendorRight).toMatchObject({ status: "active", parentRightId: holding.id, basis: "grant" });
    expect((await as("operator", "GET", `/registrations/${reg}`)).json().holderParticipantId).toBe(b);
    expect((await as("operator", "GET", `/registrations/${draft}`)).json().holderParticipantId).toBe(b);
    expect((await as("operator", "GET", `/rights/contracts/${open}`)).json().status).toBe("withdrawn");
    expect((await as("operator", "GET", `/rights/contracts/${granted}`)).json().status).toBe("signed");
    const exited = (await as("operator", "GET", `/participants/${a}`)).json();
    expect(exited).toMatchObject({ status: "exited" });
    expect((await as("enterprise-a", "GET", "/participants/me")).statusCode).toBe(401);

    const summary = (await events("succession.completed")).find(
      (e) => e.subjectIds[0] === result.successionId,
    );
    expect(summary?.payload).toMatchObject({ moved: result.moved, predecessorParticipantId: a });
    const related = (await t.k.outbox.readAfter(t.k.db, 0, 1_000_000)).filter(
      (e) => e.seq >= (summary?.seq ?? 0) - 20,
    );
    const ofSuccession = related.filter(
      (e) =>
        e.type === "identity.participant_exited" ||
        e.type === "registration.holder_moved" ||
        (e.type === "rights.transferred" && e.payload.successionId === result.successionId),
    );
    expect(ofSuccession.length).toBeGreaterThanOrEqual(3);
    if (dialect === "postgres") for (const e of ofSuccession) expect(e.txId, e.type).toBe(summary?.txId);

    const again = await succeed("operator", a, { event: "merger", successors: [b], reason: "again" });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("predecessor_not_active");
  });

  it("PR-4: a split allocates rights among successors; registrations follow their holding right", async () => {
    const [vendor, b, notary] = [
      await participantId("vendor"),
      await participantId("enterprise-b"),
      await participantId("notary"),
    ];
    const [r1, r2] = [
      await registered("vendor", "Vendor set one"),
      await registered("vendor", "Vendor set two"),
    ];
    const [h1, h2] = [await holdingRight(r1), await holdingRight(r2)];
    const done = await succeed("operator", vendor, {
      event: "split",
      successors: [b, notary],
      allocation: { [h2.id]: notary },
      reason: "分立",
    });
    expect(done.statusCode, done.body).toBe(200);
    const rights = done.json().moved.rights as { fromRightId: string; successorParticipantId: string }[];
    expect(rights.find((r) => r.fromRightId === h1.id)?.successorParticipantId).toBe(b);
    expect(rights.find((r) => r.fromRightId === h2.id)?.successorParticipantId).toBe(notary);
    expect((await as(null, "GET", `/registrations/${r1}`)).json().holderParticipantId).toBe(b);
    expect((await as(null, "GET", `/registrations/${r2}`)).json().holderParticipantId).toBe(notary);
    expect((await holdingRight(r2)).holderParticipantId).toBe(notary);
  });
});
