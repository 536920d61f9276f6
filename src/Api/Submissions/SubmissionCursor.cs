using System.Buffers.Text;
using System.Globalization;
using System.Text;
using NearNative.Api.Infrastructure;

namespace NearNative.Api.Submissions;

/// <summary>
/// The position after the last submission of a page, in the list's order (newest received first, then id
/// descending). Clients pass it back as it is; its encoding is not part of the API and may change.
/// </summary>
/// <remarks>
/// A position rather than an offset: submissions that arrive while a client walks the list are newer than any
/// position it holds, so they never push one it has not seen onto a page it has, and none is seen twice.
/// </remarks>
public sealed record SubmissionCursor(DateTimeOffset ReceivedAt, string Id)
{
    private const string Version = "v1";

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"{Version}.{ReceivedAt.ToUnixTimeMilliseconds()}.{Id}")));

    public static SubmissionCursor? TryDecode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 200 || !Base64Url.IsValid(text))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split('.');
        return parts is [Version, var milliseconds, var id]
            && long.TryParse(milliseconds, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            && id.Length == 64
            && id.All(char.IsAsciiHexDigitLower)
                ? new SubmissionCursor(Timestamps.ForStorage(DateTimeOffset.FromUnixTimeMilliseconds(ms)), id)
                : null;
    }
}
