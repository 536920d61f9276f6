/* alloc - category "memory": allocation-heavy code.
 *
 * Each kernel call (1) builds a complete binary tree of depth 12 (8 191
 * nodes, one malloc each), walks it and frees it bottom-up, and (2) allocates
 * 8 000 small blocks of 8-263 bytes, fills and links them, then frees them in
 * a pseudo-random order while occasionally reallocating survivors, so the
 * allocator's free lists see fragmentation and reuse. This is the libc
 * allocator at work: glibc's malloc natively, wasi-libc's dlmalloc in wasm
 * (plus memory.grow while the heap first grows), just as a real program
 * would get on each side. */
#include "common/nn.h"

#include <stdlib.h>
#include <string.h>

#define TREE_DEPTH 12
#define SMALL_BLOCKS 8000u

typedef struct node {
    struct node *left, *right;
    uint32_t value;
} node;

static node *tree_build(uint32_t depth, uint32_t value)
{
    node *n = malloc(sizeof *n);
    if (!n)
        nn_fail("alloc", "out of memory");
    n->value = value;
    if (depth == 0) {
        n->left = n->right = NULL;
    } else {
        n->left = tree_build(depth - 1, value * 2u + 1u);
        n->right = tree_build(depth - 1, value * 2u + 2u);
    }
    return n;
}

static uint64_t tree_check(const node *n)
{
    uint64_t s = n->value;
    if (n->left)
        s += tree_check(n->left) * 3u - tree_check(n->right);
    return s;
}

static void tree_free(node *n)
{
    if (n->left) {
        tree_free(n->left);
        tree_free(n->right);
    }
    free(n);
}

typedef struct block {
    struct block *next;
    uint32_t len;
    unsigned char data[];
} block;

__attribute__((noinline)) static uint64_t kernel(uint64_t prev, block **slots, const uint32_t *perm)
{
    uint64_t h = prev;

    node *root = tree_build(TREE_DEPTH, (uint32_t)prev & 0xffu);
    h = h * 31u + tree_check(root);
    tree_free(root);

    uint64_t rng = prev | 1u;
    block *list = NULL;
    for (uint32_t i = 0; i < SMALL_BLOCKS; i++) {
        uint32_t len = 8u + (uint32_t)(nn_rand_next(&rng) >> 56); /* 8..263 */
        block *b = malloc(sizeof *b + len);
        if (!b)
            nn_fail("alloc", "out of memory");
        b->len = len;
        memset(b->data, (int)(i & 0xffu), len);
        b->next = list;
        list = b;
        slots[i] = b;
    }
    uint64_t sum = 0;
    for (const block *b = list; b; b = b->next)
        sum += b->len + b->data[b->len - 1];
    h = h * 31u + sum;

    /* Free in a scrambled order; every 8th survivor first grows. */
    uint32_t rot = (uint32_t)(prev % SMALL_BLOCKS);
    for (uint32_t k = 0; k < SMALL_BLOCKS; k++) {
        uint32_t i = perm[(k + rot) % SMALL_BLOCKS];
        block *b = slots[i];
        if (k % 8u == 0u) {
            uint32_t len = b->len * 2u;
            block *g = realloc(b, sizeof *g + len);
            if (!g)
                nn_fail("alloc", "out of memory");
            memset(g->data + g->len, 0x5a, len - g->len);
            g->len = len;
            h += g->data[len - 1] + g->data[0];
            b = g;
        }
        free(b);
        slots[i] = NULL;
    }
    return h;
}

int main(int argc, char **argv)
{
    nn_size size = nn_parse_size(argc, argv, "alloc");
    uint32_t iterations = size == NN_QUICK ? 8 : 300;

    block **slots = calloc(SMALL_BLOCKS, sizeof *slots);
    uint32_t *perm = malloc(SMALL_BLOCKS * sizeof *perm);
    if (!slots || !perm)
        nn_fail("alloc", "out of memory");
    /* A fixed pseudo-random permutation (Fisher-Yates). */
    uint64_t seed = 0xcbbb9d5dc1059ed8ULL;
    for (uint32_t i = 0; i < SMALL_BLOCKS; i++)
        perm[i] = i;
    for (uint32_t i = SMALL_BLOCKS - 1; i > 0; i--) {
        uint32_t j = (uint32_t)(nn_rand_next(&seed) % (i + 1u));
        uint32_t t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }

    uint64_t checksum = NN_FNV_INIT;
    uint64_t prev = 0x629a292a367cd507ULL;

    uint64_t t0 = nn_now_ns();
    for (uint32_t i = 0; i < iterations; i++) {
        prev = kernel(prev, slots, perm);
        checksum = nn_fnv_u64(checksum, prev);
    }
    uint64_t t1 = nn_now_ns();

    nn_sink(prev);
    free(perm);
    free(slots);
    return nn_report("alloc", size, iterations, t1 - t0, checksum);
}
