// A survey the officer published, answered on a device with no signal by two people in turn (English,
// then Welsh), one question per screen through the one form runner, then sent exactly once when the
// signal returns, and read back by the officer in results and the export.
//
// Needs the first-load app in dist/, the surveys page in dist/surveys/, the console in dist/officer/ and
// the server binary: `bash scripts/build-app.sh` and `cargo build -p yoursay-server`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { sql, expectWaiting, focusLandsOn, axeUnderCsp, visitOnceOnline, withServerComingAndGoing, xlsxText } from "./helpers.mjs";
import { bi, everyKindOfQuestion, officerApi, publishSurvey, signedInOfficer } from "./officer-helpers.mjs";

// Every kind of question, a required one, help text and a show-if rule.
const SURVEY = {
  code: "coffee_dec",
  title: bi("Coffee and Catch up, December", "Coffi a Sgwrs, Rhagfyr"),
  intro: bi("Five minutes on how things are going for you.", "Pum munud ar sut mae pethau'n mynd i chi."),
  audience: "carers",
  questions: everyKindOfQuestion({ support: { help: bi("Think about the last three months.", "Meddyliwch am y tri mis diwethaf.") } }),
};


/** The runner's screen has drawn the question with this heading. */
async function onQuestion(page, heading) {
  await page.waitForFunction((h) => document.querySelector("main h1")?.textContent.trim() === h, heading);
}


