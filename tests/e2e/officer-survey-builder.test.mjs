// The survey builder, end to end in the console: the officer starts a blank survey from the list, writes
// it in English and Welsh with a question of every kind and a show-if rule, is told in words when another
// save came first (nothing typed lost, then reloads theirs), cannot publish it while one Welsh text is
// missing (the problem beside that box, focus on it), publishes once it is there, and devices then get it
// from GET /api/v1/forms with every kind. axe and no program text on the builder in both languages.
//
// Needs the console in dist/officer/ and the server binary (see scripts/build-console.sh).
import { test } from "node:test";
import assert from "node:assert/strict";
import { expectNoCodeText, withServerAndBrowser } from "./helpers.mjs";
import { signedInOfficer, axeBothLanguages, openSection, switchLanguage } from "./officer-helpers.mjs";

/** The id of the box the server names by `path` (the console's `form_edit::field_id`). */
const box = (path) => "#survey-" + path.replace(/[.[]/g, "-").replace(/]/g, "");

async function devicesForms(base) {
  const r = await fetch(`${base}/api/v1/forms`);
  assert.equal(r.status, 200);
  return (await r.json()).forms;
}

/** Adds a question at position `i` and fills what every question has. */
async function addQuestion(page, i, { code, kind, en, cy }) {
  await page.getByRole("button", { name: "Add a question" }).click();
  await page.locator(box(`questions[${i}].code`)).waitFor();
  await page.waitForFunction((id) => document.activeElement?.id === id, box(`questions[${i}].code`).slice(1));
  await page.locator(box(`questions[${i}].kind`)).selectOption(kind);
  await page.locator(box(`questions[${i}].code`)).fill(code);
  await page.locator(box(`questions[${i}].prompt.en`)).fill(en);
  await page.locator(box(`questions[${i}].prompt.cy`)).fill(cy);
}

/** Fills choice `j` of question `i` (`list` is `single` or `multi.choices`). */
async function fillChoice(page, i, list, j, code, en, cy) {
  const at = `questions[${i}].kind.${list}[${j}]`;
  await page.locator(box(`${at}.code`)).fill(code);
  await page.locator(box(`${at}.label.en`)).fill(en);
  if (cy) await page.locator(box(`${at}.label.cy`)).fill(cy);
}

