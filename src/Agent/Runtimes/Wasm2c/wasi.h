/*
 * NearNative's WASI preview 1 layer for wasm2c modules (WABT 1.0.32 naming).
 * Implements the wasi_snapshot_preview1 imports the suite's modules use, on top of POSIX, with an empty
 * environment and, when asked, the process's current directory preopened as the guest's ".".
 */
#ifndef NEARNATIVE_WASI_H
#define NEARNATIVE_WASI_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdint.h>

#include "wasm-rt.h"

/* The import instance every generated module receives; the symbol name is fixed by wasm2c. */
struct Z_wasi_snapshot_preview1_instance_t {
    wasm_rt_memory_t* memory;
    int argc;
    char** argv;
    /* proc_exit jumps here with the exit code + 1, so the caller can report its phases before exiting. */
    jmp_buf* exit_target;
    int exit_code;
};

/* Sets up stdio and, if preopen_cwd, the current directory as fd 3 named ".". Returns 0 or an errno. */
int nn_wasi_init(struct Z_wasi_snapshot_preview1_instance_t* wasi, int argc, char** argv, bool preopen_cwd);

#endif
