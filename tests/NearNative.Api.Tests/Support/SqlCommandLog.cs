using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NearNative.Api.Tests.Support;

/// <summary>
/// Every SQL command EF Core sends through a <typeparamref name="TContext"/> to one database while the
/// log is open, read from EF's diagnostic events: what a request really asked the database. The diagnostic events are
/// process-wide, so commands of other test classes running at the same time, on their own databases, are left out.
/// </summary>
public sealed class SqlCommandLog<TContext> : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    where TContext : DbContext
{
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly List<IDisposable> _subscriptions = [];

    private readonly string _database;

    public SqlCommandLog(string database)
    {
        _database = database;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public IReadOnlyList<string> Commands => [.. _commands];

    public void Clear() => _commands.Clear();

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData { Context: TContext } data
            && data.Command.Connection?.Database == _database)
        {
            _commands.Enqueue(data.Command.CommandText);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
