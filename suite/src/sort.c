/* sort - category "branchy": sorting records with an unpredictable comparator.
 *
 * 32 Ki records (a 64-bit key and a 32-bit payload) are sorted with our own
 * introsort-style quicksort (median of three, insertion sort for small
 * ranges, heapsort if recursion gets too deep), so libc's qsort, which differs
 * between glibc and wasi-libc, plays no part. The comparator orders by a
 * per-call rotation of the key and breaks ties by payload, so every
 * comparison branches on pseudo-random data and the branch predictor is
 * right only about half of the time. Each call sorts a fresh copy of the
 * base array whose keys are perturbed by the previous call's result. */
#include "common/nn.h"

#include <stdlib.h>
#include <string.h>

#define NREC (1u << 15)

typedef struct {
    uint64_t key;
    uint32_t payload;
    uint32_t pad;
} rec;

typedef struct {
    unsigned rot;
} order;

static inline uint64_t rotl(uint64_t x, unsigned r)
{
    return r ? (x << r) | (x >> (64 - r)) : x;
}

/* Strict weak ordering: rotated key first, then payload. */
static inline int less(const order *o, const rec *a, const rec *b)
{
    uint64_t ka = rotl(a->key, o->rot), kb = rotl(b->key, o->rot);
    if (ka != kb)
        return ka < kb;
    return a->payload < b->payload;
}

static inline void swap(rec *a, rec *b)
{
    rec t = *a;
    *a = *b;
    *b = t;
}

static void insertion_sort(const order *o, rec *v, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        rec x = v[i];
        size_t j = i;
        while (j > 0 && less(o, &x, &v[j - 1])) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

static void sift_down(const order *o, rec *v, size_t root, size_t n)
{
    for (;;) {
        size_t child = 2 * root + 1;
        if (child >= n)
            return;
        if (child + 1 < n && less(o, &v[child], &v[child + 1]))
            child++;
        if (!less(o, &v[root], &v[child]))
            return;
        swap(&v[root], &v[child]);
        root = child;
    }
}

static void heap_sort(const order *o, rec *v, size_t n)
{
    for (size_t i = n / 2; i-- > 0;)
        sift_down(o, v, i, n);
    for (size_t end = n; end-- > 1;) {
        swap(&v[0], &v[end]);
        sift_down(o, v, 0, end);
    }
}

static void quick_sort(const order *o, rec *v, size_t n, int depth)
{
    while (n > 16) {
        if (depth-- == 0) {
            heap_sort(o, v, n);
            return;
        }
        /* Median of three moved to v[0] as the pivot. */
        size_t mid = n / 2;
        if (less(o, &v[mid], &v[0]))
            swap(&v[mid], &v[0]);
        if (less(o, &v[n - 1], &v[mid]))
            swap(&v[n - 1], &v[mid]);
        if (less(o, &v[mid], &v[0]))
            swap(&v[mid], &v[0]);
        swap(&v[0], &v[mid]);
        rec pivot = v[0];
        /* Hoare partition. */
        size_t i = 0, j = n;
        for (;;) {
            do
                i++;
            while (i < n && less(o, &v[i], &pivot));
            do
                j--;
            while (less(o, &pivot, &v[j]));
            if (i >= j)
                break;
            swap(&v[i], &v[j]);
        }
        swap(&v[0], &v[j]);
        /* Recurse into the smaller side, loop on the larger. */
        if (j < n - j - 1) {
            quick_sort(o, v, j, depth);
            v += j + 1;
            n -= j + 1;
        } else {
            quick_sort(o, v + j + 1, n - j - 1, depth);
            n = j;
        }
    }
    insertion_sort(o, v, n);
}

/* Sorts a perturbed copy of `base` into `work`; returns a digest of the
 * sorted order. */
__attribute__((noinline)) static uint64_t kernel(const rec *base, rec *work, uint64_t prev)
{
    order o = {(unsigned)(prev % 61u) + 1u};
    for (size_t i = 0; i < NREC; i++) {
        work[i] = base[i];
        work[i].key ^= prev & 0xffffu; /* low bits only, so duplicates survive */
    }
    quick_sort(&o, work, NREC, 64);
    uint64_t h = NN_FNV_INIT;
    for (size_t i = 0; i < NREC; i += 97)
        h = nn_fnv_u64(h, work[i].payload);
    for (size_t i = 1; i < NREC; i++)
        if (less(&o, &work[i], &work[i - 1]))
            nn_fail("sort", "output is not sorted");
    return h;
}

int main(int argc, char **argv)
{
    nn_size size = nn_parse_size(argc, argv, "sort");
    uint32_t iterations = size == NN_QUICK ? 8 : 240;

    rec *base = malloc(NREC * sizeof *base);
    rec *work = malloc(NREC * sizeof *work);
    if (!base || !work)
        nn_fail("sort", "out of memory");
    uint64_t seed = 0x510e527fade682d1ULL;
    for (uint32_t i = 0; i < NREC; i++) {
        uint64_t r = nn_rand_next(&seed);
        /* Every 8th key repeats an earlier one, so ties are exercised too. */
        if (i % 8u == 7u)
            r = base[(r >> 40) % i].key;
        base[i] = (rec){r, i, 0};
    }

    uint64_t checksum = NN_FNV_INIT;
    uint64_t prev = 0x1f83d9abfb41bd6bULL;

    uint64_t t0 = nn_now_ns();
    for (uint32_t i = 0; i < iterations; i++) {
        prev = kernel(base, work, prev);
        checksum = nn_fnv_u64(checksum, prev);
    }
    uint64_t t1 = nn_now_ns();

    nn_sink(prev);
    free(work);
    free(base);
    return nn_report("sort", size, iterations, t1 - t0, checksum);
}
