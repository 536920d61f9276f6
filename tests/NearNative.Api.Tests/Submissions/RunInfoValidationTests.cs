using System.Net;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Results;

namespace NearNative.Api.Tests.Submissions;

/// <summary>The run's later optional fields: noise, pressure, budget and rounds per workload, each bounded.</summary>
[Collection(OnPostgres.Name)]
public sealed class RunInfoValidationTests(PostgresFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task AWellFormedRunWithEveryOptionalFieldIsAccepted()
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().Edit(d => d with { Run = FullRun(d.Run) }).Build();

        using var response = await Client.SubmitAsync(key, document);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("stoppedBy")]
    [InlineData("budgetSeconds")]
    [InlineData("waitedSeconds")]
    [InlineData("cpuPressureBefore")]
    [InlineData("workloadRounds")]
    [InlineData("roundNoise[1]")]
    [InlineData("noisyRounds")]
    [InlineData("memoryCapBytes")]
    [InlineData("peakRssMethod")]
    [InlineData("customModuleSha256")]
    [InlineData("maxRounds")]
    public async Task EachOptionalRunFieldIsBounded(string field)
    {
        var key = await Client.RegisterNewKeyAsync();
        var document = key.Document().Edit(d =>
        {
            var run = FullRun(d.Run);
            return d with
            {
                Run = field switch
                {
                    "stoppedBy" => run with { StoppedBy = "whenever" },
                    "budgetSeconds" => run with { BudgetSeconds = -1 },
                    "waitedSeconds" => run with { WaitedSeconds = 1e9 },
                    "cpuPressureBefore" => run with { CpuPressureBefore = 150 },
                    "workloadRounds" => run with { WorkloadRounds = new Dictionary<string, int> { ["nope"] = 10 } },
                    "roundNoise[1]" => run with { RoundNoise = [run.RoundNoise![0], run.RoundNoise[1] with { Phase = "lunch" }] },
                    "noisyRounds" => run with { NoisyRounds = 3 },
                    "memoryCapBytes" => run with { MemoryCapBytes = 0 },
                    "peakRssMethod" => run with { PeakRssMethod = "fork\nwait4" },
                    "customModuleSha256" => run with { CustomModuleSha256 = new string('a', 64) },
                    _ => run with { MaxRounds = -1 },
                },
            };
        }).Build();

        using var response = await Client.SubmitAsync(key, document);

        var errors = await response.AssertValidationProblemAsync();
        Assert.Equal([$"run.{field}"], errors.Keys);
        Assert.Equal(0, (await Fixture.CountRowsAsync()).Submissions);
    }

    private static RunInfo FullRun(RunInfo run) => run with
    {
        ColdStartRounds = 20,
        MaxRounds = 40,
        BudgetSeconds = 1800,
        StoppedBy = RunInfo.StoppedSettled,
        WorkloadRounds = new Dictionary<string, int> { ["fib"] = 10, ["inittable"] = 12, [ResultDocumentBuilder.PreinitTwin] = 12 },
        WaitedSeconds = 4.5,
        CpuPressureBefore = 1.25,
        NoisyRounds = 1,
        RoundNoise =
        [
            new RoundNoise(RoundNoise.ColdStartPhase, 0, 0.2, 0, 0.5, false),
            new RoundNoise(RoundNoise.WorkloadsPhase, 0, 1.5, 2.5, null, true),
        ],
        MemoryCapBytes = 4L << 30,
        PeakRssMethod = RunInfo.ForkWait4Method,
    };
}
