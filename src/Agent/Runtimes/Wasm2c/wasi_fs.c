/*
 * NearNative's WASI preview 1 layer for wasm2c modules, file half: guest file descriptors map to host
 * descriptors through a small table; paths are resolved with the *at() calls against the preopened
 * directory, and absolute paths or ".." components are refused, as a capability-based runtime would.
 */
#define _GNU_SOURCE
#include "wasi_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

static uint8_t filetype_of(mode_t mode) {
    if (S_ISREG(mode)) return FILETYPE_REG;
    if (S_ISDIR(mode)) return FILETYPE_DIR;
    if (S_ISCHR(mode)) return FILETYPE_CHAR;
    if (S_ISBLK(mode)) return FILETYPE_BLOCK;
    if (S_ISSOCK(mode)) return FILETYPE_SOCKET;
    if (S_ISLNK(mode)) return FILETYPE_SYMLINK;
    return FILETYPE_UNKNOWN;
}

/* Copies a guest path into buf, refusing absolute paths and ".." so the guest stays inside its directory. */
static uint32_t guest_path(wasi_t* w, uint32_t ptr, uint32_t len, char* buf, size_t size) {
    uint8_t* p = nn_guest(w, ptr, len);
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

uint32_t Z_wasi_snapshot_preview1Z_fd_close(wasi_t* w, uint32_t fd) {
    (void)w;
    int host = nn_host_fd(fd);
    if (host < 0) return WASI_EBADF;
    nn_fds[fd].host = -1;
    nn_fds[fd].preopen = false;
    return close(host) == 0 ? WASI_ESUCCESS : nn_errno_to_wasi(errno);
}

uint32_t Z_wasi_snapshot_preview1Z_fd_fdstat_get(wasi_t* w, uint32_t fd, uint32_t stat_ptr) {
    int host = nn_host_fd(fd);
    if (host < 0) return WASI_EBADF;
    uint8_t* p = nn_guest(w, stat_ptr, 24);
    if (p == NULL) return WASI_EFAULT;
    struct stat st;
    if (fstat(host, &st) != 0) return nn_errno_to_wasi(errno);
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
    int host = nn_host_fd(fd);
    if (host < 0) return WASI_EBADF;
    int flags = fcntl(host, F_GETFL);
    if (flags < 0) return nn_errno_to_wasi(errno);
    flags &= ~(O_APPEND | O_NONBLOCK);
    if (fdflags & FDFLAG_APPEND) flags |= O_APPEND;
    if (fdflags & FDFLAG_NONBLOCK) flags |= O_NONBLOCK;
    return fcntl(host, F_SETFL, flags) == 0 ? WASI_ESUCCESS : nn_errno_to_wasi(errno);
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
    int host = nn_host_fd(fd);
    if (host < 0) return WASI_EBADF;
    uint8_t* p = nn_guest(w, stat_ptr, 64);
    if (p == NULL) return WASI_EFAULT;
    struct stat st;
    if (fstat(host, &st) != 0) return nn_errno_to_wasi(errno);
    put_filestat(p, &st);
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_path_filestat_get(wasi_t* w, uint32_t fd, uint32_t lookup, uint32_t path_ptr, uint32_t path_len, uint32_t stat_ptr) {
    int host = nn_host_fd(fd);
    if (host < 0) return WASI_EBADF;
    char path[PATH_MAX];
    uint32_t err = guest_path(w, path_ptr, path_len, path, sizeof path);
    if (err != WASI_ESUCCESS) return err;
    uint8_t* p = nn_guest(w, stat_ptr, 64);
    if (p == NULL) return WASI_EFAULT;
    struct stat st;
    if (fstatat(host, path, &st, (lookup & LOOKUP_SYMLINK_FOLLOW) ? 0 : AT_SYMLINK_NOFOLLOW) != 0) return nn_errno_to_wasi(errno);
    put_filestat(p, &st);
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_fd_prestat_get(wasi_t* w, uint32_t fd, uint32_t prestat_ptr) {
    if (fd >= MAX_FDS || !nn_fds[fd].preopen) return WASI_EBADF;
    uint8_t* p = nn_guest(w, prestat_ptr, 8);
    if (p == NULL) return WASI_EFAULT;
    memset(p, 0, 8);
    put_u32(p + 4, 1); /* strlen(".") */
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_fd_prestat_dir_name(wasi_t* w, uint32_t fd, uint32_t path_ptr, uint32_t path_len) {
    if (fd >= MAX_FDS || !nn_fds[fd].preopen) return WASI_EBADF;
    if (path_len < 1) return WASI_EINVAL;
    uint8_t* p = nn_guest(w, path_ptr, 1);
    if (p == NULL) return WASI_EFAULT;
    p[0] = '.';
    return WASI_ESUCCESS;
}

/* Builds host iovecs over guest memory; returns the count, or -1 if an iovec leaves linear memory. */
static int host_iovecs(wasi_t* w, uint32_t iovs_ptr, uint32_t iovs_len, struct iovec* out, int max) {
    if (iovs_len > (uint32_t)max) iovs_len = (uint32_t)max;
    uint8_t* list = nn_guest(w, iovs_ptr, 8ull * iovs_len);
    if (list == NULL) return -1;
    for (uint32_t i = 0; i < iovs_len; i++) {
        uint32_t buf, len;
        memcpy(&buf, list + 8 * i, 4);
        memcpy(&len, list + 8 * i + 4, 4);
        uint8_t* p = nn_guest(w, buf, len);
        if (p == NULL) return -1;
        out[i].iov_base = p;
        out[i].iov_len = len;
    }
    return (int)iovs_len;
}

/* readv or writev over guest iovecs; the byte count goes to count_ptr. */
static uint32_t transfer(wasi_t* w, uint32_t fd, uint32_t iovs_ptr, uint32_t iovs_len, uint32_t count_ptr,
                         ssize_t (*op)(int, const struct iovec*, int)) {
    int host = nn_host_fd(fd);
    if (host < 0) return WASI_EBADF;
    struct iovec iov[64];
    int n = host_iovecs(w, iovs_ptr, iovs_len, iov, 64);
    uint8_t* out = nn_guest(w, count_ptr, 4);
    if (n < 0 || out == NULL) return WASI_EFAULT;
    ssize_t done = op(host, iov, n);
    if (done < 0) return nn_errno_to_wasi(errno);
    put_u32(out, (uint32_t)done);
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_fd_read(wasi_t* w, uint32_t fd, uint32_t iovs_ptr, uint32_t iovs_len, uint32_t nread_ptr) {
    return transfer(w, fd, iovs_ptr, iovs_len, nread_ptr, readv);
}

uint32_t Z_wasi_snapshot_preview1Z_fd_write(wasi_t* w, uint32_t fd, uint32_t iovs_ptr, uint32_t iovs_len, uint32_t nwritten_ptr) {
    return transfer(w, fd, iovs_ptr, iovs_len, nwritten_ptr, writev);
}

uint32_t Z_wasi_snapshot_preview1Z_fd_seek(wasi_t* w, uint32_t fd, uint64_t offset, uint32_t whence, uint32_t newoffset_ptr) {
    int host = nn_host_fd(fd);
    if (host < 0) return WASI_EBADF;
    static const int whences[] = { SEEK_SET, SEEK_CUR, SEEK_END };
    if (whence > 2) return WASI_EINVAL;
    uint8_t* out = nn_guest(w, newoffset_ptr, 8);
    if (out == NULL) return WASI_EFAULT;
    off_t pos = lseek(host, (off_t)offset, whences[whence]);
    if (pos < 0) return nn_errno_to_wasi(errno);
    put_u64(out, (uint64_t)pos);
    return WASI_ESUCCESS;
}

uint32_t Z_wasi_snapshot_preview1Z_fd_sync(wasi_t* w, uint32_t fd) {
    (void)w;
    int host = nn_host_fd(fd);
    if (host < 0) return WASI_EBADF;
    return fsync(host) == 0 ? WASI_ESUCCESS : nn_errno_to_wasi(errno);
}

uint32_t Z_wasi_snapshot_preview1Z_path_open(wasi_t* w, uint32_t dirfd, uint32_t lookup, uint32_t path_ptr, uint32_t path_len, uint32_t oflags,
        uint64_t rights_base, uint64_t rights_inheriting, uint32_t fdflags, uint32_t fd_ptr) {
    (void)rights_inheriting;
    int dir = nn_host_fd(dirfd);
    if (dir < 0) return WASI_EBADF;
    char path[PATH_MAX];
    uint32_t err = guest_path(w, path_ptr, path_len, path, sizeof path);
    if (err != WASI_ESUCCESS) return err;
    uint8_t* out = nn_guest(w, fd_ptr, 4);
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
    while (slot < MAX_FDS && nn_fds[slot].host >= 0) slot++;
    if (slot == MAX_FDS) return WASI_EMFILE;
    int host = openat(dir, path, flags, 0666);
    if (host < 0) return nn_errno_to_wasi(errno);
    nn_fds[slot].host = host;
    nn_fds[slot].preopen = false;
    put_u32(out, (uint32_t)slot);
    return WASI_ESUCCESS;
}

static uint32_t at_call(wasi_t* w, uint32_t fd, uint32_t path_ptr, uint32_t path_len, int (*call)(int, const char*)) {
    int dir = nn_host_fd(fd);
    if (dir < 0) return WASI_EBADF;
    char path[PATH_MAX];
    uint32_t err = guest_path(w, path_ptr, path_len, path, sizeof path);
    if (err != WASI_ESUCCESS) return err;
    return call(dir, path) == 0 ? WASI_ESUCCESS : nn_errno_to_wasi(errno);
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
