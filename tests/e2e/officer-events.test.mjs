// Events, end to end in the console: a survey is published through the API, the officer plans an event
// offering it with pass-the-tablet on (the exit PIN refused until it is digits, the message beside its
// box), sees it listed with its join code, opens the printable poster (the QR code loads, the code is
// shown), and a device downloads the event by its code (the PIN only as a hash). An overdue event comes
// first, marked in words. axe and no program text on every new screen in both languages.
//
// Needs the console in dist/officer/ and the server binary (see scripts/build-console.sh).
import { test } from "node:test";
import assert from "node:assert/strict";
import { focusLandsOn, withServerAndBrowser } from "./helpers.mjs";
import { axeBothLanguages, officerApi, openSection, signedInOfficer } from "./officer-helpers.mjs";

test("the officer plans an event with a survey and pass-the-tablet, prints its poster, and a device joins it", { timeout: 300_000 }, async () => {
  await withServerAndBrowser(async (env) => {
    const { server } = env;
    const page = await signedInOfficer(env);
    const officer = (method, path, body) => officerApi(page, server.url, method, path, body);
    await officer("POST", "/forms", { code: "coffee_nov", from: { starting_point: "coffee_catch_up" } });
    await officer("POST", "/forms/coffee_nov/publish");
    // An event long past its hear-back day, with nothing published about it: overdue.
    const past = await officer("POST", "/events", {
      name: { en: "Summer forum", cy: "Fforwm yr haf" }, date: "2025-07-01", place: "Bangor",
      surveys: [], role: null, pass_the_tablet: false, hear_back_by: "2025-08-01",
    });

    await openSection(page, "Events", "Events");
    const pastRow = page.locator(`#events-table tr[data-code="${past.code}"]`);
    await pastRow.waitFor();
    assert.match(await pastRow.innerText(), /Overdue/);
    await axeBothLanguages(page, "events list and form");

    await page.getByLabel("Name (English)").fill("Coffee and Catch up");
    await page.getByLabel("Name (Welsh)").fill("Coffi a Sgwrs");
    await page.getByLabel("Date of the event").fill("2099-03-14");
    await page.getByLabel("Place").fill("Neuadd y Dref, Llandudno");
    await page.getByLabel("People will hear back by").fill("2099-04-30");
    await page.getByLabel("Coffee and Catch up", { exact: true }).check();
    await page.getByLabel("Who will be answering").selectOption("foster_carer");
    await page.getByLabel(/Pass the tablet round/).check();
    await page.getByLabel("Exit PIN", { exact: true }).fill("48a1");
    await page.getByRole("button", { name: "Create event" }).click();
    await page.getByText("Please correct the fields marked below.").waitFor();
    const pinBox = page.getByLabel("Exit PIN", { exact: true });
    assert.equal(await pinBox.getAttribute("aria-invalid"), "true");
    await focusLandsOn(page, "event-exit-pin", "focus goes to the box to fix");
    await axeBothLanguages(page, "event form with a problem");

    await pinBox.fill("4821");
    await page.getByRole("button", { name: "Create event" }).click();
    const created = page.getByRole("status").getByText(/Event created\. Its join code is/);
    await created.waitFor();
    const code = (await created.innerText()).match(/is ([A-Z0-9]{3}) ([A-Z0-9]{3})\./).slice(1).join("");
    const row = page.locator(`#events-table tr[data-code="${code}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), /Coffee and Catch up\s+14 March 2099\s+Neuadd y Dref, Llandudno/);
    assert.match(await row.innerText(), /Open/);
    const order = await page.locator("#events-table tbody tr").evaluateAll((trs) => trs.map((tr) => tr.dataset.code));
    assert.deepEqual(order, [past.code, code], "overdue first");

    // The device's side: the event by its code as typed (lower case, a hyphen), the PIN only hashed.
    const typed = `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`;
    const device = await fetch(`${server.url}/api/v1/events/${typed}`);
    assert.equal(device.status, 200);
    const text = await device.text();
    assert.ok(!text.includes("4821"), "the PIN itself never reaches a device");
    const joined = JSON.parse(text);
    assert.equal(joined.code, code);
    assert.equal(joined.pass_the_tablet, true);
    assert.equal(joined.role, "foster_carer");
    assert.deepEqual(joined.surveys.map((s) => [s.form.code, s.version]), [["coffee_nov", 1]]);
    assert.match(joined.pin.hash, /^[0-9a-f]{64}$/);

    // The poster: both languages, the QR code drawn by the server, the code to read aloud.
    await row.getByRole("link", { name: /Poster/ }).click();
    await page.waitForURL(`**/officer/events/${code}/poster`);
    const poster = page.locator(".poster");
    await poster.waitFor();
    assert.match(await poster.innerText(), /Coffee and Catch up\s+Coffi a Sgwrs/);
    assert.match(await poster.innerText(), /14 March 2099, Neuadd y Dref, Llandudno\s+14 Mawrth 2099, Neuadd y Dref, Llandudno/);
    assert.equal(await page.locator(".poster-code").innerText(), `${code.slice(0, 3)} ${code.slice(3)}`);
    const qr = page.locator("img.poster-qr");
    await page.waitForFunction(() => {
      const img = document.querySelector("img.poster-qr");
      return img && img.complete && img.naturalWidth > 0;
    });
    assert.match(await qr.getAttribute("alt"), new RegExp(`QR code that opens http://.+/event\\?code=${code}`));
    assert.match(await poster.innerText(), new RegExp(`/event\\?code=${code}`));
    await axeBothLanguages(page, "event poster");

    // Closing: devices are told the event has ended.
    await page.getByRole("link", { name: "Back to Events" }).click();
    await page.locator(`#events-table tr[data-code="${code}"]`).getByRole("button", { name: /Close/ }).click();
    await page.getByText(/Event closed: phones and tablets can no longer join it/).waitFor();
    // The list is read again after the change: the row then says "Closed" in words.
    await page.locator(`#events-table tr[data-code="${code}"]`).filter({ hasText: "Closed" }).waitFor();
    assert.equal((await fetch(`${server.url}/api/v1/events/${code}`)).status, 410);
    await page.context().close();
  });
});
