// The officer console's housekeeping, end to end: the catalogue (a Charter promise added in both
// languages with its "We will…" statement, its words edited, withdrawn and restored, and the young
// person's /rate screen offering it only while it is in use), the results by service and promise, the
// risk-word list flagging a view, retention, the audit log listing all of it, and a session that ends in
// the middle of work sending the officer back to sign in. axe runs on every new screen state in English
// and in Welsh.
//
// Needs the young person's app in dist/ and the console in dist/officer/, and the server binary: see
// scripts/build-console.sh (YOURSAY_APP_DIR and YOURSAY_SERVER_BIN override both).
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { sql, appReady, axe, withServerAndBrowser, pushAccepted } from "./helpers.mjs";
import { EMAIL, PASSWORD, createOfficer, signIn as signInWith, axeBothLanguages, openSection, switchLanguage } from "./officer-helpers.mjs";

const WORRY = "The bananas in the foster home scare me";
const OLD_VIEW = "A view from long ago";

const PROMISE = {
  code: "be_heard",
  name_en: "Be heard",
  name_cy: "Cael dy glywed",
  line_en: "Adults listen to what you say.",
  line_cy: "Mae oedolion yn gwrando ar beth rwyt ti'n ei ddweud.",
  statement_en: "We will listen to you and take what you say seriously.",
  statement_cy: "Byddwn yn gwrando arnat ti ac yn cymryd beth rwyt ti'n ei ddweud o ddifrif.",
};
const EDITED_NAME = "Be heard and believed";

const push = pushAccepted;

const view = (text, created_at = Date.now()) => ({ id: randomUUID(), created_at, language: "en", kind: "view", text });
const rating = (service, answer) => ({
  id: randomUUID(),
  created_at: Date.now(),
  language: "en",
  kind: "rating",
  service,
  role: "young_person",
  age_band: "11_15",
  answers: [{ promise: "equality", answer }],
});

/** A row's button: its words, then the item's name (visually hidden; Chromium names it "Edit words : Name"). */
const rowAction = (action, name) => new RegExp(`^${action}\\s?: ${name}$`);

async function signIn(page, base) {
  await signInWith(page, base);
  await page.waitForURL("**/officer/inbox");
}

/**
 * The promises the young person's /rate screen offers for a social worker, by name, in order. The app
 * starts from its cached catalogue and then fetches the server's, so it is reloaded until it offers
 * `count` promises.
 */
async function offeredPromises(page, base, count) {
  const deadline = Date.now() + 20_000;
  let total = 0;
  while (Date.now() < deadline) {
    // The catalogue fetch on start: its answer is in before the next screen is opened.
    const fetched = page.waitForResponse((r) => r.url().endsWith("/api/v1/catalogue"));
    await page.goto(base + "/");
    await appReady(page);
    await fetched;
    await page.goto(base + "/rate");
    await page.locator('button[data-code="social_worker"]').click();
    const progress = await page.locator("p.progress").innerText();
    total = Number(/of (\d+)/.exec(progress)?.[1]);
    if (total === count) break;
  }
  assert.equal(total, count, `the /rate screen offers ${count} promises`);
  const names = [];
  for (let i = 0; i < total; i++) {
    names.push((await page.locator("#promise-question .promise-name").innerText()).trim());
    await page.getByRole("button", { name: "Skip this one" }).click();
  }
  return names;
}

