/* wasmtime_capi.h - the part of Wasmtime's C API that nn-wasmtime uses, declared by hand.
 *
 * The Wasmtime NuGet package ships libwasmtime.so, which exports the whole C API, but no headers. These
 * declarations follow the C API of the Wasmtime version the agent pins (50.x); the structures are the
 * public ones the API fills in, and every other type stays opaque. */
#ifndef NN_WASMTIME_CAPI_H
#define NN_WASMTIME_CAPI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct wasm_config_t wasm_config_t;
typedef struct wasm_engine_t wasm_engine_t;
typedef struct wasm_trap_t wasm_trap_t;
typedef struct wasi_config_t wasi_config_t;
typedef struct wasmtime_error wasmtime_error_t;
typedef struct wasmtime_module wasmtime_module_t;
typedef struct wasmtime_store wasmtime_store_t;
typedef struct wasmtime_context wasmtime_context_t;
typedef struct wasmtime_linker wasmtime_linker_t;
typedef struct wasmtime_instance_pre wasmtime_instance_pre_t;

typedef struct wasm_byte_vec_t {
    size_t size;
    uint8_t *data;
} wasm_byte_vec_t;

typedef struct wasmtime_instance {
    uint64_t store_id;
    size_t private_index;
} wasmtime_instance_t;

typedef struct wasmtime_func {
    uint64_t store_id;
    void *private_data;
} wasmtime_func_t;

#define NN_WASMTIME_EXTERN_FUNC 0

/* The library writes at most its own union (24 bytes in 50.x); ours is larger so a future field cannot overrun it. */
typedef struct wasmtime_extern {
    uint8_t kind;
    union {
        wasmtime_func_t func;
        uint64_t words[6];
    } of;
} wasmtime_extern_t;

/* Directory and file permissions of a preopened directory: read and write. */
#define NN_WASI_PERMS_READ 1
#define NN_WASI_PERMS_WRITE 2

wasm_config_t *wasm_config_new(void);
wasmtime_error_t *wasmtime_config_target_set(wasm_config_t *config, const char *target);
wasm_engine_t *wasm_engine_new_with_config(wasm_config_t *config);
void wasm_engine_delete(wasm_engine_t *engine);

wasmtime_error_t *wasmtime_module_new(wasm_engine_t *engine, const uint8_t *wasm, size_t length, wasmtime_module_t **module);
wasmtime_error_t *wasmtime_module_serialize(wasmtime_module_t *module, wasm_byte_vec_t *out);
wasmtime_error_t *wasmtime_module_deserialize_file(wasm_engine_t *engine, const char *path, wasmtime_module_t **module);
void wasmtime_module_delete(wasmtime_module_t *module);

wasmtime_store_t *wasmtime_store_new(wasm_engine_t *engine, void *data, void (*finalizer)(void *));
wasmtime_context_t *wasmtime_store_context(wasmtime_store_t *store);
void wasmtime_store_delete(wasmtime_store_t *store);

wasi_config_t *wasi_config_new(void);
bool wasi_config_set_argv(wasi_config_t *config, size_t argc, const char *argv[]);
void wasi_config_inherit_stdout(wasi_config_t *config);
void wasi_config_inherit_stderr(wasi_config_t *config);
bool wasi_config_preopen_dir(wasi_config_t *config, const char *host_path, const char *guest_path, size_t dir_perms, size_t file_perms);
wasmtime_error_t *wasmtime_context_set_wasi(wasmtime_context_t *context, wasi_config_t *config);

wasmtime_linker_t *wasmtime_linker_new(wasm_engine_t *engine);
wasmtime_error_t *wasmtime_linker_define_wasi(wasmtime_linker_t *linker);
wasmtime_error_t *wasmtime_linker_instantiate(const wasmtime_linker_t *linker, wasmtime_context_t *context, const wasmtime_module_t *module,
                                              wasmtime_instance_t *instance, wasm_trap_t **trap);
wasmtime_error_t *wasmtime_linker_instantiate_pre(const wasmtime_linker_t *linker, const wasmtime_module_t *module, wasmtime_instance_pre_t **pre);
wasmtime_error_t *wasmtime_instance_pre_instantiate(const wasmtime_instance_pre_t *pre, wasmtime_context_t *context, wasmtime_instance_t *instance,
                                                    wasm_trap_t **trap);
bool wasmtime_instance_export_get(wasmtime_context_t *context, const wasmtime_instance_t *instance, const char *name, size_t length,
                                  wasmtime_extern_t *item);
wasmtime_error_t *wasmtime_func_call(wasmtime_context_t *context, const wasmtime_func_t *func, const void *args, size_t nargs, void *results,
                                     size_t nresults, wasm_trap_t **trap);

bool wasmtime_error_exit_status(const wasmtime_error_t *error, int *status);
void wasmtime_error_message(const wasmtime_error_t *error, wasm_byte_vec_t *message);
void wasmtime_error_delete(wasmtime_error_t *error);
void wasm_trap_message(const wasm_trap_t *trap, wasm_byte_vec_t *message);
void wasm_trap_delete(wasm_trap_t *trap);
void wasm_byte_vec_delete(wasm_byte_vec_t *vec);

#endif
