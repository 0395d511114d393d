// "What changed" on the phone (the surveys page, kept in IndexedDB and pulled by cursor): the officer
// publishes responses; a device online picks them up in English and Welsh, marked "new" until seen; a
// filter by promise (also from `?promise=`); an update appears as an update and a withdrawn response
// disappears on the next pull; with the server stopped it still shows, in both languages. Text is shown
// as text, never as markup. axe in both languages, under the page's real Content Security Policy.
//
// Needs dist/ (scripts/build-app.sh) and the server binary (cargo build -p yoursay-server).
import { test } from "node:test";
import assert from "node:assert/strict";
import { appReady, axeUnderCsp, stopServer, withServerAndBrowser } from "./helpers.mjs";
import { createOfficer, officerApi, signIn } from "./officer-helpers.mjs";


async function switchTo(page, lang) {
  if ((await page.evaluate(() => document.documentElement.lang)) === lang) return;
  await page.locator("header .lang-switch").click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}


/** The feed's status line says `words` (the pull has ended). */
async function status(page, words) {
  await page.waitForFunction((w) => document.querySelector("[data-testid=feed-status]")?.textContent === w, words, { timeout: 15_000 });
}

const responses = (page) => page.locator("main li.response");
const newMarks = (page, lang = "en") => page.locator("main .response-new", { hasText: lang === "en" ? "New since you last looked" : "Newydd ers i ti edrych ddiwethaf" });

