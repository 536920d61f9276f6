using System.CommandLine;

namespace NearNative.Agent.Commands;

/// <summary>Options several verbs share, declared once.</summary>
public static class CommonOptions
{
    public static Option<Uri> Server(bool required)
    {
        var option = new Option<Uri>("--server")
        {
            Description = "Base URL of the NearNative API, e.g. https://nearnative.example",
            HelpName = "URL",
            Required = required,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    // A trailing slash so that api/v1/... resolves below any path prefix.
                    return new Uri(uri.AbsoluteUri.TrimEnd('/') + "/");
                }

                result.AddError($"--server must be an http or https URL, not '{text}'");
                return null;
            },
        };
        return option;
    }

    /// <summary>The suite directory for verbs that only read the suite; found the way <c>run</c> finds it.</summary>
    public static Option<string?> SuiteAsForRun() =>
        new("--suite") { Description = "Suite directory. Default: as for run.", HelpName = "DIR" };

    /// <summary>The suite directory the option names, else where <c>run</c> looks for it.</summary>
    public static string LocateSuite(AgentContext context, string? option) =>
        Suite.SuiteLocator.Locate(option, context.SuiteFromEnvironment, AppContext.BaseDirectory, Environment.CurrentDirectory);
}
