/* interp - category "branchy": a bytecode interpreter.
 *
 * A small register VM (64-bit registers, 32-bit word memory, switch dispatch)
 * runs a fixed program: for each word of a window of pseudo-random data it
 * iterates the Collatz map until it reaches 1, recording the step count and
 * the peak value, and folds both into an accumulator. Every VM branch depends
 * on the data, so the host sees an unpredictable stream of opcodes and taken
 * or not-taken branches. Each kernel call runs the program over a different
 * window and starts from the previous call's accumulator. */
#include "common/nn.h"

#include <stdlib.h>

enum {
    OP_HALT,  /* return r[a] */
    OP_LI,    /* r[a] = imm */
    OP_MOV,   /* r[a] = r[b] */
    OP_ADD,   /* r[a] = r[b] + r[c] */
    OP_XOR,   /* r[a] = r[b] ^ r[c] */
    OP_ADDI,  /* r[a] = r[b] + imm */
    OP_ANDI,  /* r[a] = r[b] & imm */
    OP_MULI,  /* r[a] = r[b] * imm */
    OP_SHRI,  /* r[a] = r[b] >> imm */
    OP_LD,    /* r[a] = mem[r[b] + imm] */
    OP_ST,    /* mem[r[b] + imm] = r[a] */
    OP_JMP,   /* pc = imm */
    OP_BEQZ,  /* if r[a] == 0: pc = imm */
    OP_BEQI,  /* if r[a] == c: pc = imm (c is a small constant) */
    OP_BGEU,  /* if r[a] >= r[b]: pc = imm */
    OP_BLTUI, /* if r[a] < c: pc = imm (c is a small constant) */
    OP_COUNT
};

typedef struct {
    uint8_t op, a, b, c;
    int64_t imm;
} insn;

#define NREGS 16
#define MAX_CODE 64

/* Runs `code` with r1..r3 preset from `in`. Returns r[a] of the HALT; a
 * bad memory access or opcode makes it return (uint64_t)-1 with *fault set. */
__attribute__((noinline)) static uint64_t vm_run(const insn *code, uint32_t *mem,
                                                 uint64_t mem_len, const uint64_t in[3],
                                                 int *fault)
{
    uint64_t r[NREGS] = {0};
    r[1] = in[0];
    r[2] = in[1];
    r[3] = in[2];
    const insn *pc = code;
    for (;;) {
        const insn *i = pc++;
        switch (i->op) {
        case OP_HALT:
            return r[i->a];
        case OP_LI:
            r[i->a] = (uint64_t)i->imm;
            break;
        case OP_MOV:
            r[i->a] = r[i->b];
            break;
        case OP_ADD:
            r[i->a] = r[i->b] + r[i->c];
            break;
        case OP_XOR:
            r[i->a] = r[i->b] ^ r[i->c];
            break;
        case OP_ADDI:
            r[i->a] = r[i->b] + (uint64_t)i->imm;
            break;
        case OP_ANDI:
            r[i->a] = r[i->b] & (uint64_t)i->imm;
            break;
        case OP_MULI:
            r[i->a] = r[i->b] * (uint64_t)i->imm;
            break;
        case OP_SHRI:
            r[i->a] = r[i->b] >> (i->imm & 63);
            break;
        case OP_LD: {
            uint64_t addr = r[i->b] + (uint64_t)i->imm;
            if (addr >= mem_len)
                goto bad;
            r[i->a] = mem[addr];
            break;
        }
        case OP_ST: {
            uint64_t addr = r[i->b] + (uint64_t)i->imm;
            if (addr >= mem_len)
                goto bad;
            mem[addr] = (uint32_t)r[i->a];
            break;
        }
        case OP_JMP:
            pc = code + i->imm;
            break;
        case OP_BEQZ:
            if (r[i->a] == 0)
                pc = code + i->imm;
            break;
        case OP_BEQI:
            if (r[i->a] == i->c)
                pc = code + i->imm;
            break;
        case OP_BGEU:
            if (r[i->a] >= r[i->b])
                pc = code + i->imm;
            break;
        case OP_BLTUI:
            if (r[i->a] < i->c)
                pc = code + i->imm;
            break;
        default:
            goto bad;
        }
    }
bad:
    *fault = 1;
    return (uint64_t)-1;
}

/* --- a tiny assembler with forward labels -------------------------------- */

enum { L_LOOP, L_INNER, L_EVEN, L_NEXT, L_DONE, L_SHORT, L_END, L_COUNT };

typedef struct {
    insn code[MAX_CODE];
    int label_at[L_COUNT];
    int label_use[MAX_CODE]; /* label index + 1 for branch targets, else 0 */
    int n;
} assembler;

static void emit(assembler *as, uint8_t op, uint8_t a, uint8_t b, uint8_t c, int64_t imm)
{
    if (as->n >= MAX_CODE)
        nn_fail("interp", "program too long");
    as->code[as->n] = (insn){op, a, b, c, imm};
    as->label_use[as->n] = 0;
    as->n++;
}

static void branch(assembler *as, uint8_t op, uint8_t a, uint8_t b, uint8_t c, int label)
{
    emit(as, op, a, b, c, 0);
    as->label_use[as->n - 1] = label + 1;
}

