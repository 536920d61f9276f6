// Runs one WASI preview 1 module under Node.js for the NearNative agent:
//   node [flags] node-wasi-runner.mjs [--preopen-cwd] <module.wasm> [args...]
// An empty environment, as under every other runtime. With --preopen-cwd the current directory (a fresh
// scratch directory the agent made) is preopened as the guest's ".", for the suite's file I/O workloads.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { argv, cwd, exit } from 'node:process';
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
const module = await WebAssembly.compile(await readFile(file));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
exit(wasi.start(instance));
