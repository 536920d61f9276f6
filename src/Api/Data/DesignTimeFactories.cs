using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NearNative.Api.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL model without a running server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDbContext>
{
    public PostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDbContext>()
            .UseNpgsql("Host=localhost;Database=nearnative")
            .UseSnakeCaseNamingConvention()
            .Options);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDbContext>
{
    public SqliteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDbContext>()
            .UseSqlite("Data Source=nearnative.db")
            .UseSnakeCaseNamingConvention()
            .Options);
}
