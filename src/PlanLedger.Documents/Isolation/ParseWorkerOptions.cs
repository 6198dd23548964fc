namespace PlanLedger.Documents.Isolation;

/// <summary>Where the parse worker is and what one parse may cost before the worker is killed.</summary>
public sealed record ParseWorkerOptions
{
    /// <summary>
    /// The worker: <c>planledger.dll</c> (run with the current <c>dotnet</c> host) or an executable taking
    /// <c>parse-worker</c> as first argument. Null: <c>planledger.dll</c> beside the running application.
    /// </summary>
    public string? Path { get; init; }

    /// <summary>Wall-clock limit of one parse, start-up included (default 60 s).</summary>
    public TimeSpan WallTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>CPU-time limit of one parse, all threads of the worker together (default 30 s).</summary>
    public TimeSpan CpuTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The worker's GC heap hard limit (DOTNET_GCHeapHardLimit, default 1 GiB).</summary>
    public long MemoryBytes { get; init; } = 1L << 30;

    /// <summary>Workers kept running between documents (default 1; 0 starts one process per document).</summary>
    public int IdleWorkers { get; init; } = 1;
}
