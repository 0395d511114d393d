// The one loop everything hangs on: open once online, lose the server, keep working, get it all back
// exactly once when the server returns.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  sql, expectWaiting, appReady, saySomething, visitOnceOnline, withServerAndBrowser, withServerComingAndGoing,
} from "./helpers.mjs";

async function rateAService(page) {
  await page.goto(page.baseUrl + "/rate");
  await page.locator('button[data-code="social_worker"]').click();
  await page.getByRole("button", { name: "Good", exact: true }).click(); // equality
  await page.getByRole("button", { name: "Don't know" }).click(); // eradicate stigma
  await page.getByRole("button", { name: "Skip this one" }).click(); // togetherness
  for (let i = 3; i < 11; i++) {
    await page.getByRole("button", { name: "Really good" }).click();
  }
  await page.getByRole("button", { name: "Send my answers" }).click();
  await page.waitForURL("**/thanks");
}

test("entries made with the server down reach it exactly once when it returns", { timeout: 180_000 }, async () => {
  await withServerComingAndGoing(async ({ browser, db, base, network }) => {
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    page.baseUrl = base;

    // First visit, online: the service worker installs and caches the app.
    await visitOnceOnline(page, base + "/");
    await expectWaiting(page, 0);

    // The server goes away (no signal at the event).
    await network.down();
    await page.reload();
    await appReady(page);
    assert.match(await page.locator("main h1").innerText(), /Have your say/);

    await saySomething(page, base, "I would like to see my social worker more often");
    await saySomething(page, base, "=SUM(A1:A9) the youth club is great");
    await rateAService(page);
    await expectWaiting(page, 3);
    const waitingIds = await page.evaluate(
      () =>
        new Promise((ok, fail) => {
          const open = indexedDB.open("yoursay");
          open.onsuccess = () => {
            const req = open.result.transaction("outbox").objectStore("outbox").getAllKeys();
            req.onsuccess = () => ok(req.result.sort());
            req.onerror = () => fail(req.error);
          };
          open.onerror = () => fail(open.error);
        }),
    );
    assert.equal(waitingIds.length, 3);
    // Nothing of what was typed is on screen for the next person.
    assert.doesNotMatch(await page.content(), /social worker more often/);

    // The signal comes back: the app notices on its own, within a minute.
    await network.up();
    await expectWaiting(page, 0, 60_000);

    const stored = sql(db, "SELECT id FROM entries ORDER BY id").map((r) => r[0]);
    assert.deepEqual(stored, waitingIds, "exactly the three waiting entries, once each");
  });
});

test("a lost answer makes the device send the same entries again, and the server keeps them once", { timeout: 120_000 }, async () => {
  await withServerAndBrowser(async ({ server, browser, db }) => {
    // No service worker here, so every push of the page passes through the route below.
    const context = await browser.newContext({ locale: "en-GB", serviceWorkers: "block" });
    const pushes = [];
    let loseNext = true;
    await context.route("**/api/v1/entries", async (route) => {
      const ids = JSON.parse(route.request().postData()).entries.map((e) => e.id);
      const response = await route.fetch(); // the server receives and stores the batch…
      const answer = await response.json();
      pushes.push({ ids, answer, lost: loseNext });
      if (loseNext) {
        loseNext = false;
        await route.abort("connectionreset"); // …but its answer never reaches the page.
      } else {
        await route.fulfill({ response, json: answer });
      }
    });
    const page = await context.newPage();
    await page.goto(server.url + "/");
    await appReady(page);

    await saySomething(page, server.url, "The bus home from the youth club is too early");
    // Stored on the server, yet still waiting on the device: it never heard back.
    await expectWaiting(page, 1, 30_000);
    // The waiting count is 1 from the moment of saving, so wait for the lost push itself: the route
    // records it only once the server's answer has been read.
    for (const until = Date.now() + 30_000; pushes.length === 0 && Date.now() < until; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(pushes.length, 1);
    assert.equal(sql(db, "SELECT COUNT(*) FROM entries")[0][0], "1");
    assert.equal(pushes[0].answer.results[0].status, "accepted");

    await page.getByRole("button", { name: "Send now" }).click();
    await expectWaiting(page, 0, 30_000);
    const resent = pushes.slice(1).find((p) => p.ids.includes(pushes[0].ids[0]));
    assert.ok(resent, `the device sent the same entry again: ${JSON.stringify(pushes.map((p) => p.ids))}`);
    assert.equal(resent.answer.results.find((r) => r.id === pushes[0].ids[0]).status, "already_had");
    assert.deepEqual(sql(db, "SELECT id FROM entries").map((r) => r[0]), pushes[0].ids, "kept once");
    await context.close();
  });
});

// The service worker keeps its own copy of the server's rule for which names carry a content hash (it cannot
// ask the server before fetching). Both must agree on every file of the real build, or a release could be
// served from last release's HTTP cache.
test("the service worker and the server agree on which of the build's files may be kept", { timeout: 60_000 }, async () => {
  await withServerAndBrowser(async ({ base }) => {
    const worker = await (await fetch(base + "/sw.js")).text();
    const rule = new RegExp(worker.match(/const HASHED = \/(.+)\/;/)[1]);
    const files = [...worker.matchAll(/^\s*"(\/[^"]*)",?$/gm)].map((m) => m[1]);
    assert.ok(files.some((f) => rule.test(f)) && files.some((f) => !rule.test(f)), `both kinds among ${files}`);
    for (const file of files) {
      const response = await fetch(base + file);
      assert.equal(response.status, 200, file);
      const kept = /immutable/.test(response.headers.get("cache-control"));
      assert.equal(rule.test(file), kept, `${file}: the service worker says ${rule.test(file)}, the server ${kept}`);
    }
  });
});

// A newer release that upgrades the device database (another tab) waits for every older connection to
// close. The older tab closes its own and reloads into the newer release rather than block it.
test("a tab of an older release gives way when a newer one upgrades the device database", { timeout: 60_000 }, async () => {
  await withServerAndBrowser(async ({ browser, base }) => {
    const context = await browser.newContext({ locale: "en-GB" });
    try {
      const old = await context.newPage();
      // The service worker in charge first: its taking over is a reload of its own.
      await visitOnceOnline(old, base + "/");
      await appReady(old);
      await expectWaiting(old, 0); // the database is open
      const reloaded = old.waitForEvent("load");
      reloaded.catch(() => {}); // when the tab never reloads, the assertion below says why
      const newer = await context.newPage();
      // A page of this origin that is not the app (the service worker answers every other address with it).
      await newer.goto(base + "/api/v1/catalogue");
      const outcome = await newer.evaluate(() => new Promise((done) => {
        const request = indexedDB.open("yoursay", 1000);
        request.onblocked = () => done("blocked by the older tab");
        request.onsuccess = () => { request.result.close(); done("opened"); };
        request.onerror = () => done(`error: ${request.error}`);
        setTimeout(() => done("no answer in 5 s"), 5_000);
      }));
      assert.equal(outcome, "opened");
      await reloaded;
    } finally {
      await context.close();
    }
  });
});
