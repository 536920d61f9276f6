namespace NearNative.Api.Suites;

/// <summary>Orders suite ids by their numbers, so <c>std-2026.10</c> comes after <c>std-2026.9</c>.</summary>
public sealed class SuiteVersionComparer : IComparer<string>
{
    public static SuiteVersionComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var left = Tokens(x);
        var right = Tokens(y);
        for (var i = 0; i < Math.Min(left.Count, right.Count); i++)
        {
            var order = long.TryParse(left[i], out var a) && long.TryParse(right[i], out var b)
                ? a.CompareTo(b)
                : string.CompareOrdinal(left[i], right[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return left.Count.CompareTo(right.Count);
    }

    private static List<string> Tokens(string value)
    {
        var tokens = new List<string>();
        var start = 0;
        for (var i = 1; i <= value.Length; i++)
        {
            if (i == value.Length || char.IsAsciiDigit(value[i]) != char.IsAsciiDigit(value[i - 1]))
            {
                tokens.Add(value[start..i]);
                start = i;
            }
        }

        return tokens;
    }
}
