/* empty - category "startup": no work at all.
 *
 * Parses the size argument and prints its result line (no iterations,
 * kernel_ns 0, the FNV-1a 64 hash of no data as checksum), so the measured
 * process time is the runtime's cold start plus the libc start-up and one
 * write to stdout. */
#include "common/nn.h"

int main(int argc, char **argv)
{
    nn_size size = nn_parse_size(argc, argv, "empty");
    return nn_report("empty", size, 0, 0, NN_FNV_INIT);
}
