using System.Security.Cryptography;
using System.Text;

namespace NearNative.Api.Administration;

/// <summary>
/// The administrator's bearer token from <c>Admin:Token</c>. Only its SHA-256 is kept, and a presented token is hashed
/// and compared in constant time, so neither its length nor its first differing byte shows in the response time.
/// Unset means no administrator: the endpoints are not mapped at all.
/// </summary>
public sealed class AdminToken
{
    public const string ConfigurationKey = "Admin:Token";

    /// <summary>Shorter tokens are refused at start-up: a token is a password that never expires, so it must not be guessable.</summary>
    public const int MinimumLength = 32;

    private readonly byte[]? _hash;

    public AdminToken(IConfiguration configuration)
    {
        var token = configuration[ConfigurationKey];
        if (string.IsNullOrEmpty(token))
        {
            return;
        }

        if (token.Length < MinimumLength)
        {
            throw new InvalidOperationException($"{ConfigurationKey} must be at least {MinimumLength} characters, e.g. `openssl rand -base64 32`.");
        }

        _hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    public bool IsConfigured => _hash is not null;

    public bool Matches(string presented) =>
        _hash is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _hash);
}
