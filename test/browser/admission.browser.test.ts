// End to end, in a real browser: a newcomer applies for admission through the portal, cannot log
// in while pending, the exchange operator admits them from the queue, and they then log in and see
// their participant admitted. Also checks the language switch, that the browser console stayed
// clean (CSP violations and script errors show up there), and leaves a screenshot in the OS temp
// dir for a human eye (Chinese glyphs, layout).
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
import { makeUscc } from "../../src/lib/cn-identifiers/index.js";
import { DEMO_PASSWORD, type TestApp, testApp } from "../support/kernels.js";

const CHROMIUM = "/usr/bin/chromium";
const PORTAL_INDEX = fileURLToPath(new URL("../../dist/web/index.html", import.meta.url));
const SCREENSHOT_DIR = join(tmpdir(), "yaosu-browser");

/** A fresh applicant, unique per run so a re-run never trips over uscc_taken / username_taken. */
function newApplicant() {
  const stamp = `${Date.now() % 1e8}`.padStart(8, "0");
  return {
    name: `浦江数据服务有限公司${stamp.slice(-4)}`,
    uscc: makeUscc(`91310115${stamp}0`),
    region: "310115",
    email: `data-${stamp}@pujiang.example`,
    username: `pujiang-${stamp}`,
    password: "pujiang-correct-horse-battery",
    displayName: "浦江管理员",
  };
}

interface ConsoleEntry {
  kind: "console" | "pageerror";
  text: string;
  url: string;
}

