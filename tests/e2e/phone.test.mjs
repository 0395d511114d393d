// The young person's app on a phone, as issue 13 found it, in real headless Chromium against the real
// server and a real SQLite file:
//   1. no control on any screen is covered, with the status strip in each of its states, in both languages;
//   2. the faces are drawn by the app, five in one row in order at 320 px, each with its word;
//   3. a double tap gives one answer, never the next promise's unseen;
//   4. leaving a form half-way (help, privacy, Back) keeps it for the visit, in memory only; Back in a
//      rating shows the answer given;
//   5. the thank-you page says what is true (saved and waiting, or sent);
//   6. selects (long Welsh options first) are not cut off at 320 px;
//   7. event mode shows on screen and can be left with one tap;
//   8. refused entries are described in words, not field paths;
//   9. the privacy notices state the retention period the officer set, also offline.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { appReady, closeServerAndBrowser, expectNoCodeText, expectWaiting, sql, startServerAndBrowser, withPage } from "./helpers.mjs";
import { createOfficer, EMAIL, PASSWORD } from "./officer-helpers.mjs";

let server;
let browser;
let base;
let db;

before(async () => ({ server, browser, base, db } = await startServerAndBrowser()));
after(() => closeServerAndBrowser({ server, browser }));

const PHONE = { width: 360, height: 640 };

/** `body(page, context)` in a fresh phone-sized context with `options`, closed after. */
function inPage(options, body) {
  // Service workers are blocked unless a test is about them: every request then reaches the routes below.
  return withPage(browser, { locale: "en-GB", serviceWorkers: "block", viewport: PHONE, ...options }, body);
}

/** Switches with the header's button when the page is in the other language. */
async function inLanguage(page, lang) {
  if ((await page.getAttribute("html", "lang")) !== lang) {
    await page.locator("header .lang-switch").click();
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }
}

async function open(page, path, lang) {
  await page.goto(base + path);
  await appReady(page);
  await inLanguage(page, lang);
}

async function chooseService(page) {
  await page.locator("main button.service").first().click();
  await page.waitForSelector("#promise-question");
}

async function progress(page) {
  return page.locator("main .progress").innerText();
}

/** Two published surveys as the server lists them, one with a long Welsh title, for the home screen's list. */
const PUBLISHED = {
  forms: [
    ["annual_2026", "The annual consultation for young people", "Ymgynghoriad blynyddol gyda phobl ifanc sydd â phrofiad o ofal", "young_people", 8],
    ["coffee_jan", "Coffee and Catch up, January", "Coffi a Sgwrs, Ionawr", "carers", 1],
  ].map(([code, en, cy, audience, n]) => ({
    version: 1,
    content_hash: "0".repeat(64),
    form: {
      code,
      title: { en, cy },
      intro: { en: "A few questions.", cy: "Ychydig o gwestiynau." },
      audience,
      questions: Array.from({ length: n }, (_, i) => ({ code: `q${i}`, kind: "faces", prompt: { en: "How?", cy: "Sut?" } })),
    },
  })),
};

/** Every young person's screen, and the steps inside the forms. */
const SCREENS = [
  { name: "home", path: "/" },
  {
    name: "home, with surveys listed",
    path: "/",
    then: async (page) => {
      await page.route("**/api/v1/forms", (route) => route.fulfill({ json: PUBLISHED }));
      await page.reload();
      await appReady(page);
      await page.waitForFunction(() => document.querySelectorAll(".survey-list li").length === 2);
    },
  },
  {
    name: "say, contact details open",
    path: "/say",
    then: async (page) => {
      await page.locator("#contact-me").check();
      await page.waitForSelector("#contact-name");
    },
  },
  { name: "rate: service list", path: "/rate", then: (page) => page.waitForSelector("main button.service") },
  { name: "rate: a promise", path: "/rate", then: chooseService },
  {
    name: "rate: nearly done",
    path: "/rate",
    then: async (page) => {
      await chooseService(page);
      for (let i = 0; i < 40 && (await page.locator("#promise-question").count()) > 0; i++) {
        const before = await progress(page);
        await page.locator("main .face-3").click();
        await page.waitForFunction(
          (prev) => !document.querySelector("#promise-question") || document.querySelector("main .progress")?.textContent !== prev,
          before,
        );
      }
      await page.waitForSelector("main button.button-primary");
    },
  },
  { name: "thanks", path: "/thanks" },
  { name: "help", path: "/help" },
  { name: "privacy", path: "/privacy", then: settled },
  { name: "privacy for adults", path: "/privacy/adults", then: settled },
  { name: "accessibility", path: "/accessibility", then: settled },
  { name: "not found", path: "/no-such-page" },
];

