using NearNative.Agent.Measurement;
using NearNative.Agent.Runtimes;
using NearNative.Agent.Suite;
using NearNative.Agent.Tests.Support;

namespace NearNative.Agent.Tests.Measurement;

public sealed class RuntimeSelectionTests
{
    [Fact]
    public void ByDefaultEveryRuntimeButTheInterpretersAndControlRowsIsSelected()
    {
        using var home = new TempDirectory();
        var context = new AgentContext(TextWriter.Null, TextWriter.Null, home.Path, null, AgentExecutable.Current());
        var catalog = RuntimeCatalog.All(context, null);

        var selected = new RunPipeline(context, catalog).Select(null);

        Assert.Contains(catalog, r => r.IsInterpreter);
        Assert.DoesNotContain(selected, r => r.IsInterpreter);
        Assert.DoesNotContain(selected, r => r.Id is "wasmtime-mvp" or "node-mvp");
        Assert.Contains(selected, r => r.Id == "wasmtime");
        Assert.Equal(catalog.Count(r => r.RunsByDefault), selected.Count);
    }

    [Fact]
    public void TheScalarControlRowsRunTheMvpBuildsWhenAskedForByName()
    {
        using var home = new TempDirectory();
        var context = new AgentContext(TextWriter.Null, TextWriter.Null, home.Path, null, AgentExecutable.Current());

        var selected = new RunPipeline(context, RuntimeCatalog.All(context, null)).Select(["wasmtime-mvp", "node-mvp"]);

        Assert.Equal(["native", "wasmtime-mvp", "node-mvp"], selected.Select(r => r.Id));
        Assert.All(selected.Skip(1), r => Assert.Equal(LoadedSuite.WasmMvpArtifact, r.ArtifactKind));
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
