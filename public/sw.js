// Your Say service worker: after one visit the app opens with no network.
// scripts/service-worker-manifest.sh fills in the build's files and version when Trunk builds.
const VERSION = "__BUILD_VERSION__";
const CACHE = `yoursay-${VERSION}`;
const FILES = [
__BUILD_FILES__
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("yoursay-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
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
    // Every route is the same app shell: answer from the cache at once, so one bar of signal does not
    // keep a young person waiting. A new release arrives with the next service worker.
    event.respondWith(caches.match("/", { cacheName: CACHE }).then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((hit) => hit || fetch(request)));
});
