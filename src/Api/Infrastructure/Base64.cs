namespace NearNative.Api.Infrastructure;

/// <summary>Strict decoding of base64 fields from request bodies.</summary>
public static class Base64
{
    public static byte[]? TryDecode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var buffer = new byte[text.Length * 3 / 4];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }

    public static bool DecodesTo(string? text, int length) => TryDecode(text)?.Length == length;

    public static bool IsValid(string? text) => TryDecode(text) is { Length: > 0 };
}
