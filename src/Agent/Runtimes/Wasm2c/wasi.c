/*
 * NearNative's WASI preview 1 layer for wasm2c modules; see wasi.h. Guest file descriptors map to host
 * descriptors through a small table; paths are resolved with the *at() calls against the preopened
 * directory, and absolute paths or ".." components are refused, as a capability-based runtime would.
 */
#define _GNU_SOURCE
#include "wasi.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

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
static fd_entry fds[MAX_FDS];

static uint32_t errno_to_wasi(int e) {
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

/* A guest pointer to len bytes, or NULL if the range leaves linear memory. */
static uint8_t* guest(wasi_t* w, uint32_t ptr, uint64_t len) {
    if ((uint64_t)ptr + len > w->memory->size) {
        return NULL;
    }
    return w->memory->data + ptr;
}

static void put_u16(uint8_t* p, uint16_t v) { memcpy(p, &v, 2); }
static void put_u32(uint8_t* p, uint32_t v) { memcpy(p, &v, 4); }
static void put_u64(uint8_t* p, uint64_t v) { memcpy(p, &v, 8); }

static int host_fd(uint32_t fd) {
    return fd < MAX_FDS ? fds[fd].host : -1;
}

static uint8_t filetype_of(mode_t mode) {
    if (S_ISREG(mode)) return FILETYPE_REG;
    if (S_ISDIR(mode)) return FILETYPE_DIR;
    if (S_ISCHR(mode)) return FILETYPE_CHAR;
    if (S_ISBLK(mode)) return FILETYPE_BLOCK;
    if (S_ISSOCK(mode)) return FILETYPE_SOCKET;
    if (S_ISLNK(mode)) return FILETYPE_SYMLINK;
    return FILETYPE_UNKNOWN;
}

int nn_wasi_init(wasi_t* w, int argc, char** argv, bool preopen_cwd) {
    memset(w, 0, sizeof *w);
    w->argc = argc;
    w->argv = argv;
    for (int i = 0; i < MAX_FDS; i++) {
        fds[i].host = -1;
        fds[i].preopen = false;
    }
    for (int i = 0; i < 3; i++) {
        fds[i].host = i;
    }
    if (preopen_cwd) {
        int dir = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir < 0) {
            return errno;
        }
        fds[3].host = dir;
        fds[3].preopen = true;
    }
    return 0;
}

/* Copies a guest path into buf, refusing absolute paths and ".." so the guest stays inside its directory. */
static uint32_t guest_path(wasi_t* w, uint32_t ptr, uint32_t len, char* buf, size_t size) {
    uint8_t* p = guest(w, ptr, len);
    if (p == NULL) return WASI_EFAULT;
    if (len >= size) return WASI_ENAMETOOLONG;
    memcpy(buf, p, len);
    buf[len] = '\0';
    if (strlen(buf) != len) return WASI_EINVAL;
    if (buf[0] == '/') return WASI_ENOTCAPABLE;
    for (char* c = buf; (c = strstr(c, "..")) != NULL; c += 2) {
        bool starts = c == buf || c[-1] == '/';
        bool ends = c[2] == '\0' || c[2] == '/';
        if (starts && ends) return WASI_ENOTCAPABLE;
    }
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_args_sizes_get(wasi_t* w, uint32_t argc_ptr, uint32_t size_ptr) {
    uint8_t* pc = guest(w, argc_ptr, 4);
    uint8_t* ps = guest(w, size_ptr, 4);
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
        uint8_t* slot = guest(w, argv_ptr + 4u * (uint32_t)i, 4);
        uint8_t* dst = guest(w, buf_ptr, len);
        if (slot == NULL || dst == NULL) return WASI_EFAULT;
        put_u32(slot, buf_ptr);
        memcpy(dst, w->argv[i], len);
        buf_ptr += len;
    }
    return WASI_ESUCCESS;
}

