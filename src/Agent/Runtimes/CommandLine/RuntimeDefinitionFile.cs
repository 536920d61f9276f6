using System.Text.Json;
using System.Text.Json.Serialization;

namespace NearNative.Agent.Runtimes.CommandLine;

/// <summary>
/// A user's own runtimes, so anyone can add one with no code: <c>$NEARNATIVE_HOME/runtimes.json</c>, or a file
/// given with <c>--runtime-file</c>. <c>{"runtimes": [ {definition}, … ]}</c>, see docs/runtimes.md.
/// A bad file stops the command with one line and exit code 2.
/// </summary>
public static class RuntimeDefinitionFile
{
    public const string DefaultFileName = "runtimes.json";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <param name="takenIds">Slugs of the runtimes built into the agent; a definition may not reuse one.</param>
    public static IReadOnlyList<RuntimeDefinition> Load(string path, IReadOnlyCollection<string> takenIds)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw AgentException.Usage($"cannot read the runtime file {path}: {e.Message}");
        }

        DefinitionList? list;
        try
        {
            list = JsonSerializer.Deserialize<DefinitionList>(bytes, JsonOptions);
        }
        catch (JsonException e)
        {
            throw AgentException.Usage($"runtime file {path}: {e.Message.ReplaceLineEndings(" ")}");
        }

        if (list is null)
        {
            throw AgentException.Usage($"runtime file {path}: expected {{\"runtimes\": [ … ]}}");
        }

        var seen = new HashSet<string>(takenIds, StringComparer.Ordinal);
        for (var i = 0; i < list.Runtimes.Count; i++)
        {
            var definition = list.Runtimes[i];
            if (definition.Validate() is { } problem)
            {
                throw AgentException.Usage($"runtime file {path}: runtimes[{i}]: {problem}");
            }

            if (!seen.Add(definition.Id))
            {
                throw AgentException.Usage($"runtime file {path}: runtimes[{i}]: the slug '{definition.Id}' is already taken; choose another name or configuration");
            }
        }

        return list.Runtimes;
    }

    private sealed record DefinitionList(IReadOnlyList<RuntimeDefinition> Runtimes);
}
