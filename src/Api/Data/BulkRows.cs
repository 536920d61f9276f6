using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace NearNative.Api.Data;

/// <summary>
/// Inserts many new rows in the current transaction. On PostgreSQL they are streamed with binary COPY, which costs the
/// server and the API a fraction of one INSERT per row through the change tracker (an ingest writes a few hundred rows);
/// the table, columns, types and value conversions are read from the EF model, complex properties flattened as EF maps
/// them, so the model stays the one description of every table. Elsewhere (the embedded SQLite) rows go through EF.
/// </summary>
public static partial class BulkRows
{
    private static readonly ConcurrentDictionary<(IModel, Type), CopyTable> Tables = new();

    /// <summary>Inserts <paramref name="rows"/>: rows only, never what their navigations hold.</summary>
    public static async Task InsertAsync<T>(NearNativeDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (!db.Database.IsNpgsql())
        {
            db.Set<T>().AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var table = Tables.GetOrAdd((db.Model, typeof(T)), key => CopyTable.Of(key.Item1, key.Item2));
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(table.Command, cancellationToken);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in table.Columns)
            {
                if (column.Read(row) is { } value)
                {
                    await importer.WriteAsync(value, column.DataTypeName, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    /// <summary>A submission with every result row it holds (runtimes, their workloads and categories).</summary>
    public static async Task InsertAsync(NearNativeDbContext db, Submission submission, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            // EF follows the navigations itself.
            await InsertAsync(db, [submission], cancellationToken);
            return;
        }

        await InsertAsync(db, [submission], cancellationToken);
        await InsertAsync(db, submission.Runtimes, cancellationToken);
        await InsertAsync(db, [.. submission.Runtimes.SelectMany(r => r.Workloads)], cancellationToken);
        await InsertAsync(db, [.. submission.Runtimes.SelectMany(r => r.Categories)], cancellationToken);
    }

    private sealed record CopyColumn(string Name, string DataTypeName, Func<object, object?> Read);

    private sealed record CopyTable(string Command, IReadOnlyList<CopyColumn> Columns)
    {
        public static CopyTable Of(IModel model, Type type)
        {
            var entityType = model.FindEntityType(type)
                ?? throw new InvalidOperationException($"{type.Name} is not an entity type of the model.");
            var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
            List<CopyColumn> columns =
            [
                .. entityType.GetProperties().Select(property => Column(property, table, ClrReader(property))),
                .. entityType.GetComplexProperties().SelectMany(complex =>
                {
                    if (complex.ComplexType.GetComplexProperties().Any())
                    {
                        throw new NotSupportedException($"{type.Name}.{complex.Name}: nested complex properties are not copied.");
                    }

                    var outer = ClrReader(complex);
                    return complex.ComplexType.GetProperties().Select(property =>
                    {
                        var inner = ClrReader(property);
                        return Column(property, table, row => outer(row) is { } value ? inner(value) : null);
                    });
                }),
            ];
            var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
            var schema = entityType.GetSchema() is { } s ? Quote(s) + "." : "";
            return new CopyTable($"COPY {schema}{Quote(table.Name)} ({names}) FROM STDIN (FORMAT BINARY)", columns);
        }

        private static CopyColumn Column(IProperty property, StoreObjectIdentifier table, Func<object, object?> read)
        {
            var mapping = property.GetRelationalTypeMapping();
            var converter = mapping.Converter;
            return new CopyColumn(
                property.GetColumnName(table) ?? throw new InvalidOperationException($"{property.Name} has no column in {table.Name}."),
                Facets().Replace(mapping.StoreType, ""),
                converter is null ? read : row => read(row) is { } value ? converter.ConvertToProvider(value) : null);
        }

        private static Func<object, object?> ClrReader(IPropertyBase property) =>
            property.PropertyInfo is PropertyInfo info && !property.IsShadowProperty()
                ? info.GetValue
                : throw new NotSupportedException($"{property.DeclaringType.DisplayName()}.{property.Name} has no CLR property to copy from.");

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A store type's facets, such as the length of <c>character varying(64)</c>, which a COPY value does not name.</summary>
    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Facets();
}
