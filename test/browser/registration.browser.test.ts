// End to end, in a real browser (PR-3, PD-3, SG-7): a holder drafts and submits a registration in
// the portal, the exchange operator reviews and passes it, another participant objects during the
// public notice, the operator dismisses the objection; once the notice period is over (manual
// clock) the notice is closed, and the public certificate page verifies the exchange's signature
// in the browser and shows a QR code to itself; a tampered JWS pasted into the verifier fails.
//
// Runs the real Fastify server on SQLite over a TCP port and Debian's /usr/bin/chromium driven by
// playwright-core. It needs the built portal in dist/web (`npm test` builds it in pretest).
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type ConsoleMessage, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, type TestApp, testApp } from "../support/kernels.js";

const CHROMIUM = "/usr/bin/chromium";
const PORTAL_INDEX = fileURLToPath(new URL("../../dist/web/index.html", import.meta.url));
const SCREENSHOT_DIR = join(tmpdir(), "yaosu-browser");
const DAY_MS = 24 * 60 * 60 * 1000;
const NAME = `浦东公交刷卡数据 ${Date.now() % 1e6}`;

describe("PR-3 registration, notice, objection and certificate through the portal, in Chromium", {
  timeout: 60_000,
}, () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let origin: string;
  let registrationId = "";
  let registrationNumber = "";
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(PORTAL_INDEX))
      throw new Error(`the portal is not built: ${PORTAL_INDEX} is missing. Run \`npm run build\`.`);
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (Debian package "chromium")`);
    t = await testApp("sqlite");
    origin = await t.app.listen({ port: 0, host: "127.0.0.1" });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    const context = await browser.newContext({ baseURL: origin, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on("console", (m: ConsoleMessage) => {
      if (m.type() === "error") consoleErrors.push(`${m.text()} @ ${m.location().url}`);
    });
    page.on("pageerror", (error) => consoleErrors.push(String(error.stack ?? error)));
  });

  afterAll(async () => {
    await browser?.close();
    await t?.cleanup();
  });

  async function logIn(username: string, next: string) {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByTestId("login-username").fill(username);
    await page.getByTestId("login-password").fill(DEMO_PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.getByTestId("whoami").waitFor();
  }
  async function logOut() {
    // from the home page: a private record left on screen would be refetched, anonymously, as a 404
    await page.goto("/");
    await page.getByTestId("logout").click();
    await page.getByTestId("login-link").waitFor();
  }
  const status = () => page.getByTestId("registration-facts").getByTestId("registration-status");

  it("PR-3 lets the holder draft a registration with its fields and submit it", async () => {
    await logIn("enterprise-a", "/");
    await page.getByTestId("nav-registrations").click();
    await page.getByTestId("reg-new").click();
    await page.getByTestId("reg-name").fill(NAME);
    await page.getByTestId("reg-description").fill("2025 年浦东新区公交刷卡记录，卡号已哈希。");
    await page.getByTestId("reg-keywords").fill("公交，出行");
    await page.getByTestId("reg-industry").selectOption("G");
    await page.getByTestId("reg-legalBasis").selectOption("generated");
    await page.getByTestId("reg-collectionMethod").fill("车载刷卡终端自动采集");
    await page.getByTestId("reg-field-add").click();
    await page.getByTestId("reg-field-name").fill("card_hash");
    await page.getByTestId("reg-volumeRows").fill("1200000");
    await page.getByTestId("reg-format").selectOption("parquet");
    await page.getByTestId("reg-updateFrequency").selectOption("daily");
    await page.getByTestId("reg-timeFrom").fill("2025-01-01");
    await page.getByTestId("reg-timeTo").fill("2025-12-31");
    await page.getByTestId("reg-contactName").fill("数据管理部");
    await page.getByTestId("reg-contactEmail").fill("data@enterprise-a.example");
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, "registration-form-zh.png"), fullPage: true });
    await page.getByTestId("reg-save").click();

    await page.waitForURL(/\/registrations\/reg_[0-9A-Z]{26}$/);
    registrationId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
    expect(await status().getAttribute("data-status")).toBe("draft");
    expect(await page.getByTestId("registration-name").textContent()).toBe(NAME);

    await page.getByTestId("reg-submit").click();
    await page.locator('[data-testid="registration-facts"] [data-status="submitted"]').waitFor();
    expect(await status().textContent()).toBe("已提交");
    const row = await t.k.db
      .selectFrom("registrations")
      .select(["status", "fields", "industry", "volume_rows"])
      .where("id", "=", registrationId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "submitted", industry: "G", volume_rows: 1_200_000 });
    expect(JSON.parse(row.fields)).toEqual([{ name: "card_hash", type: "string" }]);
    await logOut();
  });

  it("PR-3 lets the operator review it from the queue and pass it into public notice", async () => {
    await logIn("operator", "/");
    await page.getByTestId("nav-registrationReview").click();
    const row = page.locator(`[data-testid="queue-row"][data-registration-id="${registrationId}"]`);
    await row.getByRole("link", { name: NAME }).click();
    await page.getByTestId("review-start").click();
    await page.locator('[data-testid="registration-facts"] [data-status="in_review"]').waitFor();
    // PR-1: the reviewer overrides the holder's grade, with a reason shown on the record
    await page.getByTestId("review-reclassify").click();
    const form = page.getByTestId("reclassify-form");
    await form.getByRole("combobox").nth(1).selectOption("important");
    await form.getByRole("textbox").fill("涉及重要生产经营信息，调整为重要数据。");
    await form.getByRole("button").click();
    await page.getByTestId("review-done").waitFor();
    await page.getByText("涉及重要生产经营信息，调整为重要数据。").waitFor();
    await page.getByTestId("review-pass").click();
    await page.getByTestId("review-form-reason").fill("材料齐全，形式审查通过。");
    await page.getByTestId("review-form-confirm").click();
    await page.locator('[data-testid="registration-facts"] [data-status="in_notice"]').waitFor();
    expect(await status().textContent()).toBe("公示中");
    await logOut();
  });

  it("SG-7 lets another participant object on the public notice page", async () => {
    // readable without logging in
    await page.goto("/notices");
    const item = page.locator(`[data-testid="notice-item"][data-registration-id="${registrationId}"]`);
    expect(await item.textContent()).toContain("剩余 10 天");
    expect(await item.getByTestId("notice-object").count()).toBe(0);

    await logIn("enterprise-b", "/notices");
    await item.getByTestId("notice-object").click();
    await item.getByTestId("objection-reasons").fill("该数据含我司车载终端采集的记录，权属存在争议。");
    await item
      .getByTestId("objection-evidence")
      .fill("https://enterprise-b.example/contract-2024-17\nevt_123");
    await item.getByTestId("objection-submit").click();
    await item.getByTestId("objection-filed").waitFor();
    await logOut();
  });

  it("PR-3 lets the operator dismiss the objection with a reason", async () => {
    await logIn("operator", `/registrations/${registrationId}`);
    const objection = page.getByTestId("objection");
    await objection.waitFor();
    expect(await objection.getAttribute("data-status")).toBe("open");
    expect(await objection.textContent()).toContain("contract-2024-17");
    await objection.getByTestId("objection-dismiss").click();
    await objection.getByTestId("objection-form-reason").fill("所附合同为设备采购合同，不涉及数据权属。");
    await objection.getByTestId("objection-form-confirm").click();
    await page.locator('[data-testid="objection"][data-status="dismissed"]').waitFor();
    // the period still runs: closing now is refused, in words
    await page.getByTestId("review-close-notice").click();
    expect(await page.getByTestId("error-panel").textContent()).toContain("公示期尚未届满");
    await logOut();
  });

  it("PR-3 lets the operator close the notice once its period is over, registering the resource", async () => {
    t.clock.advance(11 * DAY_MS); // the server's clock; the browser logs in afresh after the jump
    await logIn("operator", "/review");
    // listed as due: the server's clock, not the browser's, says the period is over
    const row = page.locator(
      `[data-testid="review-notices"] [data-registration-id="${registrationId}"][data-due="true"]`,
    );
    await row.getByRole("link", { name: NAME }).click();
    await page.getByTestId("review-close-notice").click();
    expect(await page.getByTestId("review-done").textContent()).toContain("已登记");
    await page.locator('[data-testid="registration-facts"] [data-status="registered"]').waitFor();
    const stored = await t.k.db
      .selectFrom("registrations")
      .select(["status", "registration_number"])
      .where("id", "=", registrationId)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe("registered");
    registrationNumber = stored.registration_number ?? "";
    expect(registrationNumber).toMatch(/^YS-REG-\d{4}-\d{6}$/);
    await logOut();
  });

  it("PR-3 shows the certificate verified in the browser, with a QR code to itself", async () => {
    const issued = await t.app.inject({ method: "GET", url: `/api/v1/certificates/${registrationNumber}` });
    expect(issued.statusCode, issued.body).toBe(200);

    await page.goto(`/certificates/${registrationNumber}`);
    const verdict = page.locator('[data-testid="certificate-verdict"][data-verdict="valid"]');
    await verdict.waitFor();
    expect(await verdict.textContent()).toContain("签名有效");
    expect(await page.getByTestId("certificate-number").textContent()).toBe(registrationNumber);
    expect(await page.getByTestId("certificate-resource").textContent()).toBe(NAME);
    const qr = page.getByTestId("certificate-qr");
    expect(await qr.getAttribute("data-text")).toBe(`${origin}/certificates/${registrationNumber}`);
    expect((await qr.locator("path").getAttribute("d"))?.length).toBeGreaterThan(500);

    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, "certificate-zh.png"), fullPage: true });
    // printed: the sheet alone, without the navigation
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".topbar").isVisible()).toBe(false);
    expect(await page.getByTestId("certificate-print").isVisible()).toBe(false);
    expect(await page.getByTestId("certificate-sheet").isVisible()).toBe(true);
    await page.emulateMedia({ media: "screen" });
  });

  it("PR-3 the verifier accepts the certificate as issued and fails a tampered one", async () => {
    const jws = (await page.getByTestId("certificate-jws").textContent()) ?? "";
    const [header, payload, signature] = jws.split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString("utf8"));
    const forged = Buffer.from(JSON.stringify({ ...claims, holderName: "冒名公司" })).toString("base64url");

    await page.goto("/certificates/verify");
    await page.getByTestId("verify-jws").fill(`${header}.${forged}.${signature}`);
    await page.getByTestId("verify-submit").click();
    const failed = page.locator('[data-testid="certificate-verdict"][data-verdict="invalid"]');
    await failed.waitFor();
    expect(await failed.getAttribute("data-failure")).toBe("bad_signature");
    expect(await failed.textContent()).toContain("核验未通过");

    await page.getByTestId("verify-jws").fill(jws);
    await page.getByTestId("verify-submit").click();
    await page.locator('[data-testid="certificate-verdict"][data-verdict="valid"]').waitFor();
  });

  it("left no errors in the browser console", () => {
    // The one error the flow provokes on purpose: the early close-notice answered 409.
    const expected = (e: string) => e.includes("status of 409") && e.includes("/close-notice");
    expect(consoleErrors.filter((e) => !expected(e))).toEqual([]);
    expect(consoleErrors.filter(expected)).toHaveLength(1);
  });
});
