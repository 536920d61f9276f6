using Microsoft.EntityFrameworkCore;

namespace NearNative.Api.Data;

public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : NearNativeDbContext(options);
