// Your Say service worker: after one visit the app opens with no network.
// scripts/service-worker-manifest.sh fills in the build's files and version when Trunk builds.
const VERSION = "__BUILD_VERSION__";
const CACHE = `yoursay-${VERSION}`;
// The last list of published surveys, kept across releases so a survey opens with no signal.
const DATA = "yoursay-data";
const FORMS = "/api/v1/forms";
// How long the surveys list waits for the network before the kept copy answers.
const FORMS_WAIT_MS = 4000;
// Present while the device is in pass-the-tablet mode (written by the surveys page, src/event/tablet.rs).
const TABLET = "/tablet-mode";
const FILES = [
__BUILD_FILES__
];

// A file whose name is the same in every release (the pages, the documents, the icon) is asked of the server
// again rather than taken from the browser's HTTP cache, which may hold last release's copy (older servers
// sent the documents as immutable for a year). Names Trunk hashed never name other bytes: those may come
// from the HTTP cache, so an unchanged bundle is not downloaded twice. The rule is the server's (`named_by_content` in
// server/src/routes/app_files.rs, which sends those as immutable); tests/e2e/offline.test.mjs checks both
// agree on every file of the build.
const HASHED = /-(?=[0-9a-f]*[0-9])[0-9a-f]{4,}(_bg)?\.[^/]+$/;
const fresh = (file) => new Request(file, { cache: HASHED.test(file) ? "default" : "no-cache" });

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map(fresh)))
      .then(() => refreshForms())
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith("yoursay-") && k !== CACHE && k !== DATA).map((k) => caches.delete(k)))
      )
      .then(() => self.clients.claim())
  );
});

// Asks for the published surveys and keeps the answer; says nothing when there is no signal.
function refreshForms() {
  return fetch(FORMS, { headers: { Accept: "application/json" } })
    .then((response) => (response.ok ? caches.open(DATA).then((c) => c.put(FORMS, response)) : undefined))
    .catch(() => undefined);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // The surveys list, network first: kept when it comes, the kept copy when there is no signal. Nothing
  // personal is in it (the officer's published questions). With one bar of signal a request can hang
  // without failing: after FORMS_WAIT_MS the kept copy answers, and a network answer that comes later is
  // still kept for next time.
  if (request.method === "GET" && url.origin === self.location.origin && url.pathname === FORMS) {
    const kept = () => caches.match(FORMS, { cacheName: DATA, ignoreVary: true });
    const network = fetch(request).then((response) => {
      if (response.ok) {
        const copy = response.clone();
        event.waitUntil(caches.open(DATA).then((c) => c.put(FORMS, copy)));
      }
      return response;
    });
    const late = new Promise((resolve) => setTimeout(resolve, FORMS_WAIT_MS)).then(kept);
    event.respondWith(
      Promise.race([network, late.then((hit) => hit || network)]).catch(() => kept().then((hit) => hit || Response.error()))
    );
    event.waitUntil(network.catch(() => undefined));
    return;
  }
  // The API is never cached: an entry must reach the server, and a stale answer would lie about it.
  // The officer's console is a separate, online-only app with its own files.
  if (
    request.method !== "GET" ||
    url.origin !== self.location.origin ||
    url.pathname.startsWith("/api/") ||
    url.pathname.startsWith("/officer")
  ) {
    return;
  }
  if (request.mode === "navigate") {
    // Every route is one of two app shells (the surveys page for /surveys…, /event… and /what-changed, the first-load
    // app for the rest): answer from the cache at once, so one bar of signal does not keep a young person waiting. A
    // new release arrives with the next service worker. Opening the app online also refreshes the kept
    // surveys list, so surveys published since are there when the signal goes.
    // In pass-the-tablet mode (the marker the surveys page keeps in the data cache) every page is the
    // surveys page, which holds the mode's screens, so no address leads out of the mode.
    const own = (p) => url.pathname === p || url.pathname.startsWith(p + "/");
    event.respondWith(
      caches
        .match(TABLET, { cacheName: DATA })
        .then((tablet) => (tablet || own("/surveys") || own("/event") || own("/what-changed") ? "/surveys/" : "/"))
        .then((shell) => caches.match(shell, { cacheName: CACHE }))
        .then((hit) => hit || fetch(request))
    );
    event.waitUntil(refreshForms());
    return;
  }
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});
