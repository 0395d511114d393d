// The console's smaller fixes of issue 13, end to end: a filter the server would refuse is named beside
// its field (and the export says so instead of a download that fails with no word); every moderation
// action has an Undo; filters and page stay in the address through a reload and Back; the page language
// carries its region and Welsh dates use Welsh month names; the audit log says its lines in words in both
// languages; the catalogue refuses a name already used, beside the box; presenting results is modal.
//
// Needs the young person's app in dist/ and the console in dist/officer/, and the server binary: see
// scripts/build-console.sh (YOURSAY_APP_DIR and YOURSAY_SERVER_BIN override both).
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { expectNoCodeText, withServerAndBrowser, pushAccepted } from "./helpers.mjs";
import { axeBothLanguages, openSection, signedInOfficer, switchLanguage } from "./officer-helpers.mjs";

const WELSH_MONTHS = /Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr/;

async function pushView(base, text) {
  await pushAccepted(base, [{ id: randomUUID(), created_at: Date.now() - 60_000, language: "en", kind: "view", text }]);
}

test("filter problems beside the field, Undo, filters in the address, dates and the audit log in words", { timeout: 300_000 }, async () => {
  await withServerAndBrowser(async (ctx) => {
    await pushView(ctx.server.url, "The bus to school is always late");
    const page = await signedInOfficer(ctx);
    assert.equal(await page.evaluate(() => document.documentElement.lang), "en-GB");
    await page.waitForSelector("ol.views li.view-item");

    // ---- A last day before the first: named beside "To", focus there, nothing asked of the server. ----
    await page.fill("#inbox-filters-from", "2026-03-10");
    await page.fill("#inbox-filters-to", "2026-03-01");
    await page.getByRole("button", { name: "Apply filters" }).click();
    const toError = page.locator("#inbox-filters-to-error");
    await toError.waitFor();
    assert.match(await toError.innerText(), /The last day is before the first day/);
    assert.equal(await page.getAttribute("#inbox-filters-to", "aria-invalid"), "true");
    await page.waitForFunction(() => document.activeElement?.id === "inbox-filters-to");
    await axeBothLanguages(page, "inbox, a filter problem");
    // In Welsh too.
    await switchLanguage(page, "cy");
    assert.match(await toError.innerText(), /Mae'r diwrnod olaf cyn y diwrnod cyntaf/);
    await switchLanguage(page, "en");

    // ---- An event code that cannot be one; then put right, the list is drawn and the address holds it. ----
    await page.fill("#inbox-filters-to", "");
    await page.fill("#inbox-filters-from", "");
    await page.fill("#inbox-filters-event", "a!");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.locator("#inbox-filters-event-error").waitFor();
    assert.match(await page.locator("#inbox-filters-event-error").innerText(), /An event code is 3 to 16 letters/);
    await page.fill("#inbox-filters-event", "");
    await page.selectOption("#inbox-filters-language", "en");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/\/officer\/inbox\?language=en$/);
    assert.equal(await page.locator("#inbox-filters-event-error").count(), 0);

    // A reload keeps the filter; Back shows the list before it, with the form following.
    await page.reload();
    await page.waitForSelector("ol.views li.view-item");
    assert.equal(await page.inputValue("#inbox-filters-language"), "en");
    await page.goBack();
    await page.waitForURL(/\/officer\/inbox$/);
    await page.waitForFunction(() => document.querySelector("#inbox-filters-language")?.value === "");

    // ---- Undo: mark reviewed, then take it back; both audited. ----
    const item = page.locator("ol.views li.view-item").first();
    await item.getByRole("button", { name: "Mark reviewed" }).click();
    const undoBar = page.locator(".undo-bar");
    await undoBar.waitFor();
    assert.match(await undoBar.innerText(), /You marked the view of .* reviewed\./);
    await page.waitForFunction(() => /Status: Reviewed/.test(document.querySelector("ol.views li.view-item")?.innerText ?? ""));
    await axeBothLanguages(page, "inbox, with Undo");
    await page.getByRole("button", { name: "Undo", exact: true }).click();
    await page.waitForFunction(() => /Status: New/.test(document.querySelector("ol.views li.view-item")?.innerText ?? ""));
    assert.equal(await undoBar.count(), 0);
    await item.getByRole("button", { name: "Mark reviewed" }).waitFor();

    // ---- Welsh dates: Welsh month names, whatever date data the browser has. A language switch changes
    // the words of each card in place: the cards are not built again (what the officer was doing stays).
    await page.evaluate(() => { document.querySelector("ol.views li.view-item").dataset.kept = "yes"; });
    await switchLanguage(page, "cy");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "cy-GB");
    assert.match(await page.locator("ol.views li.view-item h3").first().innerText(), WELSH_MONTHS);
    assert.match(await page.locator("ol.views li.view-item").first().innerText(), /Statws: Newydd/);
    assert.equal(await page.evaluate(() => document.querySelector("ol.views li.view-item").dataset.kept), "yes", "the card is the same");
    await switchLanguage(page, "en");
    assert.match(await page.locator("ol.views li.view-item").first().innerText(), /Status: New/);

    // ---- The export names the problem instead of a silent failed download. ----
    await openSection(page, "Export", "Export");
    await page.fill("#export-filters-from", "2026-03-10");
    await page.fill("#export-filters-to", "2026-03-01");
    let downloaded = false;
    page.on("download", () => (downloaded = true));
    await page.click("#export-download");
    await page.locator("#export-filters-to-error").waitFor();
    await page.waitForFunction(() => document.activeElement?.id === "export-filters-to");
    assert.equal(downloaded, false);
    await axeBothLanguages(page, "export, a filter problem");

    // ---- The catalogue refuses a name another service has, beside the box, in both languages at once. ----
    await openSection(page, "Catalogue", "Catalogue");
    const form = page.locator("section.kind").nth(1).locator("form.item-form");
    await form.getByLabel("Code (for example listened_to)").fill("housing_two");
    await form.getByLabel("Name in English").fill("Housing");
    await form.getByLabel("Name in Welsh").fill("Tai");
    await form.getByLabel("Plain line in English").fill("Where you live");
    await form.getByLabel("Plain line in Welsh").fill("Lle rwyt ti'n byw");
    await form.getByRole("button", { name: "Add", exact: true }).click();
    await page.locator("#services-name_en-error").waitFor();
    assert.match(await page.locator("#services-name_en-error").innerText(), /already has this name/);
    assert.match(await page.locator("#services-name_cy-error").innerText(), /already has this name/);

    // On a phone the page does not scroll sideways (the table scrolls in its own box) and the actions stay
    // in their column.
    await page.setViewportSize({ width: 360, height: 640 });
    const phone = await page.evaluate(() => ({
      sideways: document.scrollingElement.scrollWidth - window.innerWidth,
      cell: getComputedStyle(document.querySelector("td.row-actions")).display,
    }));
    assert.deepEqual(phone, { sideways: 0, cell: "table-cell" });
    await page.setViewportSize({ width: 1280, height: 800 });

    // ---- Presenting is modal: Tab stays on the board, Esc leaves, focus goes back to the button. ----
    await openSection(page, "Results", "Results");
    await page.click("#present-button");
    await page.waitForFunction(() => document.activeElement?.id === "present-heading");
    assert.equal(await page.getAttribute("#results-board", "role"), "dialog");
    assert.equal(await page.evaluate(() => document.querySelector("header.console-header").inert), true);
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      const inside = await page.evaluate(() => {
        const el = document.activeElement;
        return el === document.body || document.getElementById("results-board").contains(el);
      });
      assert.ok(inside, `Tab ${i + 1} left the presentation`);
    }
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => document.activeElement?.id === "present-button");
    assert.equal(await page.evaluate(() => document.querySelector("header.console-header").inert), false);
    assert.equal(await page.getAttribute("#results-board", "role"), null);

    // ---- The audit log in words: the action and its facts, in English and in Welsh. ----
    await openSection(page, "Audit log", "Audit log");
    const log = page.locator("table.audit-table tbody");
    await log.locator("tr").first().waitFor();
    const text = await log.innerText();
    assert.match(text, /View no longer marked reviewed \(undo\)/);
    assert.match(text, /View marked reviewed/);
    await expectNoCodeText(page);
    await switchLanguage(page, "cy");
    assert.match(await log.innerText(), /Barn heb ei marcio wedi'i hadolygu mwyach \(dadwneud\)/);
    await switchLanguage(page, "en");
  });
});
