// Helpers shared by the officer console's end-to-end tests.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { axe, expectNoCodeText, ROOT } from "./helpers.mjs";

export const SERVER_BIN = process.env.YOURSAY_SERVER_BIN || join(ROOT, "target/debug/yoursay-server");
export const EMAIL = "officer@council.cymru";
export const PASSWORD = "a long enough passphrase";

/** Creates the officer account with the server's own command line, as a council would. */
export function createOfficer(db) {
  execFileSync(
    SERVER_BIN,
    ["create-officer", "--email", EMAIL, "--password-stdin", "--database-url", `sqlite://${db}?mode=rwc`],
    { input: `${PASSWORD}\n`, encoding: "utf8" },
  );
}

/** Fills in and sends the sign-in form; the caller checks where it lands. */
export async function signIn(page, base, password = PASSWORD) {
  await page.goto(base + "/officer/");
  await page.waitForURL("**/officer/sign-in");
  await page.getByLabel("Email address").fill(EMAIL);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

export async function switchLanguage(page, to) {
  // The console's page language carries its region (`en-GB`, `cy-GB`) so dates follow UK order.
  const pageLanguage = () => document.documentElement.lang.split("-")[0];
  if ((await page.evaluate(pageLanguage)) === to) return;
  const want = to === "cy" ? "Cymraeg" : "English";
  // In "present" mode the board covers the header and has its own switch, last in the page.
  await page.locator("button.lang-switch", { hasText: want }).last().click();
  await page.waitForFunction((lang) => document.documentElement.lang === `${lang}-GB`, to);
}

/**
 * axe on the screen as it is, in English and in Welsh; fails on any violation or on program text shown
 * (every console screen the suite visits passes through here). Leaves it in English.
 */
export async function axeBothLanguages(page, screen) {
  for (const lang of ["en", "cy"]) {
    if (lang === "cy") await switchLanguage(page, "cy");
    // The page has drawn the new language (two frames after the switch).
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await expectNoCodeText(page);
    const violations = await axe(page);
    assert.deepEqual(violations, [], `axe on ${screen} (${lang}): ${JSON.stringify(violations, null, 1)}`);
  }
  await switchLanguage(page, "en");
}

export async function openSection(page, name, heading) {
  await page.getByRole("navigation", { name: "Console sections" }).getByRole("link", { name, exact: true }).click();
  await page.waitForSelector(`main h1:has-text("${heading}")`);
}

/**
 * A fresh officer account, a browser context that lets axe in (`bypassCSP`) and a page signed in on the
 * inbox: how most console tests start. `options` are added to the context's.
 */
export async function signedInOfficer({ server, browser, db }, options = {}) {
  createOfficer(db);
  const context = await browser.newContext({ locale: "en-GB", bypassCSP: true, ...options });
  const page = await context.newPage();
  await signIn(page, server.url);
  await page.waitForURL("**/officer/inbox");
  return page;
}

/** Calls the officer API (`/api/v1/officer` + path) with the signed-in page's cookie; answers its JSON. */
export async function officerApi(page, base, method, path, body) {
  const url = `${base}/api/v1/officer${path}`;
  const r = await page.request.fetch(url, { method, data: body ?? {}, headers: { "Content-Type": "application/json" } });
  assert.ok(r.ok(), `${method} ${url}: ${r.status()} ${await r.text()}`);
  return r.json();
}

/**
 * Publishes `survey` (a draft as the survey builder saves it, its `code` included) through the officer API,
 * as the officer would: creates it unless `{ create: false }` (a form already made, whose next version this
 * publishes), saves the draft, publishes it. Answers the publish's JSON.
 */
export async function publishSurvey(page, base, survey, { create = true } = {}) {
  if (create) await officerApi(page, base, "POST", "/forms", { code: survey.code });
  await officerApi(page, base, "PUT", `/forms/${survey.code}/draft`, survey);
  return officerApi(page, base, "POST", `/forms/${survey.code}/publish`);
}

/** Both languages of one text, as the officer API takes them. */
export const bi = (en, cy) => ({ en, cy });

/** A two-question "Coffee and Catch up" survey for carers (faces, required; free text), named by month. */
export function carersCatchUpSurvey(code, month) {
  return {
    code,
    title: bi(`Coffee and Catch up, ${month.en}`, `Coffi a Sgwrs, ${month.cy}`),
    intro: bi("A few questions for carers.", "Ychydig o gwestiynau i ofalwyr."),
    audience: "carers",
    questions: [
      { code: "support", kind: "faces", required: true, prompt: bi("How well are you supported?", "Pa mor dda ydych chi'n cael eich cefnogi?") },
      { code: "anything_else", kind: { text: { max_chars: 500 } }, prompt: bi("Anything else?", "Unrhyw beth arall?") },
    ],
  };
}
const choice = (code, en, cy) => ({ code, label: bi(en, cy) });

/**
 * A carers' survey's questions with every kind of question: a required one first (faces, "support"), a
 * single choice ("training") and a multiple choice shown only after its "yes", a text, the service and
 * promise grid. `support` adds fields to the first question (`{ help }` for a help text).
 */
export function everyKindOfQuestion({ support = {} } = {}) {
  return [
    { code: "support", kind: "faces", required: true, prompt: bi("How well are you supported?", "Pa mor dda ydych chi'n cael eich cefnogi?"), ...support },
    { code: "day", kind: "easy3", prompt: bi("How was today?", "Sut oedd heddiw?") },
    { code: "included", kind: "frequency", prompt: bi("Are you included in decisions?", "Ydych chi'n cael eich cynnwys mewn penderfyniadau?") },
    { code: "training", kind: { single: [choice("yes", "Yes", "Ydw"), choice("no", "No", "Nac ydw")] }, prompt: bi("Did you go to training this year?", "Aethoch chi i hyfforddiant eleni?") },
    {
      code: "which_training",
      kind: { multi: { choices: [choice("online", "Online", "Ar-lein"), choice("evening", "Evening", "Gyda'r nos")], none_of_these: bi("None of these", "Dim un o'r rhain") } },
      prompt: bi("Which kinds?", "Pa fathau?"),
      show_if: { question: "training", any_of: ["yes"] },
    },
    { code: "anything_else", kind: { text: { max_chars: 500 } }, prompt: bi("Anything else?", "Unrhyw beth arall?") },
    { code: "services", kind: "service_promise_grid", prompt: bi("Rate a service", "Sgorio gwasanaeth") },
  ];
}
