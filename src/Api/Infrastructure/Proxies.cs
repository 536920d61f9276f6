using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from the proxies named in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR ranges). None by
/// default, not even loopback: otherwise anyone could pick the address that the per-address rate limit counts.
/// </summary>
public static class Proxies
{
    public static WebApplicationBuilder AddProxies(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var section = configuration.GetSection("ForwardedHeaders");
            var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
            var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();

            // With both lists empty the middleware would believe everyone, so then it reads no header at all.
            options.ForwardedHeaders = proxies.Length + networks.Length == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(address));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>First in the pipeline, so rate limits and logs see the client's address.</summary>
    public static WebApplication UseProxies(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
