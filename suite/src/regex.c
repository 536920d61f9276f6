/* regex - category "realistic": regular-expression search over log lines.
 *
 * Our own regex engine: a recursive-descent parser (literals, '.', classes
 * with ranges and negation, \d \w \s escapes, groups, '|', '*', '+', '?',
 * '^', '$') builds a syntax tree that is compiled to a Thompson NFA program,
 * which is then simulated Pike-VM style (a set of active states per input
 * position, no backtracking, linear time). Each kernel call searches eight
 * patterns in 400 generated log lines (timestamps, levels, HTTP requests,
 * durations, e-mail addresses, IP addresses, hex ids) chosen by the previous
 * call's result and returns a hash of which lines matched which pattern.
 * Stresses small-state-machine loops, indirect branching on opcodes, bitmap
 * tests and short, unpredictable inner loops. */
#include "common/nn.h"

#include <stdlib.h>
#include <string.h>

/* --- parser: pattern -> syntax tree ---------------------------------------- */

enum { N_CHAR, N_ANY, N_CLASS, N_BOL, N_EOL, N_EMPTY, N_CAT, N_ALT, N_STAR, N_PLUS, N_QUEST };

#define MAX_NODES 256
#define MAX_CLASSES 32
#define MAX_PROG 512

typedef struct {
    uint8_t type;
    uint8_t c;       /* N_CHAR */
    uint16_t cls;    /* N_CLASS */
    int16_t l, r;    /* children */
} rnode;

typedef struct {
    uint32_t bits[8]; /* 256-bit set */
} cset;

typedef struct {
    rnode nodes[MAX_NODES];
    int nnodes;
    cset classes[MAX_CLASSES];
    int nclasses;
    const char *p;
    int err;
} rparser;

static int new_rnode(rparser *ps, uint8_t type, int l, int r)
{
    if (ps->nnodes == MAX_NODES) {
        ps->err = 1;
        return 0;
    }
    rnode *n = &ps->nodes[ps->nnodes];
    n->type = type;
    n->l = (int16_t)l;
    n->r = (int16_t)r;
    return ps->nnodes++;
}

static void cset_add(cset *s, unsigned c)
{
    s->bits[c >> 5] |= 1u << (c & 31);
}

static void cset_range(cset *s, unsigned lo, unsigned hi)
{
    for (unsigned c = lo; c <= hi; c++)
        cset_add(s, c);
}

/* \d \w \s into a set; returns 0 if `e` is not a class escape. */
static int class_escape(cset *s, char e)
{
    switch (e) {
    case 'd': cset_range(s, '0', '9'); return 1;
    case 'w': cset_range(s, '0', '9'); cset_range(s, 'a', 'z'); cset_range(s, 'A', 'Z'); cset_add(s, '_'); return 1;
    case 's': cset_add(s, ' '); cset_add(s, '\t'); return 1;
    default: return 0;
    }
}

static int new_class(rparser *ps)
{
    if (ps->nclasses == MAX_CLASSES) {
        ps->err = 1;
        return 0;
    }
    memset(&ps->classes[ps->nclasses], 0, sizeof(cset));
    return ps->nclasses++;
}

static int parse_alt(rparser *ps);

