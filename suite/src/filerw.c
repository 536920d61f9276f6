/* filerw - category "io": large sequential file write and read-back.
 *
 * Each kernel call writes a 16 MiB file (4 MiB for `quick`) in 64 KiB chunks with write(2) (one
 * WASI fd_write per chunk), closes it, reopens it, reads it back in 64 KiB
 * chunks, verifies every byte against what was written and hashes the head
 * of every chunk. The file is truncated and rewritten by every call and
 * deleted at the end. Chunk contents come from a pseudo-random pool at
 * offsets that depend on the previous call's result.
 *
 * Scratch-directory contract: the process's current working directory is
 * the scratch directory; only the relative path "nn-filerw.tmp" is used. A
 * wasm runtime must preopen the host's scratch directory as the guest
 * directory ".". */
#define _POSIX_C_SOURCE 200809L

#include "common/nn.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FILE_NAME "nn-filerw.tmp"
#define CHUNK (64u << 10)
#define POOL (1u << 20)

static void write_all(int fd, const unsigned char *p, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n <= 0)
            nn_fail("filerw", "write failed");
        p += n;
        len -= (size_t)n;
    }
}

static void read_all(int fd, unsigned char *p, size_t len)
{
    while (len > 0) {
        ssize_t n = read(fd, p, len);
        if (n <= 0)
            nn_fail("filerw", "read failed or file too short");
        p += n;
        len -= (size_t)n;
    }
}

static size_t chunk_offset(uint64_t prev, uint32_t c)
{
    return (size_t)((prev + (uint64_t)c * 4099u) % (POOL - CHUNK + 1u));
}

__attribute__((noinline)) static uint64_t kernel(const unsigned char *pool, unsigned char *buf,
                                                 uint32_t file_size, uint64_t prev)
{
    int fd = open(FILE_NAME, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0)
        nn_fail("filerw", "cannot create " FILE_NAME " in the current directory");
    for (uint32_t c = 0; c < file_size / CHUNK; c++)
        write_all(fd, pool + chunk_offset(prev, c), CHUNK);
    if (close(fd) != 0)
        nn_fail("filerw", "close failed");

    fd = open(FILE_NAME, O_RDONLY);
    if (fd < 0)
        nn_fail("filerw", "cannot reopen " FILE_NAME);
    uint64_t h = prev;
    for (uint32_t c = 0; c < file_size / CHUNK; c++) {
        read_all(fd, buf, CHUNK);
        if (memcmp(buf, pool + chunk_offset(prev, c), CHUNK) != 0)
            nn_fail("filerw", "read back different bytes than were written");
        h = nn_fnv_bytes(h, buf, 16);
    }
    unsigned char extra;
    if (read(fd, &extra, 1) != 0)
        nn_fail("filerw", "file is longer than what was written");
    if (close(fd) != 0)
        nn_fail("filerw", "close failed");
    return h;
}

int main(int argc, char **argv)
{
    nn_size size = nn_parse_size(argc, argv, "filerw");
    uint32_t iterations = size == NN_QUICK ? 4 : 40;
    uint32_t file_size = size == NN_QUICK ? 4u << 20 : 16u << 20;

    unsigned char *pool = malloc(POOL);
    unsigned char *buf = malloc(CHUNK);
    if (!pool || !buf)
        nn_fail("filerw", "out of memory");
    uint64_t seed = 0x1f83d9abfb41bd6bULL;
    for (size_t k = 0; k < POOL; k += 8) {
        uint64_t v = nn_rand_next(&seed);
        memcpy(pool + k, &v, 8); /* little-endian on both targets */
    }

    uint64_t checksum = NN_FNV_INIT;
    uint64_t prev = 0x243f6a8885a308d3ULL;

    uint64_t t0 = nn_now_ns();
    for (uint32_t i = 0; i < iterations; i++) {
        prev = kernel(pool, buf, file_size, prev);
        checksum = nn_fnv_u64(checksum, prev);
    }
    uint64_t t1 = nn_now_ns();

    if (unlink(FILE_NAME) != 0)
        nn_fail("filerw", "cannot delete " FILE_NAME);
    nn_sink(prev);
    free(buf);
    free(pool);
    return nn_report_bytes("filerw", size, iterations, t1 - t0, checksum,
                           (uint64_t)iterations * file_size * 2u);
}
