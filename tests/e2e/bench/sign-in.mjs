// Benchmark (not a test; run by scripts/bench.sh): the server's memory under a burst of sign-in attempts.
//   node tests/e2e/bench/sign-in.mjs OUT.json
// Environment: BENCH_SIGN_INS (attempts, default 200), YOURSAY_SERVER_BIN (default: the binary of the `server` profile).
//
// All attempts are sent at once, for emails with no account (each still costs a full Argon2 check, against
// a dummy hash) and from 10 loopback addresses (127.0.0.2–11), so the per-email and per-address limits let
// as many through to a password check as they ever would. What bounds the memory then is the cap on
// simultaneous checks. Reads the server's resident memory before (VmRSS) and its peak (VmHWM) after.
import http from "node:http";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
process.env.YOURSAY_SERVER_BIN ||= join(ROOT, "target/server/yoursay-server");
const { freePort, scratch, startServer, stopServer } = await import("../helpers.mjs");

const TOTAL = Number(process.env.BENCH_SIGN_INS || 200);
const ADDRESSES = 10;
/** The stated bound: the cap on simultaneous checks (at most 4) × ~19 MiB each, plus the idle server. */
const BOUND_MIB = 128;

const mib = (pid, field) => {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith(field));
  return Number(line.split(/\s+/)[1]) / 1024;
};

function attempt(port, i) {
  const body = JSON.stringify({ email: `nobody${i}@council.cymru`, password: "a wrong guess" });
  return new Promise((ok, fail) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port,
        path: "/api/v1/officer/session",
        method: "POST",
        localAddress: `127.0.0.${2 + (i % ADDRESSES)}`,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        agent: false,
      },
      (res) => {
        res.resume();
        res.on("end", () => ok(res.statusCode));
      },
    );
    req.on("error", fail);
    req.end(body);
  });
}

const { db } = scratch();
const port = await freePort();
const server = await startServer({ port, db });
try {
  const pid = server.proc.pid;
  const idleMib = mib(pid, "VmRSS:");
  const started = performance.now();
  const statuses = await Promise.all(Array.from({ length: TOTAL }, (_, i) => attempt(port, i)));
  const seconds = (performance.now() - started) / 1000;
  const peakMib = mib(pid, "VmHWM:");
  const tally = {};
  for (const s of statuses) tally[s] = (tally[s] || 0) + 1;
  const result = { attempts: TOTAL, addresses: ADDRESSES, idleMib, peakMib, boundMib: BOUND_MIB, seconds, tally };
  console.log(result);
  writeFileSync(process.argv[2] || "sign-in.json", JSON.stringify(result, null, 2));
  if (peakMib > BOUND_MIB) {
    console.error(`peak memory ${peakMib.toFixed(1)} MiB is over the stated bound of ${BOUND_MIB} MiB`);
    process.exitCode = 1;
  }
} finally {
  await stopServer(server);
}