static int parse_atom(rparser *ps)
{
    char c = *ps->p;
    if (c == '(') {
        ps->p++;
        int n = parse_alt(ps);
        if (*ps->p != ')') {
            ps->err = 1;
            return 0;
        }
        ps->p++;
        return n;
    }
    if (c == '.') {
        ps->p++;
        return new_rnode(ps, N_ANY, -1, -1);
    }
    if (c == '^' || c == '$') {
        ps->p++;
        return new_rnode(ps, c == '^' ? N_BOL : N_EOL, -1, -1);
    }
    if (c == '[') {
        ps->p++;
        int ci = new_class(ps);
        cset *s = &ps->classes[ci];
        int negate = 0;
        if (*ps->p == '^') {
            negate = 1;
            ps->p++;
        }
        while (*ps->p && *ps->p != ']') {
            unsigned lo = (unsigned char)*ps->p++;
            if (lo == '\\') {
                if (!*ps->p) {
                    ps->err = 1;
                    return 0;
                }
                if (class_escape(s, *ps->p)) {
                    ps->p++;
                    continue;
                }
                lo = (unsigned char)*ps->p++;
            }
            if (ps->p[0] == '-' && ps->p[1] && ps->p[1] != ']') {
                unsigned hi = (unsigned char)ps->p[1];
                ps->p += 2;
                if (hi < lo) {
                    ps->err = 1;
                    return 0;
                }
                cset_range(s, lo, hi);
            } else {
                cset_add(s, lo);
            }
        }
        if (*ps->p != ']') {
            ps->err = 1;
            return 0;
        }
        ps->p++;
        if (negate)
            for (int k = 0; k < 8; k++)
                s->bits[k] = ~s->bits[k];
        int n = new_rnode(ps, N_CLASS, -1, -1);
        ps->nodes[n].cls = (uint16_t)ci;
        return n;
    }
    if (c == '\\') {
        ps->p++;
        char e = *ps->p;
        if (!e) {
            ps->err = 1;
            return 0;
        }
        ps->p++;
        cset tmp = {{0}};
        if (class_escape(&tmp, e)) {
            int ci = new_class(ps);
            ps->classes[ci] = tmp;
            int n = new_rnode(ps, N_CLASS, -1, -1);
            ps->nodes[n].cls = (uint16_t)ci;
            return n;
        }
        int n = new_rnode(ps, N_CHAR, -1, -1);
        ps->nodes[n].c = (uint8_t)e;
        return n;
    }
    if (c == '\0' || c == ')' || c == '|' || c == '*' || c == '+' || c == '?') {
        ps->err = 1;
        return 0;
    }
    ps->p++;
    int n = new_rnode(ps, N_CHAR, -1, -1);
    ps->nodes[n].c = (uint8_t)c;
    return n;
}

static int parse_repeat(rparser *ps)
{
    int n = parse_atom(ps);
    while (!ps->err && (*ps->p == '*' || *ps->p == '+' || *ps->p == '?')) {
        char op = *ps->p++;
        n = new_rnode(ps, op == '*' ? N_STAR : op == '+' ? N_PLUS : N_QUEST, n, -1);
    }
    return n;
}

static int parse_concat(rparser *ps)
{
    int n = -1;
    while (!ps->err && *ps->p && *ps->p != '|' && *ps->p != ')') {
        int m = parse_repeat(ps);
        n = n < 0 ? m : new_rnode(ps, N_CAT, n, m);
    }
    return n < 0 ? new_rnode(ps, N_EMPTY, -1, -1) : n;
}

static int parse_alt(rparser *ps)
{
    int n = parse_concat(ps);
    while (!ps->err && *ps->p == '|') {
        ps->p++;
        n = new_rnode(ps, N_ALT, n, parse_concat(ps));
    }
    return n;
}

/* --- compiler: tree -> NFA program ----------------------------------------- */

enum { I_CHAR, I_ANY, I_CLASS, I_BOL, I_EOL, I_SPLIT, I_JMP, I_MATCH };

typedef struct {
    uint8_t op;
    uint8_t c;
    uint16_t cls;
    uint16_t x, y; /* jump targets */
} rinsn;

typedef struct {
    rinsn code[MAX_PROG];
    int n;
    cset classes[MAX_CLASSES];
} regex;

static int emit_insn(regex *re, uint8_t op)
{
    if (re->n == MAX_PROG)
        nn_fail("regex", "program too long");
    memset(&re->code[re->n], 0, sizeof re->code[0]);
    re->code[re->n].op = op;
    return re->n++;
}

