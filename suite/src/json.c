/* json - category "realistic": parse JSON -> transform -> serialise.
 *
 * A generated JSON document (an array of 700 "user" records, about 240 KiB,
 * with nested objects and arrays, escaped strings including \uXXXX escapes,
 * integers, decimals, booleans and nulls) is parsed by our own
 * recursive-descent parser into a tree held in an arena, transformed (scores
 * adjusted, a field added, long arrays truncated, inactive records dropped,
 * names upper-cased) and serialised back to text by our own serialiser. No
 * libc number formatting or parsing is used, so glibc and wasi-libc do the
 * same work. Decimals are kept exactly as integer mantissa plus scale. The
 * previous call's result changes the transformation, and the checksum is
 * taken over the output text. */
#include "common/nn.h"

#include <stdlib.h>
#include <string.h>

enum { J_NULL, J_FALSE, J_TRUE, J_NUM, J_STR, J_ARR, J_OBJ };

typedef struct jnode {
    uint8_t type;
    uint8_t scale;      /* J_NUM: digits after the decimal point */
    uint32_t key_len;   /* member of an object: key bytes in the arena */
    uint32_t str_len;   /* J_STR */
    const char *key;
    const char *str;
    int64_t num;        /* J_NUM: value * 10^scale */
    struct jnode *first, *next;
} jnode;

typedef struct {
    jnode *nodes;
    size_t nnodes, cap_nodes;
    char *bytes;
    size_t nbytes, cap_bytes;
} arena;

typedef struct {
    const char *p, *end;
    arena *a;
    int err;
} parser;

static jnode *new_node(parser *ps, uint8_t type)
{
    if (ps->a->nnodes == ps->a->cap_nodes) {
        ps->err = 1;
        return NULL;
    }
    jnode *n = &ps->a->nodes[ps->a->nnodes++];
    memset(n, 0, sizeof *n);
    n->type = type;
    return n;
}

static void skip_ws(parser *ps)
{
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\n' || *ps->p == '\t' || *ps->p == '\r'))
        ps->p++;
}

static int hexval(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Parses a string literal (ps->p at the opening quote) into the arena. */
static int parse_string(parser *ps, const char **out, uint32_t *out_len)
{
    arena *a = ps->a;
    ps->p++;
    size_t start = a->nbytes;
    for (;;) {
        if (ps->p >= ps->end || a->nbytes + 4 > a->cap_bytes)
            return 0;
        unsigned char c = (unsigned char)*ps->p++;
        if (c == '"')
            break;
        if (c < 0x20)
            return 0;
        if (c != '\\') {
            a->bytes[a->nbytes++] = (char)c;
            continue;
        }
        if (ps->p >= ps->end)
            return 0;
        char e = *ps->p++;
        switch (e) {
        case '"': case '\\': case '/': a->bytes[a->nbytes++] = e; break;
        case 'b': a->bytes[a->nbytes++] = '\b'; break;
        case 'f': a->bytes[a->nbytes++] = '\f'; break;
        case 'n': a->bytes[a->nbytes++] = '\n'; break;
        case 'r': a->bytes[a->nbytes++] = '\r'; break;
        case 't': a->bytes[a->nbytes++] = '\t'; break;
        case 'u': {
            if (ps->end - ps->p < 4)
                return 0;
            uint32_t cp = 0;
            for (int k = 0; k < 4; k++) {
                int d = hexval(ps->p[k]);
                if (d < 0)
                    return 0;
                cp = cp << 4 | (uint32_t)d;
            }
            ps->p += 4;
            if (cp >= 0xd800 && cp < 0xe000)
                return 0; /* surrogates are not generated; reject them */
            char *o = a->bytes + a->nbytes;
            if (cp < 0x80) {
                o[0] = (char)cp;
                a->nbytes += 1;
            } else if (cp < 0x800) {
                o[0] = (char)(0xc0 | cp >> 6);
                o[1] = (char)(0x80 | (cp & 0x3f));
                a->nbytes += 2;
            } else {
                o[0] = (char)(0xe0 | cp >> 12);
                o[1] = (char)(0x80 | (cp >> 6 & 0x3f));
                o[2] = (char)(0x80 | (cp & 0x3f));
                a->nbytes += 3;
            }
            break;
        }
        default:
            return 0;
        }
    }
    *out = a->bytes + start;
    *out_len = (uint32_t)(a->nbytes - start);
    return 1;
}

static jnode *parse_value(parser *ps, int depth);

static jnode *parse_number(parser *ps)
{
    int neg = 0;
    if (*ps->p == '-') {
        neg = 1;
        ps->p++;
    }
    int64_t v = 0;
    int digits = 0, scale = 0;
    while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9' && digits < 18) {
        v = v * 10 + (*ps->p++ - '0');
        digits++;
    }
    if (ps->p < ps->end && *ps->p == '.') {
        ps->p++;
        while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9' && digits < 18) {
            v = v * 10 + (*ps->p++ - '0');
            digits++;
            scale++;
        }
        if (scale == 0)
            return NULL;
    }
    if (digits == 0 || (ps->p < ps->end && ((*ps->p >= '0' && *ps->p <= '9') || *ps->p == 'e' || *ps->p == 'E')))
        return NULL; /* too long or exponent form: not produced by the generator */
    jnode *n = new_node(ps, J_NUM);
    if (n) {
        n->num = neg ? -v : v;
        n->scale = (uint8_t)scale;
    }
    return n;
}

