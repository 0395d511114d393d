// The one loop everything hangs on: open once online, lose the server, keep working, get it all back
// exactly once when the server returns.
import { test } from "node:test";
import assert from "node:assert/strict";
import { freePort, scratch, startServer, stopServer, sql, launchBrowser, expectWaiting, appReady, saySomething } from "./helpers.mjs";

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
  const port = await freePort();
  const { db } = scratch();
  let server = await startServer({ port, db });
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    page.baseUrl = server.url;

    // First visit, online: the service worker installs and caches the app.
    await page.goto(server.url + "/");
    await appReady(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
    await expectWaiting(page, 0);

    // The server goes away (no signal at the event).
    await stopServer(server);
    await page.reload();
    await appReady(page);
    assert.match(await page.locator("main h1").innerText(), /Have your say/);

    await saySomething(page, server.url, "I would like to see my social worker more often");
    await saySomething(page, server.url, "=SUM(A1:A9) the youth club is great");
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
    server = await startServer({ port, db });
    await expectWaiting(page, 0, 60_000);

    const stored = sql(db, "SELECT id FROM entries ORDER BY id").map((r) => r[0]);
    assert.deepEqual(stored, waitingIds, "exactly the three waiting entries, once each");

    // A retry of the same entries (e.g. a lost answer) does not duplicate them.
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await page.waitForTimeout(1000);
    assert.equal(sql(db, "SELECT COUNT(*) FROM entries")[0][0], "3");
  } finally {
    await browser.close();
    await stopServer(server);
  }
});
