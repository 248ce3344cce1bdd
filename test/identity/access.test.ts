import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DIALECTS, type TestApp, testApp } from "../support/kernels.js";
import { enterpriseApplication } from "./applications.js";

/**
 * Who may call what (SG-12, CT-6): a participant cannot read or change another's records, roles
 * and participant types are enforced, and API keys reach only what their scopes allow.
 */
describe.each(DIALECTS)("access rules on %s", (dialect) => {
  let t: TestApp;
  let ids: Record<string, string>;
  beforeAll(async () => {
    t = await testApp(dialect);
    ids = {};
    for (const username of ["operator", "regulator", "enterprise-a", "enterprise-b", "citizen"]) {
      const me = await t.app.inject({
        method: "GET",
        url: "/api/v1/participants/me",
        headers: { authorization: await t.bearer(username) },
      });
      ids[username] = me.json().participant.id;
    }
  });
  afterAll(() => t.cleanup());

  const as = async (username: string | null, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      payload,
      headers: username ? { authorization: await t.bearer(username) } : {},
    });

  it("shows the admission queue to the operator only", async () => {
    expect((await as("operator", "GET", "/api/v1/admissions")).statusCode).toBe(200);
    for (const other of ["regulator", "enterprise-a", "citizen"]) {
      const refused = await as(other, "GET", "/api/v1/admissions");
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe("forbidden");
    }
    const anonymous = await as(null, "GET", "/api/v1/admissions");
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe("unauthenticated");
  });

  it("does not let a participant admit, reject, suspend or exit another", async () => {
    const pending = (await as(null, "POST", "/api/v1/participants", enterpriseApplication())).json().id;
    expect((await as("enterprise-a", "POST", `/api/v1/admissions/${pending}/admit`, {})).statusCode).toBe(
      403,
    );
    expect(
      (await as("regulator", "POST", `/api/v1/admissions/${pending}/reject`, { reason: "x" })).statusCode,
    ).toBe(403);
    expect(
      (
        await as("enterprise-a", "POST", `/api/v1/participants/${ids["enterprise-b"]}/suspend`, {
          reason: "x",
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await as("enterprise-a", "POST", `/api/v1/participants/${ids["enterprise-b"]}/exit`, { reason: "x" }))
        .statusCode,
    ).toBe(403);
    const b = await as("operator", "GET", `/api/v1/participants/${ids["enterprise-b"]}`);
    expect(b.json().status).toBe("admitted");
  });

  it("shows others only the public profile: no contacts, no individual's name, no pending applicants", async () => {
    const own = (await as("enterprise-b", "GET", `/api/v1/participants/${ids["enterprise-b"]}`)).json();
    expect(own.contactEmail).toBe("data@b.example");
    const seenByA = (await as("enterprise-a", "GET", `/api/v1/participants/${ids["enterprise-b"]}`)).json();
    expect(seenByA).toMatchObject({
      name: own.name,
      uscc: own.uscc,
      contactEmail: null,
      publicKeyJwk: own.publicKeyJwk,
    });
    const seenByRegulator = (
      await as("regulator", "GET", `/api/v1/participants/${ids["enterprise-b"]}`)
    ).json();
    expect(seenByRegulator.contactEmail).toBe("data@b.example");

    const citizen = (await as(null, "GET", `/api/v1/participants/${ids.citizen}`)).json();
    expect(citizen.name).not.toContain("张三");
    expect(citizen.residentIdMasked).toBeNull();

    const pending = (await as(null, "POST", "/api/v1/participants", enterpriseApplication())).json().id;
    expect((await as("enterprise-a", "GET", `/api/v1/participants/${pending}`)).statusCode).toBe(404);
    expect((await as("operator", "GET", `/api/v1/participants/${pending}`)).statusCode).toBe(200);
    const directory = (await as("enterprise-a", "GET", "/api/v1/participants?status=pending")).json();
    expect(directory.items).toEqual([]);
  });

  it("lets only a participant's admins add users, and a member cannot", async () => {
    const created = await as("enterprise-a", "POST", "/api/v1/participants/me/users", {
      username: `a-member-${dialect}`,
      password: "member password 1",
      roles: ["member"],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().participantId).toBe(ids["enterprise-a"]);
    const member = await t.bearer(`a-member-${dialect}`, "member password 1");
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/v1/participants/me/users",
      headers: { authorization: member },
      payload: { username: `a-admin-${dialect}`, password: "escalate password", roles: ["admin"] },
    });
    expect(refused.statusCode).toBe(403);
    const users = (await as("enterprise-b", "GET", "/api/v1/participants/me/users")).json().items;
    expect(users.map((u: { username: string }) => u.username)).toEqual(["enterprise-b"]);
  });

  it("issues scoped API keys that are hashed at rest, limited by scope, and revocable", async () => {
    const issued = await as("enterprise-a", "POST", "/api/v1/participants/me/api-keys", {
      name: "ERP",
      scopes: ["participants:read"],
    });
    expect(issued.statusCode).toBe(201);
    const { secret, apiKey } = issued.json();
    expect(secret).toMatch(/^ysk_/);
    const stored = await t.k.db
      .selectFrom("api_keys")
      .selectAll()
      .where("id", "=", apiKey.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(secret.slice(4));

    const withKey = (method: "GET" | "POST", url: string, payload?: object) =>
      t.app.inject({ method, url, payload, headers: { "x-api-key": secret } });
    const me = await withKey("GET", "/api/v1/participants/me");
    expect(me.statusCode).toBe(200);
    expect(me.json().participant.id).toBe(ids["enterprise-a"]);
    expect(me.json().user).toBeNull();
    // No key may mint keys or users, whatever its scopes.
    expect(
      (
        await withKey("POST", "/api/v1/participants/me/api-keys", {
          name: "x",
          scopes: ["participants:read"],
        })
      ).json().code,
    ).toBe("scope_missing");

    const operatorKey = (
      await as("operator", "POST", "/api/v1/participants/me/api-keys", {
        name: "ops",
        scopes: ["participants:read"],
      })
    ).json().secret;
    const noScope = await t.app.inject({
      method: "GET",
      url: "/api/v1/admissions",
      headers: { authorization: `Bearer ${operatorKey}` },
    });
    expect(noScope.statusCode).toBe(403);
    expect(noScope.json().code).toBe("scope_missing");

    const revoked = await as("enterprise-a", "POST", `/api/v1/participants/me/api-keys/${apiKey.id}/revoke`);
    expect(revoked.statusCode).toBe(204);
    expect((await withKey("GET", "/api/v1/participants/me")).json().code).toBe("invalid_api_key");
    const othersKey = await as(
      "enterprise-b",
      "POST",
      `/api/v1/participants/me/api-keys/${apiKey.id}/revoke`,
    );
    expect(othersKey.statusCode).toBe(404);
  });

  it("ends a session on logout and rotates refresh tokens", async () => {
    const login = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "vendor", password: "demo-password-for-tests" },
    });
    const { accessToken, refreshToken } = login.json();
    expect(login.headers["set-cookie"]).toContain("HttpOnly");
    const refreshed = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/refresh",
      payload: { refreshToken },
    });
    expect(refreshed.statusCode).toBe(200);
    const replay = await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/refresh",
      payload: { refreshToken },
    });
    expect(replay.json().code).toBe("invalid_refresh_token");

    const fresh = `Bearer ${refreshed.json().accessToken}`;
    expect(
      (await t.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: { authorization: fresh } }))
        .statusCode,
    ).toBe(204);
    const after = await t.app.inject({
      method: "GET",
      url: "/api/v1/participants/me",
      headers: { authorization: fresh },
    });
    expect(after.statusCode).toBe(401);
    // The first token's session was spent by the refresh: it is no longer accepted either.
    const old = await t.app.inject({
      method: "GET",
      url: "/api/v1/participants/me",
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(old.statusCode).toBe(401);
  });

  it("refuses forged and expired tokens", async () => {
    const token = (await t.bearer("bureau")).slice("Bearer ".length);
    const me = (value: string) =>
      t.app.inject({
        method: "GET",
        url: "/api/v1/participants/me",
        headers: { authorization: `Bearer ${value}` },
      });
    const last = token.at(-1) === "A" ? "B" : "A";
    for (const forged of [`${token.slice(0, -1)}${last}`, "yat_guess", "eyJhbGciOiJub25lIn0.e30."]) {
      expect((await me(forged)).json().code).toBe("invalid_token");
    }
    expect((await me(token)).statusCode).toBe(200);
    t.clock.advance((t.config.accessTokenTtlSeconds + 1) * 1000);
    const expired = await me(token);
    t.clock.advance(-(t.config.accessTokenTtlSeconds + 1) * 1000);
    expect(expired.json().code).toBe("invalid_token");
  });

  it("records failed logins without the password", async () => {
    await t.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "notary", password: "wrong-password-xyz" },
    });
    const events = await t.k.outbox.readAfter(t.k.db, 0, 100_000);
    const failed = events.filter((e) => e.type === "identity.login_failed");
    expect(failed.length).toBeGreaterThan(0);
    expect(JSON.stringify(failed)).not.toContain("wrong-password-xyz");
  });
});