async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('main p[role="status"]') && document.querySelectorAll("main h2").length > 0);
}

/**
 * Every control on the page, scrolled as a thumb would leave it (just into view at the bottom of the screen,
 * and at the top): whatever is drawn at its centre must be the control itself.
 */
function coveredControls() {
  const problems = [];
  const controls = [...document.querySelectorAll("button, a[href], input, select, textarea")].filter(
    (el) => !el.classList.contains("skip-link") && el.getClientRects().length > 0,
  );
  for (const el of controls) {
    for (const edge of ["bottom", "top"]) {
      const r0 = el.getBoundingClientRect();
      window.scrollTo(0, window.scrollY + (edge === "bottom" ? r0.bottom - innerHeight : r0.top));
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (y < 0 || y > innerHeight) continue; // the page cannot scroll that far: checked at the other edge
      const hit = document.elementFromPoint(x, y);
      if (!hit || !(hit === el || el.contains(hit))) {
        const what = `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} "${(el.textContent || el.value || "").trim().slice(0, 30)}"`;
        const by = hit ? `${hit.tagName.toLowerCase()}.${hit.className}` : "nothing";
        problems.push(`${what} covered by ${by} (scrolled to its ${edge})`);
      }
    }
  }
  window.scrollTo(0, 0);
  return problems;
}

/** The strip's four states, each set up on a fresh context through what the server answers. */
const STRIP_STATES = [
  { name: "nothing waiting", setUp: async () => {}, waiting: 0 },
  {
    name: "waiting, the server cannot take them",
    setUp: async (context) => context.route("**/api/v1/entries", (route) => route.fulfill({ status: 500, body: "" })),
    waiting: 2,
  },
  {
    name: "waiting, offline",
    setUp: async (context) => context.route("**/api/v1/entries", (route) => route.abort("internetdisconnected")),
    waiting: 2,
  },
  {
    name: "refused",
    setUp: async (context) =>
      context.route("**/api/v1/entries", async (route) => {
        const { entries } = route.request().postDataJSON();
        const results = entries.map((e) => ({
          id: e.id,
          status: "refused",
          errors: [{ field: "answers[0].promise", code: "unknown_code", message: "unknown code" }],
        }));
        await route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ results }) });
      }),
    waiting: 0,
    refused: 2,
  },
];

/** Says two things, so the strip has something waiting (or refused) in the state set up. */
async function fillOutbox(page, state) {
  for (const text of ["The bus to college is always late", "More trips out in the summer please"]) {
    await page.goto(base + "/say");
    await appReady(page);
    await page.fill("#answer-text", text);
    await page.locator('main button[type="submit"]').click();
    await page.waitForURL("**/thanks");
  }
  await expectWaiting(page, state.waiting);
  if (state.refused) await page.waitForFunction((n) => document.querySelectorAll('[data-testid="refused-entry"]').length === n, state.refused);
}