static void gen(regex *re, const rparser *ps, int ni)
{
    const rnode *nd = &ps->nodes[ni];
    int a, b;
    switch (nd->type) {
    case N_CHAR: re->code[emit_insn(re, I_CHAR)].c = nd->c; break;
    case N_ANY: emit_insn(re, I_ANY); break;
    case N_CLASS: re->code[emit_insn(re, I_CLASS)].cls = nd->cls; break;
    case N_BOL: emit_insn(re, I_BOL); break;
    case N_EOL: emit_insn(re, I_EOL); break;
    case N_EMPTY: break;
    case N_CAT:
        gen(re, ps, nd->l);
        gen(re, ps, nd->r);
        break;
    case N_ALT:
        a = emit_insn(re, I_SPLIT);
        re->code[a].x = (uint16_t)re->n;
        gen(re, ps, nd->l);
        b = emit_insn(re, I_JMP);
        re->code[a].y = (uint16_t)re->n;
        gen(re, ps, nd->r);
        re->code[b].x = (uint16_t)re->n;
        break;
    case N_STAR:
        a = emit_insn(re, I_SPLIT);
        re->code[a].x = (uint16_t)re->n;
        gen(re, ps, nd->l);
        b = emit_insn(re, I_JMP);
        re->code[b].x = (uint16_t)a;
        re->code[a].y = (uint16_t)re->n;
        break;
    case N_PLUS:
        a = re->n;
        gen(re, ps, nd->l);
        b = emit_insn(re, I_SPLIT);
        re->code[b].x = (uint16_t)a;
        re->code[b].y = (uint16_t)re->n;
        break;
    case N_QUEST:
        a = emit_insn(re, I_SPLIT);
        re->code[a].x = (uint16_t)re->n;
        gen(re, ps, nd->l);
        re->code[a].y = (uint16_t)re->n;
        break;
    }
}

static void compile(regex *re, const char *pattern)
{
    static rparser ps;
    memset(&ps, 0, sizeof ps);
    ps.p = pattern;
    int root = parse_alt(&ps);
    if (ps.err || *ps.p)
        nn_fail("regex", "bad pattern");
    re->n = 0;
    gen(re, &ps, root);
    emit_insn(re, I_MATCH);
    memcpy(re->classes, ps.classes, sizeof ps.classes);
}

/* --- Pike VM (match / no match) -------------------------------------------- */

typedef struct {
    uint16_t pcs[MAX_PROG];
    int n;
} tlist;

typedef struct {
    uint32_t mark[MAX_PROG]; /* generation at which a pc was added */
    uint32_t gen;
    uint16_t stack[MAX_PROG * 2 + 2];
} vmstate;

/* Adds pc and everything reachable from it by empty transitions. */
static void add_thread(const regex *re, vmstate *vm, tlist *l, int pc, size_t i, size_t n)
{
    int sp = 0;
    vm->stack[sp++] = (uint16_t)pc;
    while (sp > 0) {
        pc = vm->stack[--sp];
        if (vm->mark[pc] == vm->gen)
            continue;
        vm->mark[pc] = vm->gen;
        const rinsn *in = &re->code[pc];
        switch (in->op) {
        case I_JMP:
            vm->stack[sp++] = in->x;
            break;
        case I_SPLIT:
            vm->stack[sp++] = in->y;
            vm->stack[sp++] = in->x;
            break;
        case I_BOL:
            if (i == 0)
                vm->stack[sp++] = (uint16_t)(pc + 1);
            break;
        case I_EOL:
            if (i == n)
                vm->stack[sp++] = (uint16_t)(pc + 1);
            break;
        default:
            l->pcs[l->n++] = (uint16_t)pc;
        }
    }
}

/* Unanchored search: does `re` match anywhere in s[0..n)? */
static int search(const regex *re, vmstate *vm, const char *s, size_t n)
{
    static tlist la, lb;
    tlist *cur = &la, *next = &lb;
    cur->n = 0;
    for (size_t i = 0;; i++) {
        vm->gen++;
        /* Re-mark the carried-over threads, then start a new one here. */
        for (int k = 0; k < cur->n; k++)
            vm->mark[cur->pcs[k]] = vm->gen;
        add_thread(re, vm, cur, 0, i, n);
        for (int k = 0; k < cur->n; k++)
            if (re->code[cur->pcs[k]].op == I_MATCH)
                return 1;
        if (i == n || cur->n == 0)
            return 0;
        unsigned c = (unsigned char)s[i];
        next->n = 0;
        vm->gen++;
        for (int k = 0; k < cur->n; k++) {
            const rinsn *in = &re->code[cur->pcs[k]];
            int ok;
            switch (in->op) {
            case I_CHAR: ok = in->c == c; break;
            case I_ANY: ok = 1; break;
            case I_CLASS: ok = (re->classes[in->cls].bits[c >> 5] >> (c & 31)) & 1u; break;
            default: ok = 0;
            }
            if (ok)
                add_thread(re, vm, next, cur->pcs[k] + 1, i + 1, n);
        }
        tlist *t = cur;
        cur = next;
        next = t;
    }
}

