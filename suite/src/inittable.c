/* inittable - category "startup": heavy initialisation, then a short kernel.
 *
 * At start-up the program parses an embedded configuration text and builds
 * a 512 KiB lookup table from it (2^17 entries, each the result of many
 * rounds of an integer mixing function): about 0.1 s of native work, done
 * once, as real programs do when they load dictionaries, compile
 * regular-expression sets or fill caches before serving. The kernel then
 * runs chained lookups through the table.
 *
 * The same source also yields the pre-initialised twin: the wasm build
 * exports `wizer.initialize`, which performs the whole initialisation. The
 * suite's build runs Wizer on the wasm module, which calls that export and
 * snapshots the resulting memory into a new module (inittable.preinit.wasm)
 * whose `initialized` flag is already set, so its main() skips the work. The
 * native build and the plain wasm module run the initialisation in main(),
 * outside the timed kernel. Wizer forbids host calls during initialisation,
 * so init() never calls into libc's I/O, and the program must not have C
 * constructors (the wasm linker would wrap the export with them).
 *
 * The checksum covers a hash of the whole table, so a faulty snapshot fails
 * verification. */
#include "common/nn.h"

#include <string.h>

#define TABLE_LOG2_MAX 20

static const char config_text[] =
    "# inittable configuration (parsed at start-up)\n"
    "[table]\n"
    "log2_size   = 17        # entries: 2^17\n"
    "rounds      = 256       # mixing rounds per entry\n"
    "salt        = 0x5851f42d4c957f2d\n"
    "multiplier  = 0x2545f4914f6cdd1d\n"
    "\n"
    "[shift]\n"
    "a = 29\n"
    "b = 31\n"
    "c = 17\n"
    "\n"
    "[query]\n"
    "lookups_per_call = 150000\n";

typedef struct {
    uint32_t log2_size, rounds, shift_a, shift_b, shift_c, lookups;
    uint64_t salt, multiplier;
} config;

static config cfg;
static uint32_t table[1u << TABLE_LOG2_MAX];
static int initialized; /* 1 once init() has run (also in the Wizer snapshot) */
static int init_error;  /* set by init() on a bad configuration */

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* Parses a decimal or 0x-hexadecimal number; returns 0 on error. */
static int parse_u64(const char *p, const char *end, uint64_t *out)
{
    uint64_t v = 0;
    int digits = 0;
    if (end - p > 2 && p[0] == '0' && p[1] == 'x') {
        for (p += 2; p < end; p++, digits++) {
            char c = *p;
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (d < 0 || digits == 16)
                return 0;
            v = v << 4 | (uint64_t)d;
        }
    } else {
        for (; p < end; p++, digits++) {
            if (*p < '0' || *p > '9' || v > (UINT64_MAX - 9u) / 10u)
                return 0;
            v = v * 10u + (uint64_t)(*p - '0');
        }
    }
    *out = v;
    return digits > 0;
}

/* A tiny INI parser: [section] headers, key = value, # comments. */
static int parse_config(const char *text, config *c)
{
    char section[16] = "";
    int seen = 0;
    const char *p = text;
    while (*p) {
        const char *eol = strchr(p, '\n');
        if (!eol)
            eol = p + strlen(p);
        const char *end = memchr(p, '#', (size_t)(eol - p));
        if (!end)
            end = eol;
        while (p < end && is_space(*p))
            p++;
        while (end > p && is_space(end[-1]))
            end--;
        if (p < end && *p == '[') {
            size_t n = (size_t)(end - p) - 2;
            if (end[-1] != ']' || n >= sizeof section)
                return 0;
            memcpy(section, p + 1, n);
            section[n] = '\0';
        } else if (p < end) {
            const char *eq = memchr(p, '=', (size_t)(end - p));
            if (!eq)
                return 0;
            const char *ke = eq, *v = eq + 1;
            while (ke > p && is_space(ke[-1]))
                ke--;
            while (v < end && is_space(*v))
                v++;
            uint64_t val;
            if (!parse_u64(v, end, &val))
                return 0;
            size_t kl = (size_t)(ke - p);
#define KEY(sec, name) (strcmp(section, sec) == 0 && kl == sizeof name - 1 && memcmp(p, name, kl) == 0)
            if (KEY("table", "log2_size") && val >= 10 && val <= TABLE_LOG2_MAX)
                c->log2_size = (uint32_t)val, seen |= 1;
            else if (KEY("table", "rounds") && val >= 1 && val <= 10000)
                c->rounds = (uint32_t)val, seen |= 2;
            else if (KEY("table", "salt"))
                c->salt = val, seen |= 4;
            else if (KEY("table", "multiplier") && (val & 1u))
                c->multiplier = val, seen |= 8;
            else if (KEY("shift", "a") && val >= 1 && val < 64)
                c->shift_a = (uint32_t)val, seen |= 16;
            else if (KEY("shift", "b") && val >= 1 && val < 64)
                c->shift_b = (uint32_t)val, seen |= 32;
            else if (KEY("shift", "c") && val >= 1 && val < 64)
                c->shift_c = (uint32_t)val, seen |= 64;
            else if (KEY("query", "lookups_per_call") && val >= 1 && val <= 100000000)
                c->lookups = (uint32_t)val, seen |= 128;
            else
                return 0;
#undef KEY
        }
        p = *eol ? eol + 1 : eol;
    }
    return seen == 255;
}

static void init(void)
{
    if (!parse_config(config_text, &cfg)) {
        init_error = 1;
        return;
    }
    uint32_t n = 1u << cfg.log2_size;
    for (uint32_t i = 0; i < n; i++) {
        uint64_t x = (uint64_t)i ^ cfg.salt;
        for (uint32_t r = 0; r < cfg.rounds; r++) {
            x ^= x >> cfg.shift_a;
            x *= cfg.multiplier;
            x ^= x << cfg.shift_c;
            x ^= x >> cfg.shift_b;
        }
        table[i] = (uint32_t)(x >> 32);
    }
    initialized = 1;
}

#ifdef __wasm__
/* Called by Wizer at build time to produce the pre-initialised twin. */
__attribute__((export_name("wizer.initialize"))) void nn_wizer_initialize(void)
{
    init();
}
#endif

/* Chained lookups: each index depends on the previous entry. */
__attribute__((noinline)) static uint64_t kernel(const uint32_t *t, uint32_t mask, uint32_t lookups,
                                                 uint64_t prev)
{
    uint32_t x = (uint32_t)prev;
    uint64_t acc = prev;
    for (uint32_t k = 0; k < lookups; k++) {
        x = t[(x ^ k) & mask] + (x >> 7);
        acc += x;
    }
    return acc ^ (acc >> 29);
}

int main(int argc, char **argv)
{
    nn_size size = nn_parse_size(argc, argv, "inittable");
    uint32_t iterations = size == NN_QUICK ? 8 : 240;

    if (!initialized)
        init();
    if (init_error)
        nn_fail("inittable", "bad embedded configuration");

    uint32_t n = 1u << cfg.log2_size;
    uint64_t checksum = nn_fnv_bytes(NN_FNV_INIT, table, n * sizeof table[0]);
    uint64_t prev = cfg.salt;

    uint64_t t0 = nn_now_ns();
    for (uint32_t i = 0; i < iterations; i++) {
        prev = kernel(table, n - 1u, cfg.lookups, prev);
        checksum = nn_fnv_u64(checksum, prev);
    }
    uint64_t t1 = nn_now_ns();

    nn_sink(prev);
    return nn_report("inittable", size, iterations, t1 - t0, checksum);
}
