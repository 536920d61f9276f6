/* hashtable - category "memory": open addressing with linear probing.
 *
 * A table of 2^18 slots (4 MiB: 64-bit key, 32-bit value, 32-bit generation
 * stamp per slot) larger than the L2 cache. Each kernel call starts a new
 * generation (a slot whose stamp is old counts as empty, so nothing is
 * cleared), inserts 30 000 pseudo-random keys (about 11% load, some keys
 * repeat and update in place), then looks up 60 000 keys of which half were
 * inserted in this call and half were not. Stresses random access to a large
 * array, cache and TLB misses, 64-bit multiply hashing and short
 * data-dependent probe loops. */
#include "common/nn.h"

#include <stdlib.h>

#define SLOTS_LOG2 18
#define SLOTS (1u << SLOTS_LOG2)
#define INSERTS 30000u
#define LOOKUPS 60000u
#define POOL (1u << 20) /* pre-generated random keys */

typedef struct {
    uint64_t key;
    uint32_t value;
    uint32_t gen;
} slot;

static inline uint32_t hash_key(uint64_t k)
{
    k ^= k >> 29;
    k *= 0xbf58476d1ce4e5b9ULL;
    k ^= k >> 32;
    return (uint32_t)(k >> (64 - SLOTS_LOG2));
}

/* Inserts or updates; returns 1 if the key was new. */
static inline int put(slot *t, uint32_t gen, uint64_t key, uint32_t value)
{
    uint32_t i = hash_key(key);
    for (;;) {
        slot *s = &t[i];
        if (s->gen != gen) {
            s->key = key;
            s->value = value;
            s->gen = gen;
            return 1;
        }
        if (s->key == key) {
            s->value += value;
            return 0;
        }
        i = (i + 1) & (SLOTS - 1);
    }
}

static inline const slot *get(const slot *t, uint32_t gen, uint64_t key)
{
    uint32_t i = hash_key(key);
    for (;;) {
        const slot *s = &t[i];
        if (s->gen != gen)
            return NULL;
        if (s->key == key)
            return s;
        i = (i + 1) & (SLOTS - 1);
    }
}

/* One generation: inserts, then hit and miss lookups. */
__attribute__((noinline)) static uint64_t kernel(slot *t, uint32_t gen, const uint64_t *pool,
                                                 uint64_t prev)
{
    uint32_t start = (uint32_t)(prev % POOL);
    uint64_t fresh = 0, found = 0, sum = 0;
    for (uint32_t k = 0; k < INSERTS; k++) {
        /* Every 16th key repeats a key from earlier in this call. */
        uint32_t idx = (k % 16u == 15u) ? start + (k * 7u) % (k + 1u) : start + k;
        fresh += (uint64_t)put(t, gen, pool[idx % POOL], k);
    }
    for (uint32_t k = 0; k < LOOKUPS; k++) {
        /* Even k: a key inserted above; odd k: one from outside the range. */
        uint32_t idx = (k & 1u) ? start + INSERTS + k : start + (k * 2654435761u) % INSERTS;
        const slot *s = get(t, gen, pool[idx % POOL]);
        if (s) {
            found++;
            sum += s->value;
        }
    }
    return (fresh << 40) ^ (found << 20) ^ sum;
}

int main(int argc, char **argv)
{
    nn_size size = nn_parse_size(argc, argv, "hashtable");
    uint32_t iterations = size == NN_QUICK ? 12 : 400;

    slot *table = calloc(SLOTS, sizeof *table);
    uint64_t *pool = malloc(POOL * sizeof *pool);
    if (!table || !pool)
        nn_fail("hashtable", "out of memory");
    uint64_t seed = 0x9b05688c2b3e6c1fULL;
    for (uint32_t i = 0; i < POOL; i++)
        pool[i] = nn_rand_next(&seed);
    /* Touch the whole table once so page faults stay outside the timing. */
    for (uint32_t i = 0; i < SLOTS; i++)
        table[i].gen = 0;

    uint64_t checksum = NN_FNV_INIT;
    uint64_t prev = 0x5be0cd19137e2179ULL;

    uint64_t t0 = nn_now_ns();
    for (uint32_t i = 0; i < iterations; i++) {
        prev = kernel(table, i + 1u, pool, prev) * 0x9e3779b97f4a7c15ULL + i;
        checksum = nn_fnv_u64(checksum, prev);
    }
    uint64_t t1 = nn_now_ns();

    nn_sink(prev);
    free(pool);
    free(table);
    return nn_report("hashtable", size, iterations, t1 - t0, checksum);
}
