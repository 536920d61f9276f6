using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.OutputCaching;
using NearNative.Api.Infrastructure;
using NearNative.Api.Keys;
using NearNative.Api.Leaderboard;
using NearNative.Api.Submissions;
using NearNative.Api.Suites;
using NearNative.Api.Web.BadgeBuilder;
using NearNative.Api.Web.Contribute;
using NearNative.Api.Web.CpuDetail;
using NearNative.Api.Web.Home;
using NearNative.Api.Web.RuntimeDetail;
using NearNative.Api.Web.SubmissionDetail;
using NearNative.Api.Web.TradeOffPage;

namespace NearNative.Api.Web;

/// <summary>
/// The leaderboard website: Razor components rendered on the server (static, no interactivity), one minimal endpoint
/// per page. Each page reads the same handlers the REST API serves and is cached under the same output-cache tags,
/// so a change to a cell or a submission evicts the page with the JSON. Left out of the OpenAPI document.
/// </summary>
public static class WebSite
{
    /// <summary>A submission's page also names its key's holder, whose revocation evicts the <c>keys</c> tag.</summary>
    public const string SubmissionPolicy = "web-submission";

    /// <summary>Pages and assets that change only with a new deployment.</summary>
    public const string StaticPolicy = "web-static";

    /// <summary>The trade-off page: the endpoint's tags, varied by its parameters and the form's weight fields.</summary>
    public const string TradeOffPolicy = "web-tradeoff";

    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();

        // Razor encodes every value it writes; only markup-significant characters need it, so ×, µ and – stay as they are.
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        var lifetime = CacheLifetime.Of(builder.Configuration);
        builder.Services.AddOutputCache(options =>
        {
            options.AddPolicy(SubmissionPolicy, policy => policy
                .ExpireAfter(lifetime)
                .SetVaryByQuery([])
                .Tag(SubmissionQueriesApi.CacheTag, KeysApi.CacheTag, LeaderboardApi.EverythingTag));
            options.AddPolicy(StaticPolicy, policy => policy
                .Expire(TimeSpan.FromHours(1))
                .SetVaryByQuery([])
                .Tag(LeaderboardApi.EverythingTag));
        });

        // The form's weight fields are named after the suites' categories, known once the manifests are loaded.
        builder.Services.AddOptions<OutputCacheOptions>().Configure<SuiteCatalog>((options, suites) => options.AddPolicy(TradeOffPolicy, policy => policy
            .ExpireAfter(lifetime)
            .SetVaryByQuery([.. TradeOffEndpoint.QueryNames(suites)])
            .Tag(LeaderboardApi.CacheTag, LeaderboardApi.EverythingTag)));
        return builder;
    }

    public static RouteGroupBuilder MapWeb(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").ExcludeFromDescription().WithHttpCaching(HttpCachePolicy.Aggregates);
        pages.MapGet("/", HomeEndpoint.Get).CacheOutput(LeaderboardApi.CachePolicy);
        pages.MapGet("/runtimes/{id}", RuntimeEndpoint.Get).CacheOutput(LeaderboardApi.CountsCachePolicy);

        // A CPU key has slashes in it, so it takes the rest of the path.
        pages.MapGet("/cpus/{**key}", CpuEndpoint.Get).CacheOutput(LeaderboardApi.CountsCachePolicy);
        pages.MapGet("/submissions/{id}", SubmissionEndpoint.Get).CacheOutput(SubmissionPolicy);
        pages.MapGet("/badges", BadgeEndpoint.Get).CacheOutput(LeaderboardApi.CountsCachePolicy);
        pages.MapGet("/contribute", ContributeEndpoint.Get).CacheOutput(StaticPolicy);
        pages.MapGet("/trade-off", TradeOffEndpoint.Get).CacheOutput(TradeOffPolicy);

        routes.MapGet("/assets/{name}", WebAssets.Get)
            .ExcludeFromDescription()
            .CacheOutput(StaticPolicy)
            .WithHttpCaching(HttpCachePolicy.ContentAddressed);
        return pages;
    }
}
