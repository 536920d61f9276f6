using NearNative.Agent.Measurement;

namespace NearNative.Agent.Tests.Measurement;

public sealed class RoundBudgetTests
{
    [Fact]
    public void ARoundIsEstimatedAsTheSumOfEachUnitsMeanDuration()
    {
        var budget = new RoundBudget(TimeSpan.FromMinutes(1));
        budget.Record("fib", TimeSpan.FromSeconds(2));
        budget.Record("fib", TimeSpan.FromSeconds(4));
        budget.Record("sort", TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(4), budget.Estimate(["fib", "sort"]));
        Assert.Equal(TimeSpan.FromSeconds(1), budget.Estimate(["sort"]));
        Assert.Null(budget.Estimate(["fib", "never-run"]));
    }

    [Fact]
    public void NoRoundStartsThatIsExpectedToOverrunTheBudget()
    {
        var budget = new RoundBudget(TimeSpan.FromSeconds(60));
        budget.Record("fib", TimeSpan.FromSeconds(10));

        Assert.True(budget.Allows(TimeSpan.FromSeconds(50), ["fib"]));
        Assert.False(budget.Allows(TimeSpan.FromSeconds(50.1), ["fib"]));
    }

    [Fact]
    public void AUnitsFirstRoundMayStartWhileAnyBudgetIsLeft()
    {
        var budget = new RoundBudget(TimeSpan.FromSeconds(60));

        Assert.True(budget.Allows(TimeSpan.FromSeconds(59), ["fib"]));
        Assert.False(budget.Allows(TimeSpan.FromSeconds(60), ["fib"]));
    }

    [Fact]
    public void PreparationSpendsFromTheBudgetAndNeverDrivesItNegative()
    {
        Assert.Equal(TimeSpan.FromMinutes(13), RoundBudget.Remaining(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(2)));
        Assert.Equal(TimeSpan.Zero, RoundBudget.Remaining(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)));
        Assert.False(new RoundBudget(RoundBudget.Remaining(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2))).Allows(TimeSpan.Zero, ["fib"]));
    }
}
