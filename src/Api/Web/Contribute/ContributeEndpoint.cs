using Microsoft.AspNetCore.Http.HttpResults;

namespace NearNative.Api.Web.Contribute;

/// <summary>How to measure a machine and send the result: the same for every visitor, so the page has no model.</summary>
public static class ContributeEndpoint
{
    public static RazorComponentResult Get(HttpRequest request) =>
        Page.Render<ContributePage>(new ContributeModel($"{request.Scheme}://{request.Host}{request.PathBase}"));
}

/// <param name="Site">This server's address, for the commands' <c>--server</c>.</param>
public sealed record ContributeModel(string Site);