test("a survey opens with no signal, two people answer it in turn, and it arrives once", { timeout: 300_000 }, async () => {
  await withServerComingAndGoing(async ({ browser, db, base, network }) => {
    // ---- The officer publishes the survey ----
    const officer = await signedInOfficer({ server: network.server(), browser, db });
    await publishSurvey(officer, base, SURVEY);

    // A one-question survey too: its length is said in the singular.
    await publishSurvey(officer, base, {
      code: "quick_word",
      title: bi("A quick word", "Gair sydyn"),
      intro: bi("One question.", "Un cwestiwn."),
      audience: "young_people",
      questions: [{ code: "today", kind: "easy3", prompt: bi("How was today?", "Sut oedd heddiw?") }],
    });

    // ---- A tablet visits once, online: the home screen lists the surveys; the app and the surveys page are kept ----
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await visitOnceOnline(page, base + "/");
    const listed = page.getByRole("link", { name: /Coffee and Catch up, December/ });
    await listed.waitFor();
    assert.match(await listed.innerText(), /For foster and kinship carers\s+7 questions, about 3 minutes/);
    assert.match(await page.getByRole("link", { name: /A quick word/ }).innerText(), /For young people\s+1 question, about 1 minute$/);
    assert.equal(await page.getByRole("link", { name: /Answer a survey/ }).count(), 0, "each survey is listed instead");
    await axeUnderCsp(page, "home screen with surveys (en)");
    await page.goto(base + "/surveys");
    await onQuestion(page, "Surveys");
    const item = page.getByRole("link", { name: /Coffee and Catch up, December/ });
    assert.match(await item.innerText(), /For foster and kinship carers\s+7 questions, about 3 minutes/);
    await axeUnderCsp(page, "surveys list (en)");

    // ---- No signal: the home screen lists them from the service worker's copy ----
    await network.down();
    await page.goto(base + "/");
    await page.getByRole("link", { name: /Coffee and Catch up, December/ }).click();
    await page.waitForURL("**/surveys/coffee_dec");
    await onQuestion(page, "Coffee and Catch up, December");
    await page.getByRole("button", { name: "Start" }).click();

    // First person, in English. A required question cannot be skipped; the message is by the question.
    await onQuestion(page, "How well are you supported?");
    assert.equal(await page.locator(".progress").innerText(), "Question 1 of 6");
    assert.match(await page.locator("#survey-help").innerText(), /last three months/);
    await page.getByRole("button", { name: "Skip this one" }).click();
    await page.waitForSelector("#survey-error");
    await focusLandsOn(page, "survey-error");
    await axeUnderCsp(page, "a required question left unanswered");
    await page.getByRole("button", { name: "Good", exact: true }).click();
    await onQuestion(page, "How was today?");
    await page.getByRole("button", { name: "OK", exact: true }).click();
    await onQuestion(page, "Are you included in decisions?");
    // Back keeps the answer given.
    await page.getByRole("button", { name: "Back" }).click();
    await onQuestion(page, "How was today?");
    assert.equal(await page.getByRole("button", { name: "OK", exact: true }).getAttribute("aria-pressed"), "true");
    await page.getByRole("button", { name: "OK", exact: true }).click();
    await onQuestion(page, "Are you included in decisions?");
    await page.getByRole("button", { name: "Most of the time" }).click();
    await onQuestion(page, "Did you go to training this year?");
    await page.getByRole("button", { name: "Yes", exact: true }).click();
    // Shown because of "Yes": one more question than before.
    await onQuestion(page, "Which kinds?");
    assert.equal(await page.locator(".progress").innerText(), "Question 5 of 7");
    await page.getByLabel("Online").check();
    await page.getByLabel("Evening").check();
    await axeUnderCsp(page, "multiple choice");
    await page.getByRole("button", { name: "Next" }).click();
    await onQuestion(page, "Anything else?");
    await page.locator("#answer-text").fill("More notice of meetings, please");
    await page.getByRole("button", { name: "Next" }).click();
    await onQuestion(page, "Rate a service");
    await page.locator('button[data-code="social_worker"]').click();
    for (let i = 0; i < 11; i++) {
      await page.waitForSelector(".faces button");
      await page.getByRole("button", { name: i === 0 ? "Really good" : "Skip this one", exact: true }).click();
    }
    await onQuestion(page, "Nearly done");
    await page.getByLabel("Which best describes you?").selectOption("kinship_carer");
    await page.getByRole("button", { name: "Check my answers" }).click();
    await onQuestion(page, "Check your answers");
    const check = await page.locator(".check-list").innerText();
    for (const words of ["Good", "OK", "Most of the time", "Yes", "Online, Evening", "More notice of meetings, please", "1 promise answered"]) {
      assert.ok(check.includes(words), `the check screen says ${words}: ${check}`);
    }
    await axeUnderCsp(page, "check your answers (en)");
    await page.getByRole("button", { name: "Send my answers" }).click();
    await page.waitForURL("**/thanks");
    await expectWaiting(page, 1);
    // Nothing of the first person is left in the page, nor reachable with Back.
    assert.doesNotMatch(await page.content(), /More notice of meetings/);
    await page.goBack();
    await page.waitForTimeout(300);
    assert.doesNotMatch(await page.content(), /More notice of meetings/);

    // Second person, in Welsh, from the home screen: "no" to training hides the follow-up question.
    await page.goto(base + "/");
    await page.locator("button.lang-switch").first().click();
    await page.waitForFunction(() => document.documentElement.lang === "cy");
    const inWelsh = page.getByRole("link", { name: /Coffi a Sgwrs, Rhagfyr/ });
    await inWelsh.waitFor();
    assert.match(await inWelsh.innerText(), /I ofalwyr maeth a gofalwyr sy'n perthyn\s+7 cwestiwn, tua 3 munud/);
    await axeUnderCsp(page, "home screen with surveys (cy)");
    await inWelsh.click();
    await page.waitForURL("**/surveys/coffee_dec");
    await onQuestion(page, "Coffi a Sgwrs, Rhagfyr");
    await axeUnderCsp(page, "survey introduction (cy)");
    await page.getByRole("button", { name: "Dechrau" }).click();
    await onQuestion(page, "Pa mor dda ydych chi'n cael eich cefnogi?");
    assert.equal(await page.locator(".progress").innerText(), "Cwestiwn 1 o 6");
    await page.getByRole("button", { name: "Ddim yn gwybod" }).click();
    await onQuestion(page, "Sut oedd heddiw?");
    await page.getByRole("button", { name: "Sgipio'r cwestiwn hwn" }).click();
    await onQuestion(page, "Ydych chi'n cael eich cynnwys mewn penderfyniadau?");
    await page.getByRole("button", { name: "Weithiau" }).click();
    await onQuestion(page, "Aethoch chi i hyfforddiant eleni?");
    await axeUnderCsp(page, "single choice (cy)");
    await page.getByRole("button", { name: "Nac ydw" }).click();
    await onQuestion(page, "Unrhyw beth arall?");
    assert.equal(await page.locator(".progress").innerText(), "Cwestiwn 5 o 6");
    await page.getByRole("button", { name: "Nesaf" }).click();
    await onQuestion(page, "Sgorio gwasanaeth");
    await page.getByRole("button", { name: "Sgipio'r cwestiwn hwn" }).click();
    await onQuestion(page, "Bron â gorffen");
    await page.getByRole("button", { name: "Gwirio fy atebion" }).click();
    await onQuestion(page, "Gwirio dy atebion");
    await axeUnderCsp(page, "check your answers (cy)");
    await page.getByRole("button", { name: "Anfon fy atebion" }).click();
    await page.waitForURL("**/thanks");
    await expectWaiting(page, 2);

    // ---- The signal returns: both arrive, once each ----
    await network.up();
    await expectWaiting(page, 0, 60_000);
    const entries = sql(db, "SELECT kind, form, form_version, language, COALESCE(role, '') FROM entries ORDER BY language");
    assert.deepEqual(entries, [
      ["survey", "coffee_dec", "1", "cy", ""],
      ["survey", "coffee_dec", "1", "en", "kinship_carer"],
    ]);
    const answers = sql(db, "SELECT question, COALESCE(choice, ''), COALESCE(score, ''), dont_know, COALESCE(text, ''), COALESCE(service, ''), COALESCE(promise, '') FROM survey_answers ORDER BY entry_id, position, part");
    const byQuestion = (q) => answers.filter((a) => a[0] === q);
    assert.equal(byQuestion("support").length, 2);
    assert.deepEqual(byQuestion("which_training").map((a) => a[1]), ["online", "evening"]);
    assert.equal(byQuestion("anything_else")[0][4], "More notice of meetings, please");
    assert.deepEqual(byQuestion("services").map((a) => [a[5], a[6], a[2]]), [["social_worker", "equality", "5"]]);
    assert.equal(byQuestion("day").length, 1, "the skipped question is absent");

    // The officer sees them in the results and the export.
    // Two people: fewer than the small-number threshold, so the count is not shown as a number.
    const results = await officerApi(officer, base, "GET", "/forms/coffee_dec/results");
    assert.equal(results.responses, "small");
    assert.equal(results.questions.find((q) => q.code === "support").answered, "small");
    const download = async (format) => {
      const r = await officer.request.get(`${base}/api/v1/officer/export?format=${format}&kind=survey`);
      assert.equal(r.status(), 200, format);
      return r.body();
    };
    const csv = (await download("csv")).toString("utf8");
    assert.equal((csv.match(/coffee_dec/g) || []).length >= 9, true, csv);
    assert.match(csv, /More notice of meetings, please/);
    const sheets = xlsxText(await download("xlsx"));
    assert.match(sheets, /More notice of meetings, please/);
    assert.match(sheets, /Most of the time/);
    assert.match(sheets, /Ar-lein/, "choice words in Welsh too");
  });
});
