// Runs one WASI preview 1 command module under JavaScriptCore's jsc shell for the NearNative agent:
//   jsc jsc-wasi-runner.js -- <module.wasm> [args...]
// The shell has no WASI, so this is our own small layer: arguments, an empty environment, clocks, random
// bytes, stdout/stderr and proc_exit. There is no file system (no preopens): every other call answers
// EBADF or ENOSYS, so workloads that do file I/O cannot run here and the agent does not schedule them.
// The last stderr line reports the phases: nearnative-phases {"compile":ns,"instantiate":ns,"execute":ns}
//
// Limits of the shell this layer works around:
// - print()/printErr() write whole lines (they append "\n"), so output is buffered and flushed by lines;
//   a last line without "\n" gets one at exit. Bytes go through a JS string: invalid UTF-8 is not kept.
// - quit() always exits 0 and an uncaught exception exits 3: a non-zero proc_exit status or a trap ends the
//   process with 3, after one stderr line naming the guest's status or the trap.
// - preciseTime() is the only sub-millisecond clock: wall time in seconds as a double (about 0.24 us steps
//   today). It serves both clocks; the monotonic one is kept from going backwards.
'use strict';

const ESUCCESS = 0;
const EBADF = 8;
const EINVAL = 28;
const ENOSYS = 52;
const ENOTSUP = 58;
const ESPIPE = 70;
const CLOCK_REALTIME = 0;
const CLOCK_MONOTONIC = 1;
const FILETYPE_UNKNOWN = 0;
const RIGHT_FD_READ = 1n << 1n;
const RIGHT_FD_WRITE = 1n << 6n;

class ProcExit {
  constructor(code) {
    this.code = code;
  }
}

if (arguments.length < 1) {
  printErr('usage: jsc jsc-wasi-runner.js -- <module.wasm> [args...]');
  throw 'usage';
}

const file = String(arguments[0]);
const args = [file.slice(file.lastIndexOf('/') + 1), ...Array.prototype.slice.call(arguments, 1).map(String)];
let memory = null;
const view = () => new DataView(memory.buffer);
const bytes = () => new Uint8Array(memory.buffer);

// JS string of one char per byte <-> UTF-8, with the shell's built-in escape functions (no TextEncoder here).
const utf8Bytes = (text) => {
  const binary = unescape(encodeURIComponent(text));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    out[i] = binary.charCodeAt(i);
  }
  return out;
};
const utf8Text = (binary) => {
  try {
    return decodeURIComponent(escape(binary));
  } catch {
    return binary;
  }
};

// Bytes of stdout (fd 1) and stderr (fd 2) not yet printed: everything after the last "\n".
const pending = { 1: '', 2: '' };
const emit = (fd, line) => (fd === 1 ? print : printErr)(utf8Text(line));
const append = (fd, chunk) => {
  let text = pending[fd];
  for (let i = 0; i < chunk.length; i += 8192) {
    text += String.fromCharCode.apply(null, chunk.subarray(i, i + 8192));
  }
  let start = 0;
  let newline;
  while ((newline = text.indexOf('\n', start)) >= 0) {
    emit(fd, text.slice(start, newline));
    start = newline + 1;
  }
  pending[fd] = text.slice(start);
};
const flush = () => {
  for (const fd of [1, 2]) {
    if (pending[fd].length > 0) {
      emit(fd, pending[fd]);
      pending[fd] = '';
    }
  }
};

const nanoseconds = (seconds) => {
  const whole = Math.floor(seconds);
  return BigInt(whole) * 1000000000n + BigInt(Math.round((seconds - whole) * 1e9));
};
let lastMonotonic = 0n;
const now = (id) => {
  const ns = nanoseconds(preciseTime());
  if (id === CLOCK_REALTIME) {
    return ns;
  }
  lastMonotonic = ns > lastMonotonic ? ns : lastMonotonic;
  return lastMonotonic;
};
// One step of the double preciseTime() returns, rounded up to whole nanoseconds.
const resolution = () => BigInt(Math.ceil(2 ** (Math.floor(Math.log2(preciseTime())) - 52) * 1e9));

const writeStrings = (strings, pointers, buffer) => {
  const dv = view();
  const memoryBytes = bytes();
  strings.forEach((text, i) => {
    const encoded = utf8Bytes(text);
    dv.setUint32(pointers + (4 * i), buffer, true);
    memoryBytes.set(encoded, buffer);
    memoryBytes[buffer + encoded.length] = 0;
    buffer += encoded.length + 1;
  });
  return ESUCCESS;
};
const writeSizes = (strings, countPointer, sizePointer) => {
  const dv = view();
  dv.setUint32(countPointer, strings.length, true);
  dv.setUint32(sizePointer, strings.reduce((sum, text) => sum + utf8Bytes(text).length + 1, 0), true);
  return ESUCCESS;
};
const isStdio = (fd) => fd === 0 || fd === 1 || fd === 2;

