using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CsCheck;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Results;
using NearNative.Domain.Signing;
using NearNative.Tests.Hostile;
using Npgsql;
using NSec.Cryptography;
using Xunit.Abstractions;

namespace NearNative.Api.Tests.Operations;

/// <summary>
/// Bad input at volume against the API as deployed: a real process on a real PostgreSQL, over TCP. Whatever arrives,
/// the answer is never a 5xx, every 4xx is problem details, nothing is stored but what was acknowledged with a 201,
/// and the process is still alive and logs no error afterwards. The inputs are the corpus in <c>tests/Hostile</c>
/// plus random mutations (<c>NEARNATIVE_FUZZ_ITERATIONS</c> of them; a short run by default).
/// </summary>
[Trait("Category", "Slow")]
public sealed class HostileInputTests(HostileInputTests.Api api, ITestOutputHelper output) : IClassFixture<HostileInputTests.Api>
{
    /// <summary>How long a trickling client may hold a request before the server must have answered or closed.</summary>
    private static readonly TimeSpan TrickleBound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task NoRequestOfTheCorpusGetsA5xxOrStoresARow()
    {
        var before = await api.CountRowsAsync();
        var requests = HostileCorpus.Requests();

        foreach (var request in requests)
        {
            using var message = request.ToMessage();
            using var response = await api.Client.SendAsync(message);
            if (request.Protocol)
            {
                Assert.InRange((int)response.StatusCode, 400, 499);
                continue;
            }

            if (request.Path.StartsWith("/badges/", StringComparison.Ordinal))
            {
                // A badge's error is a badge (an image in a README shows it), as its OpenAPI entry declares.
                Assert.InRange((int)response.StatusCode, 200, 499);
                Assert.Contains(response.Content.Headers.ContentType?.MediaType, (string[])["image/svg+xml", "application/json"]);
                continue;
            }

            await AssertAnsweredWellAsync(response, request.Name);
            Assert.False(request.Method == HttpMethod.Post && response.IsSuccessStatusCode, $"'{request.Name}' was accepted");
        }

        Assert.Equal(before, await api.CountRowsAsync());
        await api.AssertHealthyAsync();
        output.WriteLine($"{requests.Count} hostile requests sent");
    }

    [Fact]
    public async Task SignedMutationsOfTheCorpusGetNo5xxAndStoreOnlyWhatIsCreated()
    {
        var key = await api.Client.RegisterNewKeyAsync();
        var before = await api.CountRowsAsync();
        var created = 0;
        var tried = 0;

        foreach (var mutation in HostileCorpus.DocumentMutations())
        {
            created += await SubmitSignedAsync(key, mutation.Apply(Document(key)), mutation.Name);
            tried++;
        }

        foreach (var (name, template) in HostileCorpus.EnvelopeMutations())
        {
            var envelope = EnvelopeSigner.Sign(key, Document(key));
            var body = template.Replace("{document}", envelope.Document, StringComparison.Ordinal)
                .Replace("{signature}", envelope.Signature, StringComparison.Ordinal);
            using var response = await api.Client.PostAsync("/api/v1/submissions", new StringContent(body, Encoding.UTF8, "application/json"));
            created += await AssertAnsweredWellAsync(response, name) == HttpStatusCode.Created ? 1 : 0;
            tried++;
        }

        // Every hostile value once, each in another place of the document.
        var values = HostileJson.Values;
        for (var i = 0; i < values.Count; i++)
        {
            var document = Document(key);
            var spans = HostileJson.ValueSpans(document);
            var span = spans[i * 7919 % spans.Count];
            created += await SubmitSignedAsync(key, HostileJson.Replace(document, span, values[i]), $"value {i} at byte {span.Start}");
            tried++;
        }

        await AssertStoredAsync(before, created);
        output.WriteLine($"{tried} signed hostile documents sent, {created} created");
    }

