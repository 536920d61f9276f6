using System.Text.Json;
using NearNative.Domain.Results;

namespace NearNative.Agent.Measurement;

/// <summary>
/// Reads the one JSON line an instance-start host prints (<c>nn-wasmtime instances</c>, the Node script, <c>nn-spawn</c>):
/// <c>{"warmupNs":[…],"startNs":[…],"liveInstances":N,"residentBefore":B,"residentAfter":A}</c>, or
/// <c>{"unavailable":"reason"}</c> when the method cannot run on this machine.
/// </summary>
public static class InstanceStartOutput
{
    /// <returns>The measurement, or null with what was wrong with the output.</returns>
    public static InstanceStart? Parse(string stdout, string runtime, string method, out string? problem)
    {
        var line = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        problem = null;
        try
        {
            using var json = JsonDocument.Parse(line ?? "");
            var root = json.RootElement;
            if (root.TryGetProperty("unavailable", out var reason) && reason.GetString() is { Length: > 0 } text)
            {
                return InstanceStart.Unavailable(runtime, method, text);
            }

            var start = Times(root.GetProperty("startNs"));
            var warmup = Times(root.GetProperty("warmupNs"));
            if (start.Count == 0 || start.Concat(warmup).Any(ns => ns <= 0))
            {
                problem = "no positive start times";
                return null;
            }

            return new InstanceStart(
                runtime,
                method,
                start,
                warmup,
                root.GetProperty("liveInstances").GetInt32(),
                Bytes(root.GetProperty("residentBefore")),
                Bytes(root.GetProperty("residentAfter")));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            problem = "unreadable output line";
            return null;
        }
    }

    private static List<long> Times(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt64())];

    /// <summary>A host that could not read its resident set says -1 or null: no figure rather than a wrong one.</summary>
    private static long? Bytes(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null || value.GetInt64() < 0 ? null : value.GetInt64();
}
