using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PlanLedger.Web.Data;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Security;

/// <summary>Makes every INSERT into the audit table fail while switched on (a full disk, a broken table).</summary>
public sealed class AuditFailure : DbCommandInterceptor
{
    public volatile bool On;

    private void Check(DbCommand command)
    {
        if (On && command.CommandText.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal))
            throw new InvalidOperationException("injected: the audit table cannot be written");
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    { Check(command); return result; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    { Check(command); return ValueTask.FromResult(result); }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    { Check(command); return ValueTask.FromResult(result); }
}

public sealed class AuditFailureSqliteFactory : SqliteLedgerFactory
{
    public AuditFailure Failure { get; } = new();
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IInterceptor>(Failure));
    }
}

public sealed class AuditFailurePostgresFactory : PostgresLedgerFactory
{
    public AuditFailure Failure { get; } = new();
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<IInterceptor>(Failure));
    }
}

/// <summary>
/// The audit trail cannot be skipped: its rows are written in the change's transaction (a failed audit write undoes
/// the change, 503), and the paths that used bulk updates — unit relinks, unit merges, review merges — write rows too.
/// </summary>
public abstract class AuditIntegrityTests(LedgerFactory factory, AuditFailure failure)
{
    private static string Name(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    private LedgerDbContext Db(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<LedgerDbContext>();

    private async Task<T> FailingAuditAsync<T>(Func<Task<T>> act)
    {
        failure.On = true;
        try { return await act(); }
        finally { failure.On = false; }
    }

    [Fact]
    public async Task When_the_audit_row_cannot_be_written_the_user_edit_is_not_saved()
    {
        var admin = await factory.ClientAsync();
        var name = Name("au");
        var id = (await admin.PostJsonAsync("/api/v1/users", new { userName = name, password = TestApi.Password, displayName = name, role = "viewer" })).Id();
        var res = await FailingAuditAsync(() => admin.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "不该保存", role = "office" }));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, res.StatusCode);
        Assert.Contains("操作日志", await res.ProblemTitle());
        using var scope = factory.Services.CreateScope();
        var user = await Db(scope).Users.AsNoTracking().SingleAsync(u => u.Id == id);
        Assert.Equal(name, user.DisplayName);
        Assert.Equal(PlanLedger.Web.Data.Entities.UserRole.Viewer, user.Role);
        // And once the audit table works again, the same edit goes through with its row.
        (await admin.PutAsJsonAsync($"/api/v1/users/{id}", new { displayName = "已保存", role = "office" })).EnsureSuccessStatusCode();
        Assert.Contains(Db(scope).AuditEntries.AsNoTracking().Where(a => a.Entity == "AppUser" && a.EntityId == id.ToString()), a => a.After!.Contains("已保存"));
    }

    [Fact]
    public async Task When_the_audit_row_cannot_be_written_no_unit_is_created_and_no_plan_published()
    {
        var admin = await factory.ClientAsync();
        var unit = Name("审计股");
        var res = await FailingAuditAsync(() => admin.PostAsJsonAsync("/api/v1/units", new { name = unit, kind = "department" }));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, res.StatusCode);
        var plan = await admin.PostFileAsync("a.txt", SyntheticPlan.Unique());
        var publish = await FailingAuditAsync(() => admin.PostAsJsonAsync($"/api/v1/plans/{plan.Id()}/publish", new { }));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, publish.StatusCode);
        using var scope = factory.Services.CreateScope();
        Assert.False(await Db(scope).Units.AnyAsync(u => u.Name == unit));
        Assert.Equal(PlanLedger.Web.Data.Entities.PlanStatus.Draft, (await Db(scope).Plans.AsNoTracking().SingleAsync(p => p.Id == plan.Id())).Status);
    }

    [Fact]
    public async Task A_unit_merge_and_a_relink_write_audit_rows_for_every_moved_link_and_user()
    {
        var admin = await factory.ClientAsync();
        var n = Guid.NewGuid().ToString("N")[..6];
        var later = $"后建股{n}";
        var from = await admin.UnitAsync($"旧股{n}");
        var reporter = Name("mg");
        await admin.UserAsync(reporter, "reporter", from);
        var plan = await admin.PostFileAsync("m.txt", SyntheticPlan.Text($"""
            2026年工作要点 {n}
            一、重点任务
            1.新建幼儿园3处。牵头单位：旧股{n}；配合单位：{later}。完成时限：6月底前。
            """), year: 2026);
        // Relink: creating the unit maps the name as written onto it.
        var laterId = await admin.UnitAsync(later);
        var into = await admin.UnitAsync($"新股{n}");
        (await admin.PostAsJsonAsync($"/api/v1/units/{from}/merge", new { intoId = into })).EnsureSuccessStatusCode();

        using var scope = factory.Services.CreateScope();
        var db = Db(scope);
        var links = await db.TaskUnits.AsNoTracking().Where(u => u.Task!.PlanId == plan.Id()).ToListAsync();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "TaskUnit" && a.Action == "modified").ToListAsync();
        var relinked = links.Single(l => l.UnitId == laterId);
        Assert.Contains(audit, a => a.EntityId == relinked.Id.ToString() && a.After!.Contains($"\"UnitId\":{laterId}"));
        var moved = links.Single(l => l.UnitId == into);
        Assert.Contains(audit, a => a.EntityId == moved.Id.ToString() && a.Before!.Contains($"\"UnitId\":{from}") && a.After!.Contains($"\"UnitId\":{into}"));
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == reporter);
        Assert.Equal(into, user.UnitId);
        Assert.Contains(db.AuditEntries.AsNoTracking().Where(a => a.Entity == "AppUser" && a.EntityId == user.Id.ToString()), a => a.After!.Contains($"\"UnitId\":{into}"));
    }

    [Fact]
    public async Task A_review_merge_writes_audit_rows_for_the_moved_targets_and_unit_links()
    {
        var admin = await factory.ClientAsync();
        var plan = await admin.PostFileAsync("r.txt", SyntheticPlan.Unique());
        var tasks = (await admin.GetJsonAsync($"/api/v1/plans/{plan.Id()}/tasks")).AsArray();
        var first = tasks.First(t => t!["path"]!.GetValue<string>() == "一/1")!;
        var second = tasks.First(t => t!["path"]!.GetValue<string>() == "一/2")!;
        var page = await PageClient.SignInAsync(factory);
        var url = $"/Plans/{plan.Id()}/Review";
        (await page.PostFormAsync(url, $"{url}?handler=Merge", new() { ["taskId"] = second.Id().ToString(), ["intoPath"] = "一/1" })).EnsureSuccessStatusCode();
        using var scope = factory.Services.CreateScope();
        var db = Db(scope);
        var movedLinks = await db.TaskUnits.AsNoTracking().Where(u => u.TaskId == first.Id()).ToListAsync();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => (a.Entity == "TaskUnit" || a.Entity == "TaskTarget") && a.Action == "modified").ToListAsync();
        var fromSecond = audit.Where(a => a.Before!.Contains($"\"TaskId\":{second.Id()}") && a.After!.Contains($"\"TaskId\":{first.Id()}")).ToList();
        Assert.Contains(fromSecond, a => a.Entity == "TaskUnit");
        Assert.Contains(fromSecond, a => a.Entity == "TaskTarget");
        Assert.True(movedLinks.Count >= 2);
    }
}

public sealed class AuditIntegritySqliteTests(AuditFailureSqliteFactory f) : AuditIntegrityTests(f, f.Failure), IClassFixture<AuditFailureSqliteFactory>;
public sealed class AuditIntegrityPostgresTests(AuditFailurePostgresFactory f) : AuditIntegrityTests(f, f.Failure), IClassFixture<AuditFailurePostgresFactory>;
