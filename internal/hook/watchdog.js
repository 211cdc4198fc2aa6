// depbox invoke harness's watchdog thread (see invoke.js, "The watchdog
// thread"). It writes the runner's deadline lines (fd 3) for the
// invocations, so that the harness's main thread makes no system call per
// invocation: in gVisor a line per invocation, and the runner woken to read
// it, cost more than a quick invocation itself.
//
// Shared state (an Int32Array over a SharedArrayBuffer, see invoke.js):
//   [0] the invocation in flight, n + 1 (0: none yet; -1: stop)
//   [1] its start, in ms after workerData.base
//   [2] the word this thread sleeps on between looks
//   [3] the lock around "look at [0], write a line" (0 free, 1 held)
//   [4] when this thread last looked, in ms after workerData.base, + 1
//       (0: not yet): the main thread writes the lines itself while this
//       is stale
//
// Every POLL_MS it looks at the invocation in flight; when that is not the
// one the runner's deadline was last set for, it sets the deadline to that
// invocation's own: its start + the timeout + the grace. An invocation that
// never gives control back is therefore named exactly, at most POLL_MS
// after it started, and killed at its own deadline.
'use strict';

const { workerData } = require('worker_threads');
const { writeSync } = require('fs');

const { shared, names, base, timeoutMs, graceMs, pollMs } = workerData;
const state = new Int32Array(shared);
const total = names.length;

function line(deadlineMs, what) {
  try { writeSync(3, JSON.stringify({ deadline_ms: deadlineMs, what }) + '\n'); } catch { /* no watchdog */ }
}

let armed = 0; // the invocation (n + 1) the runner's deadline is for
for (;;) {
  while (Atomics.compareExchange(state, 3, 0, 1) !== 0) Atomics.wait(state, 3, 1, 1);
  const cur = Atomics.load(state, 0);
  if (cur < 0) {
    Atomics.store(state, 3, 0);
    Atomics.notify(state, 3);
    break;
  }
  if (cur > 0 && cur !== armed) {
    const left = base + Atomics.load(state, 1) + timeoutMs + graceMs - Date.now();
    line(Math.max(1, left), `invocation ${cur} of ${total} (${names[cur - 1]}) did not give control back within its ${timeoutMs} ms timeout`);
    armed = cur;
  }
  Atomics.store(state, 4, Date.now() - base + 1);
  Atomics.store(state, 3, 0);
  Atomics.notify(state, 3);
  Atomics.wait(state, 2, 0, pollMs);
}
