/* nn.c - shared helpers for the NearNative benchmark suite. */
#define _POSIX_C_SOURCE 200809L

#include "nn.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

nn_size nn_parse_size(int argc, char **argv, const char *workload)
{
    if (argc == 1)
        return NN_FULL;
    if (argc == 2) {
        if (strcmp(argv[1], "quick") == 0)
            return NN_QUICK;
        if (strcmp(argv[1], "full") == 0)
            return NN_FULL;
    }
    fprintf(stderr, "%s: usage: %s [quick|full]\n", workload, workload);
    exit(2);
}

const char *nn_size_name(nn_size size)
{
    return size == NN_QUICK ? "quick" : "full";
}

uint64_t nn_now_ns(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
        nn_fail("nn", "clock_gettime(CLOCK_MONOTONIC) failed");
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

uint64_t nn_fnv_bytes(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

uint64_t nn_fnv_u64(uint64_t h, uint64_t word)
{
    for (int i = 0; i < 8; i++) {
        h ^= (word >> (8 * i)) & 0xff;
        h *= 0x100000001b3ULL;
    }
    return h;
}

uint64_t nn_rand_next(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545f4914f6cdd1dULL;
}

static volatile uint64_t nn_sink_slot;

void nn_sink(uint64_t value)
{
    nn_sink_slot = value;
}

int nn_report(const char *workload, nn_size size, uint32_t iterations,
              uint64_t kernel_ns, uint64_t checksum)
{
    printf("{\"workload\":\"%s\",\"size\":\"%s\",\"iterations\":%" PRIu32
           ",\"kernel_ns\":%" PRIu64 ",\"checksum\":\"%016" PRIx64 "\"}\n",
           workload, nn_size_name(size), iterations, kernel_ns, checksum);
    if (fflush(stdout) != 0 || ferror(stdout))
        nn_fail(workload, "cannot write the result line to stdout");
    return 0;
}

int nn_report_bytes(const char *workload, nn_size size, uint32_t iterations,
                    uint64_t kernel_ns, uint64_t checksum, uint64_t bytes)
{
    printf("{\"workload\":\"%s\",\"size\":\"%s\",\"iterations\":%" PRIu32
           ",\"kernel_ns\":%" PRIu64 ",\"checksum\":\"%016" PRIx64 "\",\"bytes\":%" PRIu64 "}\n",
           workload, nn_size_name(size), iterations, kernel_ns, checksum, bytes);
    if (fflush(stdout) != 0 || ferror(stdout))
        nn_fail(workload, "cannot write the result line to stdout");
    return 0;
}

void nn_fail(const char *workload, const char *message)
{
    fprintf(stderr, "%s: error: %s\n", workload, message);
    exit(1);
}
