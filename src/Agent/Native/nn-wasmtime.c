/* nn-wasmtime - the lean host of NearNative's Wasmtime rows.
 *
 * A measured Wasmtime process should contain Wasmtime and a minimal host, as a deployment of Wasmtime does,
 * not the .NET agent. This program is that host: plain C over the C API of the libwasmtime.so that the
 * agent's Wasmtime package ships (found next to this executable through its run path).
 *
 *   nn-wasmtime run [--preopen-cwd] [--target T] [--precompiled] MODULE [--] [ARGS...]
 *       Runs one WASI preview 1 command with inherited stdout and stderr and exits with its exit code
 *       (134 after a trap). The last stderr line reports the phases:
 *       nearnative-phases {"engine":ns,"compile":ns,"instantiate":ns,"execute":ns}
 *       ("load" instead of "compile" for a module precompiled by `compile`).
 *   nn-wasmtime compile [--target T] MODULE OUT
 *       Compiles MODULE once and writes Wasmtime's serialized form to OUT.
 *   nn-wasmtime check [--target T]
 *       Creates an engine for the target and exits 0: the library loads and accepts the target.
 *   nn-wasmtime instances [--target T] [--precompiled] MODULE WARMUP COUNT LIVE [ARGS...]
 *       The start of an instance in a running host: one engine, module and pre-linked instance, then per
 *       instance a fresh store and WASI context, instantiation and _start. Prints one JSON line with the
 *       time of each instance and the resident bytes that LIVE instances kept alive at once add.
 *
 * Exit codes: the guest's own; 134 after a trap; 1 when Wasmtime fails; 2 for a bad command line. */
#define _POSIX_C_SOURCE 200809L

#include "nn_timing.h"
#include "wasmtime_capi.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { EXIT_WASMTIME = 1, EXIT_USAGE = 2, EXIT_TRAP = 134 };

struct options {
    const char *target;
    int precompiled;
    int preopen_cwd;
};

static void print_bytes(const char *prefix, wasm_byte_vec_t *text)
{
    size_t length = text->size;
    while (length > 0 && (text->data[length - 1] == '\0' || text->data[length - 1] == '\n'))
        length--;
    fprintf(stderr, "%s%.*s\n", prefix, (int)length, (const char *)text->data);
    wasm_byte_vec_delete(text);
}

/* Reports a Wasmtime error and returns the exit code it stands for: a WASI exit status, or 1. */
static int error_exit_code(wasmtime_error_t *error)
{
    int status;
    if (wasmtime_error_exit_status(error, &status)) {
        wasmtime_error_delete(error);
        return status;
    }
    wasm_byte_vec_t message;
    wasmtime_error_message(error, &message);
    print_bytes("nn-wasmtime: ", &message);
    wasmtime_error_delete(error);
    return EXIT_WASMTIME;
}

static int trap_exit_code(wasm_trap_t *trap)
{
    wasm_byte_vec_t message;
    wasm_trap_message(trap, &message);
    print_bytes("wasm trap: ", &message);
    wasm_trap_delete(trap);
    return EXIT_TRAP;
}

static wasm_engine_t *new_engine(const char *target)
{
    wasm_config_t *config = wasm_config_new();
    if (target != NULL) {
        wasmtime_error_t *error = wasmtime_config_target_set(config, target);
        if (error != NULL) {
            error_exit_code(error);
            return NULL;
        }
    }
    return wasm_engine_new_with_config(config);
}

