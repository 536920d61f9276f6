/* nbody - category "compute": gravitational n-body simulation in doubles.
 *
 * 48 bodies with pseudo-random masses, positions and velocities interact
 * pairwise (O(n^2) per step, one sqrt and one division per pair) and are
 * advanced with a symplectic Euler step. Each kernel call advances the
 * system by 40 steps and returns its total energy; the state carries over
 * from call to call. Only + - * / and sqrt are used (all correctly rounded
 * in IEEE 754), the evaluation order is fixed by the source, and
 * -ffp-contract=off forbids fused multiply-adds, so native and wasm results
 * are bit-identical. */
#include "common/nn.h"

#include <math.h>
#include <string.h>

#define NB 48
#define STEPS 40
#define DT 0.001

typedef struct {
    double x[NB], y[NB], z[NB];
    double vx[NB], vy[NB], vz[NB];
    double m[NB];
} bodies;

static bodies S;

static uint64_t bits_of(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

static double energy(const bodies *b)
{
    double e = 0.0;
    for (int i = 0; i < NB; i++) {
        e = e + 0.5 * b->m[i] * (b->vx[i] * b->vx[i] + b->vy[i] * b->vy[i] + b->vz[i] * b->vz[i]);
        for (int j = i + 1; j < NB; j++) {
            double dx = b->x[i] - b->x[j], dy = b->y[i] - b->y[j], dz = b->z[i] - b->z[j];
            e = e - b->m[i] * b->m[j] / sqrt(dx * dx + dy * dy + dz * dz + 0.01);
        }
    }
    return e;
}

__attribute__((noinline)) static double kernel(bodies *b)
{
    for (int s = 0; s < STEPS; s++) {
        for (int i = 0; i < NB; i++) {
            double ax = 0.0, ay = 0.0, az = 0.0;
            double xi = b->x[i], yi = b->y[i], zi = b->z[i];
            for (int j = 0; j < NB; j++) {
                double dx = b->x[j] - xi, dy = b->y[j] - yi, dz = b->z[j] - zi;
                /* Softened distance: never zero, also for j == i. */
                double d2 = dx * dx + dy * dy + dz * dz + 0.01;
                double inv = b->m[j] / (d2 * sqrt(d2));
                ax = ax + dx * inv;
                ay = ay + dy * inv;
                az = az + dz * inv;
            }
            b->vx[i] = b->vx[i] + DT * ax;
            b->vy[i] = b->vy[i] + DT * ay;
            b->vz[i] = b->vz[i] + DT * az;
        }
        for (int i = 0; i < NB; i++) {
            b->x[i] = b->x[i] + DT * b->vx[i];
            b->y[i] = b->y[i] + DT * b->vy[i];
            b->z[i] = b->z[i] + DT * b->vz[i];
        }
    }
    return energy(b);
}

static double unit(uint64_t *seed)
{
    /* A multiple of 2^-20 in [-1, 1). */
    return (double)((int64_t)(nn_rand_next(seed) >> 43) - (1 << 20)) / (double)(1 << 20);
}

int main(int argc, char **argv)
{
    nn_size size = nn_parse_size(argc, argv, "nbody");
    uint32_t iterations = size == NN_QUICK ? 24 : 1000;

    uint64_t seed = 0xa54ff53a5f1d36f1ULL;
    for (int i = 0; i < NB; i++) {
        S.x[i] = 10.0 * unit(&seed);
        S.y[i] = 10.0 * unit(&seed);
        S.z[i] = 10.0 * unit(&seed);
        S.vx[i] = 0.5 * unit(&seed);
        S.vy[i] = 0.5 * unit(&seed);
        S.vz[i] = 0.5 * unit(&seed);
        S.m[i] = 1.5 + unit(&seed);
    }

    uint64_t checksum = NN_FNV_INIT;
    double e = 0.0;

    uint64_t t0 = nn_now_ns();
    for (uint32_t i = 0; i < iterations; i++) {
        e = kernel(&S);
        checksum = nn_fnv_u64(checksum, bits_of(e));
    }
    uint64_t t1 = nn_now_ns();

    if (!(e == e) || e - e != 0.0)
        nn_fail("nbody", "energy is not finite");
    checksum = nn_fnv_bytes(checksum, &S, sizeof S);
    nn_sink(bits_of(e));
    return nn_report("nbody", size, iterations, t1 - t0, checksum);
}