test("an officer edits the catalogue, risk words and retention, reads the breakdown and the audit log, and a lost session goes back to sign-in", { timeout: 420_000 }, async () => {
  await withServerAndBrowser(async ({ server, browser, db }) => {
    createOfficer(db);
    const longAgo = Date.now() - 400 * 24 * 3600 * 1000; // some 13 months ago
    // Six ratings of a social worker (enough to show) and one of housing (too few), a view that the risk
    // words do not catch yet, and one old enough for retention.
    await push(server.url, [
      rating("social_worker", 5),
      rating("social_worker", 5),
      rating("social_worker", 4),
      rating("social_worker", 3),
      rating("social_worker", 1),
      rating("social_worker", "dont_know"),
      rating("housing", 2),
      view(WORRY),
      { ...view(OLD_VIEW, longAgo) },
    ]);
    const worryId = sql(db, `SELECT id FROM entries WHERE text = '${WORRY}'`)[0][0];
    const oldId = sql(db, `SELECT id FROM entries WHERE text = '${OLD_VIEW}'`)[0][0];

    const youngPerson = await browser.newContext({ locale: "en-GB" });
    const yp = await youngPerson.newPage();
    const before = await offeredPromises(yp, server.url, 11);
    assert.ok(!before.includes(PROMISE.name_en));

    // axe-core is injected as an inline script, which the server's policy forbids; this context lets it in.
    const context = await browser.newContext({ locale: "en-GB", bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, server.url);

    // ---- Results by service and promise: counts by score; a small cell says so in words. ----
    await openSection(page, "Results", "Results");
    await page.waitForSelector("#cells-table");
    const shown = page.locator('#cells-table tr[data-cell="social_worker:equality"]');
    const cells = await shown.locator("td").allInnerTexts();
    // Every count under 5 in words; the total of 6 would give housing's 1 away (7 answers to equality).
    const few = "fewer than 5";
    assert.deepEqual(cells.map((c) => c.trim()), [few, "0", few, few, few, few, "not shown (it would give a small number away)"]);
    assert.doesNotMatch(await page.locator("#results-board").innerText(), /(^|\s)[1-4](\s|$)/, "no count under 5 anywhere on the page");
    assert.match(await shown.locator("th").first().innerText(), /Social worker/i);
    assert.doesNotMatch(await page.locator("#cells-table").innerText(), /%/, "no percentages in the breakdown");
    const small = page.locator('#cells-table tr[data-cell="housing:equality"]');
    assert.match(await small.innerText(), /Fewer than 5 answers: not shown, so that nobody can be identified\./);
    assert.equal(await small.locator("td").count(), 2, "no counts by score for a small cell, only its total");
    assert.equal(await page.locator("#cells-table thead th").count(), 9);
    // Above it, one chart for every promise (equality's row without a bar: its scores are under 5) and
    // the ten promises nobody rated in one line, not a card each.
    assert.equal(await page.locator("#promises-chart").count(), 1);
    assert.equal(await page.locator('#promises-chart g[data-code="equality"] rect').count(), 0);
    assert.match(await page.locator("#promises-none").innerText(), /^No answers yet: (.+, ){9}.+$/);
    await axeBothLanguages(page, "results with the breakdown");
    await switchLanguage(page, "cy");
    assert.match(await small.innerText(), /Llai na 5 ateb: heb eu dangos/);
    assert.match(await page.locator("#cells-table caption").innerText(), /Atebion ar gyfer pob gwasanaeth ac addewid/);
    await switchLanguage(page, "en");
    await page.getByRole("button", { name: "Present on a big screen" }).click();
    await page.waitForSelector(".board.present #cells-table");
    assert.ok(await page.locator("#cells-table").isVisible(), "the breakdown table is on the presentation");
    await axeBothLanguages(page, "results, presenting the breakdown");
    await page.getByRole("button", { name: "Leave the presentation" }).click();
    await page.waitForSelector(".board:not(.present)");

    // ---- Catalogue: add a Charter promise with its "We will…" statement, in both languages. ----
    await openSection(page, "Catalogue", "Catalogue");
    await page.waitForSelector('tr[data-code="equality"]');
    await page.locator("#promises-code").fill(PROMISE.code);
    await page.locator("#promises-name_en").fill(PROMISE.name_en);
    await page.locator("#promises-name_cy").fill(PROMISE.name_cy);
    await page.locator("#promises-line_en").fill(PROMISE.line_en);
    await page.locator("#promises-line_cy").fill(PROMISE.line_cy);
    // Only the English statement: the server asks for the Welsh one too, next to its field.
    await page.getByLabel("“We will…” statement in English (optional)").first().fill(PROMISE.statement_en);
    await page.getByRole("button", { name: "Add", exact: true }).first().click();
    await page.waitForSelector("#promises-statement_cy-error");
    assert.match(await page.locator("#promises-statement_cy-error").innerText(), /It is empty/);
    assert.equal(await page.locator("#promises-statement_cy").getAttribute("aria-invalid"), "true");
    assert.equal(await page.locator("#promises-statement_cy").getAttribute("lang"), "cy");
    await axeBothLanguages(page, "catalogue with a statement error");
    await page.locator("#promises-statement_cy").fill(PROMISE.statement_cy);
    await page.getByRole("button", { name: "Add", exact: true }).first().click();
    const row = page.locator(`tr[data-code="${PROMISE.code}"]`);
    await row.waitFor();
    await page.waitForFunction(() => /Saved\. The catalogue is now version \d+\./.test(document.querySelector(".status-line")?.textContent));
    assert.match(await row.locator('td[lang="en"]').innerText(), new RegExp(PROMISE.statement_en));
    assert.match(await row.locator('td[lang="cy"]').innerText(), new RegExp(PROMISE.statement_cy));
    assert.equal(await page.locator("#promises-statement_en").inputValue(), "", "the form is empty again");
    let stored = sql(db, `SELECT name_cy, statement_en, statement_cy, retired FROM catalogue_items WHERE code = '${PROMISE.code}'`)[0];
    assert.deepEqual(stored, [PROMISE.name_cy, PROMISE.statement_en, PROMISE.statement_cy, "0"]);

    const offered = await offeredPromises(yp, server.url, 12);
    assert.equal(offered[11], PROMISE.name_en, "the young person is offered the new promise, last");

    // Edit its words: the form opens with them, including the statement.
    await row.getByRole("button", { name: rowAction("Edit words", PROMISE.name_en) }).click();
    await page.waitForFunction(() => document.activeElement?.id === "promises-name_en");
    assert.equal(await page.locator("#promises-statement_cy").inputValue(), PROMISE.statement_cy);
    await axeBothLanguages(page, "catalogue, editing an item with a statement");
    await page.locator("#promises-name_en").fill(EDITED_NAME);
    await page.locator("#promises-statement_en").fill("We will listen to you, believe you and act on what you say.");
    await page.getByRole("button", { name: "Save the words" }).first().click();
    await page.waitForFunction(
      ([code, name]) => document.querySelector(`tr[data-code="${code}"] td[lang="en"]`)?.textContent.includes(name),
      [PROMISE.code, EDITED_NAME],
    );
    stored = sql(db, `SELECT name_en, statement_en FROM catalogue_items WHERE code = '${PROMISE.code}'`)[0];
    assert.deepEqual(stored, [EDITED_NAME, "We will listen to you, believe you and act on what you say."]);

    // Withdraw it: no longer offered. Restore it: offered again, with the new words.
    await row.getByRole("button", { name: rowAction("Withdraw", EDITED_NAME) }).click();
    await page.waitForFunction((code) => /Withdrawn/.test(document.querySelector(`tr[data-code="${code}"]`)?.textContent), PROMISE.code);
    assert.match(await row.getAttribute("class"), /retired/);
    await axeBothLanguages(page, "catalogue with a withdrawn item");
    const withdrawn = await offeredPromises(yp, server.url, 11);
    assert.ok(!withdrawn.includes(EDITED_NAME), "a withdrawn promise is not offered");
    await row.getByRole("button", { name: rowAction("Restore", EDITED_NAME) }).click();
    await page.waitForFunction((code) => /In use/.test(document.querySelector(`tr[data-code="${code}"]`)?.textContent), PROMISE.code);
    const restored = await offeredPromises(yp, server.url, 12);
    assert.equal(restored[11], EDITED_NAME);
    await youngPerson.close();

    // ---- Risk words: adding one flags the view that mentions it, and it comes first. ----
    await openSection(page, "Inbox", "Inbox");
    await page.waitForSelector(`.view-item[data-id="${worryId}"]`);
    assert.doesNotMatch(await page.locator(`.view-item[data-id="${worryId}"]`).getAttribute("class"), /flagged/);
    await openSection(page, "Risk words", "Risk words");
    await page.waitForFunction(() => document.querySelector("#keywords-en")?.value.includes("unsafe"));
    const en = await page.locator("#keywords-en").inputValue();
    await page.locator("#keywords-en").fill(`${en}\nbananas`);
    const cy = await page.locator("#keywords-cy").inputValue();
    await page.locator("#keywords-cy").fill(`${cy}\nbananas-cy`);
    await page.getByRole("button", { name: "Save the risk words" }).click();
    await page.waitForFunction(() => /Every view has been checked again/.test(document.querySelector(".status-line")?.textContent));
    assert.match(sql(db, "SELECT group_concat(word, ' ') FROM risk_keywords")[0][0], /bananas-cy/);
    await openSection(page, "Inbox", "Inbox");
    await page.waitForSelector(".view-item");
    const first = page.locator(".view-item").first();
    assert.equal(await first.getAttribute("data-id"), worryId);
    assert.match(await first.getAttribute("class"), /flagged/);
    assert.match(await first.innerText(), /Risk words found:\s*bananas/);

    // ---- Retention: a shorter period, run now; the old view is deleted. ----
    await openSection(page, "Settings", "Settings");
    await page.waitForFunction(() => document.querySelector("#retention-months")?.value === "24");
    await page.locator("#retention-months").fill("12");
    await page.getByRole("button", { name: "Save the period" }).click();
    // A new period is saved only after a second look at what it would delete (officer-erase.test.mjs).
    await page.getByRole("button", { name: "Save this period" }).click();
    await page.waitForFunction(() => /Settings saved/.test(document.querySelector(".status-line")?.textContent));
    assert.equal(sql(db, "SELECT value FROM settings WHERE key = 'retention_months'")[0][0], "12");
    // "Settings saved." is taken back once it stops being true: a new value typed, or a save refused.
    await page.locator("#retention-months").fill("0");
    assert.equal((await page.locator(".status-line").textContent()).trim(), "");
    await page.getByRole("button", { name: "Save the period" }).click();
    await page.locator("#retention-error").waitFor();
    assert.equal((await page.locator(".status-line").textContent()).trim(), "");
    await page.locator("#retention-months").fill("12");
    // The period saved already: saved again without asking.
    await page.getByRole("button", { name: "Save the period" }).click();
    await page.waitForFunction(() => /Settings saved/.test(document.querySelector(".status-line")?.textContent));
    await page.getByRole("button", { name: "Delete old entries now" }).click();
    await page.getByRole("button", { name: "Delete now" }).click();
    await page.waitForSelector("p.result");
    assert.match(await page.locator("p.result").innerText(), /Retention ran: 1 entry made before .+ was deleted\./);
    assert.equal(sql(db, `SELECT COUNT(*) FROM entries WHERE id = '${oldId}'`)[0][0], "0");
    assert.equal(sql(db, `SELECT COUNT(*) FROM entries WHERE id = '${worryId}'`)[0][0], "1");
    await axeBothLanguages(page, "settings after a retention run");

    // ---- The audit log lists every one of these actions. ----
    await openSection(page, "Audit log", "Audit log");
    await page.waitForSelector(".audit-table tbody tr");
    const log = await page.locator(".audit-table").innerText();
    for (const words of [
      "Catalogue item added",
      "Catalogue words changed",
      "Catalogue item withdrawn",
      "Catalogue item restored",
      "Risk words changed",
      "Settings changed",
      "Old entries deleted (retention)",
    ]) {
      assert.match(log, new RegExp(words.replace(/[()]/g, "\\$&")), `the audit log lists "${words}"`);
    }
    assert.match(log, new RegExp(`promise:${PROMISE.code}`));

    // ---- The session ends elsewhere (signed out from another window): the next call sends the officer
    // back to sign in, with a note saying why. ----
    const other = await browser.newContext();
    await other.addCookies(await context.cookies());
    const out = await other.request.delete(`${server.url}/api/v1/officer/session`, {
      headers: { "Content-Type": "application/json" },
      data: "{}",
    });
    assert.equal(out.status(), 204);
    await other.close();
    assert.equal(sql(db, "SELECT COUNT(*) FROM officer_sessions")[0][0], "0");
    await page.getByRole("navigation", { name: "Console sections" }).getByRole("link", { name: "Inbox", exact: true }).click();
    await page.waitForURL("**/officer/sign-in");
    await page.waitForSelector('main h1:has-text("Sign in")');
    assert.match(await page.locator("main .notice").innerText(), /Your session has ended\. Please sign in again\./);
    await axeBothLanguages(page, "sign-in after the session ended");
    await switchLanguage(page, "cy");
    assert.match(await page.locator("main .notice").innerText(), /Mae eich sesiwn wedi dod i ben/);
    await switchLanguage(page, "en");
    // Signing in again goes on working.
    await page.getByLabel("Email address").fill(EMAIL);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL("**/officer/inbox");
    await page.waitForSelector(".view-item");
    await context.close();
  });
});
