// "What changed" on the phone: the officer publishes a response linked to a promise; a device online reads
// it in English and in Welsh; with no signal afterwards it still shows, in both languages; an update
// appears as an update. Text is shown as text, never as markup. axe in both languages.
//
// Needs the young person's app in dist/ and the server binary (see scripts/build-console.sh).
import { test } from "node:test";
import assert from "node:assert/strict";
import { appReady, axe, expectNoCodeText, withServerAndBrowser } from "./helpers.mjs";
import { createOfficer, signIn } from "./officer-helpers.mjs";

async function officer(page, method, path, body) {
  const r = await page.request.fetch(path, { method, data: body ?? {}, headers: { "Content-Type": "application/json" } });
  assert.ok(r.ok(), `${method} ${path}: ${r.status()} ${await r.text()}`);
  return r.json();
}

async function switchTo(page, lang) {
  if ((await page.evaluate(() => document.documentElement.lang)) === lang) return;
  await page.locator("header .lang-switch").click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

async function sections(page) {
  await page.waitForSelector("main section.document h2");
  return page.locator("main section.document").innerText();
}

test("a published response shows on the phone online and offline, in English and Welsh, with its update", { timeout: 300_000 }, async () => {
  await withServerAndBrowser(async ({ server, browser, db }) => {
    createOfficer(db);
    const desk = await (await browser.newContext({ locale: "en-GB", bypassCSP: true })).newPage();
    await signIn(desk, server.url);
    await desk.waitForURL("**/officer/inbox");
    const api = (path) => `${server.url}/api/v1/officer${path}`;
    const made = await officer(desk, "POST", api("/responses"), {
      you_said: { en: "You said you rarely see your <b>social worker</b>.", cy: "Dywedaist ti mai anaml rwyt ti'n gweld dy weithiwr cymdeithasol." },
      we_did: { en: "We are taking on two more social workers.", cy: "Rydyn ni'n cyflogi dau weithiwr cymdeithasol arall." },
      progress: "doing_it",
      promises: ["support"],
    });
    await officer(desk, "POST", api(`/responses/${made.id}/publish`));

    const context = await browser.newContext({ locale: "en-GB", bypassCSP: true });
    const phone = await context.newPage();
    await phone.goto(server.url + "/");
    await appReady(phone);
    await phone.evaluate(async () => { await navigator.serviceWorker.ready; });
    await phone.reload();
    await phone.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });

    await phone.getByRole("link", { name: "What changed" }).click();
    await phone.waitForURL("**/what-changed");
    let text = await sections(phone);
    assert.match(text, /You said: You said you rarely see your <b>social worker<\/b>\./, "markup is shown as text");
    assert.match(text, /Doing it: We are taking on two more social workers\./);
    assert.equal(await phone.locator("main b").count(), 0);
    await expectNoCodeText(phone);
    assert.deepEqual(await axe(phone), []);
    await switchTo(phone, "cy");
    await phone.waitForFunction(() => document.querySelector("main section.document")?.innerText.includes("Dywedaist ti:"));
    assert.match(await sections(phone), /Rydyn ni'n ei wneud: Rydyn ni'n cyflogi dau weithiwr cymdeithasol arall\./);
    assert.deepEqual(await axe(phone), []);
    await switchTo(phone, "en");

    // An update: the next time the phone has signal it shows it as an update.
    await officer(desk, "POST", api(`/responses/${made.id}/updates`), {
      progress: "done",
      text: { en: "Both started in March.", cy: "Dechreuodd y ddau ym mis Mawrth." },
    });
    await phone.reload();
    await appReady(phone);
    await phone.waitForFunction(() => document.querySelector("main section.document")?.innerText.includes("Both started"));
    assert.match(await sections(phone), /Update, \d{1,2} [A-Z][a-z]+ \d{4}: Done\. Both started in March\./);
    await switchTo(phone, "cy");
    await phone.waitForFunction(() => document.querySelector("main section.document")?.innerText.includes("Dechreuodd"));
    await switchTo(phone, "en");

    // No signal: the copy kept on the device, in both languages.
    await context.setOffline(true);
    await phone.reload();
    await appReady(phone);
    text = await sections(phone);
    assert.match(text, /Both started in March\./);
    await switchTo(phone, "cy");
    await phone.waitForFunction(() => document.querySelector("main section.document")?.innerText.includes("Dechreuodd y ddau ym mis Mawrth."));
    await expectNoCodeText(phone);
  });
});
