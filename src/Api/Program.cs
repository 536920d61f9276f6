var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/health", () => TypedResults.Ok());
app.Run();

/// <summary>Entry point type, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