static int literal(parser *ps, const char *word, size_t len)
{
    if ((size_t)(ps->end - ps->p) < len || memcmp(ps->p, word, len) != 0)
        return 0;
    ps->p += len;
    return 1;
}

static jnode *parse_value(parser *ps, int depth)
{
    if (depth > 64)
        return NULL;
    skip_ws(ps);
    if (ps->p >= ps->end)
        return NULL;
    char c = *ps->p;
    if (c == '{' || c == '[') {
        int obj = c == '{';
        jnode *n = new_node(ps, obj ? J_OBJ : J_ARR);
        if (!n)
            return NULL;
        ps->p++;
        skip_ws(ps);
        char close = obj ? '}' : ']';
        if (ps->p < ps->end && *ps->p == close) {
            ps->p++;
            return n;
        }
        jnode **tail = &n->first;
        for (;;) {
            const char *key = NULL;
            uint32_t key_len = 0;
            if (obj) {
                skip_ws(ps);
                if (ps->p >= ps->end || *ps->p != '"' || !parse_string(ps, &key, &key_len))
                    return NULL;
                skip_ws(ps);
                if (ps->p >= ps->end || *ps->p++ != ':')
                    return NULL;
            }
            jnode *child = parse_value(ps, depth + 1);
            if (!child)
                return NULL;
            child->key = key;
            child->key_len = key_len;
            *tail = child;
            tail = &child->next;
            skip_ws(ps);
            if (ps->p >= ps->end)
                return NULL;
            char d = *ps->p++;
            if (d == close)
                return n;
            if (d != ',')
                return NULL;
        }
    }
    if (c == '"') {
        jnode *n = new_node(ps, J_STR);
        if (!n || !parse_string(ps, &n->str, &n->str_len))
            return NULL;
        return n;
    }
    if (c == '-' || (c >= '0' && c <= '9'))
        return parse_number(ps);
    if (literal(ps, "true", 4))
        return new_node(ps, J_TRUE);
    if (literal(ps, "false", 5))
        return new_node(ps, J_FALSE);
    if (literal(ps, "null", 4))
        return new_node(ps, J_NULL);
    return NULL;
}

/* --- serialiser ------------------------------------------------------------ */

typedef struct {
    char *buf;
    size_t len, cap;
} out_buf;

static void put(out_buf *o, const char *s, size_t n)
{
    if (o->len + n > o->cap)
        nn_fail("json", "output buffer too small");
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

#define PUTS(o, lit) put((o), (lit), sizeof(lit) - 1)

static void put_char(out_buf *o, char c)
{
    put(o, &c, 1);
}

static void put_string(out_buf *o, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    put_char(o, '"');
    size_t run = 0; /* bytes that need no escaping are copied in runs */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        put(o, s + run, i - run);
        run = i + 1;
        char esc[6] = {'\\', 0, 0, 0, 0, 0};
        switch (c) {
        case '"': esc[1] = '"'; put(o, esc, 2); break;
        case '\\': esc[1] = '\\'; put(o, esc, 2); break;
        case '\n': esc[1] = 'n'; put(o, esc, 2); break;
        case '\t': esc[1] = 't'; put(o, esc, 2); break;
        default:
            esc[1] = 'u';
            esc[2] = '0';
            esc[3] = '0';
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            put(o, esc, 6);
        }
    }
    put(o, s + run, n - run);
    put_char(o, '"');
}

static void put_number(out_buf *o, int64_t v, unsigned scale)
{
    char tmp[32];
    int n = 0;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[n++] = (char)('0' + u % 10u);
        u /= 10u;
        if ((unsigned)n == scale)
            tmp[n++] = '.';
    } while (u > 0 || (unsigned)n <= scale);
    if (tmp[n - 1] == '.')
        tmp[n++] = '0';
    if (v < 0)
        tmp[n++] = '-';
    char rev[32];
    for (int i = 0; i < n; i++)
        rev[i] = tmp[n - 1 - i];
    put(o, rev, (size_t)n);
}

