// Offline after one visit: this service worker keeps a copy of the whole site (it is small) from
// the first visit on, and serves it from that copy, with no connection too. It is written into the
// built site by the build (cancun_reader/offline/worker.py), which fills in the list of files and
// a version made from their contents: a new build is a new worker, which the page announces.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `cancun-reader-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: "reload" }))))
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("cancun-reader-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

// The copy first (it is the build the reader has), the network for anything the copy lacks, kept
// in the copy from then on (a large site's articles, kept as they are read); a page that is
// neither gets the site's own "not found" page.
self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const copy = await cache.match(request, { ignoreSearch: true });
      if (copy) return copy;
      try {
        const response = await fetch(request);
        if (response.ok) await cache.put(new URL(request.url).pathname, response.clone());
        return response;
      } catch (error) {
        if (request.mode === "navigate") return (await cache.match("404.html")) || Response.error();
        throw error;
      }
    })
  );
});

// The page asks a waiting worker (a newer build) to take over when the reader chooses to reload.
self.addEventListener("message", (event) => {
  if (event.data === "take-over") self.skipWaiting();
});
