using System.Text;
using System.Text.Json;
using CsCheck;
using FluentValidation;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NearNative.Api.Infrastructure;
using NearNative.Api.Submissions;
using NearNative.Api.Suites;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;
using NearNative.Domain.Results;
using NearNative.Domain.Signing;
using NearNative.Domain.Statistics;
using NearNative.Tests.Hostile;
using Xunit.Abstractions;

namespace NearNative.Api.Tests.Submissions;

/// <summary>
/// The envelope's reading and the validators on hostile input, without HTTP so that many inputs fit in a short run:
/// each step either refuses in its own way (a <see cref="JsonException"/>, validation errors) or hands the next step
/// something it can work with. An exception anywhere else would be a 500.
/// </summary>
[Collection(OnPostgres.Name)]
public sealed class HostileValidationTests(PostgresFixture fixture, ITestOutputHelper output)
{
    private readonly IServiceProvider _services = fixture.Factory.Services;

    [Fact]
    public void AHostileEnvelopeIsReadOrRefusedAsJsonAndItsValidatorNeverThrows()
    {
        var options = _services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var validator = _services.GetRequiredService<IValidator<SignedEnvelope>>();
        var key = SigningHelpers.CreateKey();
        var valid = JsonSerializer.SerializeToUtf8Bytes(SigningHelpers.CreateSignedEnvelope(key, key.Document().Build()), options);
        var iterations = HostileJson.Iterations(3_000);
        var read = 0;

        HostileJson.Mutations(valid).Sample(bytes =>
        {
            SignedEnvelope? envelope;
            try
            {
                envelope = JsonSerializer.Deserialize<SignedEnvelope>(bytes, options);
            }
            catch (JsonException)
            {
                return;
            }

            if (envelope is not null && validator.Validate(envelope).IsValid)
            {
                // What the validator lets through decodes: the handler relies on it.
                Assert.NotNull(Base64.TryDecode(envelope.Document));
                Assert.Equal(Ed25519Keys.SignatureLength, Base64.TryDecode(envelope.Signature)?.Length);
                read++;
            }
        }, iter: iterations, threads: 1);

        output.WriteLine($"{iterations} hostile envelopes read, {read} valid");
    }

    [Fact]
    public void Base64DecodingOfAnyTextAgreesWithTheFrameworkAndNeverThrows()
    {
        Gen.String[Gen.Char["A-Za-z0-9+/= \t\r\n-_!\u00e9"], 0, 200].Sample(text =>
        {
            byte[]? expected;
            try
            {
                expected = text.Length == 0 ? null : Convert.FromBase64String(text);
            }
            catch (FormatException)
            {
                expected = null;
            }

            Assert.Equal(expected, Base64.TryDecode(text));
        }, iter: HostileJson.Iterations(5_000), threads: 1);
    }

    [Fact]
    public void AHostileDocumentIsRefusedOrRecomputedWithoutAnException()
    {
        var validator = _services.GetRequiredService<IValidator<ResultDocument>>();
        var suites = _services.GetRequiredService<SuiteCatalog>();
        var key = SigningHelpers.CreateKey();
        var valid = ResultJson.Serialize(key.Document().WithPhases(new Dictionary<string, long> { ["compile"] = 1_000 }).Build());
        var iterations = HostileJson.Iterations(1_500);
        var recomputed = 0;

        HostileJson.Mutations(valid).Sample(bytes =>
        {
            ResultDocument document;
            try
            {
                document = ResultJson.Deserialize(bytes);
            }
            catch (JsonException)
            {
                return;
            }

            if (!validator.Validate(document).IsValid)
            {
                return;
            }

            // What the validators accept is recomputed and mapped for storage as the handler does.
            var analyses = RunAnalysis.Analyze(document, suites.Find(document.Suite.Id)!.SpecsFor(document.Suite.Size));
            var submission = SubmissionMapping.ToEntity("id", bytes, new byte[Ed25519Keys.SignatureLength], document, analyses, DateTimeOffset.UnixEpoch);
            _ = SubmissionMapping.ToResponse(submission);
            recomputed++;
        }, iter: iterations, threads: 1);

        output.WriteLine($"{iterations} hostile documents validated, {recomputed} valid and recomputed ({Encoding.UTF8.GetString(valid).Length} bytes each)");
    }
}