static void serialise(out_buf *o, const jnode *n)
{
    switch (n->type) {
    case J_NULL: PUTS(o, "null"); break;
    case J_FALSE: PUTS(o, "false"); break;
    case J_TRUE: PUTS(o, "true"); break;
    case J_NUM: put_number(o, n->num, n->scale); break;
    case J_STR: put_string(o, n->str, n->str_len); break;
    case J_ARR:
    case J_OBJ: {
        put_char(o, n->type == J_OBJ ? '{' : '[');
        for (const jnode *c = n->first; c; c = c->next) {
            if (c != n->first)
                put_char(o, ',');
            if (n->type == J_OBJ) {
                put_string(o, c->key, c->key_len);
                put_char(o, ':');
            }
            serialise(o, c);
        }
        put_char(o, n->type == J_OBJ ? '}' : ']');
        break;
    }
    }
}

/* --- transform ------------------------------------------------------------- */

static jnode *member(jnode *obj, const char *key)
{
    size_t kl = strlen(key);
    for (jnode *c = obj->first; c; c = c->next)
        if (c->key_len == kl && memcmp(c->key, key, kl) == 0)
            return c;
    return NULL;
}

static void transform(parser *ps, jnode *root, uint64_t prev)
{
    int64_t bonus = (int64_t)(prev % 1000u);
    uint32_t keep_history = 3u + (uint32_t)(prev >> 20) % 5u;
    jnode **link = &root->first;
    uint32_t rank = 0;
    while (*link) {
        jnode *u = *link;
        jnode *active = member(u, "active");
        if (active && active->type == J_FALSE && (rank + (uint32_t)prev) % 3u == 0u) {
            *link = u->next; /* drop some inactive records */
            continue;
        }
        jnode *score = member(u, "score");
        if (score && score->type == J_NUM)
            score->num += bonus * (score->num < 0 ? -1 : 1);
        jnode *name = member(u, "name");
        if (name && name->type == J_STR) {
            char *s = (char *)name->str; /* arena memory, writable */
            for (uint32_t k = 0; k < name->str_len; k++)
                if (s[k] >= 'a' && s[k] <= 'z')
                    s[k] = (char)(s[k] - 'a' + 'A');
        }
        jnode *hist = member(u, "history");
        if (hist && hist->type == J_ARR) {
            jnode *c = hist->first;
            for (uint32_t k = 1; c && k < keep_history; k++)
                c = c->next;
            if (c)
                c->next = NULL;
        }
        jnode *r = new_node(ps, J_NUM);
        if (!r)
            return;
        r->num = rank++;
        r->key = "rank";
        r->key_len = 4;
        r->next = u->first;
        u->first = r;
        link = &u->next;
    }
}

__attribute__((noinline)) static uint64_t kernel(const char *doc, size_t len, arena *a, out_buf *o,
                                                 uint64_t prev)
{
    a->nnodes = 0;
    a->nbytes = 0;
    parser ps = {doc, doc + len, a, 0};
    jnode *root = parse_value(&ps, 0);
    skip_ws(&ps);
    if (!root || ps.err || ps.p != ps.end || root->type != J_ARR)
        nn_fail("json", "parse error");
    transform(&ps, root, prev);
    if (ps.err)
        nn_fail("json", "arena too small");
    o->len = 0;
    serialise(o, root);
    return nn_fnv_bytes(prev, o->buf, o->len) ^ o->len;
}

/* --- input generation ------------------------------------------------------ */

