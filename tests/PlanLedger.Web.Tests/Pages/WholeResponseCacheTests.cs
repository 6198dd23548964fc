using System.Net;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Pages;

/// <summary>
/// The whole-response cache (docs/scale.md §25): a page read twice with no write between is the same bytes (kept — its
/// form tokens included); a write by anyone — the reader, another user, an <c>ExecuteUpdate</c> — shows on the next
/// view; one reader's page is never another's; the language is part of the key.
/// </summary>
public abstract class WholeResponseCacheTests(LedgerFactory factory) : IAsyncLifetime
{
    public Task InitializeAsync() { factory.Clock.Reset(); return Task.CompletedTask; }
    public Task DisposeAsync() { factory.Clock.Reset(); return Task.CompletedTask; }

    private async Task<long> VersionAsync() => await factory.Services.GetRequiredService<DataVersions>().CurrentAsync(default);

    [Fact]
    public async Task A_report_filed_by_another_user_shows_at_once_on_the_office_s_kept_ledger_dashboard_and_home()
    {
        var w = await LoopWorld.CreateAsync(factory);
        var office = await PageClient.SignInAsync(factory, w.Office);
        foreach (var url in new[] { $"/Plans/{w.PlanId}/Ledger", $"/Plans/{w.PlanId}/Ledger?View=tree", $"/Plans/{w.PlanId}/Dashboard", "/" })
        {
            var first = await office.GetHtmlAsync(url);
            Assert.Equal(first, await office.GetHtmlAsync(url)); // kept: the same bytes, its antiforgery tokens too
        }
        var tree = await office.GetHtmlAsync($"/Plans/{w.PlanId}/Ledger?View=tree");
        Assert.DoesNotContain("40%", tree);
        await w.ReportAsync(w.RepA, w.Task1, 40, "选址已完成六成");
        Assert.Contains("选址已完成六成", await office.GetHtmlAsync($"/Plans/{w.PlanId}/Ledger")); // 进展情况: the report's text
        Assert.Contains("40%", await office.GetHtmlAsync($"/Plans/{w.PlanId}/Ledger?View=tree")); // the tree shows progress, not text
        var dashboard = await office.GetHtmlAsync($"/Plans/{w.PlanId}/Dashboard");
        Assert.Equal(dashboard, await office.GetHtmlAsync($"/Plans/{w.PlanId}/Dashboard"));
    }

    [Fact]
    public async Task The_reporter_s_own_report_shows_on_its_kept_task_list_and_task_page()
    {
        var w = await LoopWorld.CreateAsync(factory);
        var unit = await PageClient.SignInAsync(factory, w.RepA);
        var mine = await unit.GetHtmlAsync("/Tasks/Mine");
        Assert.Equal(mine, await unit.GetHtmlAsync("/Tasks/Mine"));
        var task = await unit.GetHtmlAsync($"/Tasks/{w.Task1}");
        Assert.DoesNotContain("已召开推进会", task);
        Assert.Equal(task, await unit.GetHtmlAsync($"/Tasks/{w.Task1}"));

        await w.ReportAsync(w.RepA, w.Task1, 55, "已召开推进会");
        Assert.NotEqual(mine, await unit.GetHtmlAsync("/Tasks/Mine")); // the progress shown moved
        Assert.Contains("已召开推进会", await unit.GetHtmlAsync($"/Tasks/{w.Task1}"));
    }

    [Fact]
    public async Task One_reader_s_kept_page_is_never_another_s_and_a_language_switch_changes_it()
    {
        var w = await LoopWorld.CreateAsync(factory);
        var a = await PageClient.SignInAsync(factory, w.RepA);
        var b = await PageClient.SignInAsync(factory, w.RepB);
        var pageA = await a.GetHtmlAsync("/Tasks/Mine");
        Assert.Equal(pageA, await a.GetHtmlAsync("/Tasks/Mine"));
        var pageB = await b.GetHtmlAsync("/Tasks/Mine");
        Assert.NotEqual(pageA, pageB);
        Assert.Contains("培训教师500人次", pageB); // 人事股 leads task 2, 基础教育股 does not
        Assert.DoesNotContain("培训教师500人次", pageA);
        Assert.DoesNotContain("培训教师500人次", await a.GetHtmlAsync("/Tasks/Mine"));

        var chinese = await a.GetHtmlAsync("/");
        Assert.Equal(chinese, await a.GetHtmlAsync("/"));
        await a.GetHtmlAsync("/culture?c=en&returnUrl=/");
        var english = await a.GetHtmlAsync("/");
        Assert.NotEqual(chinese, english);
        Assert.Contains("<html lang=\"en\">", english);
        await a.GetHtmlAsync("/culture?c=zh-CN&returnUrl=/");
        Assert.Contains("<html lang=\"zh-CN\">", await a.GetHtmlAsync("/"));
    }