test("at 360 × 640 no control on any young person's screen is covered, with the status strip in each state, in both languages", { timeout: 300_000 }, async () => {
  const problems = [];
  for (const state of STRIP_STATES) {
    await inPage({}, async (page, context) => {
      await state.setUp(context);
      if (state.waiting || state.refused) await fillOutbox(page, state);
      for (const lang of ["en", "cy"]) {
        for (const screen of SCREENS) {
          await open(page, screen.path, lang);
          if (screen.then) await screen.then(page);
          await expectWaiting(page, state.waiting);
          const where = `[${state.name}, ${lang}] ${screen.name}`;
          for (const p of await page.evaluate(coveredControls)) problems.push(`${where}: ${p}`);
          await expectNoCodeText(page).catch((e) => problems.push(`${where}: ${e.message}`));
          if (state.refused) {
            const strip = await page.locator(".status-strip").innerText();
            // Words a person can read, not the server's field path.
            if (/answers\[|\.promise|\(service\)/.test(strip)) problems.push(`${where}: a field path in "${strip}"`);
          }
        }
      }
      // One clear sentence, not words run together; "Send now" only when something waits.
      const sentence = await page.locator('[data-testid="status"]').innerText();
      if (!/^[^.…]+[.…]( [^.]+\.)*$/.test(sentence)) problems.push(`[${state.name}] "${sentence}" is not whole sentences`);
      const sendNow = await page.locator(".status-strip button:visible", { hasText: "Anfon nawr" }).count();
      if (sendNow !== (state.waiting ? 1 : 0)) problems.push(`[${state.name}] "Send now" shown ${sendNow} times`);
    });
  }
  assert.deepEqual(problems, [], `covered controls:\n  ${problems.join("\n  ")}`);
});

test("with nothing waiting the status strip is one slim line", { timeout: 60_000 }, async () => {
  await inPage({}, async (page) => {
    for (const lang of ["en", "cy"]) {
      await open(page, "/say", lang);
      await expectWaiting(page, 0);
      const box = await page.locator(".status-strip").boundingBox();
      const line = await page.locator('[data-testid="status"]').evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
      assert.ok(box.height <= line * 1.5 + 8, `[${lang}] the strip is one line: ${box.height} px for a ${line} px line`);
    }
  });
});

test("the faces are drawn by the app, five in one row in order at 320 px, each with its word", { timeout: 60_000 }, async () => {
  await inPage({ viewport: { width: 320, height: 640 } }, async (page) => {
    for (const lang of ["en", "cy"]) {
      await open(page, "/rate", lang);
      await chooseService(page);
      const faces = await page.locator("main .faces button").evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return {
            score: Number(el.dataset.score ?? el.className.match(/face-(\d)/)?.[1]),
            top: r.top,
            left: r.left,
            right: r.right,
            word: el.innerText.trim(),
            drawn: el.querySelector("svg path")?.getAttribute("d") ?? null,
            emoji: /\p{Extended_Pictographic}/u.test(el.textContent),
          };
        }),
      );
      assert.deepEqual(faces.map((f) => f.score), [1, 2, 3, 4, 5], `[${lang}] five faces, in order`);
      for (const f of faces) {
        assert.ok(Math.abs(f.top - faces[0].top) < 2, `[${lang}] face ${f.score} is on the first row`);
        assert.ok(f.word.length > 1, `[${lang}] face ${f.score} has its word`);
        assert.ok(f.drawn, `[${lang}] face ${f.score} is drawn as SVG`);
        assert.equal(f.emoji, false, `[${lang}] face ${f.score} is not an emoji`);
        assert.ok(f.right <= 320, `[${lang}] face ${f.score} is on screen`);
      }
      for (let i = 1; i < faces.length; i++) assert.ok(faces[i].left > faces[i - 1].left, `[${lang}] left to right`);
      assert.equal(new Set(faces.map((f) => f.drawn)).size, 5, `[${lang}] each score has its own mouth`);
    }
  });
});

test("a double tap gives one answer: on a service card and on a face", { timeout: 60_000 }, async () => {
  await inPage({}, async (page) => {
    await open(page, "/rate", "en");
    await page.locator("main button.service").first().dblclick();
    await page.waitForSelector("#promise-question");
    await page.waitForTimeout(300);
    assert.match(await progress(page), /^Promise 1 of \d+$/, "the service double-tapped: the first promise, unanswered");
    assert.equal(await page.locator('main [aria-pressed="true"]').count(), 0, "nothing answered yet");

    await page.locator("main .face-4").dblclick();
    await page.waitForFunction(() => /^Promise 2 /.test(document.querySelector("main .progress")?.textContent ?? ""));
    await page.waitForTimeout(300);
    assert.match(await progress(page), /^Promise 2 of \d+$/, "one face double-tapped: one answer");
    assert.equal(await page.locator('main [aria-pressed="true"]').count(), 0, "the second promise is not answered");

    // Back shows the answer given, marked.
    await page.locator("main button.back").click();
    await page.waitForFunction(() => /^Promise 1 /.test(document.querySelector("main .progress")?.textContent ?? ""));
    assert.equal(await page.locator("main .face-4").getAttribute("aria-pressed"), "true");
    assert.equal(await page.locator("main .face-3").getAttribute("aria-pressed"), "false");
  });
});