test("the officer builds a survey of every kind in both languages and publishes it to devices", { timeout: 300_000 }, async () => {
  await withServerAndBrowser(async (env) => {
    const { server } = env;
    const page = await signedInOfficer(env);

    // ---- A new survey from the list: a bad code is refused beside its box ----
    await openSection(page, "Surveys", "Surveys");
    await page.getByText("No surveys yet.").waitFor();
    await page.getByLabel("Start from").selectOption({ label: "Ready-made: Coffee and Catch up" });
    await page.getByLabel("Start from").selectOption({ label: "A blank survey" });
    await page.getByLabel("Code (for example coffee_nov)").fill("Not A Code");
    await page.getByRole("button", { name: "Create the survey" }).click();
    await page.locator("#new-survey-code-error").waitFor();
    assert.equal(await page.locator("#new-survey-code").getAttribute("aria-describedby"), "new-survey-code-error");
    await page.waitForFunction(() => document.activeElement?.id === "new-survey-code");
    await axeBothLanguages(page, "surveys with a new survey refused");
    await page.getByLabel("Code (for example coffee_nov)").fill("carers_spring");
    await page.getByRole("button", { name: "Create the survey" }).click();
    await page.waitForURL("**/officer/surveys/carers_spring/edit");
    await page.waitForSelector('main h1:has-text("Edit the survey")');
    await page.locator(box("title.en")).waitFor();
    assert.equal(await page.getByTestId("survey-state").innerText(), "Not published yet");

    // ---- Another officer saves first: said in words, what was typed stays, then theirs is reloaded ----
    await page.locator(box("title.en")).fill("My title");
    const draft = await (await page.request.get(`${server.url}/api/v1/officer/forms/carers_spring/draft`)).json();
    const theirs = { ...draft.form, title: { en: "Spring catch up", cy: "Sgwrs y gwanwyn" } };
    const put = await page.request.put(`${server.url}/api/v1/officer/forms/carers_spring/draft`, { data: theirs });
    assert.equal(put.status(), 200);
    await page.getByRole("button", { name: "Save the draft" }).click();
    const notice = page.locator("#survey-notice");
    await notice.waitFor();
    assert.match(await notice.innerText(), /officer@council\.cymru saved this survey at .+, after you opened it, so your changes were not saved\. Everything you typed is still here\./);
    assert.equal(await page.locator(box("title.en")).inputValue(), "My title");
    await expectNoCodeText(page);
    await page.getByRole("button", { name: "Reload their version" }).click();
    await page.waitForFunction((id) => document.getElementById(id)?.value === "Spring catch up", box("title.en").slice(1));
    assert.equal(await page.locator(box("title.cy")).inputValue(), "Sgwrs y gwanwyn");
    assert.equal(await notice.count(), 0);
    // Nothing to publish yet: the empty list of questions is said beside the list, focus on the first box.
    await page.getByRole("button", { name: "Publish" }).click();
    await page.locator("#survey-questions-error").waitFor();
    assert.equal(await page.locator("#survey-questions-error").innerText(), "⚠ It is empty");
    await page.waitForFunction((id) => document.activeElement?.id === id, box("intro.en").slice(1));

    // ---- The survey, in both languages ----
    await page.locator(box("intro.en")).fill("Tell us how things are going.");
    await page.locator(box("intro.cy")).fill("Dywedwch wrthym sut mae pethau'n mynd.");
    await page.getByLabel("Who it is for").selectOption("carers");

    await addQuestion(page, 0, { code: "support", kind: "faces", en: "How well are you supported?", cy: "Pa mor dda ydych chi'n cael eich cefnogi?" });
    await page.locator(box("questions[0].help.en")).fill("Think about the last three months.");
    await page.locator(box("questions[0].help.cy")).fill("Meddyliwch am y tri mis diwethaf.");
    await page.locator(box("questions[0].required")).check();
    await addQuestion(page, 1, { code: "day", kind: "easy3", en: "How was today?", cy: "Sut oedd heddiw?" });
    await addQuestion(page, 2, { code: "included", kind: "frequency", en: "Are you included in decisions?", cy: "Ydych chi'n cael eich cynnwys mewn penderfyniadau?" });
    await addQuestion(page, 3, { code: "training", kind: "single", en: "Did you go to training this year?", cy: "Aethoch chi i hyfforddiant eleni?" });
    await fillChoice(page, 3, "single", 0, "yes", "Yes", "Do");
    await fillChoice(page, 3, "single", 1, "no", "No", "Naddo");
    await addQuestion(page, 4, { code: "which_training", kind: "multi", en: "Which kinds?", cy: "Pa fathau?" });
    await page.getByRole("button", { name: "Add a choice" }).nth(1).click();
    await fillChoice(page, 4, "multi.choices", 0, "online", "Online", "Ar-lein");
    await fillChoice(page, 4, "multi.choices", 1, "evening", "Evening", null); // the Welsh left for later
    await fillChoice(page, 4, "multi.choices", 2, "weekend", "Weekend", "Penwythnos");
    // Choices move and go: "weekend" up above "evening", then removed.
    await page.getByRole("button", { name: "Move choice 3 up" }).click();
    assert.equal(await page.locator(box("questions[4].kind.multi.choices[1].code")).inputValue(), "weekend");
    await page.locator("#survey-question-4").getByRole("button", { name: "Remove choice 2" }).click();
    assert.equal(await page.locator(box("questions[4].kind.multi.choices[1].code")).inputValue(), "evening");
    assert.equal(await page.locator(box("questions[4].kind.multi.choices[2].code")).count(), 0);
    await page.locator(box("questions[4].kind.multi.offer_none")).check();
    await page.locator(box("questions[4].kind.multi.none_of_these.en")).fill("None of these");
    await page.locator(box("questions[4].kind.multi.none_of_these.cy")).fill("Dim un o'r rhain");
    await page.locator(box("questions[4].show_if.question")).selectOption({ label: "4. Did you go to training this year?" });
    await page.locator(box("questions[4].show_if.any_of")).getByLabel("Yes").check();
    await addQuestion(page, 5, { code: "anything_else", kind: "text", en: "Anything else?", cy: "Unrhyw beth arall?" });
    await page.locator(box("questions[5].kind.text.max_chars")).fill("400");
    await page.locator(box("questions[5].kind.text.promise_tags")).check();
    await page.locator(box("questions[5].tags.promises")).getByLabel("Support", { exact: true }).check();
    await addQuestion(page, 6, { code: "services", kind: "service_promise_grid", en: "Rate a service", cy: "Sgorio gwasanaeth" });
    await page.locator(box("questions[6].tags.services")).getByLabel("Social worker", { exact: true }).check();
    // Questions move and go too.
    await addQuestion(page, 7, { code: "extra", kind: "faces", en: "Extra", cy: "Ychwanegol" });
    await page.getByRole("button", { name: "Move question 8 up" }).click();
    assert.equal(await page.locator(box("questions[6].code")).inputValue(), "extra");
    await page.waitForFunction(() => document.activeElement?.id === "survey-question-6-up");
    await page.getByRole("button", { name: "Remove question 7" }).click();
    assert.equal(await page.locator(box("questions[6].code")).inputValue(), "services");
    assert.equal(await page.locator("fieldset.question").count(), 7);

    // ---- Saved, and publishing refused while one Welsh text is missing: beside that box, focused ----
    await page.getByRole("button", { name: "Save the draft" }).click();
    const missing = box("questions[4].kind.multi.choices[1].label.cy");
    await page.locator(`${missing}-error`).waitFor();
    assert.match(await page.locator(".status-line").innerText(), /Draft saved\. Before it can be published, fix what is marked below\./);
    await page.getByRole("button", { name: "Publish" }).click();
    await page.locator("#survey-notice").getByText("It cannot be published yet. Fix what is marked below.").waitFor();
    assert.equal(await page.locator(`${missing}-error`).innerText(), "⚠ It is empty");
    assert.equal(await page.locator(missing).getAttribute("aria-invalid"), "true");
    assert.equal(await page.locator(missing).getAttribute("aria-describedby"), `${missing.slice(1)}-error`);
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 1, "only the missing Welsh is marked");
    await page.waitForFunction((id) => document.activeElement?.id === id, missing.slice(1));
    assert.deepEqual(await devicesForms(server.url), [], "a draft never reaches devices");
    await expectNoCodeText(page);
    await axeBothLanguages(page, "survey builder with a problem shown");
    await switchLanguage(page, "cy");
    assert.equal(await page.locator(`${missing}-error`).innerText(), "⚠ Mae'n wag");
    await page.getByRole("heading", { name: "Golygu'r arolwg" }).waitFor();
    await switchLanguage(page, "en");

    // ---- Filled in: published ----
    await page.locator(missing).fill("Gyda'r nos");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.getByText("Published as version 1. Phones and tablets get it the next time they connect.").waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="survey-state"]')?.textContent === "Published version: 1");
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
    await expectNoCodeText(page);
    await axeBothLanguages(page, "survey builder after publishing");

    // ---- Devices get it, every kind, both languages ----
    const forms = await devicesForms(server.url);
    assert.equal(forms.length, 1);
    assert.equal(forms[0].version, 1);
    const form = forms[0].form;
    assert.equal(form.code, "carers_spring");
    assert.deepEqual(form.title, { en: "Spring catch up", cy: "Sgwrs y gwanwyn" });
    assert.equal(form.audience, "carers");
    assert.deepEqual(form.questions.map((q) => q.code), ["support", "day", "included", "training", "which_training", "anything_else", "services"]);
    assert.deepEqual(form.questions.map((q) => (typeof q.kind === "string" ? q.kind : Object.keys(q.kind)[0])), [
      "faces", "easy3", "frequency", "single", "multi", "text", "service_promise_grid",
    ]);
    const [support, , , training, which, text, grid] = form.questions;
    assert.equal(support.required, true);
    assert.deepEqual(support.help, { en: "Think about the last three months.", cy: "Meddyliwch am y tri mis diwethaf." });
    assert.deepEqual(training.kind.single.map((c) => c.code), ["yes", "no"]);
    assert.deepEqual(which.kind.multi, {
      choices: [
        { code: "online", label: { en: "Online", cy: "Ar-lein" } },
        { code: "evening", label: { en: "Evening", cy: "Gyda'r nos" } },
      ],
      none_of_these: { en: "None of these", cy: "Dim un o'r rhain" },
    });
    assert.deepEqual(which.show_if, { question: "training", any_of: ["yes"] });
    assert.deepEqual(text.kind.text, { max_chars: 400, promise_tags: true });
    assert.deepEqual(text.tags, { promises: ["support"] });
    assert.deepEqual(grid.tags, { services: ["social_worker"] });
    assert.equal(which.help, undefined, "an empty help line is not sent");

    // ---- Withdrawn from devices and offered again; the list links to the builder ----
    await page.getByRole("button", { name: "Withdraw from phones and tablets" }).click();
    await page.getByText("Withdrawn. It is no longer offered on phones and tablets.").waitFor();
    assert.deepEqual(await devicesForms(server.url), []);
    await page.getByRole("button", { name: "Offer it again" }).click();
    await page.getByText("It is offered on phones and tablets again.").waitFor();
    assert.equal((await devicesForms(server.url)).length, 1);
    await page.getByRole("link", { name: "Back to Surveys" }).click();
    const row = page.locator('#surveys-table tr[data-code="carers_spring"]');
    await row.waitFor();
    await row.getByRole("link", { name: "Edit Spring catch up" }).click();
    await page.waitForURL("**/officer/surveys/carers_spring/edit");
    await page.waitForFunction((id) => document.getElementById(id)?.value === "Gyda'r nos", missing.slice(1));
  });
});
