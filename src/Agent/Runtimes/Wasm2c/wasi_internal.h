/*
 * What the two halves of NearNative's WASI layer share (wasi.c: process, arguments, clocks; wasi_fs.c: file
 * descriptors and paths): the WASI constants, the descriptor table and guest-memory access.
 */
#ifndef NEARNATIVE_WASI_INTERNAL_H
#define NEARNATIVE_WASI_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "wasi.h"

typedef struct Z_wasi_snapshot_preview1_instance_t wasi_t;

enum {
    WASI_ESUCCESS = 0, WASI_E2BIG = 1, WASI_EACCES = 2, WASI_EAGAIN = 6, WASI_EBADF = 8, WASI_EBUSY = 10,
    WASI_EEXIST = 20, WASI_EFAULT = 21, WASI_EFBIG = 22, WASI_EINTR = 27, WASI_EINVAL = 28, WASI_EIO = 29,
    WASI_EISDIR = 31, WASI_ELOOP = 32, WASI_EMFILE = 33, WASI_ENAMETOOLONG = 37, WASI_ENFILE = 41,
    WASI_ENOENT = 44, WASI_ENOMEM = 48, WASI_ENOSPC = 51, WASI_ENOSYS = 52, WASI_ENOTDIR = 54,
    WASI_ENOTEMPTY = 55, WASI_ENOTSUP = 58, WASI_EOVERFLOW = 61, WASI_EPERM = 63, WASI_EPIPE = 64,
    WASI_EROFS = 69, WASI_ESPIPE = 70, WASI_ENOTCAPABLE = 76,
};

enum { FILETYPE_UNKNOWN = 0, FILETYPE_BLOCK = 1, FILETYPE_CHAR = 2, FILETYPE_DIR = 3, FILETYPE_REG = 4, FILETYPE_SOCKET = 6, FILETYPE_SYMLINK = 7 };
enum { OFLAG_CREAT = 1, OFLAG_DIRECTORY = 2, OFLAG_EXCL = 4, OFLAG_TRUNC = 8 };
enum { FDFLAG_APPEND = 1, FDFLAG_DSYNC = 2, FDFLAG_NONBLOCK = 4, FDFLAG_RSYNC = 8, FDFLAG_SYNC = 16 };
enum { LOOKUP_SYMLINK_FOLLOW = 1 };
#define RIGHT_FD_READ (1ull << 1)
#define RIGHT_FD_WRITE (1ull << 6)

#define MAX_FDS 1024
typedef struct {
    int host;      /* -1 when the slot is free */
    bool preopen;  /* the preopened directory "." */
} fd_entry;
/* The guest's descriptor table, set up by nn_wasi_init. */
extern fd_entry nn_fds[MAX_FDS];

/* The WASI errno for a host errno. */
uint32_t nn_errno_to_wasi(int e);

/* A guest pointer to len bytes, or NULL if the range leaves linear memory. Inline: it guards every call. */
static inline uint8_t* nn_guest(wasi_t* w, uint32_t ptr, uint64_t len) {
    if ((uint64_t)ptr + len > w->memory->size) {
        return NULL;
    }
    return w->memory->data + ptr;
}

/* The host descriptor behind a guest descriptor, or -1. */
static inline int nn_host_fd(uint32_t fd) {
    return fd < MAX_FDS ? nn_fds[fd].host : -1;
}

static inline void put_u16(uint8_t* p, uint16_t v) { memcpy(p, &v, 2); }
static inline void put_u32(uint8_t* p, uint32_t v) { memcpy(p, &v, 4); }
static inline void put_u64(uint8_t* p, uint64_t v) { memcpy(p, &v, 8); }

#endif
