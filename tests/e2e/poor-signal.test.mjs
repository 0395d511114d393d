// One bar of signal: the connection is there but nothing comes back. A request then hangs without failing,
// for many minutes. The home screen must still list the surveys the device keeps, and a send that hangs
// must give way (entries safe, "Send now" offered again) rather than say "Sending…" for ever.
import { test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { sql, expectWaiting, appReady, saySomething, visitOnceOnline, withServerComingAndGoing } from "./helpers.mjs";
import { bi, carersCatchUpSurvey, publishSurvey, signedInOfficer } from "./officer-helpers.mjs";

/** Takes connections on `port` and never answers: requests to it hang. */
async function silentServer(port) {
  const sockets = new Set();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  return {
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(resolve);
      }),
  };
}

const statusText = (page) => page.locator('[data-testid="status"]').innerText();

test("with a signal that answers nothing, the surveys list comes from the device and a stuck send gives way", { timeout: 180_000 }, async () => {
  await withServerComingAndGoing(async ({ browser, db, base, network }) => {
    const officer = await signedInOfficer({ server: network.server(), browser, db });
    await publishSurvey(officer, base, carersCatchUpSurvey("coffee_feb", bi("February", "Chwefror")));
    const page = await (await browser.newContext({ locale: "en-GB" })).newPage();
    await visitOnceOnline(page, base + "/");
    await page.getByRole("link", { name: /Coffee and Catch up, February/ }).waitFor();

    await network.down();
    const silent = await silentServer(Number(new URL(base).port));
    try {
      // The page comes from the service worker; the surveys list waits a few seconds for the network, then
      // the kept copy answers.
      await page.goto(base + "/");
      await appReady(page);
      await page.getByRole("link", { name: /Coffee and Catch up, February/ }).waitFor({ timeout: 12_000 });

      // Saved at once; the send that starts hangs, then gives up: the entry waits, "Send now" is offered.
      await saySomething(page, base, "Sent over one bar of signal");
      await expectWaiting(page, 1);
      const sendNow = page.getByRole("button", { name: "Send now" });
      await page.waitForFunction(
        () => /No connection/.test(document.querySelector('[data-testid="status"]')?.textContent ?? ""),
        null,
        { timeout: 45_000 },
      );
      assert.equal(await sendNow.isEnabled(), true, await statusText(page));
    } finally {
      await silent.close();
    }

    // The signal returns: it arrives, once.
    await network.up();
    await page.getByRole("button", { name: "Send now" }).click();
    await expectWaiting(page, 0, 30_000);
    assert.deepEqual(sql(db, "SELECT text FROM entries WHERE kind = 'view'"), [["Sent over one bar of signal"]]);
  });
});