const wasi = {
  args_sizes_get: (countPointer, sizePointer) => writeSizes(args, countPointer, sizePointer),
  args_get: (pointers, buffer) => writeStrings(args, pointers, buffer),
  environ_sizes_get: (countPointer, sizePointer) => writeSizes([], countPointer, sizePointer),
  environ_get: () => ESUCCESS,
  clock_res_get: (id, resultPointer) => {
    if (id !== CLOCK_REALTIME && id !== CLOCK_MONOTONIC) {
      return ENOTSUP;
    }
    view().setBigUint64(resultPointer, resolution(), true);
    return ESUCCESS;
  },
  clock_time_get: (id, _precision, resultPointer) => {
    if (id !== CLOCK_REALTIME && id !== CLOCK_MONOTONIC) {
      return ENOTSUP;
    }
    view().setBigUint64(resultPointer, now(id), true);
    return ESUCCESS;
  },
  random_get: (buffer, length) => {
    // Not cryptographic: the shell has no such source, and the suite's workloads use fixed inputs.
    const target = bytes();
    for (let i = 0; i < length; i++) {
      target[buffer + i] = Math.floor(Math.random() * 256);
    }
    return ESUCCESS;
  },
  fd_write: (fd, iovs, iovsLength, writtenPointer) => {
    if (fd !== 1 && fd !== 2) {
      return EBADF;
    }
    const dv = view();
    let written = 0;
    for (let i = 0; i < iovsLength; i++) {
      const base = dv.getUint32(iovs + (8 * i), true);
      const length = dv.getUint32(iovs + (8 * i) + 4, true);
      append(fd, new Uint8Array(memory.buffer, base, length));
      written += length;
    }
    dv.setUint32(writtenPointer, written, true);
    return ESUCCESS;
  },
  fd_read: (fd, _iovs, _iovsLength, readPointer) => {
    // The agent gives its children no input: standard input is at its end.
    if (fd !== 0) {
      return EBADF;
    }
    view().setUint32(readPointer, 0, true);
    return ESUCCESS;
  },
  fd_fdstat_get: (fd, resultPointer) => {
    if (!isStdio(fd)) {
      return EBADF;
    }
    const dv = view();
    dv.setUint8(resultPointer, FILETYPE_UNKNOWN);
    dv.setUint16(resultPointer + 2, 0, true);
    dv.setBigUint64(resultPointer + 8, fd === 0 ? RIGHT_FD_READ : RIGHT_FD_WRITE, true);
    dv.setBigUint64(resultPointer + 16, 0n, true);
    return ESUCCESS;
  },
  fd_fdstat_set_flags: (fd) => (isStdio(fd) ? ENOTSUP : EBADF),
  fd_filestat_get: (fd) => (isStdio(fd) ? ENOTSUP : EBADF),
  // No preopened directories: wasi-libc's start-up scan ends at the first EBADF.
  fd_prestat_get: () => EBADF,
  fd_prestat_dir_name: () => EBADF,
  fd_seek: (fd) => (isStdio(fd) ? ESPIPE : EBADF),
  fd_tell: (fd) => (isStdio(fd) ? ESPIPE : EBADF),
  fd_close: (fd) => (isStdio(fd) ? ESUCCESS : EBADF),
  fd_sync: (fd) => (isStdio(fd) ? EINVAL : EBADF),
  sched_yield: () => ESUCCESS,
  proc_exit: (code) => {
    throw new ProcExit(code);
  },
};
// Every other preview 1 import (paths, sockets, poll) links, and answers ENOSYS.
const imports = {
  wasi_snapshot_preview1: new Proxy(wasi, {
    get: (target, name) => (Object.hasOwn(target, name) ? target[name] : () => ENOSYS),
  }),
};

const moduleBytes = readFile(file, 'binary');
const t0 = preciseTime();
const module = new WebAssembly.Module(moduleBytes);
const t1 = preciseTime();
const instance = new WebAssembly.Instance(module, imports);
const t2 = preciseTime();
memory = instance.exports.memory;
let code = 0;
let failure = null;
try {
  instance.exports._start();
} catch (e) {
  if (e instanceof ProcExit) {
    code = e.code;
  } else if (e instanceof WebAssembly.RuntimeError) {
    failure = `wasm trap: ${e.message}`;
  } else {
    failure = `error: ${e}`;
  }
}
const t3 = preciseTime();
flush();
if (failure === null && code !== 0) {
  failure = `proc_exit(${code})`;
}
if (failure !== null) {
  printErr(`${failure}; the jsc shell exits with its own failure status, 3`);
}
const ns = (seconds) => Math.max(0, Math.round(seconds * 1e9));
printErr(`nearnative-phases {"compile":${ns(t1 - t0)},"instantiate":${ns(t2 - t1)},"execute":${ns(t3 - t2)}}`);
if (failure !== null) {
  // The shell's only non-zero exit: an uncaught exception (it prints "Exception: ..." on stdout).
  throw failure;
}
