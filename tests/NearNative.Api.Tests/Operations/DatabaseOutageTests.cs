using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NearNative.Api.Data;
using NearNative.Api.Infrastructure;
using NearNative.Api.Leaderboard;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using Npgsql;

namespace NearNative.Api.Tests.Operations;

/// <summary>
/// A database that cannot answer, or a connection cut in the middle of a submission's transaction: the API answers
/// 503 with Retry-After, never 500, and the client's retry of the same bytes ends with exactly one stored copy.
/// </summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task ASessionEndedBetweenCommandsIsTheDatabaseBeingUnavailableNotABug()
    {
        // A restart that ends the session between two commands completes its transaction under the request, and Npgsql
        // refuses the next command on it: that must read as the outage it is (503), as a failed command would.
        await using var database = await ScratchDatabase.CreateAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pg_backend_pid())", connection, transaction))
        {
            await Assert.ThrowsAnyAsync<NpgsqlException>(() => terminate.ExecuteNonQueryAsync());
        }

        var refused = Assert.Throws<InvalidOperationException>(() => new NpgsqlCommand("SELECT 1", connection, transaction));

        Assert.Same(refused, DatabaseUnavailableHandler.Transient(new DbUpdateException("wrapped", refused)));
        Assert.Null(DatabaseUnavailableHandler.Transient(new InvalidOperationException("a bug of ours")));
    }

    [Fact]
    public async Task WhileTheDatabaseIsUnreachableReadsAndWritesAnswer503WithRetryAfter()
    {
        await using var factory = new NearNativeApiFactory(HealthProbeTests.UnreachableDatabase());
        using var client = factory.CreateClient();
        using var key = SigningHelpers.CreateKey();

        HttpResponseMessage[] responses =
        [
            await client.GetAsync("/api/v1/leaderboard"),
            await client.GetAsync("/api/v1/submissions"),
            await client.GetAsync("/badges/wasmtime.svg"),
            await client.PostAsJsonAsync("/api/v1/keys", SigningHelpers.RegistrationFor(key)),
            await client.SubmitAsync(key, key.Document().Build()),
        ];

        foreach (var response in responses)
        {
            using (response)
            {
                var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
                Assert.Contains("Retry-After", problem.Detail, StringComparison.Ordinal);
                Assert.Equal(DatabaseUnavailableHandler.RetryAfter, response.Headers.RetryAfter?.Delta);
            }
        }
    }

    [Theory]
    [InlineData(CommitFault.ConnectionKilledBeforeCommit, HttpStatusCode.Created)]
    [InlineData(CommitFault.AnswerLostAfterCommit, HttpStatusCode.OK)]
    public async Task ASubmissionWhoseConnectionDiesAtCommitIsStoredOnceWhenSentAgain(CommitFault fault, HttpStatusCode retried)
    {
        await using var database = await ScratchDatabase.CreateAsync();
        var sabotage = new CommitSabotage(database.ConnectionString, fault);
        await using var factory = new NearNativeApiFactory(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = database.ConnectionString })
            .WithWebHostBuilder(web => web.ConfigureServices(services =>
                services.ConfigureDbContext<PostgresDbContext>(options => options.AddInterceptors(sabotage))));
        using var client = factory.CreateClient();
        var key = await client.RegisterNewKeyAsync();
        var envelope = SigningHelpers.CreateSignedEnvelope(key, key.Document().WithRatio("wasmtime", 1.5).Build());

        sabotage.Arm();
        using (var first = await client.SubmitAsync(envelope))
        {
            await first.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(first.Headers.RetryAfter);
        }

        Assert.True(sabotage.Fired);
        using var second = await client.SubmitAsync(envelope);
        Assert.Equal(retried, second.StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NearNativeDbContext>();
        Assert.Equal(1, await db.Submissions.CountAsync());
        var board = await client.GetOkAsync<LeaderboardResponse>("/api/v1/leaderboard");
        Assert.Equal(1, Assert.Single(board.Rows, r => r.Runtime == "wasmtime").Submissions);
    }

    public enum CommitFault
    {
        /// <summary>pg_terminate_backend on the session just before its COMMIT: nothing is stored.</summary>
        ConnectionKilledBeforeCommit,

        /// <summary>The COMMIT succeeds, then the connection dies before the answer reaches the API: stored, but the API cannot know.</summary>
        AnswerLostAfterCommit,
    }

    /// <summary>Once armed, spoils the next commit of a transaction in the way its fault says.</summary>
    private sealed class CommitSabotage(string connectionString, CommitFault fault) : DbTransactionInterceptor
    {
        private int _armed;

        public bool Fired { get; private set; }

        public void Arm() => Interlocked.Exchange(ref _armed, 1);

        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (fault == CommitFault.ConnectionKilledBeforeCommit && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                await TerminateAsync(transaction);
            }

            return result;
        }

        public override async Task TransactionCommittedAsync(
            DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (fault == CommitFault.AnswerLostAfterCommit && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                await TerminateAsync(transaction);
                throw new NpgsqlException("The connection ended before the answer to COMMIT arrived.", new EndOfStreamException());
            }
        }

        private async Task TerminateAsync(DbTransaction transaction)
        {
            Fired = true;
            var pid = ((NpgsqlConnection)transaction.Connection!).ProcessID;
            await using var admin = new NpgsqlConnection(connectionString);
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_terminate_backend(@pid)", admin);
            command.Parameters.AddWithValue("pid", pid);
            await command.ExecuteScalarAsync();
        }
    }
}