/* --- workload ------------------------------------------------------------- */

static const char *const patterns[] = {
    "ERROR|FATAL",
    "user=[a-z]+[0-9]+ ",
    "\\d+\\.\\d+\\.\\d+\\.\\d+",
    "GET /api/v[0-9]+/(users|orders)/[0-9]+",
    "took [1-9][0-9][0-9]+ms",
    "^\\[[0-9]+\\] (WARN|ERROR) ",
    "id=[0-9a-f]*(dead|beef)",
    "\\w+@\\w+\\.(com|org)$",
};
#define NPAT (sizeof patterns / sizeof patterns[0])
#define NLINES 16384u
#define WINDOW 400u

typedef struct {
    uint32_t off, len;
} line;

static void app(char *buf, size_t *pos, const char *s)
{
    size_t n = strlen(s);
    memcpy(buf + *pos, s, n);
    *pos += n;
}

static void app_num(char *buf, size_t *pos, uint64_t v, int base, int min_digits)
{
    char rev[24];
    int k = 0;
    do {
        rev[k++] = "0123456789abcdef"[v % (uint64_t)base];
        v /= (uint64_t)base;
    } while (v || k < min_digits);
    while (k)
        buf[(*pos)++] = rev[--k];
}

static size_t generate(char *buf, line *lines)
{
    static const char *const levels[] = {"INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR", "FATAL", "INFO"};
    static const char *const comps[] = {"api", "db", "auth", "cache", "worker"};
    static const char *const names[] = {"alice", "bob", "carol", "dave", "erin", "mallory", "trent"};
    static const char *const what[] = {"users", "orders", "items", "carts"};
    uint64_t seed = 0x3f84d5b5b5470917ULL;
    size_t pos = 0;
    for (uint32_t i = 0; i < NLINES; i++) {
        size_t start = pos;
        uint64_t r = nn_rand_next(&seed), q = nn_rand_next(&seed);
        app(buf, &pos, "[");
        app_num(buf, &pos, 1700000000u + i * 3u + (r & 3u), 10, 1);
        app(buf, &pos, "] ");
        app(buf, &pos, levels[r >> 61]);
        app(buf, &pos, " ");
        app(buf, &pos, comps[(r >> 8) % 5u]);
        app(buf, &pos, ": ");
        switch ((r >> 12) % 4u) {
        case 0:
            app(buf, &pos, (q & 1) ? "GET /api/v" : "POST /api/v");
            app_num(buf, &pos, 1 + (q >> 1) % 3u, 10, 1);
            app(buf, &pos, "/");
            app(buf, &pos, what[(q >> 3) % 4u]);
            app(buf, &pos, "/");
            app_num(buf, &pos, (q >> 8) % 100000u, 10, 1);
            app(buf, &pos, " took ");
            app_num(buf, &pos, (q >> 24) % 2000u, 10, 1);
            app(buf, &pos, "ms");
            break;
        case 1:
            app(buf, &pos, "login user=");
            app(buf, &pos, names[(q >> 1) % 7u]);
            app_num(buf, &pos, (q >> 4) % 1000u, 10, 1);
            app(buf, &pos, " from ");
            app_num(buf, &pos, (q >> 14) % 256u, 10, 1);
            app(buf, &pos, ".");
            app_num(buf, &pos, (q >> 22) % 256u, 10, 1);
            app(buf, &pos, ".");
            app_num(buf, &pos, (q >> 30) % 256u, 10, 1);
            app(buf, &pos, ".");
            app_num(buf, &pos, (q >> 38) % 256u, 10, 1);
            break;
        case 2:
            app(buf, &pos, "object id=");
            app_num(buf, &pos, q >> 16, 16, 12);
            app(buf, &pos, (q & 3u) == 0 ? "dead" : (q & 3u) == 1 ? "beef" : "cafe");
            app(buf, &pos, " size=");
            app_num(buf, &pos, (q >> 4) % 65536u, 10, 1);
            break;
        default:
            app(buf, &pos, "notify ");
            app(buf, &pos, names[(q >> 1) % 7u]);
            app(buf, &pos, "@");
            app(buf, &pos, comps[(q >> 4) % 5u]);
            app(buf, &pos, (q >> 7) & 1u ? ".com" : ".net");
            if ((q >> 8) & 1u)
                app(buf, &pos, " queued");
        }
        lines[i].off = (uint32_t)start;
        lines[i].len = (uint32_t)(pos - start);
    }
    return pos;
}