    [Fact]
    public async Task RandomSignedMutationsGetNo5xxAndStoreOnlyWhatIsCreated()
    {
        var key = await api.Client.RegisterNewKeyAsync();
        var before = await api.CountRowsAsync();
        var iterations = HostileJson.Iterations(150);
        var created = 0;

        // One document's mutations; each is signed as it is, so it reaches the parser and the validators.
        var document = Document(key);
        await HostileJson.Mutations(document).SampleAsync(
            async bytes => created += await SubmitSignedAsync(key, bytes, Encoding.UTF8.GetString(bytes)),
            iter: iterations,
            threads: 1);

        await AssertStoredAsync(before, created);
        output.WriteLine($"{iterations} random signed mutations sent, {created} created");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ABodyThatTricklesIsCutOffWithAnAnswerOrAClose(bool chunked)
    {
        var head = "POST /api/v1/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + (chunked ? "Transfer-Encoding: chunked\r\n\r\n" : "Content-Length: 100000\r\n\r\n");

        var answer = await TrickleAsync(head, chunked ? "1\r\n \r\n" : " ");

        // The application reads the body, so an answer comes through it, as problem details.
        AssertCutOff(answer);
        Assert.True(answer!.Length == 0 || answer.Contains("Content-Type: application/problem+json", StringComparison.OrdinalIgnoreCase), answer);
        await api.AssertHealthyAsync();
    }

    [Fact]
    public async Task HeadersThatTrickleAreCutOff()
    {
        var answer = await TrickleAsync("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", "a");

        // The HTTP server times the headers out before the application exists for the request: a bare 408 or a close.
        AssertCutOff(answer);
        await api.AssertHealthyAsync();
    }

    private static byte[] Document(Key key) => ResultJson.Serialize(key.Document().Build());

    /// <summary>Signs the bytes as they are and sends them; 1 when the submission was created.</summary>
    private async Task<int> SubmitSignedAsync(Key key, byte[] document, string name)
    {
        using var response = await api.Client.SubmitAsync(EnvelopeSigner.Sign(key, document));
        return await AssertAnsweredWellAsync(response, name) == HttpStatusCode.Created ? 1 : 0;
    }

    private async Task AssertStoredAsync(Api.Rows before, int created)
    {
        var after = await api.CountRowsAsync();
        Assert.Equal(before.Submissions + created, after.Submissions);
        if (created == 0)
        {
            Assert.Equal(before, after);
        }

        await api.AssertHealthyAsync();
    }

    private static async Task<HttpStatusCode> AssertAnsweredWellAsync(HttpResponseMessage response, string name)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"'{Shorten(name)}' got {status}: {Shorten(body)}");
        if (status >= 400)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"'{Shorten(name)}' got {status} without problem details: {Shorten(body)}");
            using var problem = JsonDocument.Parse(body);
            Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        }

        return response.StatusCode;
    }

    /// <summary>
    /// Sends <paramref name="head"/>, then <paramref name="piece"/> every 100 ms until the server answers or closes the
    /// connection, or <see cref="TrickleBound"/> passes; returns what the server sent (empty when it closed silently).
    /// </summary>
    private async Task<string?> TrickleAsync(string head, string piece)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, api.Process.Address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        using var bound = new CancellationTokenSource(TrickleBound);
        var trickle = Task.Run(async () =>
        {
            var bytes = Encoding.ASCII.GetBytes(piece);
            try
            {
                while (!bound.IsCancellationRequested)
                {
                    await stream.WriteAsync(bytes, bound.Token);
                    await Task.Delay(100, bound.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The server closed the connection, or the bound passed.
            }
        });

        var received = new MemoryStream();
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, bound.Token)) > 0)
            {
                received.Write(buffer, 0, read);
                if (Encoding.ASCII.GetString(received.ToArray()).Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            // Reset by the server: a close.
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        finally
        {
            await bound.CancelAsync();
            await trickle;
        }

        var text = Encoding.ASCII.GetString(received.ToArray());
        output.WriteLine(text.Length == 0 ? "closed without an answer" : text.Split("\r\n")[0]);
        return text;
    }

    private static void AssertCutOff(string? answer)
    {
        Assert.True(answer is not null, $"the server neither answered nor closed within {TrickleBound}");
        if (answer.Length > 0)
        {
            var status = int.Parse(answer.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(status, 400, 499);
        }
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>One API process on its own database for the whole class; the tests count rows before and after.</summary>
    public sealed class Api : IAsyncLifetime
    {
        private ScratchDatabase? _database;
        private ApiProcess? _process;
        private HttpClient? _client;
        private int _startupLines;

        public ApiProcess Process => _process!;

        public HttpClient Client => _client!;

        public async Task InitializeAsync()
        {
            _database = await ScratchDatabase.CreateAsync();
            _process = await ApiProcess.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = _database.ConnectionString });
            _client = _process.CreateClient();

            // Migrating a fresh database logs EF's failed read of the missing history table; only what follows counts.
            _startupLines = _process.OutputLines.Count;
        }

        public async Task DisposeAsync()
        {
            _client?.Dispose();
            if (_process is not null)
            {
                await _process.DisposeAsync();
            }

            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }

        public async Task<Rows> CountRowsAsync()
        {
            await using var connection = new NpgsqlConnection(_database!.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT (SELECT count(*) FROM submissions), (SELECT count(*) FROM runtime_results), " +
                "(SELECT count(*) FROM workload_results), (SELECT count(*) FROM leaderboard_cells)", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return new Rows(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }

        /// <summary>Still running, still answering, and nothing it logged is an error (an exception is a bug).</summary>
        public async Task AssertHealthyAsync()
        {
            Assert.False(Process.HasExited, "the API process has exited");
            using var live = await Client.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            var errors = Process.OutputLines.Skip(_startupLines).Where(l => l.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal)
                || l.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count == 0, "the API logged errors:\n" + string.Join('\n', errors.Take(5)));
        }

        public sealed record Rows(long Submissions, long Runtimes, long Workloads, long Cells);
    }
}
