using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using NearNative.Agent.Measurement;
using NearNative.Agent.Tests.Support;
using NearNative.Domain.Results;

namespace NearNative.Agent.Tests.Commands;

/// <summary><c>run --wasm app.wasm --native app -- args</c> on a program built here from C, both ways, with the suite's clang-14.</summary>
public sealed class CustomProgramRunTests
{
    private const string Source = """
        #include <stdio.h>
        #include <stdlib.h>
        int main(int argc, char **argv) {
            unsigned long long n = argc > 1 ? strtoull(argv[1], 0, 10) : 10, a = 0, b = 1;
            for (unsigned long long i = 0; i < n * 100000; i++) { unsigned long long t = a + b; a = b; b = t ^ (t >> 7); }
            printf("n=%llu result=%llu\n", n, a);
            return 0;
        }
        """;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task AUserProgramIsMeasuredLikeAWorkloadAndMarkedCustom()
    {
        using var work = new TempDirectory();
        var (wasm, native) = await Build(work);

        var result = await AgentProcess.RunAsync(
            work.Path, "run", "--wasm", wasm, "--native", native, "--runtimes", "wasmtime", "--rounds", "3", "--max-rounds", "3",
            "--max-wait", "0", "--json", "--", "7");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        var document = ResultJson.Deserialize(Encoding.UTF8.GetBytes(result.Out.TrimEnd('\n')));
        Assert.Equal(new SuiteReference("custom", "custom"), document.Suite);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(wasm))), document.Run.CustomModuleSha256);
        Assert.Equal(0, document.Run.ColdStartRounds);

        var expected = SampleClassifier.StdoutChecksum("n=7 result=" + Expected(7) + "\n");
        var measured = document.Samples.Where(s => s.Stage == SampleStage.Measured).ToList();
        Assert.Equal(6, measured.Count);
        Assert.All(measured, s =>
        {
            Assert.Equal((MeasurementPlans.CustomWorkloadId, SampleOutcome.Ok, expected), (s.Workload, s.Outcome, s.Checksum));
            Assert.Equal(s.WallNs, s.KernelNs);
            Assert.True(s.PeakRssBytes > 0);
        });
        Assert.DoesNotContain(work.Path, result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AUserProgramIsNeverSubmitted()
    {
        using var home = new TempDirectory();

        var result = await CliRun.InvokeAsync(home.Path, "run", "--wasm", "app.wasm", "--native", "app", "--submit", "--server", "https://example.org");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("never sent to the leaderboard", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("run", "--wasm", "app.wasm")]
    [InlineData("run", "--native", "app")]
    [InlineData("run", "--", "5")]
    public async Task AHalfGivenUserProgramIsAUsageError(params string[] args)
    {
        using var home = new TempDirectory();

        var result = await CliRun.InvokeAsync(home.Path, args);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Single(result.ErrorLines);
    }

    private static string Expected(ulong n)
    {
        ulong a = 0, b = 1;
        for (ulong i = 0; i < n * 100000; i++)
        {
            var t = a + b;
            a = b;
            b = t ^ (t >> 7);
        }

        return a.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<(string Wasm, string Native)> Build(TempDirectory work)
    {
        var source = work.File("app.c");
        await File.WriteAllTextAsync(source, Source);
        var native = work.File("app");
        var wasm = work.File("app.wasm");
        await Compile("-O2", "-o", native, source);
        await Compile("--target=wasm32-wasi", "--sysroot=/usr", "-O2", "-o", wasm, source);
        return (wasm, native);
    }

    private static async Task Compile(params string[] args)
    {
        using var clang = Process.Start(new ProcessStartInfo("clang-14", args) { RedirectStandardError = true })!;
        var errors = await clang.StandardError.ReadToEndAsync();
        await clang.WaitForExitAsync();
        Assert.True(clang.ExitCode == 0, errors);
    }
}
