// The start of an instance in a running Node.js host, for the NearNative agent:
//   node [flags] node-wasi-instances.mjs <module.wasm> <warmup> <count> <live> [args...]
// Compiles the module once; then per instance a fresh node:wasi context (stdout and stderr to /dev/null, an empty
// environment), a new instance of the compiled module and _start, each timed from the new context to _start's
// return. Then <live> instances are created and kept alive at once, with the resident set before and after.
// Prints one JSON line in the shape of `nn-wasmtime instances`:
//   {"warmupNs":[...],"startNs":[...],"liveInstances":N,"residentBefore":B,"residentAfter":A}
import { openSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { argv, exit, hrtime, memoryUsage, stderr, stdout } from 'node:process';
import { WASI } from 'node:wasi';

const [file, warmupText, countText, liveText, ...args] = argv.slice(2);
const [warmup, count, live] = [warmupText, countText, liveText].map(Number);
if (!file || ![warmup, count, live].every(n => Number.isInteger(n) && n >= 0) || count === 0) {
  stderr.write('usage: node-wasi-instances.mjs MODULE WARMUP COUNT LIVE [ARGS...]\n');
  exit(2);
}

const discard = openSync('/dev/null', 'w');
const module = new WebAssembly.Module(readFileSync(file));

function start() {
  const wasi = new WASI({
    version: 'preview1',
    args: [basename(file), ...args],
    env: {},
    stdout: discard,
    stderr: discard,
    returnOnExit: true,
  });
  const instance = new WebAssembly.Instance(module, wasi.getImportObject());
  const code = wasi.start(instance);
  if (code !== 0) {
    stderr.write(`node-wasi-instances: the instance exited with ${code}\n`);
    exit(1);
  }
  return instance;
}

const times = [];
for (let i = 0; i < warmup + count; i++) {
  const begin = hrtime.bigint();
  start();
  times.push(hrtime.bigint() - begin);
}

const alive = [];
const residentBefore = memoryUsage().rss;
for (let i = 0; i < live; i++) {
  alive.push(start());
}
const residentAfter = memoryUsage().rss;

const list = values => `[${values.join(',')}]`;
stdout.write(`{"warmupNs":${list(times.slice(0, warmup))},"startNs":${list(times.slice(warmup))},` +
  `"liveInstances":${alive.length},"residentBefore":${residentBefore},"residentAfter":${residentAfter}}\n`);
