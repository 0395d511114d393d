// The participation officer's console, end to end: what a young person says on their screens reaches the
// officer's inbox, a view that mentions risk comes first until it is followed up, results show the rating,
// the export downloads, and every console screen passes axe in English and in Welsh.
//
// Needs the young person's app in dist/ and the console in dist/officer/ (build the app first: `trunk
// build` empties dist/), and the server binary: see the commands in scripts/build-console.sh.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sql, appReady, focusLandsOn, axe, ROOT, saySomething, withServerAndBrowser } from "./helpers.mjs";
import { EMAIL, PASSWORD, createOfficer, signIn, switchLanguage, axeBothLanguages, openSection } from "./officer-helpers.mjs";

const APP_DIR = process.env.YOURSAY_APP_DIR || join(ROOT, "dist");
const RISKY = "I feel unsafe at home";
const NORMAL = "The youth club on Tuesdays is great";

async function waitFor(check, what, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function rateSocialWorkerGood(page, base) {
  await page.goto(base + "/rate");
  await page.locator('button[data-code="social_worker"]').click();
  await page.getByRole("button", { name: "Good", exact: true }).click(); // equality
  for (let i = 1; i < 11; i++) {
    await page.getByRole("button", { name: "Skip this one" }).click();
  }
  await page.getByRole("button", { name: "Send my answers" }).click();
  await page.waitForURL("**/thanks");
}

/** The young person's part: two views (one mentioning risk, said first) and one rating reach the server. */
async function youngPersonSays(browser, base, db) {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await page.goto(base + "/");
  await appReady(page);
  await saySomething(page, base, RISKY);
  // Different creation times, so "newest first" has something to order: the page's clock moves on.
  const saidAt = await page.evaluate(() => Date.now());
  await page.waitForFunction((t) => Date.now() > t + 1, saidAt);
  await saySomething(page, base, NORMAL);
  await rateSocialWorkerGood(page, base);
  await waitFor(() => sql(db, "SELECT COUNT(*) FROM entries")[0][0] === "3", "three entries on the server");
  await context.close();
}

test("the console builds are in place", () => {
  assert.ok(existsSync(join(APP_DIR, "index.html")), "the young person's app is built (trunk build)");
  assert.ok(existsSync(join(APP_DIR, "officer/index.html")), "the console is built (scripts/build-console.sh, after trunk build)");
});

test("an officer sees a flagged view first, follows it up, sees the rating and exports it", { timeout: 300_000 }, async () => {
  await withServerAndBrowser(async ({ server, browser, db }) => {
    createOfficer(db);
    await youngPersonSays(browser, server.url, db);
    const ids = sql(db, "SELECT id FROM entries ORDER BY id").map((r) => r[0]);
    const riskyId = sql(db, `SELECT id FROM entries WHERE text = '${RISKY}'`)[0][0];

    // axe-core is injected as an inline script, which the server's policy forbids; this context lets it in.
    // (The next test checks the console itself runs under the real policy.)
    const context = await browser.newContext({ locale: "en-GB", acceptDownloads: true, bypassCSP: true });
    const page = await context.newPage();

    // Any console path without a session lands on sign-in.
    await page.goto(server.url + "/officer/results");
    await page.waitForURL("**/officer/sign-in");
    await page.waitForSelector('main h1:has-text("Sign in")');
    await axeBothLanguages(page, "sign-in");

    // A wrong password says so, in words, and in Welsh after switching.
    await signIn(page, server.url, "not the right password");
    const error = page.locator("#sign-in-error");
    await page.waitForFunction(() => document.querySelector("#sign-in-error")?.textContent.includes("not right"));
    assert.equal(await error.getAttribute("role"), "alert");
    await switchLanguage(page, "cy");
    assert.match(await error.innerText(), /Nid yw'r cyfeiriad e-bost neu'r cyfrinair yn gywir/);
    assert.equal(await page.locator("main h1").innerText(), "Mewngofnodi");
    await axeBothLanguages(page, "sign-in with an error");

    // The right password opens the inbox: the flagged view first, marked in words, written in English.
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL("**/officer/inbox");
    await page.waitForSelector(".view-item");
    const items = page.locator(".view-item");
    assert.equal(await items.count(), 2);
    const first = items.first();
    assert.equal(await first.getAttribute("data-id"), riskyId);
    assert.match(await first.getAttribute("class"), /flagged/);
    assert.match(await first.innerText(), /Possible risk: follow up/);
    assert.match(await first.innerText(), /Risk words found:\s*unsafe/);
    assert.equal(await first.locator("blockquote").getAttribute("lang"), "en");
    assert.equal(await first.locator("blockquote").innerText(), RISKY);
    await axeBothLanguages(page, "inbox");

    // Filter to flagged views only: just the one.
    await page.getByLabel("Status").selectOption("flagged");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForFunction(() => document.querySelectorAll(".view-item").length === 1);
    await page.getByRole("button", { name: "Clear filters" }).click();
    await page.waitForFunction(() => document.querySelectorAll(".view-item").length === 2);

    // Followed up: it loses its place at the top and says so.
    await first.getByRole("button", { name: "Mark followed up" }).click();
    await page.waitForFunction(
      (id) => document.querySelector(".view-item")?.getAttribute("data-id") !== id,
      riskyId,
    );
    await focusLandsOn(page, "inbox-count", "focus is not lost");
    assert.match(await items.first().innerText(), /youth club/);
    const followed = page.locator(`.view-item[data-id="${riskyId}"]`);
    assert.doesNotMatch(await followed.getAttribute("class"), /flagged/);
    assert.match(await followed.innerText(), /Followed up/);
    assert.equal(sql(db, `SELECT followed_up FROM entries WHERE id = '${riskyId}'`)[0][0], "1");

    // Results: one chart for every promise. Equality's one "Good" is fewer than 5, so its row has no bar
    // and says why; the promises nobody rated are named in one line.
    await openSection(page, "Results", "Results");
    await page.waitForSelector("#promises-table");
    assert.equal(await page.locator("svg.chart").count(), 2, "one chart for the promises, one for the services");
    const equality = page.locator('#promises-table tr[data-code="equality"]');
    // Really bad, bad, OK, good: the fourth count is the "Good".
    assert.equal(await equality.locator("td").nth(3).innerText(), "fewer than 5");
    const chartRow = page.locator('#promises-chart g[data-code="equality"]');
    assert.equal(await chartRow.locator("rect").count(), 0, "no bar for a row with a hidden count");
    assert.match(await chartRow.textContent(), /fewer than 5 answers: no bar/);
    assert.match(await page.locator("#promises-none").innerText(), /^No answers yet: .*Support/);
    const serviceTotal = page.locator('#services-table tr[data-code="social_worker"] td').nth(6);
    assert.equal(await serviceTotal.innerText(), "fewer than 5");
    await axeBothLanguages(page, "results");
    await page.getByRole("button", { name: "Present on a big screen" }).click();
    await page.waitForSelector(".board.present #present-heading");
    await axeBothLanguages(page, "results, presenting");
    await page.getByRole("button", { name: "Leave the presentation" }).click();
    await page.waitForSelector(".board:not(.present)");

    // Catalogue: a server refusal shows next to the field, translated; then the item is added.
    await openSection(page, "Catalogue", "Catalogue");
    await page.waitForSelector('tr[data-code="equality"]');
    await axeBothLanguages(page, "catalogue");
    await page.locator("#promises-code").fill("listened_to");
    await page.locator("#promises-name_en").fill("Listened to");
    await page.locator("#promises-line_en").fill("People listen to me.");
    await page.locator("#promises-line_cy").fill("Mae pobl yn gwrando arna i.");
    await page.getByRole("button", { name: "Add", exact: true }).first().click();
    await page.waitForSelector("#promises-name_cy-error");
    assert.match(await page.locator("#promises-name_cy-error").innerText(), /It is empty/);
    assert.equal(await page.locator("#promises-name_cy").getAttribute("aria-invalid"), "true");
    await axeBothLanguages(page, "catalogue with an error");
    await page.locator("#promises-name_cy").fill("Gwrando arna i");
    await page.getByRole("button", { name: "Add", exact: true }).first().click();
    await page.waitForSelector('tr[data-code="listened_to"]');
    assert.match(await page.locator('tr[data-code="listened_to"] td[lang="cy"]').innerText(), /Gwrando arna i/);

    // Risk words, settings, audit log.
    await openSection(page, "Risk words", "Risk words");
    await page.waitForSelector("#keywords-en");
    assert.match(await page.locator("#keywords-en").inputValue(), /unsafe/);
    await axeBothLanguages(page, "risk words");
    await openSection(page, "Settings", "Settings");
    await page.waitForFunction(() => document.querySelector("#retention-months")?.value !== "");
    await axeBothLanguages(page, "settings");
    await openSection(page, "Audit log", "Audit log");
    await page.waitForSelector(".audit-table tbody tr");
    assert.match(await page.locator(".audit-table").innerText(), /View marked followed up/);
    await axeBothLanguages(page, "audit log");

    // Export: a CSV with the BOM, the header and every entry.
    await openSection(page, "Export", "Export");
    await axeBothLanguages(page, "export");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the export" }).click(),
    ]);
    const csv = readFileSync(await download.path(), "utf8");
    assert.ok(csv.startsWith("\uFEFF"), "UTF-8 BOM for Excel");
    assert.equal(
      csv.slice(1).split("\r\n")[0],
      "entry_id,created_at,event,role,role_en,role_cy,age_band,age_band_en,age_band_cy,language,kind,service_code,service_en,service_cy,promise_code,promise_en,promise_cy,score,score_en,score_cy,text,survey,survey_version,question_code,question_en,question_cy,choice_code,choice_en,choice_cy",
    );
    for (const id of ids) assert.ok(csv.includes(id), `the export has ${id}`);
    assert.match(download.suggestedFilename(), /^yoursay-export-\d{4}-\d{2}-\d{2}\.csv$/);

    // Signing out ends the session: the console is back at sign-in, and the API says 401.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/officer/sign-in");
    assert.match(await page.locator("main").innerText(), /You have signed out/);
    const status = await page.evaluate(async () => (await fetch("/api/v1/officer/me")).status);
    assert.equal(status, 401);
    await context.close();
  });
});

