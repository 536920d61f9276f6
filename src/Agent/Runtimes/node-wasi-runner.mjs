// Runs one WASI preview 1 module under Node.js for the NearNative agent:
//   node [flags] node-wasi-runner.mjs <module.wasm> [args...]
// No preopened directories and an empty environment, as under every other runtime.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { argv, exit } from 'node:process';
import { WASI } from 'node:wasi';

const [file, ...args] = argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [basename(file), ...args], env: {}, preopens: {}, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(file));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
exit(wasi.start(instance));
