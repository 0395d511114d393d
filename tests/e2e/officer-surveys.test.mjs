// Survey answers reach the officer, end to end: a survey with every kind of question is published through
// the officer API, devices send answers to two versions of it, and the officer reads the results per
// question in the console, in English and in Welsh, with small numbers hidden, then downloads the XLSX.
//
// Needs the young person's app in dist/ and the console in dist/officer/, and the server binary: see
// scripts/build-console.sh (YOURSAY_APP_DIR and YOURSAY_SERVER_BIN override both).
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { expectNoCodeText, withServerAndBrowser, pushAccepted } from "./helpers.mjs";
import { axeBothLanguages, bi, everyKindOfQuestion, openSection, publishSurvey, signedInOfficer, switchLanguage } from "./officer-helpers.mjs";


const SURVEY = {
  code: "coffee_nov",
  title: bi("Coffee and Catch up", "Coffi a Sgwrs"),
  intro: bi("Tell us how things are going.", "Dywedwch wrthym sut mae pethau'n mynd."),
  audience: "carers",
  questions: everyKindOfQuestion(),
};

const answer = (question, value) => ({ question, value });
const FULL = [
  answer("support", 4),
  answer("day", 2),
  answer("included", "most_of_the_time"),
  answer("training", "yes"),
  answer("which_training", ["online", "evening"]),
  answer("anything_else", "More notice of meetings, please"),
  answer("services", { service: "social_worker", answers: [{ promise: "support", answer: 5 }] }),
];
const SHORT = [answer("support", "dont_know"), answer("training", "no")];

function entry(version, answers) {
  return { id: randomUUID(), created_at: Date.now() - 60_000, language: "cy", role: "kinship_carer", kind: "survey", survey: { form: "coffee_nov", version, answers } };
}

const push = pushAccepted;

/** The table of one question: [answer words, count words] per row. */
async function rows(page, code) {
  return page.locator(`#question-${code}-table tbody tr`).evaluateAll((trs) => trs.map((tr) => [tr.querySelector("th").textContent.trim(), tr.querySelector("td").textContent.trim()]));
}

test("the officer reads a survey's results per question, merged across versions, small numbers hidden, in both languages", { timeout: 300_000 }, async () => {
  await withServerAndBrowser(async ({ server, browser, db }) => {
    const page = await signedInOfficer({ server, browser, db }, { acceptDownloads: true });
    await publishSurvey(page, server.url, SURVEY);
    await push(server.url, Array.from({ length: 6 }, () => entry(1, FULL)));
    const reworded = structuredClone(SURVEY);
    reworded.questions[0].prompt = bi("How supported do you feel?", "Pa mor gefnogol ydych chi'n teimlo?");
    await publishSurvey(page, server.url, reworded, { create: false });
    await push(server.url, [entry(2, SHORT), entry(2, SHORT), entry(1, FULL)]);

    // ---- The list of surveys ----
    await openSection(page, "Surveys", "Surveys");
    const row = page.locator('#surveys-table tr[data-code="coffee_nov"]');
    await row.waitFor();
    assert.match(await row.innerText(), /Coffee and Catch up\s+Foster and kinship carers\s+2/);
    await expectNoCodeText(page);
    await axeBothLanguages(page, "surveys");

    // ---- Its results ----
    await row.getByRole("link", { name: "Results for Coffee and Catch up" }).click();
    await page.waitForURL("**/officer/surveys/coffee_nov/results");
    await page.waitForSelector('article[data-code="support"]');
    assert.equal(await page.getByTestId("survey-responses").innerText(), "People who answered: 9 Answers to version 1, 2.");
    const support = page.locator('article[data-code="support"]');
    assert.equal(await support.locator("h2").innerText(), "How supported do you feel?");
    assert.match(await support.innerText(), /Worded differently in version 1: those answers are counted here too\./);
    assert.deepEqual(await rows(page, "support"), [
      ["Really bad", "0"],
      ["Bad", "0"],
      ["OK", "0"],
      ["Good", "not shown (it would give a small number away)"],
      ["Really good", "0"],
      ["Don't know", "fewer than 5"],
    ]);
    assert.deepEqual(await rows(page, "training"), [["Yes", "not shown (it would give a small number away)"], ["No", "fewer than 5"]]);
    assert.deepEqual(await rows(page, "which_training"), [["Online", "7"], ["Evening", "7"], ["None of these", "0"]]);
    assert.match(await page.locator('article[data-code="anything_else"]').innerText(), /Answered this question: 7/);
    await expectNoCodeText(page);
    await axeBothLanguages(page, "survey results");

    await switchLanguage(page, "cy");
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent === "Coffi a Sgwrs");
    assert.deepEqual((await rows(page, "day")).map((r) => r[0]), ["Ddim yn dda", "Iawn", "Da"]);
    assert.equal(await page.locator('article[data-code="included"] h2').innerText(), "Ydych chi'n cael eich cynnwys mewn penderfyniadau?");
    await switchLanguage(page, "en");

    // ---- Filtered to nobody ----
    await page.getByLabel("Role").selectOption("foster_carer");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="survey-responses"]') === null);
    assert.match(await page.locator("main").innerText(), /Nobody has answered this survey for these filters yet\./);
  });
});
