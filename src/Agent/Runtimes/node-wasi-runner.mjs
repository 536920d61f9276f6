// Runs one WASI preview 1 module under Node.js for the NearNative agent:
//   node [flags] node-wasi-runner.mjs [--preopen-cwd] <module.wasm> [args...]
// An empty environment, as under every other runtime. With --preopen-cwd the current directory (a fresh
// scratch directory the agent made) is preopened as the guest's ".", for the suite's file I/O workloads.
// The last stderr line reports the phases: nearnative-phases {"compile":ns,"instantiate":ns,"execute":ns}
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { argv, cwd, exit, hrtime, stderr } from 'node:process';
import { WASI } from 'node:wasi';

let rest = argv.slice(2);
const preopenCwd = rest[0] === '--preopen-cwd';
if (preopenCwd) {
  rest = rest.slice(1);
}
const [file, ...args] = rest;
const wasi = new WASI({
  version: 'preview1',
  args: [basename(file), ...args],
  env: {},
  preopens: preopenCwd ? { '.': cwd() } : {},
  returnOnExit: true,
});
const bytes = await readFile(file);
const t0 = hrtime.bigint();
const module = await WebAssembly.compile(bytes);
const t1 = hrtime.bigint();
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
const t2 = hrtime.bigint();
const code = wasi.start(instance);
const t3 = hrtime.bigint();
stderr.write(`nearnative-phases {"compile":${t1 - t0},"instantiate":${t2 - t1},"execute":${t3 - t2}}\n`, () => exit(code));
