using PlanLedger.Web;

// `dotnet run` of this project and WebApplicationFactory<Program> in tests; `planledger serve` calls LedgerApp directly.
var app = LedgerApp.Build(args);
await LedgerApp.InitializeAsync(app);
await app.RunAsync();

public partial class Program;