describe("admission through the portal, in Chromium", { timeout: 60_000 }, () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const applicant = newApplicant();
  let participantId = "";
  const consoleErrors: ConsoleEntry[] = [];

  beforeAll(async () => {
    if (!existsSync(PORTAL_INDEX))
      throw new Error(
        `the portal is not built: ${PORTAL_INDEX} is missing. Run \`npm run build\` (npm test does it in pretest).`,
      );
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
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    });
    const context = await browser.newContext({ baseURL: origin, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on("console", (message: ConsoleMessage) => {
      if (message.type() === "error")
        consoleErrors.push({ kind: "console", text: message.text(), url: message.location().url });
    });
    page.on("pageerror", (error) => {
      consoleErrors.push({ kind: "pageerror", text: String(error.stack ?? error), url: page.url() });
    });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.cleanup();
  });

  const text = (testId: string) => page.getByTestId(testId).textContent();

  async function logIn(username: string, password: string) {
    await page.getByTestId("login-link").click();
    await page.waitForURL("**/login");
    await page.getByTestId("login-username").fill(username);
    await page.getByTestId("login-password").fill(password);
    await page.getByTestId("login-submit").click();
  }

  it("takes an application from a new visitor on /apply and shows it pending", async () => {
    const response = await page.goto("/apply");
    expect(response?.status()).toBe(200);
    // the page runs under the server's CSP, so the console check at the end also covers it
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");

    // enterprise is the default type; pick it anyway so the test does not depend on that
    await page.getByTestId("apply-type").selectOption("enterprise");
    await page.getByTestId("apply-name").fill(applicant.name);
    await page.getByTestId("apply-uscc").fill(applicant.uscc);
    await page.getByTestId("apply-region").fill(applicant.region);
    await page.getByTestId("apply-email").fill(applicant.email);
    await page.getByTestId("apply-username").fill(applicant.username);
    await page.getByTestId("apply-password").fill(applicant.password);
    await page.getByTestId("apply-display-name").fill(applicant.displayName);
    await page.getByTestId("apply-submit").click();

    const result = page.getByTestId("apply-result");
    await result.waitFor();
    expect(await result.getAttribute("data-status")).toBe("pending");
    participantId = (await result.getAttribute("data-participant-id")) ?? "";
    expect(participantId).not.toBe("");
    expect(await text("apply-result-id")).toBe(participantId);
    expect(await result.locator(".badge").textContent()).toBe("待审核");

    // and the server agrees
    const row = await t.k.db
      .selectFrom("participants")
      .select(["status", "uscc", "name"])
      .where("id", "=", participantId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "pending", uscc: applicant.uscc, name: applicant.name });
  });

  it("refuses to log the new user in while the participant is pending", async () => {
    await logIn(applicant.username, applicant.password);
    const error = page.getByTestId("error-panel");
    await error.waitFor();
    const shown = await error.textContent();
    expect(shown).toContain("所属参与方当前不可登录");
    expect(shown).toContain("participant_not_active");
    expect(shown).toContain("HTTP 403");
    expect(await page.getByTestId("whoami").count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe("/login");
  });

  it("lets the operator admit the application from the admission queue", async () => {
    await page.goto("/");
    await logIn("operator", DEMO_PASSWORD);
    await page.getByTestId("home-welcome").waitFor();
    expect(await page.getByTestId("whoami").getAttribute("data-username")).toBe("operator");

    await page.getByTestId("nav-admissions").click();
    await page.waitForURL("**/admissions");
    const row = page.locator(`[data-testid="admission-row"][data-participant-id="${participantId}"]`);
    await row.waitFor();
    expect(await row.getAttribute("data-status")).toBe("pending");
    expect(await row.textContent()).toContain(applicant.name);
    expect(await row.textContent()).toContain(applicant.uscc);

    await row.getByTestId("admit-button").click();
    await row.waitFor({ state: "detached" });
    await page.getByRole("status").filter({ hasText: applicant.name }).waitFor();

    // it now sits under the admitted tab
    await page.getByTestId("admissions-tab-admitted").click();
    const admitted = page.locator(`[data-testid="admission-row"][data-participant-id="${participantId}"]`);
    await admitted.waitFor();
    expect(await admitted.getAttribute("data-status")).toBe("admitted");
  });

  it("lets the new user log in once admitted and shows the participant admitted", async () => {
    await page.getByTestId("logout").click();
    await page.waitForURL("**/login");
    await page.getByTestId("login-link").waitFor();
    expect(await page.getByTestId("whoami").count()).toBe(0);

    await logIn(applicant.username, applicant.password);
    const whoami = page.getByTestId("whoami");
    await whoami.waitFor();
    expect(await whoami.textContent()).toContain(applicant.username);
    expect(await whoami.getAttribute("data-username")).toBe(applicant.username);

    await whoami.click();
    await page.waitForURL("**/participants/me");
    const facts = page.getByTestId("participant-facts");
    await facts.waitFor();
    expect(await facts.getAttribute("data-participant-id")).toBe(participantId);
    expect(await text("participant-name")).toBe(applicant.name);
    const status = page.getByTestId("participant-status").locator(".badge");
    expect(await status.getAttribute("data-status")).toBe("admitted");
    expect(await status.textContent()).toBe("已准入");
  });

  it("switches the portal language to English and back", async () => {
    const status = page.getByTestId("participant-status").locator(".badge");
    const logout = page.getByTestId("logout");
    expect(await logout.textContent()).toBe("退出登录");

    await page.getByTestId("lang-switch").selectOption("en");
    await page.locator("html[lang='en']").waitFor({ state: "attached" });
    await page.getByTestId("logout").filter({ hasText: "Log out" }).waitFor();
    expect(await status.textContent()).toBe("Admitted");
    expect(await page.getByTestId("nav-myParticipant").textContent()).toBe("My participant");
    expect(await page.title()).toBe("要素 Yaosu · Data-element exchange");
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, "admission-en.png"), fullPage: true });

    await page.getByTestId("lang-switch").selectOption("zh-CN");
    await page.locator("html[lang='zh-CN']").waitFor({ state: "attached" });
    await page.getByTestId("logout").filter({ hasText: "退出登录" }).waitFor();
    expect(await status.textContent()).toBe("已准入");

    const screenshot = join(SCREENSHOT_DIR, "admission-zh.png");
    await page.screenshot({ path: screenshot, fullPage: true });
    console.info(`screenshots: ${screenshot} and admission-en.png beside it`);
  });

  it("left no errors in the browser console", () => {
    // The one error the flow provokes on purpose: Chromium logs the refused login's 403.
    const expected = (e: ConsoleEntry) =>
      e.kind === "console" && e.url === `${origin}/api/v1/auth/login` && e.text.includes("status of 403");
    expect(consoleErrors.filter((e) => !expected(e))).toEqual([]);
    // ...and seeing it proves the collector above is actually listening.
    expect(consoleErrors.filter(expected)).toHaveLength(1);
  });
});
