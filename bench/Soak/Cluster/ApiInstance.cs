using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NearNative.Soak.Cluster;

/// <summary>
/// The API as a real process (<c>dotnet NearNative.Api.dll</c> from this program's output) on a fixed loopback port,
/// which it keeps across a kill and a restart; its output goes to a log file.
/// </summary>
public sealed class ApiInstance : IAsyncDisposable
{
    public const string AdminToken = "soak-admin-token-0123456789abcdefghijklmnopq";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string _logPath;
    private readonly StreamWriter _log;
    private Process? _process;
    private bool _closed;

    public ApiInstance(int index, IReadOnlyDictionary<string, string> settings, string logDirectory)
    {
        Index = index;
        _settings = settings;
        Port = FreePort();
        Address = new Uri($"http://127.0.0.1:{Port}/");
        _logPath = Path.Combine(logDirectory, $"api-{index}.log");
        _log = new StreamWriter(_logPath, append: true) { AutoFlush = true };
    }

    public int Index { get; }

    public int Port { get; }

    public Uri Address { get; }

    /// <summary>Times the process was started, the first included.</summary>
    public int Starts { get; private set; }

    public static string ManifestPath => Path.Combine(AppContext.BaseDirectory, "TestSuite", "manifest.json");

    /// <summary>Starts the process and waits until it serves <c>/health/live</c>.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "NearNative.Api.dll"), "--urls", Address.ToString().TrimEnd('/') },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Suites__Manifests__0"] = ManifestPath;
        start.Environment["Admin__Token"] = AdminToken;
        start.Environment["RateLimiting__PermitLimit"] = "1000000";
        start.Environment["RateLimiting__KeyPermitLimit"] = "1000000";
        start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "None";
        foreach (var (name, value) in _settings)
        {
            start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.Exited += (_, _) => Write($"# exited with {SafeExitCode(process)}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Starts++;

        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"API {Index} exited while starting; see {_logPath}");
            }

            try
            {
                using var live = await client.GetAsync(new Uri("health/live", UriKind.Relative));
                if (live.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"API {Index} did not start within {StartTimeout}; see {_logPath}");
    }

    /// <summary>SIGKILL: no shutdown, no flush, open transactions left for PostgreSQL to roll back.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public bool IsRunning => _process is { HasExited: false };

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        lock (_log)
        {
            _closed = true;
            _log.Dispose();
        }
    }

    private void Write(string? line)
    {
        lock (_log)
        {
            if (line is not null && !_closed)
            {
                _log.WriteLine(line);
            }
        }
    }

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
