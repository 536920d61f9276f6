using NearNative.Api.Administration;
using NearNative.Api.Badges;
using NearNative.Api.Cpus;
using NearNative.Api.Health;
using NearNative.Api.Infrastructure;
using NearNative.Api.Infrastructure.Telemetry;
using NearNative.Api.Keys;
using NearNative.Api.Leaderboard;
using NearNative.Api.Runtimes;
using NearNative.Api.Submissions;
using NearNative.Api.Suites;
using NearNative.Api.TradeOff;
using NearNative.Api.Web;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.AddJson();
builder.AddProblemResponses();
builder.AddConnectionLimits();
builder.AddProxies();
builder.AddTelemetry();
builder.AddDatabase();
builder.AddSharedState();
builder.AddSuites();
builder.AddRateLimits();
builder.AddApiDocumentation();
builder.AddHealth();
builder.AddKeys();
builder.AddSubmissions();
builder.AddSubmissionQueries();
builder.AddLeaderboard();
builder.AddCpus();
builder.AddRuntimes();
builder.AddBadges();
builder.AddTradeOff();
builder.AddAdministration();
builder.AddWeb();

var app = builder.Build();

app.UseProxies();
app.UseProblemResponses();
app.UseAdministration();
app.UseRequestSizeLimits();
app.UseUtf8RequestBodies();
app.UseRateLimiter();
app.UseOutputCache();
app.UseHttpCaching();
app.UseApiDocumentation();

app.MapKeys();
app.MapSubmissions();
app.MapSubmissionQueries();
app.MapLeaderboard();
app.MapCpus();
app.MapRuntimes();
app.MapBadges();
app.MapTradeOff();
app.MapHealth();
app.MapMetrics();
app.MapAdministration();
app.MapWeb();

await app.MigrateDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