test("the console runs under the server's Content-Security-Policy and asks only its own origin", { timeout: 180_000 }, async () => {
  await withServerAndBrowser(async ({ server, browser, db }) => {
    createOfficer(db);
    await youngPersonSays(browser, server.url, db);
    const context = await browser.newContext({ locale: "cy-GB" });
    const page = await context.newPage();
    const problems = [];
    page.on("console", (m) => {
      // The start-up check of the session cookie is a 401 before signing in, which Chromium logs.
      if (m.type() === "error" && !/status of 401/.test(m.text())) problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(String(e)));
    const origins = new Set();
    page.on("request", (r) => origins.add(new URL(r.url()).origin));

    await page.goto(server.url + "/officer/");
    await page.waitForURL("**/officer/sign-in");
    // The browser prefers Welsh: the console starts in Welsh.
    await page.waitForSelector('main h1:has-text("Mewngofnodi")');
    assert.equal(await page.evaluate(() => document.documentElement.lang), "cy-GB");
    await page.getByLabel("Cyfeiriad e-bost").fill(EMAIL);
    await page.getByLabel("Cyfrinair").fill(PASSWORD);
    await page.getByRole("button", { name: "Mewngofnodi", exact: true }).click();
    await page.waitForURL("**/officer/inbox");
    await page.waitForSelector(".view-item.flagged");
    assert.match(await page.locator(".view-item.flagged").innerText(), /Risg bosibl: dilynwch i fyny/);
    await page.goto(server.url + "/officer/results");
    await page.waitForSelector("#promises-table");
    await page.goto(server.url + "/officer/catalogue");
    await page.waitForSelector('tr[data-code="equality"]');

    assert.deepEqual(problems, [], "no errors and no policy violations in the console");
    assert.deepEqual([...origins], [server.url], "requests only to the server itself");
    await context.close();
  });
});

test("repeated wrong passwords are slowed down, and the console says how long to wait", { timeout: 120_000 }, async () => {
  await withServerAndBrowser(async ({ server, browser, db }) => {
    createOfficer(db);
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(server.url + "/officer/sign-in");
    await page.waitForSelector('main h1:has-text("Sign in")');
    await page.getByLabel("Email address").fill(EMAIL);
    const error = page.locator("#sign-in-error");
    let text = "";
    for (let i = 0; i < 8 && !/Too many/.test(text); i++) {
      await page.getByLabel("Password").fill(`wrong password number ${i}`);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForFunction(() => document.querySelector("#sign-in-error")?.textContent.trim() !== "");
      await page.waitForFunction(() => !document.querySelector("main button[type=submit]")?.disabled);
      text = await error.innerText();
    }
    assert.match(text, /Too many attempts to sign in\. Wait \d+ seconds, then try again\./);
    await switchLanguage(page, "cy");
    assert.match(await error.innerText(), /Gormod o ymdrechion i fewngofnodi\. Arhoswch \d+ eiliad/);
    // Even the right password is refused while slowed down: the server says 429 and for how long, and the
    // console says so in words.
    await page.getByLabel("Cyfrinair").fill(PASSWORD);
    const answered = page.waitForResponse(
      (r) => r.url().endsWith("/api/v1/officer/session") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: "Mewngofnodi", exact: true }).click();
    const response = await answered;
    assert.equal(response.status(), 429);
    const wait = Number(response.headers()["retry-after"]);
    assert.ok(wait >= 1 && wait <= 900, `Retry-After: ${wait}`);
    assert.match((await response.json()).detail, /^Too many failed sign-ins\. Try again in \d+ seconds\.$/);
    await page.waitForFunction(() => !document.querySelector("main button[type=submit]")?.disabled);
    assert.match(await error.innerText(), new RegExp(`Gormod o ymdrechion i fewngofnodi\\. Arhoswch ${wait} eiliad`));
    assert.match(page.url(), /\/officer\/sign-in$/);
    await context.close();
  });
});
