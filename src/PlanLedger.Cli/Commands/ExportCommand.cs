using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web;
using PlanLedger.Web.Data;
using PlanLedger.Web.Features.Export;
using PlanLedger.Web.Features.Tasks;

namespace PlanLedger.Cli.Commands;

/// <summary><c>planledger export PLANID --xlsx OUT | --csv OUT [--db …]</c>: writes the ledger in the 任务分解表 shape.</summary>
internal sealed class ExportCommand : ICliCommand
{
    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var o = WebOptions.Parse(args, stderr, "export", "--xlsx", "--csv");
        if (o is null) return CliApp.Usage;
        if (o.Rest.Count != 1 || !int.TryParse(o.Rest[0], out var planId) || o.Named.Count == 0)
        {
            await stderr.WriteLineAsync("planledger export: 用法 usage: planledger export PLANID --xlsx OUT | --csv OUT [--db …]");
            return CliApp.Usage;
        }
        try
        {
            var app = LedgerApp.Build(o.HostArgs());
            await LedgerApp.InitializeAsync(app, stdout);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId);
            if (plan is null)
            {
                await stderr.WriteLineAsync($"planledger export: 计划 {planId} 不存在 plan not found");
                return CliApp.FileError;
            }
            var snapshot = await PlanLedger.Web.Features.Documents.LedgerSnapshot.LoadAsync(db, scope.ServiceProvider.GetRequiredService<LedgerQueries>(), plan, default);
            foreach (var (opt, path) in o.Named)
            {
                var bytes = opt == "--csv" ? LedgerExport.Csv(snapshot) : LedgerExport.Xlsx(snapshot);
                try { await File.WriteAllBytesAsync(path, bytes); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    await stderr.WriteLineAsync($"planledger export: {path}: 无法写入 cannot write ({e.Message})");
                    return CliApp.FileError;
                }
                await stdout.WriteLineAsync(path);
            }
            return CliApp.Ok;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await stderr.WriteLineAsync($"planledger export: 数据库错误 database error: {e.GetBaseException().Message}");
            return CliApp.ServerError;
        }
    }
}
