using Microsoft.Extensions.Options;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data;

/// <summary>
/// Reads the global <see cref="DataVersion"/> with one primary-key command on a pooled connection of the ledger's
/// database (<see cref="LedgerDatabase.ReadConnections"/>) — no DbContext — for the response cache's check on every request.
/// <para>Concurrent callers share reads: a caller gets the value of a read that <em>started after it called</em> — the
/// one starting now when none is running, else the next one, which starts as soon as the running one ends and answers
/// everybody who arrived meanwhile. So a caller never gets a version older than the moment it asked (what the cache's
/// freshness rests on), and under load one command answers many requests: at most one read is in flight per instance.</para>
/// <para>A read that takes longer than <see cref="LedgerOptions.DataVersionReadTimeout"/> (a locked table, a hung
/// server) fails for everyone waiting on it — it is never cancelled by one of them — and the next caller starts another.</para>
/// </summary>
public sealed class DataVersions(IOptions<LedgerOptions> options)
{
    private const string Sql = "SELECT \"Value\" FROM \"DataVersions\" WHERE \"Id\" = 1";
    private readonly Func<System.Data.Common.DbConnection> _connection = LedgerDatabase.ReadConnections(options.Value.Db);
    private readonly TimeSpan _timeout = options.Value.DataVersionReadTimeout;
    private readonly Lock _gate = new();
    private TaskCompletionSource<long>? _next; // the read not started yet, that callers join
    private bool _reading;

    public Task<long> CurrentAsync(CancellationToken ct)
    {
        Task<long> answer;
        var start = false;
        lock (_gate)
        {
            _next ??= new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            answer = _next.Task;
            if (!_reading) _reading = start = true;
        }
        if (start) _ = ReadWhileAskedAsync();
        return answer.WaitAsync(ct);
    }

    // Runs reads one after another while callers wait for one, then stops; one caller's cancellation never cancels a
    // read others share.
    private async Task ReadWhileAskedAsync()
    {
        while (true)
        {
            TaskCompletionSource<long> round;
            lock (_gate)
            {
                if (_next is null) { _reading = false; return; }
                round = _next;
                _next = null;
            }
            try { round.SetResult(await ReadAsync()); }
            catch (Exception e) { round.SetException(e); }
        }
    }

    private async Task<long> ReadAsync()
    {
        using var limit = new CancellationTokenSource(_timeout);
        try
        {
            await using var connection = _connection();
            await connection.OpenAsync(limit.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = Sql;
            command.CommandTimeout = Math.Max(1, (int)Math.Ceiling(_timeout.TotalSeconds));
            return Convert.ToInt64(await command.ExecuteScalarAsync(limit.Token), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (OperationCanceledException e) when (limit.IsCancellationRequested)
        {
            throw new TimeoutException($"The data version was not read within {_timeout.TotalSeconds:0.#} s.", e);
        }
    }
}
