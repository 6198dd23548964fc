using Microsoft.Extensions.Hosting;
using Microsoft.AspNetCore.Builder;
using PlanLedger.Web;

namespace PlanLedger.Cli.Commands;

/// <summary><c>planledger serve [--urls URL] [--db PATH-or-connection-string]</c></summary>
internal sealed class ServeCommand : ICliCommand
{
    public async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var o = WebOptions.Parse(args, stderr, "serve");
        if (o is null) return CliApp.Usage;
        if (o.Rest.Count > 0)
        {
            await stderr.WriteLineAsync($"planledger serve: 多余的参数 unexpected argument '{o.Rest[0]}'");
            return CliApp.Usage;
        }
        WebApplication app;
        try
        {
            app = LedgerApp.Build(o.HostArgs());
            await LedgerApp.InitializeAsync(app, stdout);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            await stderr.WriteLineAsync($"planledger serve: 无法打开数据库 cannot open the database: {e.GetBaseException().Message}");
            return CliApp.ServerError;
        }
        try
        {
            await app.StartAsync();
            foreach (var url in app.Urls) await stdout.WriteLineAsync($"planledger: 服务已启动 listening on {url}");
            await app.WaitForShutdownAsync();
            return CliApp.Ok;
        }
        catch (IOException e)
        {
            await stderr.WriteLineAsync($"planledger serve: 无法监听 cannot listen: {e.Message}");
            return CliApp.ServerError;
        }
    }
}
