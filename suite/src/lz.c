/* lz - category "realistic": LZ77 compression and decompression round trip.
 *
 * Our own LZ77-family codec in the style of LZ4: a greedy matcher with hash
 * chains over a 64 KiB window (4-byte minimum match, up to 32 candidates per
 * position), a byte-oriented token format (literal run length and match
 * length nibbles with 255-continuation bytes, 16-bit offsets), and a
 * bounds-checked decompressor that copies overlapping matches. Each kernel
 * call compresses a 128 KiB block of generated, semi-compressible text (log-
 * like lines built from a Zipf-skewed vocabulary and pseudo-random numbers),
 * decompresses it, verifies the round trip byte for byte and hashes the
 * compressed bytes. The block offset depends on the previous call's result.
 * Stresses hash-table lookups, unpredictable match-length loops, unaligned
 * loads and byte copies. */
#include "common/nn.h"

#include <stdlib.h>
#include <string.h>

#define BLOCK (128u << 10)
#define INPUT (1u << 20)
#define WIN_LOG2 16
#define WIN (1u << WIN_LOG2)
#define HASH_LOG2 15
#define MAX_CHAIN 32
#define MIN_MATCH 4u
#define MAX_OUT (BLOCK + BLOCK / 255u + 64u)

typedef struct {
    int32_t head[1u << HASH_LOG2];
    int32_t chain[WIN];
} matcher;

static inline uint32_t load32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}

static inline uint32_t hash4(const uint8_t *p)
{
    return (load32(p) * 2654435761u) >> (32 - HASH_LOG2);
}

static uint8_t *put_len(uint8_t *o, uint32_t extra)
{
    while (extra >= 255u) {
        *o++ = 255;
        extra -= 255u;
    }
    *o++ = (uint8_t)extra;
    return o;
}

static uint8_t *emit(uint8_t *o, const uint8_t *lit, uint32_t nlit, uint32_t mlen, uint32_t off)
{
    uint8_t *tok = o++;
    uint32_t ml = mlen ? mlen - MIN_MATCH : 0;
    *tok = (uint8_t)((nlit < 15u ? nlit : 15u) << 4 | (ml < 15u ? ml : 15u));
    if (nlit >= 15u)
        o = put_len(o, nlit - 15u);
    memcpy(o, lit, nlit);
    o += nlit;
    if (mlen) {
        *o++ = (uint8_t)off;
        *o++ = (uint8_t)(off >> 8);
        if (ml >= 15u)
            o = put_len(o, ml - 15u);
    }
    return o;
}

/* Returns the compressed size. The last sequence has literals only. */
static size_t compress(matcher *m, const uint8_t *in, size_t n, uint8_t *out)
{
    for (size_t i = 0; i < (1u << HASH_LOG2); i++)
        m->head[i] = -1;
    uint8_t *o = out;
    size_t anchor = 0, pos = 0;
    size_t limit = n >= 8 ? n - 8 : 0; /* keep 4-byte loads in bounds */
    while (pos < limit) {
        uint32_t h = hash4(in + pos);
        int32_t cand = m->head[h];
        m->chain[pos & (WIN - 1)] = cand;
        m->head[h] = (int32_t)pos;
        uint32_t best_len = 0, best_off = 0;
        for (int depth = 0; cand >= 0 && depth < MAX_CHAIN; depth++) {
            size_t off = pos - (size_t)cand;
            if (off >= WIN)
                break;
            if (load32(in + cand) == load32(in + pos)) {
                size_t len = 4, max = n - pos;
                while (len < max && in[cand + len] == in[pos + len])
                    len++;
                if (len > best_len) {
                    best_len = (uint32_t)len;
                    best_off = (uint32_t)off;
                    if (len >= 255)
                        break;
                }
            }
            cand = m->chain[cand & (WIN - 1)];
        }
        if (best_len < MIN_MATCH) {
            pos++;
            continue;
        }
        o = emit(o, in + anchor, (uint32_t)(pos - anchor), best_len, best_off);
        /* Insert the covered positions into the hash chains. */
        size_t end = pos + best_len;
        for (pos++; pos < end && pos < limit; pos++) {
            uint32_t hh = hash4(in + pos);
            m->chain[pos & (WIN - 1)] = m->head[hh];
            m->head[hh] = (int32_t)pos;
        }
        pos = end;
        anchor = end;
    }
    o = emit(o, in + anchor, (uint32_t)(n - anchor), 0, 0);
    return (size_t)(o - out);
}