static int read_file(const char *path, uint8_t **data, size_t *length)
{
    FILE *file = fopen(path, "rb");
    if (file == NULL) {
        fprintf(stderr, "nn-wasmtime: cannot open %s: %s\n", path, strerror(errno));
        return -1;
    }
    size_t capacity = 1 << 20, used = 0;
    uint8_t *buffer = malloc(capacity);
    size_t n;
    while (buffer != NULL && (n = fread(buffer + used, 1, capacity - used, file)) > 0) {
        used += n;
        if (used == capacity) {
            capacity *= 2;
            uint8_t *grown = realloc(buffer, capacity);
            if (grown == NULL)
                free(buffer);
            buffer = grown;
        }
    }
    int failed = buffer == NULL || ferror(file);
    fclose(file);
    if (failed) {
        fprintf(stderr, "nn-wasmtime: cannot read %s\n", path);
        free(buffer);
        return -1;
    }
    *data = buffer;
    *length = used;
    return 0;
}

/* Compiles a .wasm file, or loads what `compile` serialized. */
static wasmtime_module_t *load_module(wasm_engine_t *engine, const char *path, int precompiled)
{
    wasmtime_module_t *module = NULL;
    wasmtime_error_t *error;
    if (precompiled) {
        error = wasmtime_module_deserialize_file(engine, path, &module);
    } else {
        uint8_t *wasm;
        size_t length;
        if (read_file(path, &wasm, &length) != 0)
            return NULL;
        error = wasmtime_module_new(engine, wasm, length, &module);
        free(wasm);
    }
    if (error != NULL) {
        error_exit_code(error);
        return NULL;
    }
    return module;
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash == NULL ? path : slash + 1;
}

/* A WASI context with argv = [program, args...]; stdout and stderr inherited only when asked. */
static wasmtime_error_t *set_wasi(wasmtime_context_t *context, const char *program, int argc, char **argv, int inherit, int preopen_cwd)
{
    const char **guest_argv = malloc(sizeof(char *) * (size_t)(argc + 1));
    if (guest_argv == NULL)
        abort();
    guest_argv[0] = program;
    for (int i = 0; i < argc; i++)
        guest_argv[i + 1] = argv[i];
    wasi_config_t *wasi = wasi_config_new();
    wasi_config_set_argv(wasi, (size_t)argc + 1, guest_argv);
    free(guest_argv);
    if (inherit) {
        wasi_config_inherit_stdout(wasi);
        wasi_config_inherit_stderr(wasi);
    }
    if (preopen_cwd) {
        int perms = NN_WASI_PERMS_READ | NN_WASI_PERMS_WRITE;
        if (!wasi_config_preopen_dir(wasi, ".", ".", perms, perms)) {
            fprintf(stderr, "nn-wasmtime: cannot preopen the current directory\n");
            exit(EXIT_WASMTIME);
        }
    }
    return wasmtime_context_set_wasi(context, wasi);
}

/* Calls the instance's _start; returns the guest's exit code (0 when it returns without calling exit). */
static int call_start(wasmtime_context_t *context, const wasmtime_instance_t *instance)
{
    wasmtime_extern_t start;
    if (!wasmtime_instance_export_get(context, instance, "_start", 6, &start) || start.kind != NN_WASMTIME_EXTERN_FUNC) {
        fprintf(stderr, "nn-wasmtime: the module is not a WASI command: it exports no _start function\n");
        return EXIT_WASMTIME;
    }
    wasm_trap_t *trap = NULL;
    wasmtime_error_t *error = wasmtime_func_call(context, &start.of.func, NULL, 0, NULL, 0, &trap);
    if (error != NULL)
        return error_exit_code(error);
    if (trap != NULL)
        return trap_exit_code(trap);
    return 0;
}

