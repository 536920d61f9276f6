namespace NearNative.Api.Data;

/// <summary>A stored row that belongs to one suite, size and CPU key: a submission or a leaderboard cell.</summary>
public interface ICpuKeyedRow
{
    string Suite { get; }

    string Size { get; }

    string CpuKey { get; }
}

/// <summary>A row that names one leaderboard cell: a cell itself or a machine's part in it.</summary>
public interface ICellRow : ICpuKeyedRow
{
    string Metric { get; }

    string RuntimeSlug { get; }

    string RuntimeVersion { get; }
}
