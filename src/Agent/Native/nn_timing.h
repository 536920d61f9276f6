/* nn_timing.h - what the instance-start helpers (nn-wasmtime instances, nn-spawn) share: the clock, the
 * counts on their command lines, and the JSON arrays of nanoseconds they print. Header-only: each helper
 * is one translation unit. */
#ifndef NN_TIMING_H
#define NN_TIMING_H

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* The most starts, warm-ups or live instances one command may ask for. */
#define NN_MAX_COUNT 1000000L

static inline uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* A count from the command line: a whole number from 0 to NN_MAX_COUNT; -1 otherwise. */
static inline int parse_count(const char *text, long *value)
{
    char *end = NULL;
    errno = 0;
    long parsed = strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || parsed < 0 || parsed > NN_MAX_COUNT)
        return -1;
    *value = parsed;
    return 0;
}

/* "name":[t0,t1,...] without surrounding braces. */
static inline void print_times(const char *name, const uint64_t *times, long count)
{
    printf("\"%s\":[", name);
    for (long i = 0; i < count; i++)
        printf(i == 0 ? "%" PRIu64 : ",%" PRIu64, times[i]);
    printf("]");
}

#endif
