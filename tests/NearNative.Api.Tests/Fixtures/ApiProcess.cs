using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace NearNative.Api.Tests.Fixtures;

/// <summary>
/// The API as a real process (<c>dotnet NearNative.Api.dll</c>, as deployed) on a free loopback port, with the
/// tests' defaults plus the given settings as environment variables. Keeps every line it writes to standard output.
/// </summary>
public sealed partial class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private ApiProcess(Process process, ConcurrentQueue<string> output, Uri address)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Standard output so far, one entry per line.</summary>
    public IReadOnlyList<string> OutputLines => [.. _output];

    /// <summary>True once the process has ended, whether it was stopped or crashed.</summary>
    public bool HasExited => _process.HasExited;

    public HttpClient CreateClient() => new() { BaseAddress = Address };

    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "NearNative.Api.dll") },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("Logging__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in NearNativeApiFactory.TestDefaults.Concat(settings))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var output = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            output.Enqueue(e.Data);
            if (ListeningLine().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups["address"].Value));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                errors.Enqueue(e.Data);
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            "The API process exited before listening:\n" + string.Join('\n', output.Concat(errors))));

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new ApiProcess(process, output, await listening.Task.WaitAsync(StartTimeout));
        }
        catch
        {
            await Stop(process);
            throw;
        }
    }

    public async ValueTask DisposeAsync() => await Stop(_process);

    private static async Task Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    // The host's start-up line, in the JSON formatter's "Message" or the simple formatter's text alike.
    [GeneratedRegex(@"Now listening on: (?<address>http://[^""\s]+)")]
    private static partial Regex ListeningLine();
}
