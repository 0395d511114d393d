// Second looks before anything is deleted for good, end to end: a view erased from the inbox on the
// person's request (an inline confirmation in its card, focus on the question, then on the list's heading,
// "Erased" said; the device sending it again brings nothing back), the number of entries a new retention
// period or a run now would delete shown before either happens, a run refused while the box holds a period
// not saved, and the small-number threshold saved with its problem beside the field. axe runs on every new
// state in English and in Welsh.
//
// Needs the young person's app in dist/ and the console in dist/officer/, and the server binary: see
// scripts/build-console.sh (YOURSAY_APP_DIR and YOURSAY_SERVER_BIN override both).
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { sql, withServerAndBrowser, pushEntries } from "./helpers.mjs";
import { signedInOfficer, axeBothLanguages, openSection } from "./officer-helpers.mjs";

const ERASE_ME = "Please delete what I said about my placement";
const KEEP_ME = "The youth club is great";
const DAY = 24 * 3600 * 1000;

const push = pushEntries;

const view = (text, created_at = Date.now()) => ({ id: randomUUID(), created_at, language: "en", kind: "view", text });
const statusLine = (page) => page.locator(".status-line").textContent().then((t) => t.trim());

test("an officer erases a view after confirming, and sees what retention would delete before it does", { timeout: 300_000 }, async () => {
  await withServerAndBrowser(async ({ server, browser, db }) => {
    const erased = view(ERASE_ME, Date.now() - DAY);
    const old = view("From long ago", Date.now() - 400 * DAY); // some 13 months
    assert.deepEqual(await push(server.url, [erased, view(KEEP_ME), old]), ["accepted", "accepted", "accepted"]);
    const page = await signedInOfficer({ server, browser, db });

    // ---- Erase: asked first, inside the card; "Keep it" keeps it and gives focus back. ----
    const card = page.locator(`li.view-item[data-id="${erased.id}"]`);
    await card.waitFor();
    await card.getByRole("button", { name: "Erase this view" }).click();
    const question = card.locator(".confirm-question");
    await question.waitFor();
    assert.match(await question.innerText(), /Erase this view for good\?/);
    await page.waitForFunction(() => document.activeElement?.classList.contains("confirm-question"));
    await axeBothLanguages(page, "inbox asking to erase a view");
    await card.getByRole("button", { name: "Keep it" }).click();
    await page.waitForFunction((id) => document.activeElement?.id === `erase-${id}`, erased.id);
    assert.equal(sql(db, `SELECT COUNT(*) FROM entries WHERE id = '${erased.id}'`)[0][0], "1");

    await card.getByRole("button", { name: "Erase this view" }).click();
    await card.getByRole("button", { name: "Erase for good" }).click();
    await page.waitForFunction(() => /Erased\./.test(document.querySelector(".status-line")?.textContent));
    await card.waitFor({ state: "detached" });
    await page.waitForFunction(() => document.activeElement?.id === "inbox-count");
    assert.match(await page.locator("#inbox-count").innerText(), /Views found: 2/);
    assert.equal(sql(db, `SELECT COUNT(*) FROM entries WHERE id = '${erased.id}'`)[0][0], "0");
    assert.equal(sql(db, `SELECT target, detail FROM audit_log WHERE action = 'entry_erase'`)[0][0], erased.id);
    await axeBothLanguages(page, "inbox after erasing a view");
    // The device sends it again (it never heard the first answer): told it is had, nothing stored.
    assert.deepEqual(await push(server.url, [erased]), ["already_had"]);
    assert.equal(sql(db, `SELECT COUNT(*) FROM entries WHERE id = '${erased.id}'`)[0][0], "0");

    // ---- A new retention period: the count it would delete is shown before it is saved. ----
    await openSection(page, "Settings", "Settings");
    await page.waitForFunction(() => document.querySelector("#retention-months")?.value === "24");
    await page.locator("#retention-months").fill("12");
    await page.getByRole("button", { name: "Save the period" }).click();
    const saveQuestion = page.locator("#save-question");
    await saveQuestion.waitFor();
    assert.match(await saveQuestion.innerText(), /will delete 1 entry made before .+, for good\. Save it\?/);
    await page.waitForFunction(() => document.activeElement?.id === "save-question");
    assert.equal(sql(db, "SELECT COUNT(*) FROM settings WHERE key = 'retention_months'")[0][0], "0", "not saved yet");
    await axeBothLanguages(page, "settings asking before a new retention period");
    // Not now: nothing saved, focus back on the box.
    await page.getByRole("button", { name: "Don't save" }).click();
    await page.waitForFunction(() => document.activeElement?.id === "retention-months");
    assert.equal(sql(db, "SELECT COUNT(*) FROM settings WHERE key = 'retention_months'")[0][0], "0");

    // Running now while the box holds a period not saved: refused, saying why; nothing deleted.
    await page.getByRole("button", { name: "Delete old entries now" }).click();
    await page.locator("#run-unsaved").waitFor();
    assert.match(await page.locator("#run-unsaved").innerText(), /The box above says 12, but the saved period is 24 months\./);
    await axeBothLanguages(page, "settings refusing to run with a period not saved");
    assert.equal(sql(db, "SELECT COUNT(*) FROM entries")[0][0], "2");

    await page.getByRole("button", { name: "Save the period" }).click();
    await saveQuestion.waitFor();
    await page.getByRole("button", { name: "Save this period" }).click();
    await page.waitForFunction(() => /Settings saved/.test(document.querySelector(".status-line")?.textContent));
    assert.equal(sql(db, "SELECT value FROM settings WHERE key = 'retention_months'")[0][0], "12");
    assert.equal(await page.locator("#run-unsaved").count(), 0);

    // ---- Running now: the count first; "Settings saved." does not stay beside it. ----
    await page.getByRole("button", { name: "Delete old entries now" }).click();
    const runQuestion = page.locator("#run-question");
    await runQuestion.waitFor();
    assert.equal(await statusLine(page), "", "the earlier “Settings saved.” is taken back");
    assert.match(await runQuestion.innerText(), /This will delete 1 entry made before .+ now, for good\. Delete it\?/);
    await page.waitForFunction(() => document.activeElement?.id === "run-question");
    await axeBothLanguages(page, "settings asking before running retention");
    await page.getByRole("button", { name: "Delete now" }).click();
    await page.waitForSelector("p.result");
    assert.match(await page.locator("p.result").innerText(), /Retention ran: 1 entry made before .+ was deleted\./);
    assert.equal(sql(db, `SELECT COUNT(*) FROM entries WHERE id = '${old.id}'`)[0][0], "0");
    assert.equal(sql(db, "SELECT COUNT(*) FROM entries")[0][0], "1");

    // ---- The small-number threshold: a problem beside the field, then saved. ----
    await page.waitForFunction(() => document.querySelector("#min-cell")?.value === "5");
    await page.locator("#min-cell").fill("0");
    await page.getByRole("button", { name: "Save the threshold" }).click();
    await page.locator("#min-cell-error").waitFor();
    assert.match(await page.locator("#min-cell-error").innerText(), /Enter a whole number from 1 to 100\./);
    assert.equal(await page.locator("#min-cell").getAttribute("aria-invalid"), "true");
    assert.equal(await statusLine(page), "");
    await axeBothLanguages(page, "settings with a threshold problem");
    await page.locator("#min-cell").fill("10");
    await page.getByRole("button", { name: "Save the threshold" }).click();
    await page.waitForFunction(() => /Settings saved/.test(document.querySelector(".status-line")?.textContent));
    assert.equal(await page.locator("#min-cell-error").count(), 0);
    assert.equal(sql(db, "SELECT value FROM settings WHERE key = 'min_cell'")[0][0], "10");
    await axeBothLanguages(page, "settings with the threshold saved");

    // Results use it: a small count now says "fewer than 10".
    await push(server.url, [{ id: randomUUID(), created_at: Date.now(), language: "en", kind: "rating", service: "housing", answers: [{ promise: "equality", answer: 3 }] }]);
    await openSection(page, "Results", "Results");
    await page.waitForFunction(() => /fewer than 10/i.test(document.querySelector("main")?.textContent));

    // The audit log names the erase in words.
    await openSection(page, "Audit log", "Audit log");
    await page.waitForSelector(".audit-table tbody tr");
    assert.match(await page.locator(".audit-table").innerText(), /Entry erased on request/);
    // And the threshold's change in words, not as the setting's code.
    assert.match(await page.locator(".audit-table").innerText(), /Counts under 10 shown as “fewer than 10”/);
    assert.doesNotMatch(await page.locator(".audit-table").innerText(), /min_cell/);
  });
});
