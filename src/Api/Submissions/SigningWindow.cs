using System.Globalization;

namespace NearNative.Api.Submissions;

/// <summary>
/// How old, or how far ahead of the server's clock, a document's <c>createdAt</c> may be (configuration section
/// <c>Submissions:SigningWindow</c>). A captured envelope can be replayed only while it is fresh, and an agent
/// whose document went stale signs it again: <c>nearnative submit</c> dates it anew.
/// </summary>
public sealed class SigningWindow
{
    public const string Section = "Submissions:SigningWindow";

    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Room for a contributor's clock running ahead of the server's.</summary>
    public TimeSpan MaxAhead { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Null when <paramref name="createdAt"/> is inside the window, else what is wrong and how to sign again.</summary>
    public string? Check(DateTimeOffset createdAt, DateTimeOffset now)
    {
        if (createdAt < now - MaxAge)
        {
            return $"Signed {Describe(now - createdAt)} ago; the server accepts documents signed within the last {Describe(MaxAge)}. " +
                "Sign it again: `nearnative submit FILE` signs the document anew with the current time.";
        }

        if (createdAt > now + MaxAhead)
        {
            return $"Dated {Describe(createdAt - now)} ahead of the server's clock; at most {Describe(MaxAhead)} is accepted. " +
                "Set this machine's clock right, then sign it again with `nearnative submit FILE`.";
        }

        return null;
    }

    /// <summary>The largest whole unit that fits: "8 days", "3 hours", "11 minutes", "40 seconds".</summary>
    public static string Describe(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } => Units((int)span.TotalDays, "day"),
        { TotalHours: >= 1 } => Units((int)span.TotalHours, "hour"),
        { TotalMinutes: >= 1 } => Units((int)span.TotalMinutes, "minute"),
        _ => Units((int)span.TotalSeconds, "second"),
    };

    private static string Units(int count, string unit) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + unit + (count == 1 ? "" : "s");
}