test("leaving a form half-way keeps it for the visit, in memory only, and sending empties it", { timeout: 90_000 }, async () => {
  await inPage({}, async (page) => {
    const typed = "My social worker keeps changing and I have to start again every time";
    await open(page, "/say", "en");
    await page.fill("#answer-text", typed);
    await page.locator('main input[type="checkbox"]').nth(1).check();
    await page.selectOption("#about-role", { index: 1 });
    const role = await page.inputValue("#about-role");

    for (const leave of ["header .help-link", 'nav.site-footer a[href="/privacy"]']) {
      await page.locator(leave).click();
      await page.waitForFunction(() => location.pathname !== "/say");
      await page.goBack();
      await page.waitForSelector("#answer-text");
      assert.equal(await page.inputValue("#answer-text"), typed, `the text is kept after ${leave} and Back`);
      assert.equal(await page.locator('main input[type="checkbox"]').nth(1).isChecked(), true, "the tick is kept");
      assert.equal(await page.inputValue("#about-role"), role, "the role is kept");
    }
    // Memory only: nothing of it in the browser's storage.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.ok(!stored.includes("social worker"), `not in web storage: ${stored}`);

    // A rating: two promises answered, Back (the browser's) to the home screen, and into Rate again.
    await page.goto(base + "/");
    await appReady(page);
    await page.locator('main a[href="/rate"]').click();
    await chooseService(page);
    await page.locator("main .face-2").click();
    await page.waitForFunction(() => /^Promise 2 /.test(document.querySelector("main .progress")?.textContent ?? ""));
    await page.locator("main .face-5").click();
    await page.waitForFunction(() => /^Promise 3 /.test(document.querySelector("main .progress")?.textContent ?? ""));
    await page.goBack();
    await page.waitForFunction(() => location.pathname === "/");
    await page.locator('main a[href="/rate"]').click();
    await page.waitForSelector("#promise-question");
    assert.match(await progress(page), /^Promise 3 /, "the rating carries on where it was left");
    await page.locator("main button.back").click();
    await page.waitForFunction(() => /^Promise 2 /.test(document.querySelector("main .progress")?.textContent ?? ""));
    assert.equal(await page.locator("main .face-5").getAttribute("aria-pressed"), "true", "the earlier answer is shown");

    // The Say draft is sent; the form is empty for the next person.
    await page.goto(base + "/say"); // a reload: memory is gone
    await appReady(page);
    assert.equal(await page.inputValue("#answer-text"), "", "a reload forgets the draft");
    await page.fill("#answer-text", typed);
    await page.locator('main button[type="submit"]').click();
    await page.waitForURL("**/thanks");
    await page.locator('main a[href="/say"]').click();
    await page.waitForSelector("#answer-text");
    assert.equal(await page.inputValue("#answer-text"), "", "after sending, the next person gets an empty form");
  });
});

