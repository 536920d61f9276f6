using System.Text.Json;
using System.Text.Json.Serialization;

namespace NearNative.Agent.Measurement;

/// <summary>
/// The one line every workload prints on stdout:
/// <c>{"workload":"fib","size":"quick","iterations":40,"kernel_ns":123456789,"checksum":"0123456789abcdef"}</c>,
/// with <c>"bytes"</c> (bytes moved) added by the file I/O workloads.
/// </summary>
public sealed record WorkloadOutput(
    [property: JsonPropertyName("workload")] string Workload,
    [property: JsonPropertyName("size")] string Size,
    [property: JsonPropertyName("iterations")] long Iterations,
    [property: JsonPropertyName("kernel_ns")] long KernelNs,
    [property: JsonPropertyName("checksum")] string Checksum,
    [property: JsonPropertyName("bytes")] long? Bytes = null)
{
    public const int ChecksumLength = 16;

    private static readonly JsonSerializerOptions Options = new()
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Parses a process's whole stdout, which must be exactly one such line.</summary>
    /// <param name="error">Why the output is unusable, in a few words.</param>
    public static bool TryParse(string stdout, out WorkloadOutput? output, out string? error)
    {
        output = null;
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length != 1)
        {
            error = $"expected one output line, got {lines.Length}";
            return false;
        }

        try
        {
            output = JsonSerializer.Deserialize<WorkloadOutput>(lines[0], Options);
        }
        catch (JsonException e)
        {
            error = "output is not the workload line: " + e.Message;
            return false;
        }

        if (output is null || output.KernelNs < 0 || output.Iterations < 0
            || output.Checksum.Length != ChecksumLength || !output.Checksum.All(char.IsAsciiHexDigit))
        {
            output = null;
            error = "output line has out-of-range fields";
            return false;
        }

        error = null;
        return true;
    }
}
