using NearNative.Bench.ApiThroughput;

// nn-api-load VERB --name value ...: the load and seeding steps of bench/api-throughput/run.
try
{
    var options = Options.Parse(args.Skip(1).ToList());
    return args.FirstOrDefault() switch
    {
        "ingest" => await Ingest.RunAsync(options),
        "plain" => await PlainInserts.RunAsync(options),
        "bulk" => await BulkSeed.RunAsync(options),
        _ => Usage(),
    };
}
catch (ArgumentException error)
{
    Console.Error.WriteLine($"nn-api-load: {error.Message}");
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine("usage: nn-api-load ingest|plain|bulk --name value ...");
    return 2;
}
