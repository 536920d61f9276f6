/* smallfiles - category "io": many small files.
 *
 * Each kernel call creates 32 files of 64 B - 4 KiB in a scratch
 * subdirectory (open with O_CREAT|O_EXCL, one write, close), reads them all
 * back in a different order (open, fstat for the size, one read, close),
 * verifies and hashes their contents, and deletes them again. The per-file
 * sizes and contents depend on the previous call's result. This is
 * metadata-heavy I/O: path resolution, file creation and deletion, and the
 * per-call overhead of each WASI host call dominate, not bandwidth.
 *
 * Scratch-directory contract: the process's current working directory is
 * the scratch directory; only relative paths below "nn-smallfiles.tmp" are
 * used, and the directory is removed at the end. A wasm runtime must preopen
 * the host's scratch directory as the guest directory ".". */
#define _POSIX_C_SOURCE 200809L

#include "common/nn.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DIR_NAME "nn-smallfiles.tmp"
#define NFILES 32u
#define MAX_FILE 4096u
#define POOL (1u << 16)

/* DIR_NAME "/f" followed by three decimal digits. */
static void file_name(char out[32], uint32_t k)
{
    memcpy(out, DIR_NAME "/f", sizeof DIR_NAME + 1);
    char *p = out + sizeof DIR_NAME + 1;
    p[0] = (char)('0' + k / 100u);
    p[1] = (char)('0' + k / 10u % 10u);
    p[2] = (char)('0' + k % 10u);
    p[3] = '\0';
}

static uint32_t file_len(uint64_t prev, uint32_t k)
{
    uint64_t x = (prev ^ (uint64_t)k * 0x9e3779b97f4a7c15ULL) * 0xbf58476d1ce4e5b9ULL;
    return 64u + (uint32_t)((x >> 40) % (MAX_FILE - 64u + 1u));
}

static size_t file_off(uint64_t prev, uint32_t k)
{
    return (size_t)(((prev >> 7) + (uint64_t)k * 331u) % (POOL - MAX_FILE));
}

__attribute__((noinline)) static uint64_t kernel(const unsigned char *pool, unsigned char *buf,
                                                 uint64_t prev, uint64_t *bytes)
{
    char name[32];
    for (uint32_t k = 0; k < NFILES; k++) {
        file_name(name, k);
        int fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0644);
        if (fd < 0)
            nn_fail("smallfiles", "cannot create a file in " DIR_NAME);
        uint32_t len = file_len(prev, k);
        if (write(fd, pool + file_off(prev, k), len) != (ssize_t)len)
            nn_fail("smallfiles", "short write");
        if (close(fd) != 0)
            nn_fail("smallfiles", "close failed");
        *bytes += len;
    }
    uint64_t h = prev;
    for (uint32_t j = 0; j < NFILES; j++) {
        uint32_t k = (j * 37u + 11u) % NFILES; /* 37 is coprime to 32 */
        file_name(name, k);
        int fd = open(name, O_RDONLY);
        if (fd < 0)
            nn_fail("smallfiles", "cannot reopen a file");
        struct stat st;
        if (fstat(fd, &st) != 0)
            nn_fail("smallfiles", "fstat failed");
        uint32_t len = file_len(prev, k);
        if (st.st_size != (off_t)len)
            nn_fail("smallfiles", "file has the wrong size");
        if (read(fd, buf, MAX_FILE) != (ssize_t)len)
            nn_fail("smallfiles", "short read");
        if (close(fd) != 0)
            nn_fail("smallfiles", "close failed");
        if (memcmp(buf, pool + file_off(prev, k), len) != 0)
            nn_fail("smallfiles", "read back different bytes than were written");
        h = nn_fnv_bytes(h, buf, 8);
        h = nn_fnv_u64(h, len);
        *bytes += len;
    }
    for (uint32_t k = 0; k < NFILES; k++) {
        file_name(name, k);
        if (unlink(name) != 0)
            nn_fail("smallfiles", "cannot delete a file");
    }
    return h;
}

int main(int argc, char **argv)
{
    nn_size size = nn_parse_size(argc, argv, "smallfiles");
    uint32_t iterations = size == NN_QUICK ? 5 : 200;

    unsigned char *pool = malloc(POOL);
    unsigned char *buf = malloc(MAX_FILE);
    if (!pool || !buf)
        nn_fail("smallfiles", "out of memory");
    uint64_t seed = 0x13198a2e03707344ULL;
    for (size_t k = 0; k < POOL; k += 8) {
        uint64_t v = nn_rand_next(&seed);
        memcpy(pool + k, &v, 8);
    }
    if (mkdir(DIR_NAME, 0755) != 0)
        nn_fail("smallfiles", "cannot create " DIR_NAME " in the current directory");

    uint64_t checksum = NN_FNV_INIT;
    uint64_t prev = 0xa4093822299f31d0ULL;
    uint64_t bytes = 0;

    uint64_t t0 = nn_now_ns();
    for (uint32_t i = 0; i < iterations; i++) {
        prev = kernel(pool, buf, prev, &bytes);
        checksum = nn_fnv_u64(checksum, prev);
    }
    uint64_t t1 = nn_now_ns();

    if (rmdir(DIR_NAME) != 0)
        nn_fail("smallfiles", "cannot remove " DIR_NAME);
    nn_sink(prev);
    free(buf);
    free(pool);
    return nn_report_bytes("smallfiles", size, iterations, t1 - t0, checksum, bytes);
}