    [Fact]
    public async Task Readers_asking_for_the_data_version_together_share_reads_yet_none_gets_a_version_older_than_its_call()
    {
        var w = await LoopWorld.CreateAsync(factory);
        var versions = factory.Services.GetRequiredService<DataVersions>();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        for (var round = 0; round < 5; round++)
        {
            var before = await versions.CurrentAsync(default);
            var early = Enumerable.Range(0, 40).Select(_ => versions.CurrentAsync(default)).ToArray();
            await db.Notifications.Where(n => n.Id < 0).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, DateTimeOffset.UtcNow));
            var late = Enumerable.Range(0, 40).Select(_ => versions.CurrentAsync(default)).ToArray();
            Assert.All(await Task.WhenAll(early), v => Assert.True(v >= before));
            Assert.All(await Task.WhenAll(late), v => Assert.Equal(before + 1, v)); // asked after the write: never older
        }
        using var cancelled = new CancellationTokenSource();
        var abandoned = versions.CurrentAsync(cancelled.Token);
        var shared = versions.CurrentAsync(default);
        cancelled.Cancel();
        try { Assert.True(await abandoned > 0); } catch (OperationCanceledException) { } // done already, or given up
        Assert.True(await shared > 0); // one caller giving up cancels nobody else's read
        Assert.NotNull(w.Office);
    }

    [Fact]
    public async Task Every_write_moves_the_data_version_in_its_transaction_and_a_rolled_back_one_or_a_read_does_not()
    {
        var w = await LoopWorld.CreateAsync(factory);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();

        var before = await VersionAsync();
        _ = await db.Tasks.Where(t => t.PlanId == w.PlanId).CountAsync();
        Assert.Equal(before, await VersionAsync()); // a read

        await db.Notifications.Where(n => n.Id < 0).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, DateTimeOffset.UtcNow));
        Assert.Equal(before + 1, await VersionAsync()); // an ExecuteUpdate without a transaction

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var task = await db.Tasks.SingleAsync(t => t.Id == w.Task2);
            task.Text += "（改）";
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        Assert.Equal(before + 1, await VersionAsync()); // rolled back: nothing moved
        db.ChangeTracker.Clear();

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            var task = await db.Tasks.SingleAsync(t => t.Id == w.Task2);
            task.Text += "（改）";
            await db.SaveChangesAsync();
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        Assert.Equal(before + 2, await VersionAsync()); // one transaction, one move, at its commit

        await (await w.As(w.RepB)).PostJsonAsync($"/api/v1/tasks/{w.Task2}/reports", new { period = LoopWorld.ThisPeriod, progress = 10, text = "x" });
        Assert.True(await VersionAsync() > before + 2); // a report through the API
    }
}

/// <summary>
/// A locked <c>DataVersions</c> table (a long migration, a stuck session holding it) must not hold every page: the
/// version read gives up after <see cref="LedgerOptions.DataVersionReadTimeout"/> and the page is answered without the
/// cache, with today's data; once the lock is gone the cache works again. PostgreSQL only: SQLite's readers never wait.
/// </summary>
public sealed class WholeResponseCacheLockedVersionTests(PostgresLedgerFactory factory) : IClassFixture<PostgresLedgerFactory>
{
    [Fact]
    public async Task Pages_are_answered_fresh_while_the_data_version_is_locked_and_kept_again_after()
    {
        var w = await LoopWorld.CreateAsync(factory);
        var office = await PageClient.SignInAsync(factory, w.Office);
        var url = $"/Plans/{w.PlanId}/Ledger";
        Assert.Equal(await office.GetHtmlAsync(url), await office.GetHtmlAsync(url)); // kept
        await w.ReportAsync(w.RepA, w.Task1, 30, "已完成场地勘察");

        var options = factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LedgerOptions>>().Value;
        await using var locker = new Npgsql.NpgsqlConnection(options.Db);
        await locker.OpenAsync();
        await using var tx = await locker.BeginTransactionAsync();
        await using (var command = new Npgsql.NpgsqlCommand("LOCK TABLE \"DataVersions\" IN ACCESS EXCLUSIVE MODE", locker, tx))
            await command.ExecuteNonQueryAsync();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var page = await office.GetHtmlAsync(url); // 200, or GetHtmlAsync fails the test
        Assert.Contains("已完成场地勘察", page); // the report filed before the lock: not the kept page
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the page waited {clock.Elapsed.TotalSeconds:0.0} s for the lock");
        await tx.RollbackAsync();

        var after = await office.GetHtmlAsync(url);
        Assert.Equal(after, await office.GetHtmlAsync(url)); // kept again
    }
}

public sealed class WholeResponseCacheSqliteTests(SqliteLedgerFactory f) : WholeResponseCacheTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class WholeResponseCachePostgresTests(PostgresLedgerFactory f) : WholeResponseCacheTests(f), IClassFixture<PostgresLedgerFactory>;
