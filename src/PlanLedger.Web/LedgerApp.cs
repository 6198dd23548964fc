using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Account;
using PlanLedger.Web.Features.Admin;
using PlanLedger.Web.Features.Assessment;
using PlanLedger.Web.Features.Auth;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Dashboard;
using PlanLedger.Web.Features.Documents;
using PlanLedger.Web.Features.Export;
using PlanLedger.Web.Features.Inspections;
using PlanLedger.Web.Features.Plans;
using PlanLedger.Web.Features.Public;
using PlanLedger.Web.Features.Reminders;
using PlanLedger.Web.Features.Reports;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Features.Review;
using PlanLedger.Web.Features.Notifications;
using PlanLedger.Web.Features.Supervision;
using PlanLedger.Web.Features.Decisions;
using PlanLedger.Web.Security;

namespace PlanLedger.Web;

/// <summary>Builds and starts the ledger web application (used by <c>planledger serve</c>, Program and tests).</summary>
public static class LedgerApp
{
    public const string ApiPolicy = "api";
    /// <summary>Signed in by cookie or bearer token (the OpenAPI document).</summary>
    public const string SignedInPolicy = "signed-in";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(LedgerApp).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        AddServices(builder);
        var app = builder.Build();
        Features.Shared.Shanghai.Configure(app.Services.GetRequiredService<IOptions<LedgerOptions>>().Value.TimeZone);
        UsePipeline(app);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<LedgerOptions>()
            .Bind(builder.Configuration.GetSection("PlanLedger"))
            .PostConfigure<IConfiguration>((o, config) =>
            {
                o.Db ??= config["PLANLEDGER_DB"];
                o.AdminPassword ??= config["PLANLEDGER_ADMIN_PASSWORD"];
            });
        // The key ring lives in the database: every instance on it reads the same keys (cookies, antiforgery, tokens).
        services.AddDataProtection().PersistKeysToDbContext<LedgerDbContext>().SetApplicationName("PlanLedger");
        services.AddSingleton<JobGate>();
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddScoped<AuditInterceptor>();
        services.AddMemoryCache();
        services.AddSingleton<SecurityStamps>();
        services.AddSingleton<UnreadCounts>();
        services.AddScoped<UserStampInterceptor>();
        services.AddDbContext<LedgerDbContext>((sp, o) =>
        {
            LedgerDatabase.Configure(o, sp.GetRequiredService<IOptions<LedgerOptions>>().Value.Db);
            o.AddInterceptors(sp.GetRequiredService<UserStampInterceptor>(), new VersionInterceptor(), sp.GetRequiredService<AuditInterceptor>(),
                // After the audit: it uses the audit's transaction when there is one (Data/RevisionInterceptor.cs).
                new RevisionInterceptor(), new UnreadCountInterceptor(sp.GetRequiredService<UnreadCounts>()),
                // Every write moves the data version the response cache is validated by (Features/Shared/WholeResponseCache.cs).
                new DataVersionInterceptor());
            // Extra interceptors registered by the host (tests count database commands with one).
            o.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });

        services.AddIdentity<AppUser, IdentityRole<int>>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<LedgerDbContext>()
            .AddSignInManager<LedgerSignInManager>()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<LedgerPasswordValidator>()
            .AddClaimsPrincipalFactory<LedgerClaimsFactory>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "planledger.auth";
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/Denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
            // Every request: the cookie's security stamp must still be the user's (cached a few seconds, dropped on change).
            o.Events.OnValidatePrincipal = async context =>
            {
                var stamps = context.HttpContext.RequestServices.GetRequiredService<SecurityStamps>();
                var db = context.HttpContext.RequestServices.GetRequiredService<LedgerDbContext>();
                if (context.Principal is null || !await stamps.IsCurrentAsync(context.Principal, db, context.HttpContext.RequestAborted))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });
        // The full validation (claims refreshed from the database) runs every minute; the stamp check above on every request.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthentication().AddScheme<LedgerBearerOptions, LedgerBearerHandler>(IdentityConstants.BearerScheme, null);
        services.AddOptions<LedgerBearerOptions>(IdentityConstants.BearerScheme)
            .Configure<IDataProtectionProvider, IOptions<LedgerOptions>>((o, protection, ledger) =>
            {
                o.Lifetime = ledger.Value.TokenLifetime;
                o.Protector = new Microsoft.AspNetCore.Authentication.TicketDataFormat(protection.CreateProtector("PlanLedger.BearerToken.v2"));
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme).RequireAuthenticatedUser())
            .AddPolicy(SignedInPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, IdentityConstants.BearerScheme).RequireAuthenticatedUser());
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // Behind a TLS proxy: the scheme and client address from X-Forwarded-* (from loopback proxies, or any when configured).
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            if (builder.Configuration.GetValue<bool>("PlanLedger:TrustAllProxies"))
            {
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.ExcludedHosts.Clear();
        });

        services.AddRazorPages(o =>
        {
            o.Conventions.ConfigureFilter(new PageInputFilter());
            o.RootDirectory = "/Features";
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/Denied");
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AllowAnonymousToPage("/Public/Plan");
        });
        // Chinese stays readable in the HTML; < > & ' " are still encoded.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Features.Shared.ProblemLanguage.Apply);
        services.AddExceptionHandler<LedgerExceptionHandler>();
        services.AddOpenApi();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = new[] { new CultureInfo("zh-CN"), new CultureInfo("en") };
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Pages: the language switch (query, then its cookie); the API also by Accept-Language. zh-CN otherwise.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new Features.Shared.ApiAcceptLanguage()];
        });
        // Room above the import's own limit (LedgerOptions.MaxUploadBytes, a readable 413) for the form around the file.
        var bodyLimit = Math.Max(64L * 1024 * 1024,
            (long.TryParse(builder.Configuration["PlanLedger:MaxUploadBytes"], out var upload) ? upload : 0) + 1024 * 1024);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = bodyLimit);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = bodyLimit);

        services.AddSingleton<Features.Shared.UiText>();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(
            // Names only: a number (defined or not) for a role, unit kind or organisation level is refused (400).
            new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase, allowIntegerValues: false)));
        services.AddScoped<PlanImporter>();
        services.AddSingleton<PlanReadCache>();
        services.AddSingleton<DataVersions>();
        services.AddSingleton<Features.Shared.WholeResponseCache>();
        Features.Shared.Compression.AddLedgerCompression(services);
        ImportParsing.AddImportParsing(services);
        services.AddScoped<DirectoryService>();
        services.AddScoped<UnitDirectory>();
        services.AddScoped<PlanEditor>();
        services.AddScoped<PairingUndo>();
        services.AddScoped<PlanLifecycle>();
        services.AddScoped<TaskStructureEditor>();
        services.AddScoped<TaskUnitAssignments>();
        services.AddScoped<ReportService>();
        services.AddScoped<LedgerQueries>();
        services.AddScoped<SummaryService>();
        services.AddScoped<EvidenceStore>();
        services.AddScoped<SummaryDrafts>();
        services.AddScoped<LedgerMeasures>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<PublicPlans>();
        services.AddScoped<ReminderJob>();
        services.AddScoped<InspectionService>();
        services.AddScoped<FindingService>();
        services.AddScoped<BulletinService>();
        services.AddScoped<InspectionNotifier>();
        services.AddHostedService<ReminderService>();
        services.AddScoped<EvidenceCleanup>();
        services.AddScoped<Security.UnknownUserLockout>();
        services.AddHostedService<EvidenceCleanupService>();
        // supervision: the review loop, task decisions, 督办单, notifications (in-app, e-mail, webhook)
        services.AddOptions<Features.Notifications.NotificationOptions>().Bind(builder.Configuration.GetSection("PlanLedger:Notifications"));
        services.AddOptions<Features.Supervision.SupervisionOptions>().Bind(builder.Configuration.GetSection("PlanLedger:Supervision"));
        services.AddHttpClient("webhook", c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddScoped<Features.Notifications.Notifier>();
        services.AddScoped<Features.Notifications.NotificationDispatcher>();
        services.AddHostedService<Features.Notifications.NotificationDispatchService>();
        services.AddScoped<Features.Review.ReviewService>();
        services.AddScoped<Features.Review.PeriodService>();
        services.AddScoped<Features.Decisions.TaskDecisionService>();
        services.AddScoped<Features.Supervision.SupervisionService>();
        services.AddScoped<Features.Supervision.SupervisionEscalation>();
        services.AddScoped<Features.Home.TodayWorkService>();
        services.AddScoped<Features.Dashboard.SupervisionStats>();
        services.AddScoped<Features.Dashboard.UnitFindings>();
        services.AddScoped<Features.Dashboard.YearComparison>();
        services.AddScoped<Features.Dashboard.YearOverview>();
        services.AddScoped<Features.Dashboard.RollupService>();
        services.AddScoped<Features.Dashboard.RollupNav>();
        services.AddScoped<YearLinks>();
        services.AddScoped<UpperLinks>();
        services.AddScoped<CascadeProgress>();
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseForwardedHeaders();
        // First: the error handlers and status-code pages below write in the request's language too.
        app.UseRequestLocalization();
        // /api gets problem details; pages get the HTML error page (re-executed at /Error with the mapped status and title).
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseExceptionHandler());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a =>
        {
            a.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/Error", StatusCodeSelector = LedgerExceptionHandler.StatusOf });
            a.Use(async (context, next) =>
            {
                try { await next(context); }
                catch (Exception e) { LedgerExceptionHandler.Annotate(context, e); throw; }
            });
        });
        app.UseHsts();
        app.Use(async (context, next) =>
        {
            // Defence in depth: document text is always HTML-encoded; in addition no inline script may ever run.
            var h = context.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "same-origin";
            h.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            await next();
        });
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        app.UseMiddleware<QueryTextCheck>();
        // Scripts and styles compressed (Features/Shared/Compression.cs); pages never are.
        Features.Shared.Compression.UseLedgerCompression(app, Features.Shared.Compression.IsStatic);
        // wwwroot is embedded; it is also the web root `asp-append-version` hashes (a page links /js/site.js?v=<hash>):
        // a versioned link never changes content, so a browser keeps it a year without asking again; an unversioned one
        // is revalidated (ETag) on each use.
        var webRoot = new EmbeddedFileProvider(typeof(LedgerApp).Assembly, "PlanLedger.Web.wwwroot");
        app.Environment.WebRootFileProvider = webRoot;
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = webRoot,
            OnPrepareResponse = f => f.Context.Response.Headers.CacheControl =
                f.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "no-cache",
        });
        // Explicit, after the status-code pages: a re-executed error request must be routed again.
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<Features.Shared.OrganisationTimeZone>();
        app.UseAuthorization();
        // After the access checks, before the endpoint: a signed-in GET answered from the kept whole response while no write has happened.
        var responses = app.Services.GetRequiredService<Features.Shared.WholeResponseCache>();
        if (responses.Enabled) app.Use((HttpContext context, RequestDelegate next) => responses.InvokeAsync(context, () => next(context)));
        // Inside the cache: an API read is kept as it was sent, compressed, and replayed without compressing again.
        Features.Shared.Compression.UseLedgerCompression(app, Features.Shared.Compression.IsApiRead);
        var openApi = app.MapOpenApi();
        if (!app.Configuration.GetValue<bool>("PlanLedger:PublicOpenApi")) openApi.RequireAuthorization(SignedInPolicy);
        app.MapRazorPages();
        app.MapCultureSwitch();
        var api = app.MapGroup("/api/v1").DisableAntiforgery();
        api.AddEndpointFilter<ApiInputFilter>();
        api.MapAuthApi();
        api.MapPlansApi();
        api.MapPairingsApi();
        api.MapTasksApi();
        api.MapAdminApi();
        api.MapInspectionsApi();
        api.MapReviewApi();
        api.MapPlanEditsApi();
        api.MapReviewToolsApi();
        api.MapAssessmentApi();
        api.MapPublicApi();
        api.MapPlanMatchesApi();
        api.MapYearLinksApi();
        api.MapUpperLinksApi();
        api.MapNotificationsApi();
        api.MapSupervisionApi();
        api.MapSupervisionDocumentApi();
        api.MapBulletinDocumentApi();
        api.MapDecisionsApi();
        Features.Dashboard.SupervisionStats.Map(api);
        Features.Dashboard.YearOverview.Map(api);
        Features.Dashboard.RollupApi.Map(api);
        app.MapExportEndpoints();
        app.MapDocumentEndpoints();
        app.MapAssessmentPagesEndpoints();
        BulletinDocumentApi.MapPage(app);
        app.MapEvidenceDownload();
        app.MapFindingEvidenceDownload();
    }

    /// <summary>Creates and migrates the database; on first start creates the organisation and the administrator.</summary>
    public static Task InitializeAsync(WebApplication app, TextWriter? console = null) => InitializeAsync(app.Services, console);

    /// <inheritdoc cref="InitializeAsync(WebApplication, TextWriter?)"/>
    public static async Task InitializeAsync(IServiceProvider services, TextWriter? console = null)
    {
        console ??= Console.Out;
        var options = services.GetRequiredService<IOptions<LedgerOptions>>().Value;
        LedgerDatabase.EnsureFolder(options.Db);
        Directory.CreateDirectory(options.FilesDirectory);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        // Instances starting together on one PostgreSQL: one migrates, makes the first key and the administrator at a time.
        await using var initializing = await services.GetRequiredService<JobGate>().TryLockAsync("initialize", TimeSpan.FromMinutes(5), default)
            ?? throw new InvalidOperationException("Another instance is still initialising the database");
        db.Migrating = true;
        await db.Database.MigrateAsync();
        db.Migrating = false;
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        // The key ring: created here, under the lock, so that a second instance finds the first one's key.
        services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector("PlanLedger.Start").Protect([1]);
        if (await db.Users.AnyAsync()) return;

        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var org = await db.Organisations.OrderBy(o => o.Id).FirstOrDefaultAsync();
        if (org is null)
        {
            org = new Organisation { Name = options.OrganisationName, Level = OrganisationLevel.County, CreatedAt = clock.GetUtcNow() };
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            org.Path = $"/{org.Id}/";
            await db.SaveChangesAsync();
        }
        var password = options.AdminPassword;
        var generated = string.IsNullOrEmpty(password);
        if (generated) password = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).Replace('/', 'x').Replace('+', 'y');
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = new AppUser { UserName = "admin", DisplayName = "管理员", OrganisationId = org.Id, Role = UserRole.Admin, CreatedAt = clock.GetUtcNow() };
        var result = await users.CreateAsync(admin, password!);
        if (!result.Succeeded)
            throw new InvalidOperationException("Cannot create the administrator: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        if (generated)
            await console.WriteLineAsync($"planledger: 已创建管理员 admin，初始密码 / administrator 'admin' created with password: {password}");
    }
}