/* Returns the decompressed size, or (size_t)-1 on malformed input. */
static size_t decompress(const uint8_t *in, size_t n, uint8_t *out, size_t cap)
{
    const uint8_t *ip = in, *iend = in + n;
    uint8_t *op = out, *oend = out + cap;
    while (ip < iend) {
        uint32_t tok = *ip++;
        size_t nlit = tok >> 4;
        if (nlit == 15u) {
            uint8_t b;
            do {
                if (ip >= iend)
                    return (size_t)-1;
                b = *ip++;
                nlit += b;
            } while (b == 255);
        }
        if ((size_t)(iend - ip) < nlit || (size_t)(oend - op) < nlit)
            return (size_t)-1;
        memcpy(op, ip, nlit);
        ip += nlit;
        op += nlit;
        if (ip == iend)
            break; /* last sequence: literals only */
        if (iend - ip < 2)
            return (size_t)-1;
        size_t off = (size_t)ip[0] | (size_t)ip[1] << 8;
        ip += 2;
        size_t mlen = (tok & 15u);
        if (mlen == 15u) {
            uint8_t b;
            do {
                if (ip >= iend)
                    return (size_t)-1;
                b = *ip++;
                mlen += b;
            } while (b == 255);
        }
        mlen += MIN_MATCH;
        if (off == 0 || off > (size_t)(op - out) || (size_t)(oend - op) < mlen)
            return (size_t)-1;
        const uint8_t *src = op - off;
        if (off >= mlen) {
            memcpy(op, src, mlen);
            op += mlen;
        } else {
            for (size_t k = 0; k < mlen; k++) /* overlapping: byte by byte */
                *op++ = src[k];
        }
    }
    return (size_t)(op - out);
}

typedef struct {
    matcher m;
    uint8_t comp[MAX_OUT];
    uint8_t back[BLOCK];
} work;

__attribute__((noinline)) static uint64_t kernel(const uint8_t *input, work *w, uint64_t prev)
{
    size_t start = (size_t)((prev % (INPUT - BLOCK)) & ~(uint64_t)7);
    const uint8_t *block = input + start;
    size_t clen = compress(&w->m, block, BLOCK, w->comp);
    if (clen > MAX_OUT)
        nn_fail("lz", "compressed output overflowed");
    size_t dlen = decompress(w->comp, clen, w->back, BLOCK);
    if (dlen != BLOCK || memcmp(w->back, block, BLOCK) != 0)
        nn_fail("lz", "round trip mismatch");
    return nn_fnv_bytes(prev, w->comp, clen) ^ ((uint64_t)clen << 40);
}

/* Log-like text: words drawn from a skewed vocabulary, numbers, separators. */
static void generate(uint8_t *buf, size_t n)
{
    static const char *const words[] = {
        "GET", "POST", "request", "response", "user", "session", "cache", "miss", "hit", "error",
        "warning", "info", "debug", "timeout", "connection", "database", "query", "index", "shard",
        "replica", "leader", "follower", "commit", "rollback", "token", "auth", "denied", "granted",
        "upload", "download", "bytes", "latency", "ms", "status", "ok", "retry", "backoff", "queue",
        "worker", "thread", "pool", "alloc", "free", "gc", "pause", "heap", "stack", "frame",
        "/api/v1/items", "/api/v2/orders", "/static/app.js", "/healthz", "tenant", "region",
        "eu-west-1", "us-east-2", "ap-south-1", "checksum", "mismatch", "snapshot", "compaction"};
    const size_t nwords = sizeof words / sizeof words[0];
    uint64_t seed = 0xc0ac29b7c97c50ddULL;
    size_t pos = 0;
    while (pos < n) {
        uint64_t r = nn_rand_next(&seed);
        /* Product of two uniforms: small indices are much more likely. */
        size_t wi = (size_t)(((r & 0xffff) * ((r >> 16) & 0xffff)) >> 16) * nwords >> 16;
        const char *word = words[wi];
        char tmp[32];
        size_t len;
        if ((r >> 40) % 5u == 0u) {
            uint32_t v = (uint32_t)(r >> 44) % 100000u;
            len = 0;
            char rev[8];
            int k = 0;
            do {
                rev[k++] = (char)('0' + v % 10u);
                v /= 10u;
            } while (v);
            while (k)
                tmp[len++] = rev[--k];
            word = tmp;
        } else {
            len = strlen(word);
        }
        for (size_t k = 0; k < len && pos < n; k++)
            buf[pos++] = (uint8_t)word[k];
        if (pos < n)
            buf[pos++] = (r >> 60) == 0 ? '\n' : (r >> 60) < 3 ? '=' : ' ';
    }
}

int main(int argc, char **argv)
{
    nn_size size = nn_parse_size(argc, argv, "lz");
    uint32_t iterations = size == NN_QUICK ? 4 : 200;

    uint8_t *input = malloc(INPUT);
    work *w = malloc(sizeof *w);
    if (!input || !w)
        nn_fail("lz", "out of memory");
    generate(input, INPUT);

    uint64_t checksum = NN_FNV_INIT;
    uint64_t prev = 0x82efa98ec4e6c89ULL;

    uint64_t t0 = nn_now_ns();
    for (uint32_t i = 0; i < iterations; i++) {
        prev = kernel(input, w, prev);
        checksum = nn_fnv_u64(checksum, prev);
    }
    uint64_t t1 = nn_now_ns();

    nn_sink(prev);
    free(w);
    free(input);
    return nn_report("lz", size, iterations, t1 - t0, checksum);
}
