using System.Diagnostics;
using System.Security.Cryptography;
using NearNative.Agent.Submission;
using NearNative.Soak.Load;

namespace NearNative.Soak.Scenarios;

/// <summary>
/// PostgreSQL stopped in the middle of the load and started again after a while. Meanwhile the readiness probe is
/// watched, and the agent's own submit code (its HTTP client with its retry policy) sends a run that it must get stored.
/// </summary>
public sealed class DatabaseRestart : Scenario
{
    /// <summary>No request may take longer than this while the database is down: it is refused at once, so 503 comes fast.</summary>
    public static readonly TimeSpan OutageAnswerBound = TimeSpan.FromSeconds(6);

    public override string Name => "db-restart";

    public override string Description => "PostgreSQL stopped mid-soak and started again; the agent submits during the outage";

    public override async Task InjectAsync(ScenarioContext context, DateTimeOffset start, DateTimeOffset deadline)
    {
        var length = deadline - start;
        var outage = TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(5).Ticks, length.Ticks / 6));
        await ScenarioContext.Until(start + (length / 3));

        var stopping = DateTimeOffset.UtcNow;
        await context.Postgres.StopAsync();
        var down = DateTimeOffset.UtcNow;
        using var watching = new CancellationTokenSource();
        var probes = WatchReadinessAsync(context.Fleet, watching.Token);
        var agent = AgentSubmitAsync(context);
        await ScenarioContext.Until(down + outage);
        var starting = DateTimeOffset.UtcNow;
        await context.Postgres.StartAsync();
        var up = DateTimeOffset.UtcNow;
        context.Window(new FaultWindow("database down", stopping, up));
        context.Note($"stop took {(down - stopping).TotalSeconds:F1} s, down {(starting - down).TotalSeconds:F1} s, start took {(up - starting).TotalSeconds:F1} s");

        var (agentOk, agentSeconds, agentDetail) = await agent;
        context.Note($"agent submit started {(agentSeconds.Start - down).TotalSeconds:F1} s into the outage: {agentDetail} after {agentSeconds.Elapsed.TotalSeconds:F1} s");
        if (!agentOk)
        {
            context.Failures.Add($"the agent's submit did not get its run stored: {agentDetail}");
        }

        // Readiness: unhealthy while the database was down, healthy again once it answers.
        var firstReady = await WaitReadyAsync(context.Fleet, up);
        await watching.CancelAsync();
        await probes;
        var during = context.Fleet.Ledger.Requests.Where(r => r.Kind == "ready" && r.At >= down && r.At + TimeSpan.FromMilliseconds(r.Milliseconds) <= starting).ToList();
        context.Note($"readiness during the outage: {during.Count(r => r.Status == 503)} × 503, {during.Count(r => r.Status == 200)} × 200; ready again {(firstReady - up).TotalSeconds:F1} s after the start");
        if (during.Count == 0 || during.Any(r => r.Status != 503))
        {
            context.Failures.Add("readiness did not report unhealthy throughout the outage");
        }

        var slow = context.Fleet.Ledger.Requests
            .Where(r => r.At >= down && r.At < starting && r.Status != 0 && r.Milliseconds > OutageAnswerBound.TotalMilliseconds)
            .ToList();
        if (slow.Count > 0)
        {
            context.Failures.Add($"{slow.Count} requests during the outage took longer than {OutageAnswerBound.TotalSeconds} s, e.g. {slow[0]}");
        }

        await ScenarioContext.Until(deadline);
    }

    private static async Task WatchReadinessAsync(Fleet fleet, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var instance in Enumerable.Range(0, fleet.Instances.Count))
            {
                await fleet.GetAsync(instance, "health/ready", "ready");
            }

            try
            {
                await Task.Delay(250, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<DateTimeOffset> WaitReadyAsync(Fleet fleet, DateTimeOffset since)
    {
        while (true)
        {
            var ready = fleet.Ledger.Requests.Where(r => r.Kind == "ready" && r.At >= since && r.Status == 200).Select(r => (DateTimeOffset?)r.At).Min();
            if (ready is { } at)
            {
                return at;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// A run signed and sent the way <c>nearnative submit</c> does it (<see cref="ServerClient"/> with its default retry
    /// policy), starting one second into the outage; every attempt it makes is recorded as an "agent" request.
    /// </summary>
    private static async Task<(bool Ok, (DateTimeOffset Start, TimeSpan Elapsed) Seconds, string Detail)> AgentSubmitAsync(ScenarioContext context)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        var (document, key) = context.Population.NextUnsignedRun(context.Random);
        var envelope = DocumentSealer.Sign(document, key, DateTimeOffset.UtcNow);
        var id = Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(envelope.Document)));
        context.Fleet.Ledger.Sending(new SentSubmission(id, NearNative.Domain.Signing.Ed25519Keys.KeyIdOf(key), document.Nonce, document.Runtimes.Count(r => !r.IsNative)));
        var settings = HttpSettings.Default with { PrimaryHandler = () => new RecordingHandler(context.Fleet.Ledger) };
        using var client = new ServerClient(context.Fleet.Instances[0].Address, settings);
        var start = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            var receipt = await client.SubmitAsync(envelope, CancellationToken.None);
            if (receipt.Id != id)
            {
                return (false, (start, clock.Elapsed), $"stored as {receipt.Id}, not {id}");
            }

            context.Fleet.Ledger.Acknowledged(id, receipt.AlreadyStored ? 200 : 201);
            var attempts = context.Fleet.Ledger.Requests.Count(r => r.Kind == "agent");
            return (true, (start, clock.Elapsed), $"stored after {attempts} attempts");
        }
        catch (NearNative.Agent.AgentException e)
        {
            return (false, (start, clock.Elapsed), e.Message);
        }
    }

    /// <summary>The agent's socket handler, recording each attempt the agent's retry policy makes.</summary>
    private sealed class RecordingHandler(Ledger ledger) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var at = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                ledger.Record(new RequestRecord(
                    at, clock.Elapsed.TotalMilliseconds, "agent", 0, request.RequestUri!.AbsolutePath, (int)response.StatusCode, null,
                    response.Headers.RetryAfter is not null, response.Content.Headers.ContentType?.MediaType == "application/problem+json"));
                return response;
            }
            catch (HttpRequestException e)
            {
                ledger.Record(new RequestRecord(at, clock.Elapsed.TotalMilliseconds, "agent", 0, request.RequestUri!.AbsolutePath, 0, e.InnerException?.GetType().Name ?? e.GetType().Name, false, false));
                throw;
            }
        }
    }
}
