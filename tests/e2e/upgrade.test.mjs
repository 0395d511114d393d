// Upgrades never strand what waits: a phone keeps entries with no signal while a new release is deployed.
// Release 1 (dist/) is installed and in charge of the page; entries are saved with no signal (Say, and a
// survey on the surveys page); the server comes back serving release 2 (release.mjs: dist/ with a new
// service worker version and a marker in its pages and one document). The page still running release 1
// keeps working with no signal while release 2's worker takes over; a new tab and a reload get release 2
// (pages and documents); release 1's cache is gone and stays gone; every entry arrives exactly once. A tab
// opened before the takeover is still release 1 (the page comes from the cache at once, by design) and
// brings nothing of release 1 back; its reload is release 2. A tablet in pass-the-tablet mode is still in
// the mode after the upgrade.
//
// Needs `bash scripts/build-app.sh` (dist/, dist/surveys/, dist/officer/) and `cargo build -p yoursay-server`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sql, expectWaiting, appReady, visitOnceOnline, withServerComingAndGoing, APP_DIR } from "./helpers.mjs";
import { bi, carersCatchUpSurvey, officerApi, publishSurvey, signedInOfficer } from "./officer-helpers.mjs";
import { cacheNames, MARKED_DOCUMENT, nextRelease, releaseOf, workerVersion } from "./release.mjs";

const SURVEY = carersCatchUpSurvey("coffee_feb", bi("February", "Chwefror"));

const RELEASE_1_CACHE = `yoursay-${workerVersion(APP_DIR)}`;

/**
 * Release 1 (dist/) served with SURVEY published, release 2 made beside it; `body` as for
 * withServerComingAndGoing, with `officer` (signed in) and `release2` (its folder).
 */
async function onRelease1(body) {
  const release2 = nextRelease("2");
  await withServerComingAndGoing(async (setting) => {
    const officer = await signedInOfficer({ ...setting, server: setting.network.server() });
    await publishSurvey(officer, setting.base, SURVEY);
    await body({ ...setting, officer, release2 });
  });
}

async function heading(page, text) {
  await page.waitForFunction((h) => document.querySelector("main h1")?.textContent.trim() === h, text);
}

/** Answers SURVEY from its introduction to "Thank you". */
async function answerSurvey(page, words) {
  await heading(page, SURVEY.title.en);
  await page.getByRole("button", { name: "Start" }).click();
  await page.getByRole("button", { name: "Good", exact: true }).click();
  await heading(page, "Anything else?");
  await page.locator("#answer-text").fill(words);
  await page.getByRole("button", { name: "Next" }).click();
  await page.getByRole("button", { name: "Check my answers" }).click();
  await page.getByRole("button", { name: "Send my answers" }).click();
  await page.waitForURL("**/thanks");
}

/** Says something without leaving the page: the app's own links, never a page load. */
async function sayInPage(page, text) {
  await page.locator("header a.brand").click();
  await page.locator('main a[href="/say"]').click();
  await page.fill("#answer-text", text);
  await page.locator('main button[type="submit"]').click();
  await page.waitForURL("**/thanks");
}

/** The ids of the entries waiting in the device's outbox. */
async function waitingIds(page) {
  return page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const open = indexedDB.open("yoursay");
        open.onsuccess = () => {
          const req = open.result.transaction("outbox").objectStore("outbox").getAll();
          req.onsuccess = () => {
            open.result.close();
            ok(req.result.filter((r) => r.state === "waiting").map((r) => r.id).sort());
          };
          req.onerror = () => fail(req.error);
        };
        open.onerror = () => fail(open.error);
      }),
  );
}

/**
 * The browser looks for a new service worker (as it does on any page load, and now and then) while `page`
 * stays as it is; waits until the worker of the build in `dir` is in charge and has finished taking over:
 * active, nothing installing or waiting, and its cache the only one beside the data cache.
 */
