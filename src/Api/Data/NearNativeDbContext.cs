using Microsoft.EntityFrameworkCore;

namespace NearNative.Api.Data;

/// <summary>
/// The model, shared by every provider. Each provider has its own derived context so that it has its own
/// migration set (<c>migrations/PostgreSql</c>, <c>migrations/Sqlite</c>); handlers only see this type.
/// </summary>
public abstract class NearNativeDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();

    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<RuntimeResult> RuntimeResults => Set<RuntimeResult>();

    public DbSet<WorkloadResult> WorkloadResults => Set<WorkloadResult>();

    public DbSet<CategoryResult> CategoryResults => Set<CategoryResult>();

    public DbSet<LeaderboardCell> LeaderboardCells => Set<LeaderboardCell>();

    public DbSet<LeaderboardCellMachine> LeaderboardCellMachines => Set<LeaderboardCellMachine>();

    public DbSet<LeaderboardCellVotes> LeaderboardCellVotes => Set<LeaderboardCellVotes>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new SigningKeyConfiguration());
        modelBuilder.ApplyConfiguration(new SubmissionConfiguration());
        modelBuilder.ApplyConfiguration(new RuntimeResultConfiguration());
        modelBuilder.ApplyConfiguration(new WorkloadResultConfiguration());
        modelBuilder.ApplyConfiguration(new CategoryResultConfiguration());
        modelBuilder.ApplyConfiguration(new LeaderboardCellConfiguration());
        modelBuilder.ApplyConfiguration(new LeaderboardCellMachineConfiguration());
        modelBuilder.ApplyConfiguration(new LeaderboardCellVotesConfiguration());
    }
}
