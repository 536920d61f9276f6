using System.Text.RegularExpressions;
using NearNative.Agent.Suite;
using NearNative.Domain.Results;

namespace NearNative.Agent.Runtimes.CommandLine;

/// <summary>
/// A runtime started as a command: how to find it, ask its version and run one module. The built-in
/// templates (<see cref="BuiltInRuntimeDefinitions"/>) and a user's <c>runtimes.json</c> share this shape.
/// </summary>
public sealed partial record RuntimeDefinition
{
    public const string ModulePlaceholder = "{module}";
    public const string ArgumentsPlaceholder = "{args}";
    public const string PreopenPlaceholder = "{preopen}";

    /// <summary>Replaced inside any token: the process's working directory (the scratch directory for I/O workloads).</summary>
    public const string WorkingDirectoryPlaceholder = "{cwd}";

    public const string MvpConfiguration = "mvp";

    /// <summary>Leaderboard slugs, as the API accepts them.</summary>
    public const int MaxSlugLength = 64;

    /// <summary>The runtime's name, the first part of its slug: <c>wasmer</c>, <c>wasmtime-cli</c>.</summary>
    public required string Name { get; init; }

    /// <summary><c>default</c> for the runtime's own defaults, else a short name of the variant the run command selects.</summary>
    public string Configuration { get; init; } = RuntimeInfo.DefaultConfiguration;

    /// <summary>A program name looked up on PATH, or an absolute path.</summary>
    public required string Executable { get; init; }

    public IReadOnlyList<string> VersionArgs { get; init; } = ["--version"];

    /// <summary>A regular expression over the version command's stdout and stderr; its first group is the version.</summary>
    public required string VersionPattern { get; init; }

    /// <summary>
    /// Arguments after the executable. Whole tokens <c>{module}</c> (the .wasm path) and <c>{args}</c> (the workload's
    /// arguments) must each appear once; <c>{preopen}</c> stands for <see cref="Preopen"/> when the workload does file I/O.
    /// </summary>
    public required IReadOnlyList<string> Run { get; init; }

    /// <summary>Arguments that preopen the working directory as the guest's <c>.</c>, e.g. <c>--dir .</c>.</summary>
    public IReadOnlyList<string> Preopen { get; init; } = [];

    /// <summary>Whether the runtime runs 128-bit SIMD; without it the row runs the scalar (MVP) builds and says so in its slug.</summary>
    public bool Simd { get; init; } = true;

    /// <summary>Whether the runtime interprets rather than compiles: such rows run only when asked for by name.</summary>
    public bool Interpreter { get; init; }

    /// <summary>Non-default settings the run command selects, declared for readers (e.g. <c>"tier": "interpreter"</c>).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>One line telling a user how to install it.</summary>
    public string Install { get; init; } = "";

    /// <summary>A runtime without SIMD always carries <c>mvp</c> in its configuration, so its row can never pass for a SIMD one.</summary>
    public string EffectiveConfiguration =>
        Simd || Configuration.Contains(MvpConfiguration, StringComparison.Ordinal) ? Configuration
        : Configuration == RuntimeInfo.DefaultConfiguration ? MvpConfiguration
        : $"{Configuration}-{MvpConfiguration}";

    public string Id => RuntimeInfo.SlugFor(Name, EffectiveConfiguration);

    public string ArtifactKind => Simd ? LoadedSuite.WasmArtifact : LoadedSuite.WasmMvpArtifact;

    /// <summary>The command as declared in the document: executable and template, no paths of this machine.</summary>
    public string CommandTemplate => string.Join(' ', [Path.GetFileName(Executable), .. Run]);

    /// <summary>Null if usable, else what is wrong, in one line naming the field.</summary>
    public string? Validate()
    {
        if (!Slug().IsMatch(Name))
        {
            return $"name '{Name}' must be lowercase letters, digits, '.', '_' or '-', starting with a letter or digit";
        }

        if (!Slug().IsMatch(Configuration))
        {
            return $"configuration '{Configuration}' must be lowercase letters, digits, '.', '_' or '-'";
        }

        if (Id.Length > MaxSlugLength)
        {
            return $"the slug '{Id}' is longer than {MaxSlugLength} characters";
        }

        if (string.IsNullOrWhiteSpace(Executable) || (Executable.Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(Executable)))
        {
            return "executable must be a program name on PATH or an absolute path";
        }

        try
        {
            if (new Regex(VersionPattern, RegexOptions.None, TimeSpan.FromSeconds(1)).GetGroupNumbers().Length < 2)
            {
                return $"versionPattern '{VersionPattern}' needs a group that captures the version";
            }
        }
        catch (ArgumentException e)
        {
            return $"versionPattern '{VersionPattern}' is not a regular expression: {e.Message}";
        }

        foreach (var placeholder in new[] { ModulePlaceholder, ArgumentsPlaceholder })
        {
            if (Run.Count(t => t == placeholder) != 1)
            {
                return $"run must contain the token {placeholder} exactly once";
            }
        }

        if (Run.Count(t => t == PreopenPlaceholder) > 1)
        {
            return $"run may contain {PreopenPlaceholder} at most once";
        }

        if (Preopen.Count > 0 && !Run.Contains(PreopenPlaceholder))
        {
            return $"preopen is given but run has no {PreopenPlaceholder} token to put it";
        }

        if (Run.Concat(Preopen).FirstOrDefault(t => UnknownPlaceholder().IsMatch(t.Replace(WorkingDirectoryPlaceholder, "", StringComparison.Ordinal))
            && t is not ModulePlaceholder and not ArgumentsPlaceholder and not PreopenPlaceholder) is { } unknown)
        {
            return $"unknown placeholder in '{unknown}'; known: {ModulePlaceholder} {ArgumentsPlaceholder} {PreopenPlaceholder} {WorkingDirectoryPlaceholder}";
        }

        return null;
    }

    /// <summary>The arguments after the executable for one workload process.</summary>
    public IReadOnlyList<string> ExpandRun(WorkloadInvocation invocation)
    {
        string Substitute(string token) => token.Replace(WorkingDirectoryPlaceholder, invocation.WorkingDirectory, StringComparison.Ordinal);

        var arguments = new List<string>();
        foreach (var token in Run)
        {
            switch (token)
            {
                case ModulePlaceholder:
                    arguments.Add(invocation.ArtifactPath);
                    break;
                case ArgumentsPlaceholder:
                    arguments.AddRange(invocation.Arguments);
                    break;
                case PreopenPlaceholder:
                    if (invocation.Preopen)
                    {
                        arguments.AddRange(Preopen.Select(Substitute));
                    }

                    break;
                default:
                    arguments.Add(Substitute(token));
                    break;
            }
        }

        return arguments;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex Slug();

    [GeneratedRegex(@"\{[a-z]+\}")]
    private static partial Regex UnknownPlaceholder();
}