test("responses are kept on the phone: online, filtered, updated, withdrawn, offline, in English and Welsh", { timeout: 300_000 }, async () => {
  await withServerAndBrowser(async ({ server, browser, db }) => {
    createOfficer(db);
    const desk = await (await browser.newContext({ locale: "en-GB", bypassCSP: true })).newPage();
    await signIn(desk, server.url);
    await desk.waitForURL("**/officer/inbox");
    const officer = (page, method, path, body) => officerApi(page, server.url, method, path, body);
    const publish = async (text) => {
      const made = await officer(desk, "POST", "/responses", text);
      await officer(desk, "POST", `/responses/${made.id}/publish`);
      return made.id;
    };
    const workers = await publish({
      you_said: { en: "You said you rarely see your <b>social worker</b>.", cy: "Dywedaist ti mai anaml rwyt ti'n gweld dy weithiwr cymdeithasol." },
      we_did: { en: "We are taking on two more social workers.", cy: "Rydyn ni'n cyflogi dau weithiwr cymdeithasol arall." },
      progress: "doing_it",
      promises: ["support"],
      services: ["social_worker"],
    });
    const clubs = await publish({
      you_said: { en: "You said there is nothing to do after school.", cy: "Dywedaist ti nad oes dim byd i'w wneud ar ôl ysgol." },
      we_did: { en: "We are asking the youth service about clubs.", cy: "Rydyn ni'n holi'r gwasanaeth ieuenctid am glybiau." },
      progress: "looking_into_it",
      promises: ["ambition"],
    });

    // ---- Online: the home screen's link opens the surveys page, which pulls both ----
    const context = await browser.newContext({ locale: "en-GB" });
    const phone = await context.newPage();
    await phone.goto(server.url + "/");
    await appReady(phone);
    await phone.evaluate(async () => { await navigator.serviceWorker.ready; });
    await phone.reload();
    await phone.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
    await phone.getByRole("link", { name: "What changed" }).click();
    await phone.waitForURL("**/what-changed");
    await status(phone, "Up to date.");
    assert.equal(await responses(phone).count(), 2);
    const first = await responses(phone).first().innerText();
    assert.match(first, /You said: You said there is nothing to do after school\./, "newest first");
    const text = await phone.locator("main").innerText();
    assert.match(text, /You said: You said you rarely see your <b>social worker<\/b>\./, "markup is shown as text");
    assert.equal(await phone.locator("main b").count(), 0);
    assert.match(text, /Where we are: Doing it/, "status in words");
    assert.match(text, /What we did: We are taking on two more social workers\./);
    assert.match(text, /About: Support, Social worker/);
    assert.equal(await newMarks(phone).count(), 2, "both new on the first look");
    await axeUnderCsp(phone, "what changed (en)");

    // Welsh from what the phone keeps.
    await switchTo(phone, "cy");
    await phone.waitForFunction(() => document.querySelector("main")?.innerText.includes("Dywedaist ti: Dywedaist ti mai anaml"));
    assert.match(await phone.locator("main").innerText(), /Ble rydyn ni arni: Rydyn ni'n ei wneud/);
    assert.equal(await newMarks(phone, "cy").count(), 2);
    await axeUnderCsp(phone, "what changed (cy)");
    await switchTo(phone, "en");

    // ---- A filter by promise, and the same from the address ----
    await phone.getByLabel("Promise").selectOption("support");
    await phone.waitForFunction(() => document.querySelectorAll("main li.response").length === 1);
    assert.match(await responses(phone).first().innerText(), /rarely see your/);
    assert.match(await phone.locator("main").innerText(), /Showing 1 of 2\./);
    // From Rate: the promise's own screen links to what was done about it, in a new tab, so the answers
    // given so far stay in the first.
    await phone.goto(server.url + "/rate");
    await phone.locator('button[data-code="social_worker"]').click();
    await phone.getByRole("button", { name: "Good", exact: true }).click();
    const aboutThis = phone.getByRole("link", { name: /What we did about this promise/ });
    for (let i = 0; !(await aboutThis.getAttribute("href")).endsWith("promise=ambition"); i++) {
      assert.ok(i < 25, "the promise 'ambition' comes in Rate");
      await phone.getByRole("button", { name: "Skip this one" }).click();
    }
    const ratingAt = await phone.locator(".progress").innerText();
    const [tab] = await Promise.all([context.waitForEvent("page"), aboutThis.click()]);
    await status(tab, "Up to date.");
    assert.equal(await responses(tab).count(), 1);
    assert.match(await responses(tab).first().innerText(), /nothing to do after school/);
    assert.equal(await tab.getByLabel("Promise").inputValue(), "ambition");
    await tab.close();
    assert.equal(await phone.locator(".progress").innerText(), ratingAt, "the rating goes on where it was");

    // ---- Seen once: no longer new ----
    await phone.goto(server.url + "/what-changed");
    await status(phone, "Up to date.");
    assert.equal(await responses(phone).count(), 2);
    assert.equal(await newMarks(phone).count(), 0, "the markers clear once seen");

    // ---- An update and a withdrawal reach the phone on the next pull ----
    await officer(desk, "POST", `/responses/${workers}/updates`, {
      progress: "done",
      text: { en: "Both started in March.", cy: "Dechreuodd y ddau ym mis Mawrth." },
    });
    await officer(desk, "POST", `/responses/${clubs}/withdraw`);
    await phone.reload();
    await status(phone, "Up to date.");
    assert.equal(await responses(phone).count(), 1, "the withdrawn response is gone");
    const updated = await responses(phone).first().innerText();
    assert.match(updated, /Updates\s+Update, \d{1,2} [A-Z][a-z]+ \d{4}: Done\. Both started in March\./, "shown as an update");
    assert.match(updated, /Where we are: Done/);
    assert.equal(await newMarks(phone).count(), 1, "changed since last seen: new again");

    // ---- The server stopped: the phone still shows what it keeps, in both languages ----
    await stopServer(server);
    await phone.goto(server.url + "/");
    await appReady(phone);
    await phone.getByRole("link", { name: "What changed" }).click();
    await phone.waitForURL("**/what-changed");
    await status(phone, "No signal: showing what this phone kept last time.");
    assert.equal(await responses(phone).count(), 1);
    assert.match(await phone.locator("main").innerText(), /Both started in March\./);
    assert.equal(await newMarks(phone).count(), 0);
    await switchTo(phone, "cy");
    await phone.waitForFunction(() => document.querySelector("main")?.innerText.includes("Dechreuodd y ddau ym mis Mawrth."));
    assert.match(await phone.locator("main").innerText(), /Diweddariad, \d{1,2} \S+ \d{4}: Wedi'i wneud\./);
    await axeUnderCsp(phone, "what changed offline (cy)");
    // The thank-you screen of the surveys page shows the newest response it keeps, offline too (in Welsh now).
    await phone.evaluate(() => {
      history.pushState(null, "", "/thanks");
      dispatchEvent(new PopStateEvent("popstate"));
    });
    await phone.waitForSelector("#latest-response-title");
    const latest = await phone.locator(".latest-response").innerText();
    assert.match(latest, /Am fod pobl wedi dweud eu dweud/);
    assert.match(latest, /Beth wnaethon ni: Rydyn ni'n cyflogi dau weithiwr cymdeithasol arall\./);
    await axeUnderCsp(phone, "thank you with the newest response (cy)");
  });
});
