/* nn.h - shared helpers for the NearNative benchmark suite.
 *
 * Every workload: parse the size argument, build its input deterministically,
 * time only the outer loop of kernel calls with the monotonic clock, hash the
 * kernel outputs into a 64-bit checksum and print exactly one JSON line. */
#ifndef NN_H
#define NN_H

#include <stddef.h>
#include <stdint.h>

typedef enum { NN_QUICK = 0, NN_FULL = 1 } nn_size;

/* argv[1] is "quick" or "full"; absent means "full". Anything else prints
 * one line to stderr and exits with status 2. */
nn_size nn_parse_size(int argc, char **argv, const char *workload);
const char *nn_size_name(nn_size size);

/* Monotonic clock in nanoseconds (CLOCK_MONOTONIC). */
uint64_t nn_now_ns(void);

/* FNV-1a 64. Start from NN_FNV_INIT; words are hashed as 8 little-endian
 * bytes so the result does not depend on the host byte order. */
#define NN_FNV_INIT 0xcbf29ce484222325ULL
uint64_t nn_fnv_bytes(uint64_t h, const void *data, size_t len);
uint64_t nn_fnv_u64(uint64_t h, uint64_t word);

/* xorshift64* pseudo-random generator; the state must never be zero. */
uint64_t nn_rand_next(uint64_t *state);

/* Store into a volatile global so the compiler must materialise a value. */
void nn_sink(uint64_t value);

/* Print the result line and flush stdout; exits with status 1 if stdout
 * cannot be written. Returns 0 so main can `return nn_report(...)`. */
int nn_report(const char *workload, nn_size size, uint32_t iterations,
              uint64_t kernel_ns, uint64_t checksum);

/* The same for workloads in the io category: `bytes` (bytes moved through
 * the file system by all kernel calls, written plus read) follows the
 * checksum. */
int nn_report_bytes(const char *workload, nn_size size, uint32_t iterations,
                    uint64_t kernel_ns, uint64_t checksum, uint64_t bytes);

/* One line to stderr, exit status 1. */
void nn_fail(const char *workload, const char *message)
    __attribute__((noreturn));

#endif
