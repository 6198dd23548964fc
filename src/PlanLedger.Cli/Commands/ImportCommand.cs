using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Plans;
using PlanLedger.Web.Security;

namespace PlanLedger.Cli.Commands;

/// <summary><c>planledger import FILE [--db …] [--year N]</c>: imports a plan as a draft into the first organisation, as admin.</summary>
internal sealed class ImportCommand : ICliCommand
{
    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var o = WebOptions.Parse(args, stderr, "import", "--year");
        if (o is null) return CliApp.Usage;
        if (o.Rest.Count != 1)
        {
            await stderr.WriteLineAsync("planledger import: 用法 usage: planledger import FILE [--db …] [--year N]");
            return CliApp.Usage;
        }
        int? year = o.Named.TryGetValue("--year", out var y) && int.TryParse(y, out var yy) ? yy : null;
        var file = o.Rest[0];
        if (!File.Exists(file))
        {
            await stderr.WriteLineAsync($"planledger import: {file}: 文件不存在 file not found");
            return CliApp.FileError;
        }
        try
        {
            var app = LedgerApp.Build(o.HostArgs());
            await LedgerApp.InitializeAsync(app, stdout);
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var admin = await db.Users.Where(u => u.Role == UserRole.Admin).OrderBy(u => u.Id)
                .Select(u => new { u.Id, u.UserName, u.OrganisationId, u.Organisation!.Path }).FirstAsync();
            var me = new CurrentUser(admin.Id, admin.UserName ?? "admin", UserRole.Admin, admin.OrganisationId, admin.Path, null);
            await using var fs = File.OpenRead(file);
            var result = await scope.ServiceProvider.GetRequiredService<PlanImporter>()
                .ImportAsync(me, fs, Path.GetFileName(file), fs.Length, year, null);
            if (result.Error is { } e)
            {
                await stderr.WriteLineAsync($"planledger import: {file}: {e.Title}");
                return e.Status is 415 or 422 ? CliApp.Unreadable : CliApp.ServerError;
            }
            var p = result.Value!;
            await stdout.WriteLineAsync($"{p.Id}\t{p.Title}\t{p.Year}\t{p.TaskCount} tasks");
            return CliApp.Ok;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await stderr.WriteLineAsync($"planledger import: 数据库错误 database error: {e.GetBaseException().Message}");
            return CliApp.ServerError;
        }
    }
}
