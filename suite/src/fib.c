/* fib - category "compute": deep recursion.
 *
 * A generalised Fibonacci recurrence, g(0) = a, g(1) = b,
 * g(n) = g(n-1) + g(n-2) (mod 2^64), evaluated by naive double recursion, so
 * the cost is dominated by call/return, argument passing and stack traffic.
 * Each kernel call uses different seeds (a, b), the previous result feeds the
 * next call, and the depth varies between calls, so no call can be hoisted
 * or merged. */
#include "common/nn.h"

#define DEPTH_BASE 28u /* depths 28, 29, 30 in turn: about 1.7 M calls on average */

__attribute__((noinline)) static uint64_t gfib(uint32_t n, uint64_t a, uint64_t b)
{
    if (n == 0)
        return a;
    if (n == 1)
        return b;
    return gfib(n - 1, a, b) + gfib(n - 2, a, b);
}

__attribute__((noinline)) static uint64_t kernel(uint32_t n, uint64_t a, uint64_t b)
{
    return gfib(n, a, b);
}

int main(int argc, char **argv)
{
    nn_size size = nn_parse_size(argc, argv, "fib");
    uint32_t iterations = size == NN_QUICK ? 6 : 180;

    uint64_t seed = 0x9e3779b97f4a7c15ULL;
    uint64_t prev = nn_rand_next(&seed);
    uint64_t checksum = NN_FNV_INIT;

    uint64_t t0 = nn_now_ns();
    for (uint32_t i = 0; i < iterations; i++) {
        uint32_t n = DEPTH_BASE + i % 3u;
        uint64_t a = (uint64_t)i * 0x9e3779b97f4a7c15ULL;
        uint64_t r = kernel(n, a, prev);
        checksum = nn_fnv_u64(checksum, r);
        prev = r;
    }
    uint64_t t1 = nn_now_ns();

    nn_sink(prev);
    return nn_report("fib", size, iterations, t1 - t0, checksum);
}