__attribute__((noinline)) static uint64_t kernel(const regex *res, vmstate *vm, const char *text,
                                                 const line *lines, uint64_t prev)
{
    uint32_t first = (uint32_t)(prev % (NLINES - WINDOW));
    uint64_t h = prev;
    uint32_t counts[NPAT] = {0};
    for (uint32_t k = 0; k < WINDOW; k++) {
        const line *ln = &lines[first + k];
        uint32_t bits = 0;
        for (uint32_t p = 0; p < NPAT; p++) {
            if (search(&res[p], vm, text + ln->off, ln->len)) {
                bits |= 1u << p;
                counts[p]++;
            }
        }
        h = (h ^ bits) * 0x100000001b3ULL;
    }
    for (uint32_t p = 0; p < NPAT; p++)
        h = nn_fnv_u64(h, counts[p]);
    return h;
}

/* Known answers, checked before timing. */
static void self_test(regex *tmp, vmstate *vm)
{
    static const struct {
        const char *pat, *text;
        int match;
    } t[] = {
        {"abc", "xxabcxx", 1}, {"^abc", "xabc", 0}, {"abc$", "xxabc", 1}, {"a(b|c)*d", "abcbcd", 1},
        {"a(b|c)*d", "abxd", 0}, {"colou?r", "color", 1}, {"x+y", "xxxy", 1}, {"x+y", "y", 0},
        {"[^0-9]+", "123", 0}, {"\\d\\d-\\w+", "at 12-ab_c", 1}, {"a.c", "a\nc", 1}, {"", "", 1},
        {"(a*)*b", "aaaa", 0}, {"^$", "", 1}, {"[a-c]+\\.", "cab.", 1}, {"\\[x\\]", "[x]", 1},
    };
    for (size_t k = 0; k < sizeof t / sizeof t[0]; k++) {
        compile(tmp, t[k].pat);
        if (search(tmp, vm, t[k].text, strlen(t[k].text)) != t[k].match)
            nn_fail("regex", "self-test failed");
    }
}

int main(int argc, char **argv)
{
    nn_size size = nn_parse_size(argc, argv, "regex");
    uint32_t iterations = size == NN_QUICK ? 8 : 300;

    static regex res[NPAT];
    static vmstate vm;
    self_test(&res[0], &vm);
    for (uint32_t p = 0; p < NPAT; p++)
        compile(&res[p], patterns[p]);

    char *text = malloc(NLINES * 160u);
    line *lines = malloc(NLINES * sizeof *lines);
    if (!text || !lines)
        nn_fail("regex", "out of memory");
    size_t len = generate(text, lines);

    uint64_t checksum = nn_fnv_u64(NN_FNV_INIT, len);
    uint64_t prev = 0x7fdb6c8e3a1b2d4fULL;

    uint64_t t0 = nn_now_ns();
    for (uint32_t i = 0; i < iterations; i++) {
        prev = kernel(res, &vm, text, lines, prev);
        checksum = nn_fnv_u64(checksum, prev);
    }
    uint64_t t1 = nn_now_ns();

    nn_sink(prev);
    free(lines);
    free(text);
    return nn_report("regex", size, iterations, t1 - t0, checksum);
}
