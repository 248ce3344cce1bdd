import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CIRCULATION_MODES,
  type CirculationMode,
  DEFAULT_RULES,
  decideCirculation,
  GRADES,
  type Grade,
  listRules,
  ORIGIN_CLASSES,
  type OriginClass,
} from "../../src/modules/classification/index.js";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";

/**
 * Classification and grading (PR-1, PR-6, PR-8, CT-8): the default circulation rules, the decision
 * every flow asks for, and the regulator's edits — reasoned, versioned, evidenced, and unable to
 * let core data leave its node.
 */
describe.each(DIALECTS)("classification rules on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(dialect);
  });
  afterAll(() => t.cleanup());

  const as = async (username: string | null, method: "GET" | "PATCH", url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      payload,
      headers: username ? { authorization: await t.bearer(username) } : {},
    });
  const decide = (originClass: OriginClass, grade: Grade, mode: CirculationMode, sensitivePersonal = false) =>
    decideCirculation(t.k.db, { originClass, grade, sensitivePersonal, mode });
  const ruleChangedEvents = async () =>
    (await t.k.outbox.readAfter(t.k.db, 0, 10_000)).filter((e) => e.type === "classification.rule_changed");

  it("seeds one rule per class × grade, plus sensitive personal rules, at version 1", async () => {
    const rules = await listRules(t.k.db);
    expect(rules).toHaveLength(ORIGIN_CLASSES.length * GRADES.length + GRADES.length);
    expect(rules.every((r) => r.version === 1)).toBe(true);
    expect(rules.map((r) => r.modes)).toEqual(
      [...DEFAULT_RULES]
        .sort(
          (a, b) =>
            ORIGIN_CLASSES.indexOf(a.originClass) * 100 +
            GRADES.indexOf(a.grade) * 10 +
            Number(a.sensitivePersonal) -
            (ORIGIN_CLASSES.indexOf(b.originClass) * 100 +
              GRADES.indexOf(b.grade) * 10 +
              Number(b.sensitivePersonal)),
        )
        .map((r) => r.modes),
    );
  });

  it("defaults: core data never leaves its node, in any mode, and is usable only, not visible", async () => {
    for (const originClass of ORIGIN_CLASSES) {
      for (const sensitive of originClass === "personal" ? [false, true] : [false]) {
        for (const mode of CIRCULATION_MODES) {
          const answer = await decide(originClass, "core", mode, sensitive);
          expect(answer.decision, `${originClass} core ${mode}`).toBe("forbidden");
          expect(answer.protections).toContain("usable_not_visible");
        }
      }
    }
  });

  it("defaults: important data is never opened, every other mode needs review, export a security assessment", async () => {
    for (const originClass of ORIGIN_CLASSES) {
      for (const sensitive of originClass === "personal" ? [false, true] : [false]) {
        expect((await decide(originClass, "important", "open", sensitive)).decision).toBe("forbidden");
        for (const mode of CIRCULATION_MODES.filter((m) => m !== "open")) {
          const answer = await decide(originClass, "important", mode, sensitive);
          expect(answer.decision, `${originClass} important ${mode}`).toBe("allowed_with_review");
          if (mode === "cross_border") expect(answer.conditions).toContain("security_assessment");
        }
      }
    }
  });

  it("defaults: personal data circulates only with consent or after anonymisation; sensitive PI is never opened", async () => {
    for (const grade of GRADES) {
      for (const sensitive of [false, true]) {
        for (const mode of CIRCULATION_MODES) {
          const answer = await decide("personal", grade, mode, sensitive);
          if (answer.decision !== "forbidden") {
            expect(answer.conditions, `personal ${grade} ${mode}`).toContain("consent_or_anonymisation");
            expect(answer.protections).toContain("desensitisation");
          }
          if (sensitive && answer.decision !== "forbidden") {
            expect(answer.conditions).toContain("separate_consent");
            expect(answer.decision).toBe("allowed_with_review");
          }
        }
      }
      expect((await decide("personal", grade, "open", true)).decision).toBe("forbidden");
    }
  });

  it("decides the matrix: public general opens freely, trades only usable-not-visible via authorised operation", async () => {
    expect(await decide("public", "general", "open")).toEqual({
      decision: "allowed",
      conditions: [],
      protections: ["access_audit"],
      ruleVersion: 1,
    });
    expect(await decide("public", "general", "trade")).toMatchObject({
      decision: "allowed_with_review",
      conditions: ["authorised_operation"],
      protections: expect.arrayContaining(["usable_not_visible"]),
    });
    expect((await decide("enterprise", "general", "trade")).decision).toBe("allowed");
    expect((await decide("enterprise", "general", "trade")).protections).toContain("watermarking");
    expect((await decide("enterprise", "general", "cross_border")).decision).toBe("allowed_with_review");
    expect((await decide("personal", "general", "share")).decision).toBe("allowed");
    expect((await decide("personal", "general", "open")).decision).toBe("allowed_with_review");
    await expect(decide("enterprise", "general", "trade", true)).rejects.toMatchObject({
      code: "sensitive_requires_personal_class",
    });
  });

  it("publishes the rules to anyone and answers decisions to logged-in callers only", async () => {
    const rules = await as(null, "GET", "/api/v1/classification/rules");
    expect(rules.statusCode).toBe(200);
    expect(rules.json().items).toHaveLength(12);
    const one = await as(null, "GET", "/api/v1/classification/rules/personal/general?sensitive=true");
    expect(one.json()).toMatchObject({ originClass: "personal", sensitivePersonal: true, version: 1 });
    expect(one.json().updatedBy).toEqual({ system: "migration" });

    const url = "/api/v1/classification/decide?originClass=important&grade=general&mode=open";
    expect((await as("enterprise-a", "GET", url)).json()).toMatchObject({
      code: "validation_failed",
      field: "originClass",
    });
    const decided = await as(
      "enterprise-a",
      "GET",
      "/api/v1/classification/decide?originClass=enterprise&grade=important&mode=open",
    );
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ decision: "forbidden", ruleVersion: 1 });
    const anonymous = await as(
      null,
      "GET",
      "/api/v1/classification/decide?originClass=enterprise&grade=important&mode=open",
    );
    expect(anonymous.statusCode).toBe(401);
    const sensitiveEnterprise = await as(
      "enterprise-a",
      "GET",
      "/api/v1/classification/decide?originClass=enterprise&grade=general&mode=open&sensitive=true",
    );
    expect(sensitiveEnterprise.statusCode).toBe(400);
    expect(sensitiveEnterprise.json()).toMatchObject({
      code: "sensitive_requires_personal_class",
      field: "sensitive",
    });
  });

  const tradeWithReview = {
    modes: {
      trade: {
        decision: "allowed_with_review",
        conditions: [],
        protections: ["watermarking", "access_audit", "encryption_at_rest"],
      },
    },
    reason: "Pilot: general enterprise data trades are reviewed during the first quarter",
  };

  it("lets the regulator change a rule with a reason: visible, versioned and evidenced", async () => {
    const eventsBefore = (await ruleChangedEvents()).length;
    const changed = await as("regulator", "PATCH", "/api/v1/classification/rules/enterprise/general", {
      ...tradeWithReview,
      expectedVersion: 1,
    });
    expect(changed.statusCode).toBe(200);
    const rule = changed.json();
    expect(rule.version).toBe(2);
    expect(rule.reason).toBe(tradeWithReview.reason);
    expect(rule.modes.trade.decision).toBe("allowed_with_review");
    expect(rule.modes.open.decision).toBe("allowed");

    expect(await decide("enterprise", "general", "trade")).toMatchObject({
      decision: "allowed_with_review",
      ruleVersion: 2,
    });
    const regulator = (await as("regulator", "GET", "/api/v1/participants/me")).json();
    const listed = (await as(null, "GET", "/api/v1/classification/rules")).json().items;
    const seen = listed.find(
      (r: { originClass: string; grade: string }) => r.originClass === "enterprise" && r.grade === "general",
    );
    expect(seen).toMatchObject({ version: 2, updatedBy: { participantId: regulator.participant.id } });

    const history = (await as(null, "GET", "/api/v1/classification/rules/enterprise/general/history")).json()
      .items;
    expect(history.map((r: { version: number }) => r.version)).toEqual([1, 2]);
    expect(history[0].modes.trade.decision).toBe("allowed");

    const events = await ruleChangedEvents();
    expect(events).toHaveLength(eventsBefore + 1);
    const event = events.at(-1);
    expect(event?.subjectIds).toEqual(["circulation_rule:enterprise:general:standard"]);
    expect(event?.actor).toMatchObject({
      participantId: regulator.participant.id,
      userId: regulator.user.id,
    });
    expect(event?.payload).toMatchObject({
      fromVersion: 1,
      toVersion: 2,
      reason: tradeWithReview.reason,
      before: { trade: { decision: "allowed" } },
      after: { trade: { decision: "allowed_with_review" } },
    });

    const stale = await as("regulator", "PATCH", "/api/v1/classification/rules/enterprise/general", {
      modes: { trade: { decision: "allowed", conditions: [], protections: [] } },
      reason: "stale edit",
      expectedVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("version_conflict");
  });

  it("refuses everyone but the regulator's admins and reviewers", async () => {
    for (const username of ["enterprise-a", "operator", "bureau", "citizen"]) {
      const refused = await as(
        username,
        "PATCH",
        "/api/v1/classification/rules/enterprise/general",
        tradeWithReview,
      );
      expect(refused.statusCode, username).toBe(403);
      expect(refused.json().code).toBe("forbidden");
    }
    const anonymous = await as(
      null,
      "PATCH",
      "/api/v1/classification/rules/enterprise/general",
      tradeWithReview,
    );
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe("unauthenticated");
  });

  it("keeps core data in its node and the other legal invariants, whoever asks (409), changing nothing", async () => {
    const snapshot = async () => JSON.stringify(await listRules(t.k.db));
    const before = await snapshot();
    const eventsBefore = (await ruleChangedEvents()).length;
    for (const originClass of ORIGIN_CLASSES) {
      for (const mode of CIRCULATION_MODES) {
        const attempt = await as("regulator", "PATCH", `/api/v1/classification/rules/${originClass}/core`, {
          modes: {
            [mode]: {
              decision: "allowed_with_review",
              conditions: ["consent_or_anonymisation"],
              protections: [],
            },
          },
          reason: "try to let core data out",
        });
        expect(attempt.statusCode, `${originClass} ${mode}`).toBe(409);
        expect(attempt.json()).toMatchObject({ code: "core_data_stays_in_node", field: `modes.${mode}` });
      }
    }
    const cases: [string, object, string][] = [
      [
        "/api/v1/classification/rules/enterprise/important",
        { open: { decision: "allowed", conditions: [], protections: [] } },
        "important_data_not_opened",
      ],
      [
        "/api/v1/classification/rules/enterprise/important",
        { cross_border: { decision: "allowed_with_review", conditions: [], protections: [] } },
        "important_data_export_needs_assessment",
      ],
      [
        "/api/v1/classification/rules/personal/general",
        { share: { decision: "allowed", conditions: [], protections: [] } },
        "personal_data_needs_consent",
      ],
      [
        "/api/v1/classification/rules/personal/general?sensitive=true",
        { open: { decision: "allowed", conditions: ["consent_or_anonymisation"], protections: [] } },
        "sensitive_personal_data_not_opened",
      ],
    ];
    for (const [url, modes, code] of cases) {
      const attempt = await as("regulator", "PATCH", url, { modes, reason: "loosen" });
      expect(attempt.statusCode, code).toBe(409);
      expect(attempt.json().code).toBe(code);
    }
    expect(await snapshot()).toBe(before);
    expect(await ruleChangedEvents()).toHaveLength(eventsBefore);
  });

  it("refuses garbage with 400 validation_failed naming the field, changing nothing", async () => {
    const snapshot = async () => JSON.stringify(await listRules(t.k.db));
    const before = await snapshot();
    const url = "/api/v1/classification/rules/public/general";
    const garbage: [object | string, string][] = [
      [{ modes: { open: { decision: "allowed", conditions: [], protections: [] } } }, "reason"],
      [
        { modes: { open: { decision: "allowed", conditions: [], protections: [] } }, reason: "   " },
        "reason",
      ],
      [
        { modes: { open: { decision: "allowed", conditions: [], protections: [] } }, reason: "a\u0000b" },
        "reason",
      ],
      [
        { modes: { open: { decision: "maybe", conditions: [], protections: [] } }, reason: "x" },
        "modes.open.decision",
      ],
      [
        { modes: { open: { decision: "allowed", conditions: ["bribe"], protections: [] } }, reason: "x" },
        "modes.open.conditions.0",
      ],
      [
        { modes: { teleport: { decision: "allowed", conditions: [], protections: [] } }, reason: "x" },
        "modes",
      ],
      [{ modes: { open: { decision: "allowed" } }, reason: "x" }, "modes.open.conditions"],
      [{ modes: {}, reason: "x", extra: 1 }, ""],
    ];
    for (const [payload, field] of garbage) {
      const refused = await as("regulator", "PATCH", url, payload as object);
      expect(refused.statusCode, JSON.stringify(payload)).toBe(400);
      expect(refused.json().code).toBe("validation_failed");
      if (field) expect(refused.json().field).toBe(field);
    }
    const badParams = await as(
      "regulator",
      "PATCH",
      "/api/v1/classification/rules/secret/general",
      tradeWithReview,
    );
    expect(badParams.statusCode).toBe(400);
    expect(badParams.json()).toMatchObject({ code: "validation_failed", field: "originClass" });

    const empty = await as("regulator", "PATCH", url, { modes: {}, reason: "nothing" });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: "no_modes", field: "modes" });
    const sensitiveEnterprise = await as(
      "regulator",
      "PATCH",
      "/api/v1/classification/rules/enterprise/general?sensitive=true",
      tradeWithReview,
    );
    expect(sensitiveEnterprise.json().code).toBe("sensitive_requires_personal_class");
    const unchanged = await as("regulator", "PATCH", url, {
      modes: { open: { decision: "allowed", conditions: [], protections: ["access_audit"] } },
      reason: "same again",
    });
    expect(unchanged.statusCode).toBe(409);
    expect(unchanged.json().code).toBe("no_change");
    expect(await snapshot()).toBe(before);
  });
});