async function takenOverBy(page, dir) {
  const want = [`yoursay-${workerVersion(dir)}`, "yoursay-data"].sort();
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  // Polled from here: waitForFunction takes a promise for a truthy answer and would return at once.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const state = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      const names = (await caches.keys()).sort();
      return { done: r.active?.state === "activated" && !r.installing && !r.waiting && navigator.serviceWorker.controller !== null, names };
    });
    if (state.done && JSON.stringify(state.names) === JSON.stringify(want)) return;
    if (Date.now() > deadline) throw new Error(`the new worker did not take over: ${JSON.stringify(state)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test("a page of release 1 keeps working offline while release 2 takes over; new tabs and reloads get release 2; every entry arrives once", { timeout: 300_000 }, async () => {
  await onRelease1(async ({ browser, db, base, network, officer, release2 }) => {
    await officer.context().close();

    // ---- Release 1 installed and in charge; the surveys page seen once online ----
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await visitOnceOnline(page, base + "/");
    await page.goto(base + "/surveys");
    await page.getByRole("link", { name: SURVEY.title.en }).waitFor();
    assert.deepEqual(await cacheNames(page), [RELEASE_1_CACHE, "yoursay-data"].sort());

    // ---- No signal: a survey on the surveys page, then Say on the first-load page ----
    await network.down();
    await page.goto(base + `/surveys/${SURVEY.code}`);
    await answerSurvey(page, "Said with release 1, before the upgrade");
    await page.goto(base + "/");
    await appReady(page);
    assert.equal(await releaseOf(page), "1");
    // From here this page is never loaded again until the reload below: it is release 1 running.
    await page.evaluate(() => (window.__release1Page = true));
    await sayInPage(page, "Said on release 1 with no signal");
    await expectWaiting(page, 2);
    const keptBefore = await waitingIds(page);
    assert.equal(keptBefore.length, 2);

    // ---- Release 2 is deployed; the old page sends what it kept, the new worker takes over ----
    await network.up({ appDir: release2 });
    await page.locator(".status-strip button:visible", { hasText: "Send now" }).click();
    await expectWaiting(page, 0, 60_000);
    // A tab opened now is still answered by release 1's worker (the page comes from its cache at once; the
    // new worker is looked for after): release 1's page starts, and registers the worker again as it does.
    const early = await context.newPage();
    await early.goto(base + "/");
    await appReady(early);
    assert.equal(await releaseOf(early), "1");
    await takenOverBy(page, release2);
    assert.equal(await page.evaluate(() => window.__release1Page), true, "the old page was not reloaded");
    // The early tab's own registering brought nothing of release 1 back, and its reload is release 2.
    await early.reload();
    await appReady(early);
    assert.equal(await releaseOf(early), "2");
    assert.deepEqual(await cacheNames(early), [`yoursay-${workerVersion(release2)}`, "yoursay-data"].sort());
    await early.close();

    // ---- No signal again: the old page keeps working ----
    await network.down();
    await sayInPage(page, "Said on release 1 after release 2 took over");
    await expectWaiting(page, 1);
    assert.equal(await page.evaluate(() => window.__release1Page), true);
    assert.equal(await releaseOf(page), "1");
    const keptAfter = await waitingIds(page);

    // A new tab opens release 2, with no signal: the first-load page, its documents, the surveys page.
    const tab = await context.newPage();
    await tab.goto(base + "/");
    await appReady(tab);
    assert.equal(await releaseOf(tab), "2", "a new tab opens the new release");
    await expectWaiting(tab, 1);
    const docHeading = await tab.evaluate(async (url) => (await (await fetch(url)).json()).sections[0].heading, MARKED_DOCUMENT);
    assert.match(docHeading, /\(release 2\)$/, "documents come from the new release too");
    await tab.goto(base + "/surveys");
    await tab.getByRole("link", { name: SURVEY.title.en }).waitFor();
    assert.equal(await releaseOf(tab), "2");
    await tab.getByRole("link", { name: SURVEY.title.en }).click();
    await answerSurvey(tab, "Said with release 2, in a new tab");
    await expectWaiting(tab, 2);
    await tab.close();

    // The old page, reloaded with no signal, is release 2.
    await page.reload();
    await appReady(page);
    assert.equal(await releaseOf(page), "2", "a reload opens the new release");
    await expectWaiting(page, 2);
    const keptLast = await waitingIds(page);
    assert.ok(keptAfter.every((id) => keptLast.includes(id)));
    assert.deepEqual(await cacheNames(page), [`yoursay-${workerVersion(release2)}`, "yoursay-data"].sort(), "release 1's cache stays gone");

    // ---- The signal returns: all arrive, once each ----
    await network.up({ appDir: release2 });
    await page.locator(".status-strip button:visible", { hasText: "Send now" }).click();
    await expectWaiting(page, 0, 60_000);
    const stored = sql(db, "SELECT id FROM entries ORDER BY id").map((r) => r[0]);
    assert.deepEqual(stored, [...keptBefore, ...keptLast].sort(), "every entry kept, once");
    assert.deepEqual(sql(db, "SELECT kind, COUNT(*) FROM entries GROUP BY kind ORDER BY kind"), [["survey", "2"], ["view", "2"]]);
    await page.reload();
    await appReady(page);
    assert.deepEqual(await cacheNames(page), [`yoursay-${workerVersion(release2)}`, "yoursay-data"].sort(), "release 1's cache stays gone");
  });
});

test("a tablet in pass-the-tablet mode is still in the mode after release 2 takes over, and its answers arrive once", { timeout: 300_000 }, async () => {
  await onRelease1(async ({ browser, db, base, network, officer, release2 }) => {
    const { code } = await officerApi(officer, base, "POST", "/events", {
      name: bi("Coffee and Catch up", "Coffi a Sgwrs"),
      date: "2027-02-11",
      place: "Neuadd y Dref",
      surveys: [SURVEY.code],
      role: "kinship_carer",
      pass_the_tablet: true,
      exit_pin: "1357",
      hear_back_by: "2027-03-31",
    });
    await officer.context().close();

    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await visitOnceOnline(page, base + "/");
    await page.goto(base + `/event?code=${code}`);
    await page.waitForSelector('[data-testid="event-ready"][data-ready="true"]', { timeout: 20_000 });

    // No signal: one carer answers.
    await network.down();
    await page.goto(base + "/event");
    await page.getByRole("link", { name: SURVEY.title.en }).click();
    await answerSurvey(page, "First carer, release 1");
    await expectWaiting(page, 1);

    // Release 2 is deployed and takes over while the tablet stays on its page.
    await network.up({ appDir: release2 });
    await takenOverBy(page, release2);
    await network.down();

    // Still in the mode, on release 2: a reload, a typed address, a new tab.
    await page.reload();
    await appReady(page);
    assert.equal(await releaseOf(page), "2");
    assert.match(await page.getByTestId("event").innerText(), new RegExp(code));
    for (const path of ["/", "/say"]) {
      const tab = await context.newPage();
      await tab.goto(base + path);
      await appReady(tab);
      assert.equal(await releaseOf(tab), "2", path);
      assert.match(await tab.getByTestId("event").innerText(), new RegExp(code), `${path} stays in the event`);
      assert.ok(await tab.getByRole("button", { name: "Leave event" }).isVisible(), `${path}: pass-the-tablet mode`);
      await tab.close();
    }
    assert.deepEqual(await cacheNames(page), [`yoursay-${workerVersion(release2)}`, "yoursay-data"].sort());
    await page.goto(base + `/surveys/${SURVEY.code}`);
    await answerSurvey(page, "Second carer, release 2");
    await expectWaiting(page, 2);

    await network.up({ appDir: release2 });
    await page.locator(".status-strip button:visible", { hasText: "Send now" }).click();
    await expectWaiting(page, 0, 60_000);
    const rows = sql(db, "SELECT kind, form, event, role, COUNT(*) FROM entries GROUP BY kind, form, event, role");
    assert.deepEqual(rows, [["survey", SURVEY.code, code, "kinship_carer", "2"]]);
  });
});
