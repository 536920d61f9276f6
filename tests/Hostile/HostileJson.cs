using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace NearNative.Tests.Hostile;

/// <summary>
/// Hostile variations of valid JSON for the property tests of every parser of untrusted bodies: a value replaced by
/// one of the corpus's <c>values.txt</c> (huge and negative numbers, NaN and Infinity, invalid UTF-8, deep nesting,
/// the wrong type), a property given twice or removed, an unknown property, a value nested deeply, the bytes cut short
/// or one byte changed. Mutations start from a valid document so that they reach the parser's depths, not only its
/// first byte.
/// </summary>
public static class HostileJson
{
    /// <summary>Environment variable with the number of inputs each property test tries; the default keeps CI short.</summary>
    public const string IterationsVariable = "NEARNATIVE_FUZZ_ITERATIONS";

    private static readonly Lazy<IReadOnlyList<byte[]>> LoadedValues = new(() => Load(Path.Combine(CorpusDirectory, "values.txt")));

    /// <summary>The corpus files, copied next to the test assembly.</summary>
    public static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Hostile");

    public static IReadOnlyList<byte[]> Values => LoadedValues.Value;

    /// <summary>How many inputs a property test tries: <see cref="IterationsVariable"/> when set, else <paramref name="ciDefault"/>.</summary>
    public static long Iterations(long ciDefault) =>
        long.TryParse(Environment.GetEnvironmentVariable(IterationsVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : ciDefault;

    /// <summary>
    /// One corpus line as bytes: <c>\xHH</c> is one raw byte and <c>\\</c> one backslash, so a line can hold bytes that
    /// are not UTF-8; everything else is the line's UTF-8.
    /// </summary>
    public static byte[] Decode(string line)
    {
        var bytes = new List<byte>(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] == '\\')
            {
                bytes.Add((byte)'\\');
                i++;
            }
            else if (line[i] == '\\' && i + 3 < line.Length && line[i + 1] == 'x')
            {
                bytes.Add(byte.Parse(line.AsSpan(i + 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 3;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(line[i].ToString()));
            }
        }

        return [.. bytes];
    }

    /// <summary>Hostile variations of <paramref name="json"/>, which must be valid JSON.</summary>
    public static Gen<byte[]> Mutations(byte[] json)
    {
        var (values, properties, objects) = Spans(json);
        var value = Gen.Int[0, values.Count - 1].Select(i => values[i]);
        var property = Gen.Int[0, properties.Count - 1].Select(i => properties[i]);
        var hostile = Gen.Int[0, Values.Count - 1].Select(i => Values[i]);
        var replaced = Gen.Select(value, hostile).Array[1, 3].Select(replacements => ReplaceAll(json, replacements));
        return Gen.OneOf(
            replaced,
            replaced,
            replaced,
            property.Select(p => Splice(json, p.Start, 0, [.. json.AsSpan(p.Start, p.Length), (byte)','])),
            property.Select(p => Remove(json, p)),
            Gen.Int[0, objects.Count - 1].Select(i => Splice(json, objects[i] + 1, 0, "\"unknownField\":1,"u8.ToArray())),
            Gen.Select(value, Gen.Int[1, 300]).Select((v, depth) => Nest(json, v, depth)),
            Gen.Int[0, json.Length - 1].Select(n => json[..n]),
            Gen.Select(Gen.Int[0, json.Length - 1], Gen.Byte).Select((i, b) => Splice(json, i, 1, [b])));
    }

    public static byte[] Replace(byte[] json, Span value, byte[] replacement) => Splice(json, value.Start, value.Length, replacement);

    /// <summary>The value spans of <paramref name="json"/> (objects and arrays included), in document order.</summary>
    public static IReadOnlyList<Span> ValueSpans(byte[] json) => Spans(json).Values;

    private static byte[] ReplaceAll(byte[] json, (Span Value, byte[] With)[] replacements)
    {
        // From the end backwards so earlier offsets stay true; a span inside one already replaced is dropped.
        var result = json;
        var limit = int.MaxValue;
        foreach (var (span, with) in replacements.OrderByDescending(r => r.Value.Start))
        {
            if (span.Start + span.Length <= limit)
            {
                result = Replace(result, span, with);
                limit = span.Start;
            }
        }

        return result;
    }

    private static byte[] Remove(byte[] json, Span property)
    {
        var end = property.Start + property.Length;
        if (end < json.Length && json[end] == ',')
        {
            return Splice(json, property.Start, property.Length + 1, []);
        }

        return property.Start > 0 && json[property.Start - 1] == ','
            ? Splice(json, property.Start - 1, property.Length + 1, [])
            : Splice(json, property.Start, property.Length, []);
    }

    private static byte[] Nest(byte[] json, Span value, int depth) =>
        Replace(json, value, [.. Enumerable.Repeat((byte)'[', depth), .. json.AsSpan(value.Start, value.Length), .. Enumerable.Repeat((byte)']', depth)]);

    private static byte[] Splice(byte[] json, int start, int length, byte[] insert) =>
        [.. json.AsSpan(0, start), .. insert, .. json.AsSpan(start + length)];

    private static (List<Span> Values, List<Span> Properties, List<int> Objects) Spans(byte[] json)
    {
        var values = new List<Span>();
        var properties = new List<Span>();
        var objects = new List<int>();
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var afterName = reader;
                    afterName.Read();
                    afterName.Skip();
                    properties.Add(new Span(start, (int)afterName.BytesConsumed - start));
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        objects.Add(start);
                    }

                    var container = reader;
                    container.Skip();
                    values.Add(new Span(start, (int)container.BytesConsumed - start));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray or JsonTokenType.Comment or JsonTokenType.None:
                    break;
                default:
                    values.Add(new Span(start, (int)reader.BytesConsumed - start));
                    break;
            }
        }

        return (values, properties, objects);
    }

    private static List<byte[]> Load(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(Decode)];

    /// <summary>A run of bytes in a JSON text: one value, or one property with its value.</summary>
    public readonly record struct Span(int Start, int Length);
}
