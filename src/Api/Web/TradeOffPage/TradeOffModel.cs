using NearNative.Api.Cpus;
using NearNative.Api.TradeOff;

namespace NearNative.Api.Web.TradeOffPage;

/// <param name="Answer">The trade-off; null when the form's values were refused.</param>
/// <param name="Errors">Why they were refused.</param>
public sealed record TradeOffModel(TradeOffForm Form, TradeOffResponse? Answer, IReadOnlyList<string> Errors)
{
    /// <summary>The same question for <c>GET /api/v1/tradeoff</c>, e.g. <c>?weights=compute:3&amp;requests=2</c>.</summary>
    public string ApiQuery => QueryString.Create(
        new (string Name, string? Value)[]
        {
            ("weights", Form.Query.Weights), ("like", Form.Query.Like), ("requests", Form.Query.Requests), ("cpuMs", Form.Query.CpuMs),
            ("cpu", Form.Query.Cpu), ("arch", Form.Query.Arch), ("native", Form.Query.Native), ("size", Form.Query.Size), ("suite", Form.Query.Suite),
        }
        .Where(p => p.Value is not null)
        .Select(p => new KeyValuePair<string, string?>(p.Name, p.Value))).ToString();
}

/// <summary>The form's current values and the choices it offers.</summary>
/// <param name="Query">The values asked for, with the weight fields joined into <c>weights</c>.</param>
/// <param name="Categories">The categories a mix can weigh, in suite order.</param>
/// <param name="Workloads">The workloads a service can be "like".</param>
public sealed record TradeOffForm(
    TradeOffParameters Query,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> Workloads,
    IReadOnlyList<CpuResponse> Cpus,
    IReadOnlyList<string> Architectures)
{
    /// <summary>The weight a category's field shows: as asked, else 1 when no weights were given, else 0.</summary>
    public string Weight(string category)
    {
        if (Query.Weights is null)
        {
            return "1";
        }

        var pair = Query.Weights.Split(',').Select(p => p.Split(':')).FirstOrDefault(p => p.Length == 2 && p[0].Trim() == category);
        return pair is null ? "0" : pair[1].Trim();
    }
}
