using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using NearNative.Api.Tests.Fixtures;
using NearNative.Api.Tests.Support;

namespace NearNative.Api.Tests.Badges;

[Collection(OnPostgres.Name)]
public sealed class BadgeParameterTests(PostgresFixture fixture) : ApiTest(fixture)
{
    private const string IntelKey = "x86_64/genuineintel/intel-core-i7-9700k/6-158-12/none";
    private const string AmdKey = "x86_64/authenticamd/amd-ryzen-9-5950x/6-158-12/none";
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task FlatSquareHasSquareCornersAndNoGradientOrShadow()
    {
        await SubmitAsync();

        var flat = await SvgAsync("/badges/wasmtime.svg");
        var square = await SvgAsync("/badges/wasmtime.svg?style=flat-square");

        Assert.NotEmpty(flat.Descendants(Svg + "linearGradient"));
        Assert.Contains(flat.Descendants(Svg + "rect"), r => r.Attribute("rx") is not null);
        Assert.Equal(4, flat.Descendants(Svg + "text").Count());
        Assert.Empty(square.Descendants(Svg + "linearGradient"));
        Assert.DoesNotContain(square.Descendants(Svg + "rect"), r => r.Attribute("rx") is not null);
        Assert.Equal(2, square.Descendants(Svg + "text").Count());
        Assert.Equal(Title(flat), Title(square));
    }

    [Fact]
    public async Task SpeedIsTheFamiliarNameForExecution()
    {
        await SubmitAsync();

        var speed = await SvgAsync("/badges/wasmtime.svg?metric=speed");
        var execution = await SvgAsync("/badges/wasmtime.svg?metric=execution");

        Assert.Equal("wasmtime: 1.50× native", Title(speed));
        Assert.Equal(execution.ToString(), speed.ToString());
    }

    [Fact]
    public async Task ACpuBadgeShowsThatCpusFigureAndNamesTheCpu()
    {
        await SubmitAsync();
        await SubmitAsync(b => b.OnMachine("amd").WithCpu("AuthenticAMD", "AMD Ryzen 9 5950X 16-Core Processor").WithRatio("wasmtime", 2.5));

        Assert.Equal("wasmtime on Intel Core i7-9700K: 1.50× native", Title(await SvgAsync($"/badges/wasmtime.svg?cpu={IntelKey}")));
        Assert.Equal("wasmtime on AMD Ryzen 9 5950X 16-Core: 2.50× native", Title(await SvgAsync($"/badges/wasmtime.svg?cpu={AmdKey}")));
        Assert.Equal("wasmtime compute on AMD Ryzen 9 5950X 16-Core: 2.50× native", Title(await SvgAsync($"/badges/wasmtime.svg?cpu={AmdKey}&category=compute")));
    }

    [Fact]
    public async Task ACpuNameWithMarkupStaysTextInTheSvg()
    {
        const string brand = "<script>alert(1)</script> & \"Zen\"";
        await SubmitAsync(b => b.WithCpu("AuthenticAMD", brand));
        var key = (await Client.GetOkAsync<Api.Cpus.CpusResponse>("/api/v1/cpus")).Cpus.Single().CpuKey;

        using var response = await Client.GetAsync($"/badges/wasmtime.svg?cpu={Uri.EscapeDataString(key)}");

        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", text, StringComparison.Ordinal);
        var svg = XDocument.Parse(text);
        Assert.Empty(svg.Descendants(Svg + "script"));
        Assert.Equal($"wasmtime on {brand}: 1.50× native", Title(svg));
    }

    [Fact]
    public async Task TheShieldsJsonHasOnlyItsOwnKeysAndTheStyleWhenAskedFor()
    {
        await SubmitAsync();

        using var flat = JsonDocument.Parse(await Client.GetStringAsync("/badges/wasmtime.json?style=flat&metric=speed"));
        using var square = JsonDocument.Parse(await Client.GetStringAsync("/badges/wasmtime.json?style=flat-square&category=compute"));

        Assert.Equal(["schemaVersion", "label", "message", "color"], flat.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["schemaVersion", "label", "message", "color", "style"], square.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("wasmtime compute", "flat-square"), (square.RootElement.GetProperty("label").GetString(), square.RootElement.GetProperty("style").GetString()));
    }

    [Theory]
    [InlineData("style=plastic", "style")]
    [InlineData("category=nothing", "category")]
    [InlineData("category=compute&metric=startup", "category")]
    [InlineData("cpu=%01", "cpu")]
    [InlineData("arch=ARM%2064", "arch")]
    [InlineData("architecture=x86%2F64", "architecture")]
    [InlineData("arch=aarch64&architecture=x86_64", "arch")]
    public async Task AnInvalidParameterIsAGreyBadgeOrAValidationProblemNamingIt(string query, string field)
    {
        await SubmitAsync();

        using var svg = await Client.GetAsync($"/badges/wasmtime.svg?{query}");
        using var json = await Client.GetAsync($"/badges/wasmtime.json?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, svg.StatusCode);
        Assert.Equal($"wasmtime: invalid {field}", Title(XDocument.Parse(await svg.Content.ReadAsStringAsync())));
        Assert.Equal([field], (await json.AssertValidationProblemAsync()).Keys);
    }

    private async Task<XDocument> SvgAsync(string url)
    {
        using var response = await Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static string Title(XDocument svg) => svg.Root!.Element(Svg + "title")!.Value;

    private async Task SubmitAsync(Func<ResultDocumentBuilder, ResultDocumentBuilder>? customize = null)
    {
        var key = await Client.RegisterNewKeyAsync();
        await Client.SubmitCreatedAsync(key, (customize ?? (b => b))(key.Document().WithRatio("wasmtime", 1.5)));
    }
}
