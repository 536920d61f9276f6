using NearNative.Agent.Measurement;
using NearNative.Agent.Runtimes;
using NearNative.Agent.Tests.Support;

namespace NearNative.Agent.Tests.Measurement;

public sealed class RuntimeSelectionTests
{
    [Fact]
    public void ByDefaultEveryRuntimeButTheInterpretersIsSelected()
    {
        using var home = new TempDirectory();
        var context = new AgentContext(TextWriter.Null, TextWriter.Null, home.Path, null, AgentExecutable.Current());
        var catalog = RuntimeCatalog.All(context, null);

        var selected = new RunPipeline(context, catalog).Select(null);

        Assert.Contains(catalog, r => r.IsInterpreter);
        Assert.DoesNotContain(selected, r => r.IsInterpreter);
        Assert.Equal(catalog.Count(r => !r.IsInterpreter), selected.Count);
    }

    [Fact]
    public void AnInterpreterRunsWhenAskedForByName()
    {
        using var home = new TempDirectory();
        var context = new AgentContext(TextWriter.Null, TextWriter.Null, home.Path, null, AgentExecutable.Current());
        var catalog = RuntimeCatalog.All(context, null);
        var interpreter = catalog.First(r => r.IsInterpreter);

        var selected = new RunPipeline(context, catalog).Select([interpreter.Id]);

        Assert.Equal(["native", interpreter.Id], selected.Select(r => r.Id));
    }
}
