// End to end, in a real browser (PR-2, PR-4, SG-7): a holder of a registered demo resource offers a
// processing-and-use grant of its holding right to the vendor; the vendor accepts (signs) it; the
// contract page then checks the document hash and both Ed25519 signatures in the browser with
// WebCrypto. A citizen files quality feedback on a catalog item and the holder responds.
//
// Same set-up as catalog.browser.test.ts: the real Fastify server on SQLite over a TCP port with
// the demo world and its registered resources, and Debian's /usr/bin/chromium driven by
// playwright-core, one browser context per user. It needs the built portal in dist/web.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoResources } from "../../src/flows/demo-resources.js";
import { DEMO_PASSWORD, type TestApp, testApp } from "../support/kernels.js";

const CHROMIUM = "/usr/bin/chromium";
const PORTAL_INDEX = fileURLToPath(new URL("../../dist/web/index.html", import.meta.url));
const SCREENSHOT_DIR = join(tmpdir(), "yaosu-browser");
const TRAFFIC = "城市道路交通流量数据";

describe("rights contracts and quality feedback through the portal, in Chromium", { timeout: 60_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  const pageErrors: string[] = [];
  let contractUrl = "";

  beforeAll(async () => {
    if (!existsSync(PORTAL_INDEX))
      throw new Error(`the portal is not built: ${PORTAL_INDEX} is missing. Run \`npm run build\`.`);
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (Debian package "chromium")`);
    t = await testApp("sqlite");
    await seedDemoResources(t.k);
    origin = await t.app.listen({ port: 0, host: "127.0.0.1" });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
    });
    await mkdir(SCREENSHOT_DIR, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.cleanup();
  });

  /** A fresh browser context (its own session storage) signed in as `username`, landing on `next`. */
  async function signedIn(username: string, next: string): Promise<Page> {
    const context = await browser.newContext({ baseURL: origin, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on("pageerror", (error) => pageErrors.push(String(error.stack ?? error)));
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByTestId("login-username").fill(username);
    await page.getByTestId("login-password").fill(DEMO_PASSWORD);
    await page.getByTestId("login-submit").click();
    await page.waitForURL((url) => url.pathname === next.split("?")[0]);
    return page;
  }

  async function participantOf(username: string): Promise<string> {
    const row = await t.k.db
      .selectFrom("users")
      .select("participant_id")
      .where("username", "=", username)
      .executeTakeFirstOrThrow();
    return row.participant_id;
  }

  it("PR-2, PR-4: the holder grants a processing-and-use right to the vendor, who accepts; both signatures verify", async () => {
    const vendorId = await participantOf("vendor");
    const bureau = await signedIn("bureau", "/rights");
    const resource = bureau.getByTestId("rights-resource").filter({ hasText: TRAFFIC });
    const holding = resource.locator("[data-testid=right-node][data-kind=holding][data-status=active]");
    await holding.waitFor();
    await holding.getByTestId("right-node-link").first().click();
    await bureau.waitForURL(/\/rights\/rgt_/);

    await bureau.getByTestId("propose-form").waitFor();
    await bureau.getByTestId("propose-kind-grant").check();
    await bureau.getByTestId("propose-right-kind").selectOption("processing_use");
    await bureau.getByTestId("propose-counterparty").selectOption(vendorId);
    await bureau.getByTestId("propose-scope").fill("交通流量建模，不得重新识别个人");
    await bureau.getByTestId("propose-price").fill("12500");
    await bureau.getByTestId("propose-submit").click();
    await bureau.waitForURL(/\/rights\/contracts\/rct_/);
    contractUrl = new URL(bureau.url()).pathname;
    expect(await bureau.getByTestId("contract-status").getAttribute("data-status")).toBe("proposed");
    expect(await bureau.getByTestId("signature-counterparty").textContent()).toContain("尚未签署");
    await bureau.context().close();

    const vendor = await signedIn("vendor", "/rights");
    const row = vendor.locator(
      `[data-testid=contract-row][data-contract-id='${contractUrl.split("/").pop()}']`,
    );
    await row.waitFor();
    expect(await row.getAttribute("data-status")).toBe("proposed");
    await row.getByTestId("contract-accept").click();
    await vendor.locator(`[data-testid=contract-row][data-status=signed]`).waitFor();
    // the derived right is now in the vendor's lineage
    await vendor
      .locator("[data-testid=right-node][data-kind=processing_use][data-status=active]")
      .first()
      .waitFor();

    await vendor.goto(contractUrl);
    await vendor.getByTestId("contract-resulting-right").waitFor();
    expect(await vendor.getByTestId("contract-status").getAttribute("data-status")).toBe("signed");
    expect(await vendor.getByTestId("contract-sha256").textContent()).toMatch(/^[0-9a-f]{64}$/);
    await vendor.getByTestId("contract-verify").click();
    const verdict = vendor.getByTestId("contract-verdict");
    await verdict.waitFor();
    expect(await verdict.getAttribute("data-valid")).toBe("true");
    expect(await vendor.getByTestId("contract-check-hash").getAttribute("data-ok")).toBe("true");
    for (const party of ["holder", "counterparty"])
      expect(await vendor.getByTestId(`signature-${party}`).getAttribute("data-signature-status")).toBe(
        "valid",
      );

    const download = vendor.waitForEvent("download");
    await vendor.getByTestId("contract-download").click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^rct_[0-9A-Z]{26}\.json$/);
    await vendor.screenshot({ path: join(SCREENSHOT_DIR, "rights-contract-zh.png"), fullPage: true });
    await vendor.context().close();
  });

  it("SG-7: a citizen files quality feedback from the catalog and the holder responds", async () => {
    const citizen = await signedIn("citizen", "/catalog");
    await citizen.getByTestId("catalog-q").fill("交通流量");
    await citizen.getByTestId("catalog-submit").click();
    const item = citizen.getByTestId("catalog-item").filter({ hasText: TRAFFIC });
    await item.waitFor();
    await item.getByTestId("catalog-item-quality").click();
    await citizen.waitForURL(/\/quality\?registration=reg_/);
    await citizen.getByTestId("quality-summary").waitFor();
    const before = Number(await citizen.getByTestId("quality-count-total").textContent());

    await citizen.getByTestId("quality-kind-quality").check();
    await citizen.getByTestId("quality-dimension").selectOption("completeness");
    await citizen.getByTestId("quality-text").fill("2025 年 3 月有 12 个断面缺少夜间数据。");
    await citizen.getByTestId("quality-evidence").fill("https://example.org/gaps.csv");
    await citizen.getByTestId("quality-submit").click();
    await citizen.getByTestId("quality-filed").waitFor();
    await expect
      .poll(async () => Number(await citizen.getByTestId("quality-count-total").textContent()))
      .toBe(before + 1);
    const filed = citizen.getByTestId("feedback-filed").getByTestId("feedback-item").first();
    await filed.waitFor();
    expect(await filed.getAttribute("data-status")).toBe("open");
    expect(await filed.getByTestId("feedback-deadline").getAttribute("data-overdue")).toBe("false");
    expect(await filed.getByTestId("feedback-escalate").isDisabled()).toBe(true);
    const feedbackId = await filed.getAttribute("data-feedback-id");
    await citizen.context().close();

    const bureau = await signedIn("bureau", "/quality");
    const received = bureau.locator(`[data-testid=feedback-received] [data-feedback-id='${feedbackId}']`);
    await received.waitFor();
    await received.getByTestId("feedback-respond").click();
    await received.getByTestId("feedback-choice-accept").check();
    await received.getByTestId("feedback-respond-form-text").fill("已补采缺失时段，下周更新。");
    await received.getByTestId("feedback-respond-form-confirm").click();
    await bureau.locator(`[data-feedback-id='${feedbackId}'][data-status=responded]`).waitFor();
    expect(await received.getByTestId("feedback-response").getAttribute("data-response")).toBe("accept");
    await bureau.screenshot({ path: join(SCREENSHOT_DIR, "quality-zh.png"), fullPage: true });
    await bureau.context().close();
  });

  it("left no script errors in the pages", () => {
    expect(pageErrors).toEqual([]);
  });
});
