/* csvparse - category "branchy": a CSV (RFC 4180) tokenizer and parser.
 *
 * Generated CSV text (about 1 MiB, 16 384 records with 8 columns) mixes plain
 * and quoted fields, quoted fields with embedded commas, doubled quotes and
 * line breaks, empty fields, LF and CRLF line endings, negative decimals
 * and dates. Each kernel call runs a byte-at-a-time state machine over 2 048
 * consecutive records starting at a record chosen by the previous call's
 * result, unescapes quoted fields into a buffer, converts the numeric and
 * date columns with our own exact integer parsers (no strtod, so both libcs
 * do identical work), validates them, and aggregates per-city totals in a
 * small hash table. Stresses byte-wise branching on character classes, a
 * data-dependent state machine and short unpredictable loops. */
#include "common/nn.h"

#include <stdlib.h>
#include <string.h>

#define NRECORDS 16384u
#define WINDOW 2048u
#define NCOLS 8
#define MAX_FIELD 512
#define CITY_SLOTS 64u

typedef struct {
    uint32_t hash;
    uint32_t count;
    int64_t amount_cents;
    int64_t quantity;
} city_agg;

typedef struct {
    char field[MAX_FIELD];
    uint32_t len;
    int quoted;
} field_buf;

static uint32_t hash_str(const char *s, uint32_t n)
{
    uint32_t h = 2166136261u;
    for (uint32_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* "-123.45" -> -12345 (exactly two decimals required); returns 0 on error. */
static int parse_cents(const char *s, uint32_t n, int64_t *out)
{
    uint32_t i = 0;
    int neg = 0;
    if (i < n && s[i] == '-') {
        neg = 1;
        i++;
    }
    int64_t v = 0;
    uint32_t digits = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9' && digits < 15) {
        v = v * 10 + (s[i++] - '0');
        digits++;
    }
    if (digits == 0 || i + 3 != n || s[i] != '.' || s[i + 1] < '0' || s[i + 1] > '9' ||
        s[i + 2] < '0' || s[i + 2] > '9')
        return 0;
    v = v * 100 + (s[i + 1] - '0') * 10 + (s[i + 2] - '0');
    *out = neg ? -v : v;
    return 1;
}

static int parse_uint(const char *s, uint32_t n, int64_t *out)
{
    if (n == 0 || n > 12)
        return 0;
    int64_t v = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

/* YYYY-MM-DD -> days since 2000-01-01 (proleptic Gregorian); 0 on error. */
static int parse_date(const char *s, uint32_t n, int64_t *out)
{
    static const int cum[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    int64_t y, m, d;
    if (n != 10 || s[4] != '-' || s[7] != '-' || !parse_uint(s, 4, &y) || !parse_uint(s + 5, 2, &m) ||
        !parse_uint(s + 8, 2, &d) || m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    int64_t leap_before = (y - 1) / 4 - (y - 1) / 100 + (y - 1) / 400 - (1999 / 4 - 1999 / 100 + 1999 / 400);
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    *out = (y - 2000) * 365 + leap_before + cum[m - 1] + (m > 2 && leap) + d - 1;
    return 1;
}

typedef struct {
    city_agg cities[CITY_SLOTS];
    uint64_t h;
    uint32_t rows, bad, flags_true, empty_fields;
    int64_t days;
} agg;

static void consume_row(agg *a, field_buf *f, int nf)
{
    if (nf != NCOLS) {
        a->bad++;
        return;
    }
    int64_t id, cents, qty, day;
    if (!parse_uint(f[0].field, f[0].len, &id) || !parse_cents(f[3].field, f[3].len, &cents) ||
        !parse_uint(f[4].field, f[4].len, &qty) || !parse_date(f[5].field, f[5].len, &day)) {
        a->bad++;
        return;
    }
    uint32_t ch = hash_str(f[2].field, f[2].len);
    uint32_t slot = ch % CITY_SLOTS;
    while (a->cities[slot].count && a->cities[slot].hash != ch)
        slot = (slot + 1u) % CITY_SLOTS;
    city_agg *c = &a->cities[slot];
    c->hash = ch;
    c->count++;
    c->amount_cents += cents;
    c->quantity += qty;
    a->days += day;
    if (f[6].len == 4 && memcmp(f[6].field, "true", 4) == 0)
        a->flags_true++;
    for (int k = 0; k < NCOLS; k++)
        a->empty_fields += f[k].len == 0;
    /* Name and note contribute their unescaped bytes. */
    a->h = (a->h ^ hash_str(f[1].field, f[1].len)) * 0x100000001b3ULL;
    a->h = (a->h ^ hash_str(f[7].field, f[7].len) ^ (uint64_t)id) * 0x100000001b3ULL;
    a->rows++;
}

enum { S_FIELD_START, S_UNQUOTED, S_QUOTED, S_QUOTE_IN_QUOTED };

/* Parses `nrec` records from p; returns the number of bytes consumed. */
static size_t parse_records(const char *p, const char *end, uint32_t nrec, agg *a, field_buf *f)
{
    const char *start = p;
    int state = S_FIELD_START, nf = 0;
    f[0].len = 0;
    f[0].quoted = 0;
    uint32_t done = 0;
    while (done < nrec) {
        if (p >= end) {
            if (state == S_QUOTED)
                nn_fail("csvparse", "unterminated quoted field");
            if (state != S_FIELD_START || nf > 0) {
                consume_row(a, f, nf + 1);
                done++;
            }
            break;
        }
        char c = *p++;
        field_buf *cur = &f[nf < NCOLS ? nf : NCOLS];
        switch (state) {
        case S_FIELD_START:
            if (c == '"') {
                cur->quoted = 1;
                state = S_QUOTED;
                break;
            }
            state = S_UNQUOTED;
            /* fall through */
        case S_UNQUOTED:
            if (c == ',') {
                nf++;
                f[nf < NCOLS ? nf : NCOLS].len = 0;
                f[nf < NCOLS ? nf : NCOLS].quoted = 0;
                state = S_FIELD_START;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && p < end && *p == '\n')
                    p++;
                consume_row(a, f, nf + 1);
                done++;
                nf = 0;
                f[0].len = 0;
                f[0].quoted = 0;
                state = S_FIELD_START;
            } else if (c == '"') {
                nn_fail("csvparse", "quote inside an unquoted field");
            } else if (cur->len < MAX_FIELD) {
                cur->field[cur->len++] = c;
            }
            break;
        case S_QUOTED:
            if (c == '"')
                state = S_QUOTE_IN_QUOTED;
            else if (cur->len < MAX_FIELD)
                cur->field[cur->len++] = c;
            break;
        case S_QUOTE_IN_QUOTED:
            if (c == '"') { /* doubled quote: a literal quote */
                if (cur->len < MAX_FIELD)
                    cur->field[cur->len++] = '"';
                state = S_QUOTED;
            } else {
                state = S_UNQUOTED;
                p--; /* re-read the delimiter */
            }
            break;
        }
    }
    return (size_t)(p - start);
}

__attribute__((noinline)) static uint64_t kernel(const char *text, size_t len, const uint32_t *rec_off,
                                                 uint64_t prev)
{
    static field_buf fields[NCOLS + 1];
    agg a;
    memset(&a, 0, sizeof a);
    a.h = prev;
    uint32_t first = 1u + (uint32_t)(prev % (NRECORDS - WINDOW)); /* record 0 is the header */
    parse_records(text + rec_off[first], text + len, WINDOW, &a, fields);
    uint64_t h = a.h;
    for (uint32_t s = 0; s < CITY_SLOTS; s++) {
        if (!a.cities[s].count)
            continue;
        h = nn_fnv_u64(h, a.cities[s].hash);
        h = nn_fnv_u64(h, (uint64_t)a.cities[s].amount_cents);
        h = nn_fnv_u64(h, (uint64_t)a.cities[s].quantity ^ a.cities[s].count);
    }
    h = nn_fnv_u64(h, a.rows | (uint64_t)a.bad << 20 | (uint64_t)a.flags_true << 40);
    h = nn_fnv_u64(h, (uint64_t)a.days ^ (uint64_t)a.empty_fields << 48);
    return h;
}

/* --- input generation ------------------------------------------------------ */

typedef struct {
    char *buf;
    size_t len;
} text_buf;

static void add(text_buf *t, const char *s)
{
    size_t n = strlen(s);
    memcpy(t->buf + t->len, s, n);
    t->len += n;
}

static void add_num(text_buf *t, uint64_t v, int min_digits)
{
    char rev[24];
    int k = 0;
    do {
        rev[k++] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v || k < min_digits);
    while (k)
        t->buf[t->len++] = rev[--k];
}

static size_t generate(char *buf, uint32_t *rec_off)
{
    static const char *const first[] = {"Anna", "Bo", "Chen", "Dmitri", "Eve", "Farah", "Gus", "Hiro"};
    static const char *const last[] = {"Smith", "O'Neil", "Nguyen", "Garcia", "Muller", "Rossi", "Kim"};
    static const char *const cities[] = {"Berlin", "Lisbon", "Osaka", "Lima", "Accra", "Oslo", "Quito",
                                         "Pune", "Perth", "Cork", "Split", "Brno"};
    static const char *const notes[] = {"", "ok", "late delivery", "gift, wrap it", "call \"before\" noon",
                                        "line one\nline two", "fragile; handle with care"};
    text_buf t = {buf, 0};
    uint64_t seed = 0x9216d5d98979fb1bULL;
    rec_off[0] = 0;
    add(&t, "id,name,city,amount,quantity,date,flag,note\n");
    for (uint32_t i = 1; i < NRECORDS; i++) {
        rec_off[i] = (uint32_t)t.len;
        uint64_t r = nn_rand_next(&seed), q = nn_rand_next(&seed);
        add_num(&t, 1000u + i, 1);
        add(&t, ",");
        int quote_name = (r & 3u) == 0;
        if (quote_name)
            add(&t, "\"");
        add(&t, last[(r >> 2) % 7u]);
        if (quote_name) {
            add(&t, ", ");
            add(&t, first[(r >> 5) % 8u]);
            add(&t, "\"");
        } else {
            add(&t, " ");
            add(&t, first[(r >> 5) % 8u]);
        }
        add(&t, ",");
        add(&t, cities[(r >> 8) % 12u]);
        add(&t, ",");
        if ((r >> 12) % 5u == 0u)
            add(&t, "-");
        add_num(&t, (q >> 8) % 100000u, 1);
        add(&t, ".");
        add_num(&t, q % 100u, 2);
        add(&t, ",");
        add_num(&t, (q >> 30) % 50u, 1);
        add(&t, ",");
        add_num(&t, 1990u + (q >> 36) % 40u, 4);
        add(&t, "-");
        add_num(&t, 1u + (q >> 42) % 12u, 2);
        add(&t, "-");
        add_num(&t, 1u + (q >> 46) % 28u, 2);
        add(&t, ",");
        uint32_t fl = (uint32_t)(r >> 16) % 3u;
        add(&t, fl == 0 ? "true" : fl == 1 ? "false" : "");
        add(&t, ",");
        const char *note = notes[(r >> 20) % 7u];
        if (strpbrk(note, ",\"\n")) {
            add(&t, "\"");
            for (const char *s = note; *s; s++) {
                if (*s == '"')
                    t.buf[t.len++] = '"';
                t.buf[t.len++] = *s;
            }
            add(&t, "\"");
        } else {
            add(&t, note);
        }
        add(&t, (r >> 24) % 4u == 0u ? "\r\n" : "\n");
    }
    return t.len;
}

int main(int argc, char **argv)
{
    nn_size size = nn_parse_size(argc, argv, "csvparse");
    uint32_t iterations = size == NN_QUICK ? 16 : 400;

    char *text = malloc(NRECORDS * 160u);
    uint32_t *rec_off = malloc(NRECORDS * sizeof *rec_off);
    if (!text || !rec_off)
        nn_fail("csvparse", "out of memory");
    size_t len = generate(text, rec_off);

    uint64_t checksum = nn_fnv_u64(NN_FNV_INIT, len);
    uint64_t prev = 0x4cf5ad432745937fULL;

    uint64_t t0 = nn_now_ns();
    for (uint32_t i = 0; i < iterations; i++) {
        prev = kernel(text, len, rec_off, prev);
        checksum = nn_fnv_u64(checksum, prev);
    }
    uint64_t t1 = nn_now_ns();

    nn_sink(prev);
    free(rec_off);
    free(text);
    return nn_report("csvparse", size, iterations, t1 - t0, checksum);
}