static void gen_word(out_buf *o, uint64_t *seed, int min, int max)
{
    static const char syl[][4] = {"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "xe", "zu", "ar", "en"};
    int n = min + (int)(nn_rand_next(seed) % (uint64_t)(max - min + 1));
    for (int i = 0; i < n; i++)
        put(o, syl[nn_rand_next(seed) % 12u], 2);
}

static void gen_int(out_buf *o, int64_t v)
{
    put_number(o, v, 0);
}

static size_t generate(out_buf *o, uint32_t records)
{
    uint64_t seed = 0x452821e638d01377ULL;
    o->len = 0;
    PUTS(o, "[\n");
    for (uint32_t i = 0; i < records; i++) {
        uint64_t r = nn_rand_next(&seed);
        PUTS(o, "  {\"id\": ");
        gen_int(o, 100000 + i * 7);
        PUTS(o, ", \"name\": \"");
        gen_word(o, &seed, 2, 4);
        if (r & 1)
            PUTS(o, " \\\"jr\\\"");
        PUTS(o, "\", \"email\": \"");
        gen_word(o, &seed, 2, 3);
        PUTS(o, "@example.org\", \"city\": \"");
        if (r & 2)
            PUTS(o, "M\\u00fcnchen");
        else if (r & 4)
            PUTS(o, "S\\u00e3o Paulo\\t(BR)");
        else
            gen_word(o, &seed, 2, 5);
        PUTS(o, "\", \"active\": ");
        if (r & 8)
            PUTS(o, "true");
        else
            PUTS(o, "false");
        PUTS(o, ", \"score\": ");
        put_number(o, (int64_t)(nn_rand_next(&seed) % 2000000u) - 500000, 3);
        PUTS(o, ", \"ratio\": ");
        put_number(o, (int64_t)(nn_rand_next(&seed) % 100000u), 5);
        PUTS(o, ", \"manager\": ");
        if (r & 16)
            PUTS(o, "null");
        else
            gen_int(o, 100000 + (int64_t)(nn_rand_next(&seed) % records) * 7);
        PUTS(o, ",\n    \"tags\": [");
        int ntags = (int)((r >> 8) % 4u);
        for (int t = 0; t < ntags; t++) {
            if (t)
                PUTS(o, ", ");
            put_char(o, '"');
            gen_word(o, &seed, 1, 3);
            put_char(o, '"');
        }
        PUTS(o, "], \"address\": {\"street\": \"");
        gen_word(o, &seed, 3, 6);
        PUTS(o, " ");
        gen_int(o, (int64_t)(nn_rand_next(&seed) % 200u) + 1);
        PUTS(o, "\", \"zip\": \"");
        gen_int(o, (int64_t)(nn_rand_next(&seed) % 90000u) + 10000);
        PUTS(o, "\", \"geo\": [");
        put_number(o, (int64_t)(nn_rand_next(&seed) % 180000000u) - 90000000, 6);
        PUTS(o, ", ");
        put_number(o, (int64_t)(nn_rand_next(&seed) % 360000000u) - 180000000, 6);
        PUTS(o, "]},\n    \"history\": [");
        int nh = 2 + (int)((r >> 16) % 12u);
        for (int h = 0; h < nh; h++) {
            if (h)
                PUTS(o, ", ");
            gen_int(o, (int64_t)(nn_rand_next(&seed) % 100000u));
        }
        PUTS(o, "]}");
        if (i + 1 < records)
            put_char(o, ',');
        put_char(o, '\n');
    }
    PUTS(o, "]\n");
    return o->len;
}

#define RECORDS 700u

int main(int argc, char **argv)
{
    nn_size size = nn_parse_size(argc, argv, "json");
    uint32_t iterations = size == NN_QUICK ? 12 : 400;

    out_buf doc = {malloc(1u << 20), 0, 1u << 20};
    out_buf out = {malloc(1u << 20), 0, 1u << 20};
    arena a = {malloc(sizeof(jnode) << 16), 0, 1u << 16, malloc(1u << 20), 0, 1u << 20};
    if (!doc.buf || !out.buf || !a.nodes || !a.bytes)
        nn_fail("json", "out of memory");
    size_t len = generate(&doc, RECORDS);

    uint64_t checksum = NN_FNV_INIT;
    uint64_t prev = 0xbe5466cf34e90c6cULL;

    uint64_t t0 = nn_now_ns();
    for (uint32_t i = 0; i < iterations; i++) {
        prev = kernel(doc.buf, len, &a, &out, prev);
        checksum = nn_fnv_u64(checksum, prev);
    }
    uint64_t t1 = nn_now_ns();

    /* The last output must itself be valid JSON that survives a round trip. */
    out_buf again = {malloc(out.cap), 0, out.cap};
    if (!again.buf)
        nn_fail("json", "out of memory");
    a.nnodes = a.nbytes = 0;
    parser ps = {out.buf, out.buf + out.len, &a, 0};
    jnode *root = parse_value(&ps, 0);
    if (!root || ps.err || ps.p != ps.end)
        nn_fail("json", "output does not parse");
    serialise(&again, root);
    if (again.len != out.len || memcmp(again.buf, out.buf, out.len) != 0)
        nn_fail("json", "output does not round-trip");
    checksum = nn_fnv_u64(checksum, len);

    nn_sink(prev);
    free(again.buf);
    free(a.bytes);
    free(a.nodes);
    free(out.buf);
    free(doc.buf);
    return nn_report("json", size, iterations, t1 - t0, checksum);
}
