/*
 * Entry point of a wasm2c-compiled suite module: nn-module [--preopen-cwd] [args...]
 * The generated code is always named "module" (wasm2c -n module). Prints one last stderr line
 *   nearnative-phases {"instantiate":ns,"execute":ns}
 * so the agent can separate instantiation from execution.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "module.h"
#include "wasi.h"
#include "wasm-rt-impl.h"

/* A module that trapped exits as a signal-killed process reporting an abort would, like the other runtimes. */
#define TRAP_EXIT_CODE 134

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(int argc, char** argv) {
    bool preopen = argc > 1 && strcmp(argv[1], "--preopen-cwd") == 0;
    int first = preopen ? 2 : 1;

    /* The guest sees "module.wasm ARGS...", never the host path of the executable. */
    char* guest_argv[argc - first + 2];
    guest_argv[0] = "module.wasm";
    for (int i = first; i < argc; i++) {
        guest_argv[i - first + 1] = argv[i];
    }
    guest_argv[argc - first + 1] = NULL;

    long long t0 = now_ns();
    static struct Z_wasi_snapshot_preview1_instance_t wasi;
    if (nn_wasi_init(&wasi, argc - first + 1, guest_argv, preopen) != 0) {
        fprintf(stderr, "nn-wasm2c: cannot preopen the current directory\n");
        return 1;
    }

    wasm_rt_init();
    Z_module_init_module();
    static Z_module_instance_t instance;
    Z_module_instantiate(&instance, &wasi);
    wasi.memory = Z_moduleZ_memory(&instance);
    long long t1 = now_ns();

    jmp_buf exit_target;
    wasi.exit_target = &exit_target;
    int code = 0;
    if (setjmp(exit_target) != 0) {
        code = wasi.exit_code;
    } else {
        wasm_rt_trap_t trap = wasm_rt_impl_try();
        if (trap != WASM_RT_TRAP_NONE) {
            fprintf(stderr, "wasm trap: %s\n", wasm_rt_strerror(trap));
            code = TRAP_EXIT_CODE;
        } else {
            Z_moduleZ__start(&instance);
        }
    }
    long long t2 = now_ns();

    fprintf(stderr, "nearnative-phases {\"instantiate\":%lld,\"execute\":%lld}\n", t1 - t0, t2 - t1);
    return code;
}