test("the thank-you page says what is true: saved and waiting, or sent", { timeout: 60_000 }, async () => {
  for (const lang of ["en", "cy"]) {
    await inPage({}, async (page, context) => {
      await context.route("**/api/v1/entries", (route) => route.abort("internetdisconnected"));
      await open(page, "/say", lang);
      await page.fill("#answer-text", "The youth club should open on Saturdays");
      await page.locator('main button[type="submit"]').click();
      await page.waitForURL("**/thanks");
      await expectWaiting(page, 1);
      const waiting = await page.locator('[data-testid="thanks-outcome"]').innerText();
      assert.match(waiting, lang === "en" ? /saved on this device.*will be sent/ : /wedi'i gadw ar y ddyfais.*Bydd yn cael ei anfon/, waiting);

      await context.unroute("**/api/v1/entries");
      await page.locator(".status-strip button:visible", { hasText: lang === "en" ? "Send now" : "Anfon nawr" }).click();
      await expectWaiting(page, 0);
      const sent = await page.locator('[data-testid="thanks-outcome"]').innerText();
      assert.match(sent, lang === "en" ? /has been sent/ : /wedi'i anfon/, sent);
      assert.doesNotMatch(sent, lang === "en" ? /will be sent/ : /Bydd yn cael/, "no promise of what already happened");
    });
  }
});

test("selects show every option whole at 320 px, in Welsh and in English", { timeout: 60_000 }, async () => {
  await inPage({ viewport: { width: 320, height: 640 } }, async (page) => {
   for (const lang of ["cy", "en"]) {
    await open(page, "/say", lang);
    const cut = await page.evaluate(() => {
      const found = [];
      const canvas = document.createElement("canvas").getContext("2d");
      for (const select of document.querySelectorAll("main select")) {
        const s = getComputedStyle(select);
        canvas.font = s.font;
        // The room for the chosen option's words: the box less its padding and the drop-down arrow.
        const room = select.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - 24;
        for (const option of select.options) {
          const width = canvas.measureText(option.text).width;
          if (width > room) found.push(`#${select.id} "${option.text}" needs ${Math.round(width)} px of ${Math.round(room)}`);
        }
      }
      return found;
    });
    assert.deepEqual(cut, [], `options cut off (${lang})`);
   }
  });
});

test("event mode shows on screen, tags entries, and is left with one tap", { timeout: 60_000 }, async () => {
  await inPage({}, async (page) => {
    await page.goto(base + "/?event=summer-26");
    await appReady(page);
    const banner = page.locator('[data-testid="event"]');
    assert.match(await banner.innerText(), /SUMMER-26/);
    assert.ok(!page.url().includes("event="), "the code is taken out of the address");
    await inLanguage(page, "cy");
    assert.match(await banner.innerText(), /Digwyddiad: SUMMER-26/);
    await inLanguage(page, "en");

    await page.locator('main a[href="/say"]').click();
    await page.fill("#answer-text", "Said at the summer event");
    await page.locator('main button[type="submit"]').click();
    await page.waitForURL("**/thanks");
    await expectWaiting(page, 0);
    assert.deepEqual(sql(db, "SELECT event FROM entries WHERE text = 'Said at the summer event'"), [["SUMMER-26"]]);

    await banner.getByRole("button", { name: "Leave event" }).click();
    await banner.waitFor({ state: "hidden" });
    await page.reload();
    await appReady(page);
    assert.equal(await banner.isVisible(), false, "still out of the event after a reload");
    await page.goto(base + "/say");
    await appReady(page);
    await page.fill("#answer-text", "Said after leaving the event");
    await page.locator('main button[type="submit"]').click();
    await page.waitForURL("**/thanks");
    await expectWaiting(page, 0);
    assert.deepEqual(sql(db, "SELECT event IS NULL FROM entries WHERE text = 'Said after leaving the event'"), [["1"]]);
  });
});

/** Signs in through the API, as the console does, and sets the retention period. */
async function setRetention(months) {
  const session = await fetch(base + "/api/v1/officer/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  assert.equal(session.status, 200);
  const cookie = session.headers.get("set-cookie").split(";")[0];
  const saved = await fetch(base + "/api/v1/officer/settings", {
    method: "PUT",
    headers: { "Content-Type": "application/json", Cookie: cookie },
    body: JSON.stringify({ retention_months: months }),
  });
  assert.equal(saved.status, 200);
}

test("the privacy notices state the retention period the officer set, in both languages, also offline", { timeout: 60_000 }, async () => {
  createOfficer(db);
  await setRetention(18);
  await inPage({}, async (page, context) => {
    for (const [path, lang, words] of [
      ["/privacy", "en", /We keep answers for 18 months/],
      ["/privacy", "cy", /am 18 mis/],
      ["/privacy/adults", "en", /kept for 18 months/],
      ["/privacy/adults", "cy", /am 18 mis/],
    ]) {
      await open(page, path, lang);
      await settled(page);
      await page.waitForFunction((source) => new RegExp(source).test(document.querySelector("main").innerText), words.source);
      await expectNoCodeText(page);
    }
    const adults = await page.locator("main").innerText();
    assert.doesNotMatch(adults, /arolyg|survey/i, "no survey answers promised before surveys exist");

    // Switched on the page itself, the notice is fetched again and shown in the other language only.
    await page.locator("header .lang-switch").click();
    await page.waitForFunction(() => /kept for 18 months/.test(document.querySelector("main").innerText));
    assert.doesNotMatch(await page.locator("main").innerText(), /am 18 mis/);
    await page.locator("header .lang-switch").click();
    await page.waitForFunction(() => /am 18 mis/.test(document.querySelector("main").innerText));
    assert.doesNotMatch(await page.locator("main").innerText(), /kept for 18 months/);

    // The officer changes it; with the server out of reach the notice says the last period it heard.
    await setRetention(30);
    await open(page, "/privacy", "en");
    await page.waitForFunction(() => /30 months/.test(document.querySelector("main").innerText));
    await context.route("**/api/v1/notice", (route) => route.abort("internetdisconnected"));
    await page.reload();
    await appReady(page);
    await settled(page);
    await page.waitForTimeout(300);
    assert.match(await page.locator("main").innerText(), /30 months/);

    // One month is "1 month", not "1 months".
    await context.unroute("**/api/v1/notice");
    await setRetention(1);
    await page.reload();
    await page.waitForFunction(() => /We keep answers for 1 month\b/.test(document.querySelector("main").innerText));
    assert.doesNotMatch(await page.locator("main").innerText(), /1 months/);
  });
});
