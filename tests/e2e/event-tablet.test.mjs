// Events and pass-the-tablet mode: the officer sets up a Coffee and Catch up with a survey, the role
// preset and pass-the-tablet on; a tablet joins by its code and is ready without signal; two carers answer
// in turn with no signal (nothing of the first is left in the page or behind Back); an idle form asks
// "Still there?" and is cleared; a wrong exit PIN does not leave, the right one does; back online, both
// answers arrive once, tagged with the event.
//
// Needs `bash scripts/build-app.sh` (dist/, dist/surveys/, dist/officer/) and `cargo build -p yoursay-server`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sql, expectWaiting, focusLandsOn, appReady, axeUnderCsp, visitOnceOnline, withServerComingAndGoing, xlsxText } from "./helpers.mjs";
import { bi, carersCatchUpSurvey, officerApi, publishSurvey, signedInOfficer } from "./officer-helpers.mjs";

const SURVEY = carersCatchUpSurvey("coffee_jan", bi("January", "Ionawr"));

async function heading(page, text) {
  await page.waitForFunction((h) => document.querySelector("main h1")?.textContent.trim() === h, text);
}

async function switchTo(page, lang) {
  if ((await page.evaluate(() => document.documentElement.lang)) === lang) return;
  await page.locator("button.lang-switch").first().click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

test("a tablet joins an event, two carers answer in turn with no signal, and only the PIN leaves the mode", { timeout: 300_000 }, async () => {
  await withServerComingAndGoing(async ({ browser, db, base, network }) => {
    const officer = await signedInOfficer({ server: network.server(), browser, db });
    await publishSurvey(officer, base, SURVEY);
    // Published for everyone, but not chosen for this event: the event's home screen does not offer it.
    await publishSurvey(officer, base, carersCatchUpSurvey("coffee_dec", bi("December", "Rhagfyr")));
    const event = await officerApi(officer, base, "POST", "/events", {
      name: bi("Coffee and Catch up", "Coffi a Sgwrs"),
      date: "2027-01-14",
      place: "Neuadd y Dref",
      surveys: ["coffee_jan"],
      role: "foster_carer",
      pass_the_tablet: true,
      exit_pin: "2468",
      hear_back_by: "2027-02-28",
    });
    const code = event.code;

    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    page.on("console", (m) => m.type() === "error" && console.log("page error:", m.text()));
    // Time on this page is the test's to move: the idle prompt comes after two minutes.
    await page.clock.install();
    await visitOnceOnline(page, base + "/");

    // ---- Joining: a wrong code, an unknown one, then the code as read aloud ----
    await page.goto(base + "/event");
    await heading(page, "Join an event");
    await page.getByLabel("Event code").fill("hello");
    await page.getByRole("button", { name: "Join" }).click();
    await page.waitForSelector("#event-code-error");
    assert.match(await page.locator("#event-code-error").innerText(), /not an event code/);
    await axeUnderCsp(page, "join, bad code (en)");
    await switchTo(page, "cy");
    await page.waitForFunction(() => /Dydy hwnnw ddim yn god digwyddiad/.test(document.querySelector("#event-code-error")?.textContent ?? ""));
    await axeUnderCsp(page, "join, bad code (cy)");
    await switchTo(page, "en");
    await page.getByLabel("Event code").fill("AAAAAA");
    await page.getByRole("button", { name: "Join" }).click();
    await page.waitForFunction(() => /could not find/.test(document.querySelector("#event-code-error")?.textContent ?? ""));
    const typed = `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`;
    await page.getByLabel("Event code").fill(typed);
    await page.getByRole("button", { name: "Join" }).click();
    await heading(page, "Coffee and Catch up");
    assert.match(await page.locator("main").innerText(), /14 January 2027, Neuadd y Dref/);
    assert.match(await page.locator("main").innerText(), /You will hear what happened by 28 February 2027\./);
    await page.waitForSelector('[data-testid="event-ready"][data-ready="true"]', { timeout: 20_000 });
    assert.equal(await page.getByTestId("event-ready").innerText(), "Ready for use without signal.");
    await axeUnderCsp(page, "event screen (en)");
    await switchTo(page, "cy");
    await heading(page, "Coffi a Sgwrs");
    assert.match(await page.locator("main").innerText(), /14 Ionawr 2027/);
    await axeUnderCsp(page, "event screen (cy)");
    await switchTo(page, "en");

    // ---- No signal from here ----
    await network.down();
    // In pass-the-tablet mode every address opens the event's page, with the event on screen.
    await page.goto(base + "/");
    await appReady(page);
    assert.match(await page.getByTestId("event").innerText(), new RegExp(code));
    // The home screen offers the surveys the officer chose for the event, and no other.
    await page.getByRole("heading", { name: "Surveys at this event" }).waitFor();
    assert.equal(await page.locator(".survey-list li").count(), 1);
    assert.match(await page.locator(".survey-list").innerText(), /Coffee and Catch up, January/);

    // First carer, in English; the role is preset by the event.
    await page.goto(base + "/event");
    const survey = page.getByRole("link", { name: "Coffee and Catch up, January" });
    // The event's surveys are listed as the home screen lists them: who each is for and how long it takes.
    assert.match(await survey.innerText(), /For foster and kinship carers\s+2 questions, about 1 minute$/);
    await survey.click();
    await heading(page, "Coffee and Catch up, January");
    await page.getByRole("button", { name: "Start" }).click();
    await page.getByRole("button", { name: "Good", exact: true }).click();
    await heading(page, "Anything else?");
    await page.locator("#answer-text").fill("First carer: my placement review was cancelled twice");
    await page.getByRole("button", { name: "Next" }).click();
    await heading(page, "Nearly done");
    assert.equal(await page.locator("#about-role").inputValue(), "foster_carer");
    await page.getByRole("button", { name: "Check my answers" }).click();
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.waitForURL("**/thanks");
    assert.match(await page.locator("main").innerText(), /Please pass it on to the next person\./);
    assert.equal(await page.getByTestId("hear-back").innerText(), "You will hear what happened by 28 February 2027.");
    await axeUnderCsp(page, "thank you, pass it on (en)");
    await expectWaiting(page, 1);
    assert.doesNotMatch(await page.content(), /placement review/);
    await page.goBack();
    await appReady(page);
    assert.doesNotMatch(await page.content(), /placement review/);

    // Second carer, in Welsh, walks away half-way: "Still there?" first, then the form is cleared.
    await switchTo(page, "cy");
    await page.goto(base + "/surveys/coffee_jan");
    await heading(page, "Coffi a Sgwrs, Ionawr");
    await page.getByRole("button", { name: "Dechrau" }).click();
    await page.getByRole("button", { name: "Da", exact: true }).click();
    await heading(page, "Unrhyw beth arall?");
    // Closed mid-form (here: reloaded): the unfinished form is gone.
    await page.locator("#answer-text").fill("Second carer, closed the tab");
    await page.reload();
    await heading(page, "Coffi a Sgwrs, Ionawr");
    assert.doesNotMatch(await page.content(), /closed the tab/);
    await page.getByRole("button", { name: "Dechrau" }).click();
    await page.getByRole("button", { name: "Da", exact: true }).click();
    await heading(page, "Unrhyw beth arall?");
    assert.equal(await page.locator("#answer-text").inputValue(), "");
    await page.locator("#answer-text").fill("Second carer, not finished");
    await page.clock.fastForward("02:05");
    await page.waitForSelector('[role="alertdialog"]');
    assert.equal(await page.locator("#idle-title").innerText(), "Wyt ti'n dal yma?");
    await focusLandsOn(page, "idle-more");
    await axeUnderCsp(page, "still there? (cy)");
    await page.getByRole("button", { name: "Mwy o amser" }).click();
    await page.waitForSelector('[role="alertdialog"]', { state: "detached" });
    assert.equal(await page.locator("#answer-text").inputValue(), "Second carer, not finished", "More time keeps the answers");
    await page.clock.fastForward("02:05");
    await page.waitForSelector('[role="alertdialog"]');
    await page.clock.fastForward("00:31");
    await page.waitForFunction(() => location.pathname === "/");
    assert.doesNotMatch(await page.content(), /not finished/);
    // Nothing half-filled was sent, and the survey starts afresh.
    await expectWaiting(page, 1);
    await page.goto(base + "/surveys/coffee_jan");
    await heading(page, "Coffi a Sgwrs, Ionawr");
    await page.getByRole("button", { name: "Dechrau" }).click();
    await page.getByRole("button", { name: "Iawn", exact: true }).click();
    await page.getByRole("button", { name: "Nesaf" }).click();
    await page.getByRole("button", { name: "Gwirio fy atebion" }).click();
    await page.getByRole("button", { name: "Anfon fy atebion" }).click();
    await page.waitForURL("**/thanks");
    await expectWaiting(page, 2);
    await axeUnderCsp(page, "thank you, pass it on (cy)");

    // ---- Leaving: a wrong PIN three times waits, the right one leaves ----
    await switchTo(page, "en");
    await page.getByRole("button", { name: "Leave event" }).click();
    await heading(page, "Leave pass-the-tablet mode");
    await axeUnderCsp(page, "exit PIN (en)");
    await switchTo(page, "cy");
    await heading(page, "Gadael y modd pasio'r llechen");
    await axeUnderCsp(page, "exit PIN (cy)");
    await switchTo(page, "en");
    for (let i = 0; i < 3; i++) {
      await page.getByLabel("Exit PIN").fill("1111");
      await page.getByRole("button", { name: "Leave", exact: true }).click();
      await page.waitForSelector("#leave-error");
    }
    assert.match(await page.locator("#leave-error").innerText(), /Please wait 5 seconds/);
    assert.equal(await page.getByRole("button", { name: "Leave", exact: true }).isDisabled(), true);
    assert.match(await page.getByTestId("event").innerText(), new RegExp(code), "still in the event");
    await page.clock.fastForward("00:06");
    await page.waitForFunction(() => !document.querySelector("form button[type=submit]")?.disabled);
    await page.getByLabel("Exit PIN").fill("2468");
    await page.getByRole("button", { name: "Leave", exact: true }).click();
    await page.waitForFunction(() => location.pathname === "/");
    await page.waitForFunction(() => document.querySelector('[data-testid="event"]')?.hidden === true);

    // ---- The signal returns: both answers arrive once, tagged with the event ----
    await network.up();
    // The retry timer, on this page's clock.
    await page.clock.fastForward("00:31");
    await expectWaiting(page, 0, 60_000);
    const rows = sql(db, "SELECT kind, form, event, role, language FROM entries ORDER BY language");
    assert.deepEqual(rows, [
      ["survey", "coffee_jan", code, "foster_carer", "cy"],
      ["survey", "coffee_jan", code, "foster_carer", "en"],
    ]);
    assert.equal(sql(db, "SELECT COUNT(*) FROM survey_answers WHERE text LIKE '%not finished%' OR text LIKE '%closed the tab%'")[0][0], "0");
    // In the officer's results and the export, filtered to the event.
    const results = await officerApi(officer, base, "GET", `/forms/coffee_jan/results?event=${code}`);
    assert.equal(results.responses, "small", "two people: fewer than the threshold");
    const xlsx = await officer.request.get(`${base}/api/v1/officer/export?format=xlsx&event=${code}`);
    assert.equal(xlsx.status(), 200);
    const sheets = xlsxText(await xlsx.body());
    assert.match(sheets, /placement review was cancelled twice/);
    assert.equal((sheets.match(new RegExp(code, "g")) || []).length, 3, "one row per answer (two, then one), each with the event");
  });
});
