using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NearNative.Domain.Signing;
using NSec.Cryptography;

namespace NearNative.Agent.Submission;

/// <summary>
/// The agent's only network traffic: registering a key and sending a signed result. Transient failures
/// (network errors, 5xx, 408, 429) are retried with exponential backoff and jitter, never sooner than the server's
/// Retry-After, within <see cref="RetryDelays.Budget"/>; any other refusal is final.
/// </summary>
public sealed class ServerClient : IDisposable
{
    private const string ClientName = "nearnative-server";

    private readonly ServiceProvider _services;
    private readonly HttpClient _http;

    public ServerClient(Uri server, HttpSettings settings)
    {
        Server = server;
        var services = new ServiceCollection();
        var builder = services.AddHttpClient(ClientName, client => client.BaseAddress = server);
        if (settings.PrimaryHandler is { } primaryHandler)
        {
            builder.ConfigurePrimaryHttpMessageHandler(primaryHandler);
        }

        builder.AddStandardResilienceHandler(options =>
        {
            // POSTs are retried on purpose: a submission's identity is the hash of its signed bytes, so a
            // resent one is stored once, and registering the same key twice is accepted as the same key.
            options.Retry.MaxRetryAttempts = RetryDelays.MaxRetries;
            options.Retry.DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryDelays.Delay(
                settings.RetryDelay, args.AttemptNumber, RetryDelays.RetryAfter(args.Outcome.Result, DateTimeOffset.UtcNow), Random.Shared.NextDouble()));
            options.AttemptTimeout.Timeout = RetryDelays.AttemptTimeout;
            options.CircuitBreaker.SamplingDuration = RetryDelays.AttemptTimeout * 2;
            options.TotalRequestTimeout.Timeout = RetryDelays.Budget;
        });
        _services = services.BuildServiceProvider();
        _http = _services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
    }

    public Uri Server { get; }

    /// <summary>Registers the key's public half with proof that we hold the private half (and chose the display name).</summary>
    public async Task RegisterKeyAsync(Key key, string? displayName, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new Uri("api/v1/keys", UriKind.Relative), KeyRegistrationRequest.For(key, displayName), cancellationToken);
        await EnsureAcceptedAsync(response, "the key registration", cancellationToken);
    }

    /// <summary>Hands the old key's place on the server over to the new key; sending it again is harmless.</summary>
    public async Task RotateKeyAsync(Key oldKey, Key newKey, CancellationToken cancellationToken)
    {
        var path = new Uri($"api/v1/keys/{Ed25519Keys.KeyIdOf(oldKey)}/rotate", UriKind.Relative);
        using var response = await SendAsync(path, KeyRotationRequest.For(oldKey, newKey), cancellationToken);
        await EnsureAcceptedAsync(response, "the key rotation", cancellationToken);
    }

    public async Task<SubmissionReceipt> SubmitAsync(SignedEnvelope envelope, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new Uri("api/v1/submissions", UriKind.Relative), envelope, cancellationToken);

        // The run's nonce is already stored by this key, from an earlier signing of the same file: that is the answer.
        if (response.StatusCode == HttpStatusCode.Conflict && await StoredSubmissionIdAsync(response, cancellationToken) is { } storedId)
        {
            return new SubmissionReceipt(storedId, new Uri(Server, $"api/v1/submissions/{storedId}"), AlreadyStored: true);
        }

        await EnsureAcceptedAsync(response, "the submission", cancellationToken);

        // The id is the SHA-256 of the signed bytes; the server's answer should say the same.
        var localId = Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(envelope.Document)));
        var id = localId;
        try
        {
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty("id", out var idValue) && idValue.GetString() is { Length: > 0 } serverId)
            {
                id = serverId;
            }
        }
        catch (JsonException)
        {
            // An empty or odd body still means stored; the local id is the same by definition.
        }

        var url = response.Headers.Location is { } location
            ? new Uri(Server, location)
            : new Uri(Server, $"api/v1/submissions/{id}");
        return new SubmissionReceipt(id, url, response.StatusCode == HttpStatusCode.OK);
    }

    private static async Task<string?> StoredSubmissionIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return problem.RootElement.ValueKind == JsonValueKind.Object
                && problem.RootElement.TryGetProperty("submissionId", out var id)
                && id.ValueKind == JsonValueKind.String
                && id.GetString() is { Length: 64 } hex && hex.All(c => char.IsAsciiDigit(c) || char.IsAsciiHexDigitLower(c))
                ? hex
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _services.Dispose();
    }

    private async Task<HttpResponseMessage> SendAsync<T>(Uri path, T body, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.PostAsJsonAsync(path, body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new AgentException(ExitCodes.RuntimeError, $"cannot reach {Server}: {e.Message}", e);
        }
        catch (Polly.Timeout.TimeoutRejectedException e)
        {
            throw new AgentException(ExitCodes.RuntimeError, $"{Server} did not answer in time", e);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException e)
        {
            throw new AgentException(ExitCodes.RuntimeError, $"{Server} keeps failing; try again later", e);
        }
    }

    private static async Task EnsureAcceptedAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            return;
        }

        var problem = ProblemText.Describe(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        var transient = (int)response.StatusCode >= 500
            || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
        throw transient
            ? new AgentException(ExitCodes.RuntimeError, $"the server failed {what} after retries: {problem}")
            : new AgentException(ExitCodes.SubmissionRefused, $"the server refused {what}: {problem}");
    }
}
