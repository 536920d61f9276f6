using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace NearNative.Api.Administration;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;Admin:Token&gt;</c> and nothing else. Contributors never hold a bearer
/// token (they sign documents with Ed25519 keys), so no contributor credential can pass here. Runs before the body is
/// read, so an unauthenticated caller learns nothing about what the endpoints accept.
/// </summary>
public sealed class AdminTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AdminToken token)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "AdminToken";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(header.Parameter))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!token.Matches(header.Parameter))
        {
            return Task.FromResult(AuthenticateResult.Fail("The bearer token is not the administrator's."));
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Role, "administrator")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
