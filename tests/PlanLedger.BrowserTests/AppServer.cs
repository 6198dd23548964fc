using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using PlanLedger.Web;

namespace PlanLedger.BrowserTests;

/// <summary>
/// The real application on Kestrel at a free loopback port with a temporary SQLite database, and Debian's
/// Chromium driven headless by Playwright (never downloaded: /usr/bin/chromium).
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    public const string AdminPassword = "admin-pass-123";
    public const string ChromiumPath = "/usr/bin/chromium";
    public static bool ChromiumMissing => !File.Exists(ChromiumPath);

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "planledger-browser", Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    /// <summary>The running application's services (tests run its jobs on a clock of their own).</summary>
    public IServiceProvider Services => _app!.Services;

    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (ChromiumMissing) return;
        Directory.CreateDirectory(_dir);
        Directory.CreateDirectory(Screenshots);
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        _app = LedgerApp.Build([
            $"--urls={BaseUrl}",
            $"--PlanLedger:Db=Data Source={Path.Combine(_dir, "ledger.db")}",
            $"--PlanLedger:DataDirectory={_dir}",
            $"--PlanLedger:AdminPassword={AdminPassword}",
            "--PlanLedger:ReminderInterval=00:00:00",
        ]);
        await LedgerApp.InitializeAsync(_app, TextWriter.Null);
        await _app.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) { await _app.StopAsync(); await _app.DisposeAsync(); }
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    /// <summary>A fresh browser session (own cookies) signed in as <paramref name="user"/>.</summary>
    public async Task<IPage> SignInAsync(string user, string password)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = "zh-CN", ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("input[name=UserName]", user);
        await page.FillAsync("input[name=Password]", password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(u => !u.Contains("/Account/Login"));
        return page;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}

/// <summary>A test that needs Debian's Chromium; skipped with a clear message when /usr/bin/chromium is missing.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (AppServer.ChromiumMissing)
            Skip = "Browser tests need Debian's Chromium at /usr/bin/chromium (bash .ci/setup installs it).";
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<AppServer>;
