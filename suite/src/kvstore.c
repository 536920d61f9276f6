/* kvstore - category "realistic": an ordered key-value store.
 *
 * A skip list (up to 20 levels, branching factor 4) maps string keys such
 * as "tenant07/user/0001a2b3/profile" to variable-length byte values. Each
 * kernel call applies the next 2 048 operations of a pre-generated stream
 * over 65 536 possible keys with a skewed popularity: 60% puts (insert, or
 * overwrite with a value of a new length via realloc), 30% gets (hashing the
 * value found or noting a miss) and 10% deletes; a get in every 64th slot
 * of the stream also scans the next 16 entries. Before timing, the store is
 * loaded with half of the keys (32 768 entries, in scattered order), so quick
 * and full runs work on a store of the same size; it persists from call to
 * call. Stresses pointer chasing through a structure far larger than L1,
 * string comparisons with long common prefixes, and malloc/realloc/free of
 * keys and values. */
#include "common/nn.h"

#include <stdlib.h>
#include <string.h>

#define MAX_LEVEL 20
#define NKEYS 65536u
#define OPS_PER_CALL 2048u
#define NOPS (1u << 20)
#define MAX_VALUE 256u

typedef struct sl_node {
    char *key;
    uint8_t *value;
    uint32_t key_len, value_len;
    uint32_t level;
    struct sl_node *next[]; /* `level` forward pointers */
} sl_node;

typedef struct {
    sl_node *head;
    uint32_t level;
    uint32_t count;
    uint64_t rng;
} skiplist;

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p)
        nn_fail("kvstore", "out of memory");
    return p;
}

static int key_cmp(const char *a, uint32_t al, const char *b, uint32_t bl)
{
    int c = memcmp(a, b, al < bl ? al : bl);
    return c ? c : (al > bl) - (al < bl);
}

static uint32_t random_level(skiplist *s)
{
    uint32_t lvl = 1;
    uint64_t r = nn_rand_next(&s->rng);
    while (lvl < MAX_LEVEL && (r & 3u) == 0u) {
        lvl++;
        r >>= 2;
    }
    return lvl;
}

static void sl_init(skiplist *s)
{
    s->head = xmalloc(sizeof(sl_node) + MAX_LEVEL * sizeof(sl_node *));
    memset(s->head, 0, sizeof(sl_node) + MAX_LEVEL * sizeof(sl_node *));
    s->head->level = MAX_LEVEL;
    s->level = 1;
    s->count = 0;
    s->rng = 0x6c62272e07bb0142ULL;
}

/* Finds the last node before `key` on every level. */
static sl_node *sl_find(const skiplist *s, const char *key, uint32_t kl, sl_node **update)
{
    sl_node *x = s->head;
    for (int l = (int)s->level - 1; l >= 0; l--) {
        while (x->next[l] && key_cmp(x->next[l]->key, x->next[l]->key_len, key, kl) < 0)
            x = x->next[l];
        if (update)
            update[l] = x;
    }
    return x->next[0];
}

static void sl_put(skiplist *s, const char *key, uint32_t kl, const uint8_t *v, uint32_t vl)
{
    sl_node *update[MAX_LEVEL];
    sl_node *x = sl_find(s, key, kl, update);
    if (x && key_cmp(x->key, x->key_len, key, kl) == 0) {
        if (x->value_len != vl) {
            uint8_t *nv = realloc(x->value, vl);
            if (!nv)
                nn_fail("kvstore", "out of memory");
            x->value = nv;
            x->value_len = vl;
        }
        memcpy(x->value, v, vl);
        return;
    }
    uint32_t lvl = random_level(s);
    if (lvl > s->level) {
        for (uint32_t l = s->level; l < lvl; l++)
            update[l] = s->head;
        s->level = lvl;
    }
    sl_node *n = xmalloc(sizeof(sl_node) + lvl * sizeof(sl_node *));
    n->key = xmalloc(kl);
    memcpy(n->key, key, kl);
    n->key_len = kl;
    n->value = xmalloc(vl);
    memcpy(n->value, v, vl);
    n->value_len = vl;
    n->level = lvl;
    for (uint32_t l = 0; l < lvl; l++) {
        n->next[l] = update[l]->next[l];
        update[l]->next[l] = n;
    }
    s->count++;
}

static const sl_node *sl_get(const skiplist *s, const char *key, uint32_t kl)
{
    const sl_node *x = sl_find(s, key, kl, NULL);
    return x && key_cmp(x->key, x->key_len, key, kl) == 0 ? x : NULL;
}

static int sl_delete(skiplist *s, const char *key, uint32_t kl)
{
    sl_node *update[MAX_LEVEL];
    sl_node *x = sl_find(s, key, kl, update);
    if (!x || key_cmp(x->key, x->key_len, key, kl) != 0)
        return 0;
    for (uint32_t l = 0; l < x->level; l++)
        update[l]->next[l] = x->next[l];
    while (s->level > 1 && !s->head->next[s->level - 1])
        s->level--;
    free(x->key);
    free(x->value);
    free(x);
    s->count--;
    return 1;
}

static void sl_free(skiplist *s)
{
    sl_node *x = s->head->next[0];
    while (x) {
        sl_node *n = x->next[0];
        free(x->key);
        free(x->value);
        free(x);
        x = n;
    }
    free(s->head);
}

/* --- operation stream ------------------------------------------------------ */

enum { OP_PUT, OP_GET, OP_DEL };

typedef struct {
    uint32_t key;     /* index into the key table */
    uint16_t vlen;    /* OP_PUT */
    uint8_t op;
    uint8_t pad;
} kv_op;

