using System.Text;
using NearNative.Domain.Results;

namespace NearNative.Domain.Tests.Results;

public sealed class SuiteReferenceTests
{
    [Theory]
    [InlineData("custom", true)]
    [InlineData("custom-my-modules", true)]
    [InlineData("std-2026.1", false)]
    [InlineData("customary", false)]
    [InlineData("Custom", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void CustomIsTheCustomIdOrItWithADashAndAName(string? suiteId, bool custom) =>
        Assert.Equal(custom, SuiteReference.IsCustom(suiteId));

    [Fact]
    public void TheCustomReferenceIsCustomAndWritesOnlyItsIdAndSize()
    {
        var document = TestDocuments.With([TestDocuments.Runtime("native")], TestDocuments.Native(1)) with { Suite = SuiteReference.Custom };

        var json = Encoding.UTF8.GetString(ResultJson.Serialize(document));

        Assert.True(SuiteReference.IsCustom(document.Suite.Id));
        Assert.Contains("\"suite\":{\"id\":\"custom\",\"size\":\"custom\"}", json, StringComparison.Ordinal);
    }
}
