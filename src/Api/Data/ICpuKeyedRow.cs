namespace NearNative.Api.Data;

/// <summary>A stored row that belongs to one suite, size and CPU key: a submission or a leaderboard cell.</summary>
public interface ICpuKeyedRow
{
    string Suite { get; }

    string Size { get; }

    string CpuKey { get; }
}
