/*
 * NearNative's WASI preview 1 layer for wasm2c modules, process half: set-up, arguments, the (empty)
 * environment, clocks and exit; see wasi.h. The file half is wasi_fs.c.
 */
#define _GNU_SOURCE
#include "wasi_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <time.h>
#include <unistd.h>

fd_entry nn_fds[MAX_FDS];

uint32_t nn_errno_to_wasi(int e) {
    switch (e) {
        case E2BIG: return WASI_E2BIG;
        case EACCES: return WASI_EACCES;
        case EAGAIN: return WASI_EAGAIN;
        case EBADF: return WASI_EBADF;
        case EBUSY: return WASI_EBUSY;
        case EEXIST: return WASI_EEXIST;
        case EFAULT: return WASI_EFAULT;
        case EFBIG: return WASI_EFBIG;
        case EINTR: return WASI_EINTR;
        case EINVAL: return WASI_EINVAL;
        case EISDIR: return WASI_EISDIR;
        case ELOOP: return WASI_ELOOP;
        case EMFILE: return WASI_EMFILE;
        case ENAMETOOLONG: return WASI_ENAMETOOLONG;
        case ENFILE: return WASI_ENFILE;
        case ENOENT: return WASI_ENOENT;
        case ENOMEM: return WASI_ENOMEM;
        case ENOSPC: return WASI_ENOSPC;
        case ENOSYS: return WASI_ENOSYS;
        case ENOTDIR: return WASI_ENOTDIR;
        case ENOTEMPTY: return WASI_ENOTEMPTY;
        case EOPNOTSUPP: return WASI_ENOTSUP;
        case EOVERFLOW: return WASI_EOVERFLOW;
        case EPERM: return WASI_EPERM;
        case EPIPE: return WASI_EPIPE;
        case EROFS: return WASI_EROFS;
        case ESPIPE: return WASI_ESPIPE;
        default: return WASI_EIO;
    }
}

int nn_wasi_init(wasi_t* w, int argc, char** argv, bool preopen_cwd) {
    memset(w, 0, sizeof *w);
    w->argc = argc;
    w->argv = argv;
    for (int i = 0; i < MAX_FDS; i++) {
        nn_fds[i].host = -1;
        nn_fds[i].preopen = false;
    }
    for (int i = 0; i < 3; i++) {
        nn_fds[i].host = i;
    }
    if (preopen_cwd) {
        int dir = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir < 0) {
            return errno;
        }
        nn_fds[3].host = dir;
        nn_fds[3].preopen = true;
    }
    return 0;
}

uint32_t Z_wasi_snapshot_preview1Z_args_sizes_get(wasi_t* w, uint32_t argc_ptr, uint32_t size_ptr) {
    uint8_t* pc = nn_guest(w, argc_ptr, 4);
    uint8_t* ps = nn_guest(w, size_ptr, 4);
    if (pc == NULL || ps == NULL) return WASI_EFAULT;
    uint32_t total = 0;
    for (int i = 0; i < w->argc; i++) total += (uint32_t)strlen(w->argv[i]) + 1;
    put_u32(pc, (uint32_t)w->argc);
    put_u32(ps, total);
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_args_get(wasi_t* w, uint32_t argv_ptr, uint32_t buf_ptr) {
    for (int i = 0; i < w->argc; i++) {
        uint32_t len = (uint32_t)strlen(w->argv[i]) + 1;
        uint8_t* slot = nn_guest(w, argv_ptr + 4u * (uint32_t)i, 4);
        uint8_t* dst = nn_guest(w, buf_ptr, len);
        if (slot == NULL || dst == NULL) return WASI_EFAULT;
        put_u32(slot, buf_ptr);
        memcpy(dst, w->argv[i], len);
        buf_ptr += len;
    }
    return WASI_ESUCCESS;
}

/* The environment is empty, as under every other runtime the agent starts. */
uint32_t Z_wasi_snapshot_preview1Z_environ_sizes_get(wasi_t* w, uint32_t count_ptr, uint32_t size_ptr) {
    uint8_t* pc = nn_guest(w, count_ptr, 4);
    uint8_t* ps = nn_guest(w, size_ptr, 4);
    if (pc == NULL || ps == NULL) return WASI_EFAULT;
    put_u32(pc, 0);
    put_u32(ps, 0);
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_environ_get(wasi_t* w, uint32_t environ_ptr, uint32_t buf_ptr) {
    (void)w, (void)environ_ptr, (void)buf_ptr;
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_clock_time_get(wasi_t* w, uint32_t id, uint64_t precision, uint32_t time_ptr) {
    (void)precision;
    static const clockid_t clocks[] = { CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID };
    if (id >= sizeof clocks / sizeof clocks[0]) return WASI_EINVAL;
    uint8_t* p = nn_guest(w, time_ptr, 8);
    if (p == NULL) return WASI_EFAULT;
    struct timespec ts;
    if (clock_gettime(clocks[id], &ts) != 0) return nn_errno_to_wasi(errno);
    put_u64(p, (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec);
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_clock_res_get(wasi_t* w, uint32_t id, uint32_t res_ptr) {
    (void)id;
    uint8_t* p = nn_guest(w, res_ptr, 8);
    if (p == NULL) return WASI_EFAULT;
    put_u64(p, 1);
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_sched_yield(wasi_t* w) {
    (void)w;
    return WASI_ESUCCESS;
}

void Z_wasi_snapshot_preview1Z_proc_exit(wasi_t* w, uint32_t code) {
    w->exit_code = (int)code;
    longjmp(*w->exit_target, 1);
}