static int run(const struct options *options, const char *path, int argc, char **argv)
{
    uint64_t phase[4], clock = now_ns();
    wasm_engine_t *engine = new_engine(options->target);
    if (engine == NULL)
        return EXIT_WASMTIME;
    phase[0] = now_ns() - clock, clock = now_ns();
    wasmtime_module_t *module = load_module(engine, path, options->precompiled);
    if (module == NULL)
        return EXIT_WASMTIME;
    phase[1] = now_ns() - clock, clock = now_ns();

    wasmtime_store_t *store = wasmtime_store_new(engine, NULL, NULL);
    wasmtime_context_t *context = wasmtime_store_context(store);
    wasmtime_linker_t *linker = wasmtime_linker_new(engine);
    wasmtime_error_t *error = wasmtime_linker_define_wasi(linker);
    if (error == NULL)
        error = set_wasi(context, base_name(path), argc, argv, 1, options->preopen_cwd);
    if (error != NULL)
        return error_exit_code(error);
    wasmtime_instance_t instance;
    wasm_trap_t *trap = NULL;
    error = wasmtime_linker_instantiate(linker, context, module, &instance, &trap);
    if (error != NULL)
        return error_exit_code(error);
    if (trap != NULL)
        return trap_exit_code(trap);
    phase[2] = now_ns() - clock, clock = now_ns();

    int code = call_start(context, &instance);
    phase[3] = now_ns() - clock;
    fflush(stdout);
    fprintf(stderr, "nearnative-phases {\"engine\":%" PRIu64 ",\"%s\":%" PRIu64 ",\"instantiate\":%" PRIu64 ",\"execute\":%" PRIu64 "}\n",
            phase[0], options->precompiled ? "load" : "compile", phase[1], phase[2], phase[3]);
    return code;
}

static int compile(const struct options *options, const char *path, const char *out)
{
    wasm_engine_t *engine = new_engine(options->target);
    if (engine == NULL)
        return EXIT_WASMTIME;
    wasmtime_module_t *module = load_module(engine, path, 0);
    if (module == NULL)
        return EXIT_WASMTIME;
    wasm_byte_vec_t serialized;
    wasmtime_error_t *error = wasmtime_module_serialize(module, &serialized);
    if (error != NULL)
        return error_exit_code(error);
    FILE *file = fopen(out, "wb");
    int failed = file == NULL || fwrite(serialized.data, 1, serialized.size, file) != serialized.size;
    if (file != NULL && fclose(file) != 0)
        failed = 1;
    wasm_byte_vec_delete(&serialized);
    if (failed) {
        fprintf(stderr, "nn-wasmtime: cannot write %s: %s\n", out, strerror(errno));
        return EXIT_WASMTIME;
    }
    return 0;
}

static long resident_bytes(void)
{
    long size, resident;
    FILE *statm = fopen("/proc/self/statm", "r");
    if (statm == NULL)
        return -1;
    int read = fscanf(statm, "%ld %ld", &size, &resident);
    fclose(statm);
    return read == 2 ? resident * sysconf(_SC_PAGESIZE) : -1;
}

/* One instance: a fresh store and WASI context (stdout and stderr discarded), instantiation from the
 * pre-linked module, and _start. The store is returned so the caller decides how long it lives. */
static int start_instance(wasm_engine_t *engine, const wasmtime_instance_pre_t *pre, const char *program, int argc, char **argv,
                          wasmtime_store_t **store_out)
{
    wasmtime_store_t *store = wasmtime_store_new(engine, NULL, NULL);
    wasmtime_context_t *context = wasmtime_store_context(store);
    *store_out = store;
    wasmtime_error_t *error = set_wasi(context, program, argc, argv, 0, 0);
    if (error != NULL)
        return error_exit_code(error);
    wasmtime_instance_t instance;
    wasm_trap_t *trap = NULL;
    error = wasmtime_instance_pre_instantiate(pre, context, &instance, &trap);
    if (error != NULL)
        return error_exit_code(error);
    if (trap != NULL)
        return trap_exit_code(trap);
    return call_start(context, &instance);
}