static void label(assembler *as, int l)
{
    as->label_at[l] = as->n;
}

/* Registers: r1 = index, r2 = end index, r3 = accumulator (in and out),
 * r4 = x, r5 = steps, r6 = peak, r7 = scratch, r8 = long-run count,
 * r9 = output base. Data lives in mem[0 .. data_len), step counts are
 * stored to mem[data_len + index]. */
static void assemble(assembler *as, uint32_t data_len)
{
    as->n = 0;
    for (int l = 0; l < L_COUNT; l++)
        as->label_at[l] = -1;

    emit(as, OP_LI, 8, 0, 0, 0);
    emit(as, OP_LI, 9, 0, 0, data_len);
    label(as, L_LOOP);
    branch(as, OP_BGEU, 1, 2, 0, L_END);
    emit(as, OP_LD, 4, 1, 0, 0);
    emit(as, OP_ANDI, 4, 4, 0, 0xfffff);
    emit(as, OP_ADDI, 4, 4, 0, 1);
    emit(as, OP_LI, 5, 0, 0, 0);
    emit(as, OP_MOV, 6, 4, 0, 0);
    label(as, L_INNER);
    branch(as, OP_BEQI, 4, 0, 1, L_DONE);
    emit(as, OP_ANDI, 7, 4, 0, 1);
    branch(as, OP_BEQZ, 7, 0, 0, L_EVEN);
    emit(as, OP_MULI, 4, 4, 0, 3);
    emit(as, OP_ADDI, 4, 4, 0, 1);
    branch(as, OP_BGEU, 6, 4, 0, L_NEXT);
    emit(as, OP_MOV, 6, 4, 0, 0);
    branch(as, OP_JMP, 0, 0, 0, L_NEXT);
    label(as, L_EVEN);
    emit(as, OP_SHRI, 4, 4, 0, 1);
    label(as, L_NEXT);
    emit(as, OP_ADDI, 5, 5, 0, 1);
    branch(as, OP_JMP, 0, 0, 0, L_INNER);
    label(as, L_DONE);
    emit(as, OP_ADD, 7, 1, 9, 0);
    emit(as, OP_ST, 5, 7, 0, 0);
    branch(as, OP_BLTUI, 5, 0, 100, L_SHORT);
    emit(as, OP_ADDI, 8, 8, 0, 1);
    label(as, L_SHORT);
    emit(as, OP_XOR, 3, 3, 5, 0);
    emit(as, OP_MULI, 3, 3, 0, (int64_t)0x100000001b3);
    emit(as, OP_ADD, 3, 3, 6, 0);
    emit(as, OP_ADDI, 1, 1, 0, 1);
    branch(as, OP_JMP, 0, 0, 0, L_LOOP);
    label(as, L_END);
    emit(as, OP_MULI, 3, 3, 0, 31);
    emit(as, OP_ADD, 3, 3, 8, 0);
    emit(as, OP_HALT, 3, 0, 0, 0);

    for (int k = 0; k < as->n; k++) {
        int l = as->label_use[k];
        if (l == 0)
            continue;
        if (as->label_at[l - 1] < 0)
            nn_fail("interp", "undefined label");
        as->code[k].imm = as->label_at[l - 1];
    }
}

#define DATA_LEN (1u << 18) /* 256 Ki words of input */
#define WINDOW 1024u        /* words per kernel call */

__attribute__((noinline)) static uint64_t kernel(const insn *code, uint32_t *mem,
                                                 uint32_t start, uint64_t acc)
{
    uint64_t in[3] = {start, start + WINDOW, acc};
    int fault = 0;
    uint64_t r = vm_run(code, mem, DATA_LEN * 2u, in, &fault);
    if (fault)
        nn_fail("interp", "VM fault");
    return r;
}

int main(int argc, char **argv)
{
    nn_size size = nn_parse_size(argc, argv, "interp");
    uint32_t iterations = size == NN_QUICK ? 8 : 320;

    uint32_t *mem = calloc(DATA_LEN * 2u, sizeof *mem);
    if (!mem)
        nn_fail("interp", "out of memory");
    uint64_t seed = 0x2545f4914f6cdd1dULL;
    for (uint32_t k = 0; k < DATA_LEN; k++)
        mem[k] = (uint32_t)(nn_rand_next(&seed) >> 32);

    static assembler as;
    assemble(&as, DATA_LEN);

    uint64_t acc = 0x6a09e667f3bcc908ULL;
    uint64_t checksum = NN_FNV_INIT;

    uint64_t t0 = nn_now_ns();
    for (uint32_t i = 0; i < iterations; i++) {
        uint32_t start = (uint32_t)(((uint64_t)i * 40503u * WINDOW) % (DATA_LEN - WINDOW));
        acc = kernel(as.code, mem, start, acc);
        checksum = nn_fnv_u64(checksum, acc);
    }
    uint64_t t1 = nn_now_ns();

    /* The stored step counts are part of the result too. */
    checksum = nn_fnv_bytes(checksum, mem + DATA_LEN, DATA_LEN * sizeof *mem);
    nn_sink(acc);
    free(mem);
    return nn_report("interp", size, iterations, t1 - t0, checksum);
}
