/* matmul - category "compute": dense double-precision matrix multiply.
 *
 * C = A * B for 128x128 matrices of doubles in row-major order, with the
 * i-k-j loop order so the innermost loop streams rows of B and C and
 * vectorises to 128-bit SIMD (SSE2 natively, simd128 in wasm). Only + and *
 * are used, every C[i][j] is accumulated in the same order in every build,
 * and -ffp-contract=off forbids fused multiply-adds, so native and wasm
 * results are bit-identical. After each call one element of A is replaced by
 * a value derived from the result, so every call multiplies different
 * matrices and depends on the one before. */
#include "common/nn.h"

#include <string.h>

#define N 128

static double A[N * N], B[N * N], C[N * N];

static uint64_t bits_of(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

/* Returns the trace of C = A * B. */
__attribute__((noinline)) static double kernel(const double *a, const double *b, double *c)
{
    for (int i = 0; i < N; i++) {
        double *ci = c + i * N;
        for (int j = 0; j < N; j++)
            ci[j] = 0.0;
        for (int k = 0; k < N; k++) {
            double aik = a[i * N + k];
            const double *bk = b + k * N;
            for (int j = 0; j < N; j++)
                ci[j] = ci[j] + aik * bk[j];
        }
    }
    double trace = 0.0;
    for (int i = 0; i < N; i++)
        trace = trace + c[i * N + i];
    return trace;
}

int main(int argc, char **argv)
{
    nn_size size = nn_parse_size(argc, argv, "matmul");
    uint32_t iterations = size == NN_QUICK ? 24 : 640;

    /* Entries are multiples of 1/1024 in [-1, 1): exactly representable. */
    uint64_t seed = 0x3c6ef372fe94f82bULL;
    for (int k = 0; k < N * N; k++) {
        A[k] = (double)((int64_t)(nn_rand_next(&seed) >> 53) - 1024) / 1024.0;
        B[k] = (double)((int64_t)(nn_rand_next(&seed) >> 53) - 1024) / 1024.0;
    }

    uint64_t checksum = NN_FNV_INIT;
    double trace = 0.0;

    uint64_t t0 = nn_now_ns();
    for (uint32_t i = 0; i < iterations; i++) {
        trace = kernel(A, B, C);
        checksum = nn_fnv_u64(checksum, bits_of(trace));
        checksum = nn_fnv_u64(checksum, bits_of(C[(i * 2654435761u) % (N * N)]));
        /* Feed the result back: a bounded value derived from the trace. */
        uint32_t slot = (i * 40503u + 17u) % (N * N);
        A[slot] = trace / (double)(N * N) + (double)(i % 7u) * 0.125;
    }
    uint64_t t1 = nn_now_ns();

    checksum = nn_fnv_bytes(checksum, C, sizeof C);
    nn_sink(bits_of(trace));
    return nn_report("matmul", size, iterations, t1 - t0, checksum);
}