static int instances(const struct options *options, const char *path, long warmup, long count, long live, int argc, char **argv)
{
    wasm_engine_t *engine = new_engine(options->target);
    if (engine == NULL)
        return EXIT_WASMTIME;
    wasmtime_module_t *module = load_module(engine, path, options->precompiled);
    if (module == NULL)
        return EXIT_WASMTIME;
    wasmtime_linker_t *linker = wasmtime_linker_new(engine);
    wasmtime_instance_pre_t *pre = NULL;
    wasmtime_error_t *error = wasmtime_linker_define_wasi(linker);
    if (error == NULL)
        error = wasmtime_linker_instantiate_pre(linker, module, &pre);
    if (error != NULL)
        return error_exit_code(error);

    uint64_t *times = malloc(sizeof(uint64_t) * (size_t)(warmup + count));
    wasmtime_store_t **alive = malloc(sizeof(wasmtime_store_t *) * (size_t)(live > 0 ? live : 1));
    if (times == NULL || alive == NULL)
        abort();
    const char *program = base_name(path);
    for (long i = 0; i < warmup + count; i++) {
        wasmtime_store_t *store;
        uint64_t begin = now_ns();
        int code = start_instance(engine, pre, program, argc, argv, &store);
        times[i] = now_ns() - begin;
        wasmtime_store_delete(store);
        if (code != 0) {
            fprintf(stderr, "nn-wasmtime: instance %ld exited with %d\n", i, code);
            return code;
        }
    }

    long before = resident_bytes();
    for (long i = 0; i < live; i++) {
        int code = start_instance(engine, pre, program, argc, argv, &alive[i]);
        if (code != 0) {
            fprintf(stderr, "nn-wasmtime: live instance %ld exited with %d\n", i, code);
            return code;
        }
    }
    long after = resident_bytes();

    printf("{");
    print_times("warmupNs", times, warmup);
    printf(",");
    print_times("startNs", times + warmup, count);
    printf(",\"liveInstances\":%ld,\"residentBefore\":%ld,\"residentAfter\":%ld}\n", live, before, after);
    return 0;
}

static int usage(void)
{
    fprintf(stderr, "usage: nn-wasmtime run [--preopen-cwd] [--target T] [--precompiled] MODULE [--] [ARGS...]\n"
                    "       nn-wasmtime compile [--target T] MODULE OUT\n"
                    "       nn-wasmtime check [--target T]\n"
                    "       nn-wasmtime instances [--target T] [--precompiled] MODULE WARMUP COUNT LIVE [ARGS...]\n");
    return EXIT_USAGE;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    const char *verb = argv[1];
    struct options options = { 0 };
    int i = 2;
    for (; i < argc && strncmp(argv[i], "--", 2) == 0 && strcmp(argv[i], "--") != 0; i++) {
        if (strcmp(argv[i], "--preopen-cwd") == 0)
            options.preopen_cwd = 1;
        else if (strcmp(argv[i], "--precompiled") == 0)
            options.precompiled = 1;
        else if (strcmp(argv[i], "--target") == 0 && i + 1 < argc)
            options.target = argv[++i];
        else
            return usage();
    }
    if (strcmp(verb, "check") == 0 && i == argc && !options.precompiled && !options.preopen_cwd) {
        wasm_engine_t *engine = new_engine(options.target);
        if (engine == NULL)
            return EXIT_WASMTIME;
        wasm_engine_delete(engine);
        return 0;
    }
    if (i >= argc)
        return usage();
    const char *module = argv[i++];

    if (strcmp(verb, "run") == 0) {
        if (i < argc && strcmp(argv[i], "--") == 0)
            i++;
        return run(&options, module, argc - i, argv + i);
    }
    if (strcmp(verb, "compile") == 0 && i + 1 == argc && !options.precompiled && !options.preopen_cwd)
        return compile(&options, module, argv[i]);
    long warmup, count, live;
    if (strcmp(verb, "instances") == 0 && i + 3 <= argc && !options.preopen_cwd && parse_count(argv[i], &warmup) == 0
        && parse_count(argv[i + 1], &count) == 0 && count > 0 && parse_count(argv[i + 2], &live) == 0)
        return instances(&options, module, warmup, count, live, argc - i - 3, argv + i + 3);
    return usage();
}
