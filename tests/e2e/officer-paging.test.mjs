// Paging the officer's long lists, end to end: 25 views make two pages of the inbox (20 a page) and the
// officer's moderation of each makes more than one page of the audit log (50 a page). The officer pages
// forwards and back through both, in English and in Welsh; no screen shows program text, and axe passes.
//
// Needs the young person's app in dist/ and the console in dist/officer/, and the server binary: see
// scripts/build-console.sh (YOURSAY_APP_DIR and YOURSAY_SERVER_BIN override both).
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { expectNoCodeText, sql, withServerAndBrowser, pushEntries } from "./helpers.mjs";
import { createOfficer, signIn, axeBothLanguages, openSection, switchLanguage } from "./officer-helpers.mjs";

const VIEWS = 25;

async function pushViews(base) {
  const start = Date.now() - VIEWS * 60_000;
  // Oldest first; the inbox lists newest first, so "View 25" heads page 1 and "View 1" ends page 2.
  const entries = Array.from({ length: VIEWS }, (_, i) => ({
    id: randomUUID(),
    created_at: start + i * 60_000,
    language: "en",
    kind: "view",
    text: `View ${i + 1} about school`,
  }));
  await pushEntries(base, entries);
}

/** The pager's words and whether each button can be pressed. */
async function pager(page) {
  const nav = page.locator("nav.paging");
  const buttons = nav.locator("button");
  return {
    words: (await nav.innerText()).replace(/\s+/g, " ").trim(),
    previous: await buttons.nth(0).isEnabled(),
    next: await buttons.nth(1).isEnabled(),
  };
}

async function waitForPage(page, words) {
  await page.waitForFunction((w) => document.querySelector("nav.paging span")?.textContent.trim() === w, words);
}

test("an officer pages forwards and back through the inbox and the audit log, in both languages", { timeout: 300_000 }, async () => {
  await withServerAndBrowser(async ({ server, browser, db }) => {
    createOfficer(db);
    await pushViews(server.url);
    const context = await browser.newContext({ locale: "en-GB", bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, server.url);
    await page.waitForURL("**/officer/inbox");

    // ---- Inbox: 25 views, 20 a page. ----
    await page.waitForSelector("ol.views li.view-item");
    await waitForPage(page, "Page 1 of 2");
    assert.deepEqual(await pager(page), { words: "Previous page Page 1 of 2 Next page", previous: false, next: true });
    assert.equal(await page.locator("ol.views li.view-item").count(), 20);
    assert.match(await page.locator("ol.views li.view-item").first().innerText(), /View 25 about school/);
    await expectNoCodeText(page);
    await axeBothLanguages(page, "inbox, page 1");

    await page.getByRole("button", { name: "Next page" }).click();
    await waitForPage(page, "Page 2 of 2");
    await page.waitForFunction(() => document.querySelectorAll("ol.views li.view-item").length === 5);
    assert.deepEqual(await pager(page), { words: "Previous page Page 2 of 2 Next page", previous: true, next: false });
    assert.match(await page.locator("ol.views li.view-item").last().innerText(), /View 1 about school/);
    await expectNoCodeText(page);

    await switchLanguage(page, "cy");
    assert.deepEqual(await pager(page), { words: "Tudalen flaenorol Tudalen 2 o 2 Tudalen nesaf", previous: true, next: false });
    await expectNoCodeText(page);
    await page.getByRole("button", { name: "Tudalen flaenorol" }).click();
    await waitForPage(page, "Tudalen 1 o 2");
    await page.waitForFunction(() => document.querySelectorAll("ol.views li.view-item").length === 20);
    await expectNoCodeText(page);
    await switchLanguage(page, "en");

    // ---- Audit log: the officer hides and shows again each view (2 × 25 actions) after signing in. ----
    const ids = await page.locator("ol.views li.view-item").evaluateAll((items) => items.map((li) => li.dataset.id));
    await page.getByRole("button", { name: "Next page" }).click();
    await page.waitForFunction(() => document.querySelectorAll("ol.views li.view-item").length === 5);
    ids.push(...(await page.locator("ol.views li.view-item").evaluateAll((items) => items.map((li) => li.dataset.id))));
    assert.equal(new Set(ids).size, VIEWS, "the two pages hold every view once");
    for (const id of ids) {
      for (const action of ["hide", "unhide"]) {
        const status = await page.evaluate(
          async ([id, action]) =>
            (await fetch(`/api/v1/officer/views/${id}/${action}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" })).status,
          [id, action],
        );
        assert.equal(status, 200, `${action} ${id}`);
      }
    }

    await openSection(page, "Audit log", "Audit log");
    await waitForPage(page, "Page 1 of 2");
    await page.waitForFunction(() => document.querySelectorAll("table.audit-table tbody tr").length === 50);
    assert.deepEqual(await pager(page), { words: "Previous page Page 1 of 2 Next page", previous: false, next: true });
    await expectNoCodeText(page);
    await axeBothLanguages(page, "audit log, page 1");

    await page.getByRole("button", { name: "Next page" }).click();
    await waitForPage(page, "Page 2 of 2");
    // The retention run at start, the sign-in and 50 moderation actions: page 2 holds the oldest.
    const logged = Number(sql(db, "SELECT COUNT(*) FROM audit_log")[0][0]);
    assert.ok(logged > 50 && logged <= 100, `${logged} lines in the audit log`);
    await page.waitForFunction((n) => document.querySelectorAll("table.audit-table tbody tr").length === n, logged - 50);
    assert.match(await page.locator("table.audit-table tbody").innerText(), /Signed in/);
    assert.deepEqual(await pager(page), { words: "Previous page Page 2 of 2 Next page", previous: true, next: false });
    await expectNoCodeText(page);
    await switchLanguage(page, "cy");
    await expectNoCodeText(page);
    await page.getByRole("button", { name: "Tudalen flaenorol" }).click();
    await waitForPage(page, "Tudalen 1 o 2");
    await page.waitForFunction(() => document.querySelectorAll("table.audit-table tbody tr").length === 50);
    await expectNoCodeText(page);
  });
});

test("a view with a word longer than the screen wraps in the inbox at phone width", { timeout: 120_000 }, async () => {
  await withServerAndBrowser(async ({ server, browser, db }) => {
    createOfficer(db);
    const long = "a".repeat(300);
    await pushEntries(server.url, [{ id: randomUUID(), created_at: Date.now() - 1000, language: "en", kind: "view", text: `Look ${long} here` }]);
    const context = await browser.newContext({ locale: "en-GB", viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await signIn(page, server.url);
    await page.waitForURL("**/officer/inbox");
    await page.waitForSelector("ol.views li.view-item");
    const overflow = await page.evaluate(() => ({
      page: document.scrollingElement.scrollWidth - window.innerWidth,
      text: [...document.querySelectorAll(".view-text")].map((el) => el.scrollWidth - el.clientWidth),
    }));
    assert.deepEqual(overflow, { page: 0, text: [0] }, "nothing scrolls sideways");
  });
});