/* The environment is empty, as under every other runtime the agent starts. */
uint32_t Z_wasi_snapshot_preview1Z_environ_sizes_get(wasi_t* w, uint32_t count_ptr, uint32_t size_ptr) {
    uint8_t* pc = guest(w, count_ptr, 4);
    uint8_t* ps = guest(w, size_ptr, 4);
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
    uint8_t* p = guest(w, time_ptr, 8);
    if (p == NULL) return WASI_EFAULT;
    struct timespec ts;
    if (clock_gettime(clocks[id], &ts) != 0) return errno_to_wasi(errno);
    put_u64(p, (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec);
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_clock_res_get(wasi_t* w, uint32_t id, uint32_t res_ptr) {
    (void)id;
    uint8_t* p = guest(w, res_ptr, 8);
    if (p == NULL) return WASI_EFAULT;
    put_u64(p, 1);
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_fd_close(wasi_t* w, uint32_t fd) {
    (void)w;
    int host = host_fd(fd);
    if (host < 0) return WASI_EBADF;
    fds[fd].host = -1;
    fds[fd].preopen = false;
    return close(host) == 0 ? WASI_ESUCCESS : errno_to_wasi(errno);
}

uint32_t Z_wasi_snapshot_preview1Z_fd_fdstat_get(wasi_t* w, uint32_t fd, uint32_t stat_ptr) {
    int host = host_fd(fd);
    if (host < 0) return WASI_EBADF;
    uint8_t* p = guest(w, stat_ptr, 24);
    if (p == NULL) return WASI_EFAULT;
    struct stat st;
    if (fstat(host, &st) != 0) return errno_to_wasi(errno);
    int flags = fcntl(host, F_GETFL);
    uint16_t fdflags = 0;
    if (flags >= 0 && (flags & O_APPEND)) fdflags |= FDFLAG_APPEND;
    if (flags >= 0 && (flags & O_NONBLOCK)) fdflags |= FDFLAG_NONBLOCK;
    memset(p, 0, 24);
    p[0] = filetype_of(st.st_mode);
    put_u16(p + 2, fdflags);
    /* Every right: the guest is confined by the path checks, not by rights bookkeeping. */
    put_u64(p + 8, ~0ull);
    put_u64(p + 16, ~0ull);
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_fd_fdstat_set_flags(wasi_t* w, uint32_t fd, uint32_t fdflags) {
    (void)w;
    int host = host_fd(fd);
    if (host < 0) return WASI_EBADF;
    int flags = fcntl(host, F_GETFL);
    if (flags < 0) return errno_to_wasi(errno);
    flags &= ~(O_APPEND | O_NONBLOCK);
    if (fdflags & FDFLAG_APPEND) flags |= O_APPEND;
    if (fdflags & FDFLAG_NONBLOCK) flags |= O_NONBLOCK;
    return fcntl(host, F_SETFL, flags) == 0 ? WASI_ESUCCESS : errno_to_wasi(errno);
}

static void put_filestat(uint8_t* p, const struct stat* st) {
    memset(p, 0, 64);
    put_u64(p + 0, (uint64_t)st->st_dev);
    put_u64(p + 8, (uint64_t)st->st_ino);
    p[16] = filetype_of(st->st_mode);
    put_u64(p + 24, (uint64_t)st->st_nlink);
    put_u64(p + 32, (uint64_t)st->st_size);
    put_u64(p + 40, (uint64_t)st->st_atim.tv_sec * 1000000000ull + (uint64_t)st->st_atim.tv_nsec);
    put_u64(p + 48, (uint64_t)st->st_mtim.tv_sec * 1000000000ull + (uint64_t)st->st_mtim.tv_nsec);
    put_u64(p + 56, (uint64_t)st->st_ctim.tv_sec * 1000000000ull + (uint64_t)st->st_ctim.tv_nsec);
}

uint32_t Z_wasi_snapshot_preview1Z_fd_filestat_get(wasi_t* w, uint32_t fd, uint32_t stat_ptr) {
    int host = host_fd(fd);
    if (host < 0) return WASI_EBADF;
    uint8_t* p = guest(w, stat_ptr, 64);
    if (p == NULL) return WASI_EFAULT;
    struct stat st;
    if (fstat(host, &st) != 0) return errno_to_wasi(errno);
    put_filestat(p, &st);
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_path_filestat_get(wasi_t* w, uint32_t fd, uint32_t lookup, uint32_t path_ptr, uint32_t path_len, uint32_t stat_ptr) {
    int host = host_fd(fd);
    if (host < 0) return WASI_EBADF;
    char path[PATH_MAX];
    uint32_t err = guest_path(w, path_ptr, path_len, path, sizeof path);
    if (err != WASI_ESUCCESS) return err;
    uint8_t* p = guest(w, stat_ptr, 64);
    if (p == NULL) return WASI_EFAULT;
    struct stat st;
    if (fstatat(host, path, &st, (lookup & LOOKUP_SYMLINK_FOLLOW) ? 0 : AT_SYMLINK_NOFOLLOW) != 0) return errno_to_wasi(errno);
    put_filestat(p, &st);
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_fd_prestat_get(wasi_t* w, uint32_t fd, uint32_t prestat_ptr) {
    if (fd >= MAX_FDS || !fds[fd].preopen) return WASI_EBADF;
    uint8_t* p = guest(w, prestat_ptr, 8);
    if (p == NULL) return WASI_EFAULT;
    memset(p, 0, 8);
    put_u32(p + 4, 1); /* strlen(".") */
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_fd_prestat_dir_name(wasi_t* w, uint32_t fd, uint32_t path_ptr, uint32_t path_len) {
    if (fd >= MAX_FDS || !fds[fd].preopen) return WASI_EBADF;
    if (path_len < 1) return WASI_EINVAL;
    uint8_t* p = guest(w, path_ptr, 1);
    if (p == NULL) return WASI_EFAULT;
    p[0] = '.';
    return WASI_ESUCCESS;
}

/* Builds host iovecs over guest memory; returns the count, or -1 if an iovec leaves linear memory. */
static int host_iovecs(wasi_t* w, uint32_t iovs_ptr, uint32_t iovs_len, struct iovec* out, int max) {
    if (iovs_len > (uint32_t)max) iovs_len = (uint32_t)max;
    uint8_t* list = guest(w, iovs_ptr, 8ull * iovs_len);
    if (list == NULL) return -1;
    for (uint32_t i = 0; i < iovs_len; i++) {
        uint32_t buf, len;
        memcpy(&buf, list + 8 * i, 4);
        memcpy(&len, list + 8 * i + 4, 4);
        uint8_t* p = guest(w, buf, len);
        if (p == NULL) return -1;
        out[i].iov_base = p;
        out[i].iov_len = len;
    }
    return (int)iovs_len;
}

uint32_t Z_wasi_snapshot_preview1Z_fd_read(wasi_t* w, uint32_t fd, uint32_t iovs_ptr, uint32_t iovs_len, uint32_t nread_ptr) {
    int host = host_fd(fd);
    if (host < 0) return WASI_EBADF;
    struct iovec iov[64];
    int n = host_iovecs(w, iovs_ptr, iovs_len, iov, 64);
    uint8_t* out = guest(w, nread_ptr, 4);
    if (n < 0 || out == NULL) return WASI_EFAULT;
    ssize_t got = readv(host, iov, n);
    if (got < 0) return errno_to_wasi(errno);
    put_u32(out, (uint32_t)got);
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_fd_write(wasi_t* w, uint32_t fd, uint32_t iovs_ptr, uint32_t iovs_len, uint32_t nwritten_ptr) {
    int host = host_fd(fd);
    if (host < 0) return WASI_EBADF;
    struct iovec iov[64];
    int n = host_iovecs(w, iovs_ptr, iovs_len, iov, 64);
    uint8_t* out = guest(w, nwritten_ptr, 4);
    if (n < 0 || out == NULL) return WASI_EFAULT;
    ssize_t put = writev(host, iov, n);
    if (put < 0) return errno_to_wasi(errno);
    put_u32(out, (uint32_t)put);
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_fd_seek(wasi_t* w, uint32_t fd, uint64_t offset, uint32_t whence, uint32_t newoffset_ptr) {
    int host = host_fd(fd);
    if (host < 0) return WASI_EBADF;
    static const int whences[] = { SEEK_SET, SEEK_CUR, SEEK_END };
    if (whence > 2) return WASI_EINVAL;
    uint8_t* out = guest(w, newoffset_ptr, 8);
    if (out == NULL) return WASI_EFAULT;
    off_t pos = lseek(host, (off_t)offset, whences[whence]);
    if (pos < 0) return errno_to_wasi(errno);
    put_u64(out, (uint64_t)pos);
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_fd_sync(wasi_t* w, uint32_t fd) {
    (void)w;
    int host = host_fd(fd);
    if (host < 0) return WASI_EBADF;
    return fsync(host) == 0 ? WASI_ESUCCESS : errno_to_wasi(errno);
}

uint32_t Z_wasi_snapshot_preview1Z_path_open(wasi_t* w, uint32_t dirfd, uint32_t lookup, uint32_t path_ptr, uint32_t path_len, uint32_t oflags,
        uint64_t rights_base, uint64_t rights_inheriting, uint32_t fdflags, uint32_t fd_ptr) {
    (void)rights_inheriting;
    int dir = host_fd(dirfd);
    if (dir < 0) return WASI_EBADF;
    char path[PATH_MAX];
    uint32_t err = guest_path(w, path_ptr, path_len, path, sizeof path);
    if (err != WASI_ESUCCESS) return err;
    uint8_t* out = guest(w, fd_ptr, 4);
    if (out == NULL) return WASI_EFAULT;

    bool read = (rights_base & RIGHT_FD_READ) != 0;
    bool write = (rights_base & RIGHT_FD_WRITE) != 0;
    int flags = O_CLOEXEC;
    if (oflags & OFLAG_DIRECTORY) {
        flags |= O_RDONLY | O_DIRECTORY;
    } else {
        flags |= read && write ? O_RDWR : write ? O_WRONLY : O_RDONLY;
    }
    if (oflags & OFLAG_CREAT) flags |= O_CREAT;
    if (oflags & OFLAG_EXCL) flags |= O_EXCL;
    if (oflags & OFLAG_TRUNC) flags |= O_TRUNC;
    if (fdflags & FDFLAG_APPEND) flags |= O_APPEND;
    if (fdflags & FDFLAG_NONBLOCK) flags |= O_NONBLOCK;
    if (fdflags & (FDFLAG_SYNC | FDFLAG_RSYNC)) flags |= O_SYNC;
    if (fdflags & FDFLAG_DSYNC) flags |= O_DSYNC;
    if (!(lookup & LOOKUP_SYMLINK_FOLLOW)) flags |= O_NOFOLLOW;

    int slot = 3;
    while (slot < MAX_FDS && fds[slot].host >= 0) slot++;
    if (slot == MAX_FDS) return WASI_EMFILE;
    int host = openat(dir, path, flags, 0666);
    if (host < 0) return errno_to_wasi(errno);
    fds[slot].host = host;
    fds[slot].preopen = false;
    put_u32(out, (uint32_t)slot);
    return WASI_ESUCCESS;
}

static uint32_t at_call(wasi_t* w, uint32_t fd, uint32_t path_ptr, uint32_t path_len, int (*call)(int, const char*)) {
    int dir = host_fd(fd);
    if (dir < 0) return WASI_EBADF;
    char path[PATH_MAX];
    uint32_t err = guest_path(w, path_ptr, path_len, path, sizeof path);
    if (err != WASI_ESUCCESS) return err;
    return call(dir, path) == 0 ? WASI_ESUCCESS : errno_to_wasi(errno);
}

static int unlink_file(int dir, const char* path) { return unlinkat(dir, path, 0); }
static int remove_directory(int dir, const char* path) { return unlinkat(dir, path, AT_REMOVEDIR); }
static int create_directory(int dir, const char* path) { return mkdirat(dir, path, 0777); }

uint32_t Z_wasi_snapshot_preview1Z_path_unlink_file(wasi_t* w, uint32_t fd, uint32_t path_ptr, uint32_t path_len) {
    return at_call(w, fd, path_ptr, path_len, unlink_file);
}

uint32_t Z_wasi_snapshot_preview1Z_path_remove_directory(wasi_t* w, uint32_t fd, uint32_t path_ptr, uint32_t path_len) {
    return at_call(w, fd, path_ptr, path_len, remove_directory);
}

uint32_t Z_wasi_snapshot_preview1Z_path_create_directory(wasi_t* w, uint32_t fd, uint32_t path_ptr, uint32_t path_len) {
    return at_call(w, fd, path_ptr, path_len, create_directory);
}

uint32_t Z_wasi_snapshot_preview1Z_sched_yield(wasi_t* w) {
    (void)w;
    return WASI_ESUCCESS;
}

void Z_wasi_snapshot_preview1Z_proc_exit(wasi_t* w, uint32_t code) {
    w->exit_code = (int)code;
    longjmp(*w->exit_target, 1);
}