typedef struct {
    char text[40];
    uint32_t len;
} kv_key;

static void hex8(char *o, uint32_t v)
{
    for (int i = 7; i >= 0; i--) {
        o[i] = "0123456789abcdef"[v & 15u];
        v >>= 4;
    }
}

static void make_keys(kv_key *keys)
{
    static const char *const kinds[] = {"profile", "session", "cart", "settings"};
    for (uint32_t i = 0; i < NKEYS; i++) {
        char *o = keys[i].text;
        uint32_t n = 0;
        memcpy(o, "tenant", 6);
        n = 6;
        o[n++] = (char)('0' + i % 10u);
        o[n++] = (char)('0' + i / 10u % 10u);
        memcpy(o + n, "/user/", 6);
        n += 6;
        hex8(o + n, (i * 2654435761u) >> 4);
        n += 8;
        o[n++] = '/';
        const char *k = kinds[i % 4u];
        size_t kl = strlen(k);
        memcpy(o + n, k, kl);
        n += (uint32_t)kl;
        keys[i].len = n;
    }
}

static void make_ops(kv_op *ops)
{
    uint64_t seed = 0x85ebca6b27d4eb4fULL;
    for (uint32_t i = 0; i < NOPS; i++) {
        uint64_t r = nn_rand_next(&seed);
        uint32_t sel = (uint32_t)(r % 10u);
        /* Skewed popularity: min of two uniforms favours small indices. */
        uint32_t a = (uint32_t)(r >> 16) % NKEYS, b = (uint32_t)(r >> 40) % NKEYS;
        ops[i].key = a < b ? a : b;
        ops[i].op = sel < 6u ? OP_PUT : sel < 9u ? OP_GET : OP_DEL;
        ops[i].vlen = (uint16_t)(8u + (uint32_t)(r >> 4) % (MAX_VALUE - 8u));
        ops[i].pad = 0;
    }
}

__attribute__((noinline)) static uint64_t kernel(skiplist *s, const kv_key *keys, const kv_op *ops,
                                                 const uint8_t *pool, uint32_t first, uint64_t prev)
{
    uint64_t h = prev;
    uint32_t misses = 0, deleted = 0;
    for (uint32_t k = 0; k < OPS_PER_CALL; k++) {
        const kv_op *op = &ops[(first + k) % NOPS];
        const kv_key *key = &keys[op->key];
        switch (op->op) {
        case OP_PUT:
            sl_put(s, key->text, key->len, pool + ((h >> 3) & 1023u), op->vlen);
            break;
        case OP_GET: {
            const sl_node *n = sl_get(s, key->text, key->len);
            if (!n) {
                misses++;
                break;
            }
            h = nn_fnv_bytes(h, n->value, 8);
            h = nn_fnv_u64(h, n->value_len);
            if (k % 64u == 0u) { /* a short range scan from here */
                for (int j = 0; j < 16 && n; j++, n = n->next[0])
                    h += n->key_len + n->value[n->value_len - 1];
            }
            break;
        }
        default:
            deleted += (uint32_t)sl_delete(s, key->text, key->len);
        }
    }
    return h ^ ((uint64_t)misses << 32) ^ ((uint64_t)deleted << 48) ^ s->count;
}

int main(int argc, char **argv)
{
    nn_size size = nn_parse_size(argc, argv, "kvstore");
    uint32_t iterations = size == NN_QUICK ? 3 : 120;

    kv_key *keys = xmalloc(NKEYS * sizeof *keys);
    kv_op *ops = xmalloc(NOPS * sizeof *ops);
    uint8_t *pool = xmalloc(1024u + MAX_VALUE);
    make_keys(keys);
    make_ops(ops);
    uint64_t seed = 0xc2b2ae3d27d4eb4fULL;
    for (uint32_t i = 0; i < 1024u + MAX_VALUE; i++)
        pool[i] = (uint8_t)(nn_rand_next(&seed) >> 56);

    skiplist s;
    sl_init(&s);
    for (uint32_t j = 0; j < NKEYS / 2u; j++) {
        uint32_t k = (j * 40503u) % NKEYS; /* scattered, so nodes are not laid out in key order */
        sl_put(&s, keys[k].text, keys[k].len, pool + k % 1024u, 8u + k % (MAX_VALUE - 8u));
    }
    uint64_t checksum = NN_FNV_INIT;
    uint64_t prev = 0x27d4eb2f165667c5ULL;

    uint64_t t0 = nn_now_ns();
    for (uint32_t i = 0; i < iterations; i++) {
        prev = kernel(&s, keys, ops, pool, i * OPS_PER_CALL, prev);
        checksum = nn_fnv_u64(checksum, prev);
    }
    uint64_t t1 = nn_now_ns();

    /* The final contents, in key order, are part of the result. */
    uint32_t walked = 0;
    const sl_node *prevn = NULL;
    for (const sl_node *n = s.head->next[0]; n; prevn = n, n = n->next[0], walked++) {
        if (prevn && key_cmp(prevn->key, prevn->key_len, n->key, n->key_len) >= 0)
            nn_fail("kvstore", "skip list out of order");
        checksum = nn_fnv_bytes(checksum, n->key, n->key_len);
        checksum = nn_fnv_u64(checksum, n->value_len);
    }
    if (walked != s.count)
        nn_fail("kvstore", "skip list count mismatch");

    nn_sink(prev);
    sl_free(&s);
    free(pool);
    free(ops);
    free(keys);
    return nn_report("kvstore", size, iterations, t1 - t0, checksum);
}
