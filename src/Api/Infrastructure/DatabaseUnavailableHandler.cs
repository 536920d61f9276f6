using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NearNative.Api.Data;
using Npgsql;

namespace NearNative.Api.Infrastructure;

/// <summary>
/// A database that cannot answer for a moment (stopped, restarting, a connection cut, the pool exhausted) is not a
/// bug: the request gets 503 problem details with <c>Retry-After</c>, so clients and load balancers back off and
/// try again, instead of a 500. Every write is one transaction that is idempotent on the hash of its signed bytes,
/// so a retry after an answer lost with the connection finds what was committed and stores nothing twice.
/// </summary>
public sealed partial class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger)
    : IExceptionHandler
{
    /// <summary>What a client is told to wait: about as long as a database restart or a fail-over takes to begin answering.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Transient(exception) is not { } cause)
        {
            return false;
        }

        LogUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, cause.Message);

        // A session that died under us (the server restarted, or an operator ended sessions) rarely dies alone, and the
        // pool cannot tell its idle connections are dead until each fails a request: drop them, so the retry gets a fresh one.
        if (cause is NpgsqlException or InvalidOperationException && httpContext.RequestServices.GetService<NearNativeDbContext>()?.Database.GetDbConnection() is NpgsqlConnection connection)
        {
            NpgsqlConnection.ClearPool(connection);
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service Unavailable",
                Detail = "The database is not answering for the moment; send the same request again after the time in Retry-After. " +
                    "A submission sent again is stored once.",
            },
            Exception = exception,
        });
    }

    /// <summary>
    /// The transient database failure behind the exception, however deeply EF wrapped it. A session the server ended
    /// between two commands (a restart) surfaces as Npgsql refusing the next command on the transaction it completed
    /// when the connection broke; that is the same failure, reported late, and is answered the same way.
    /// </summary>
    public static Exception? Transient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true } || (e is InvalidOperationException && e.TargetSite?.DeclaringType?.Assembly == typeof(NpgsqlConnection).Assembly))
            {
                return e;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: the database is unavailable ({Reason})")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string reason);
}
