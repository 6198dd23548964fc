using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using PlanLedger.Web.Data;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Security;

/// <summary>
/// Text lengths agree everywhere: each string property's limit in the model, the column the migrations created
/// (PostgreSQL's information schema; the migrations' snapshot on both providers), and the edge check of every
/// text input of the API and the pages.
/// </summary>
public abstract class TextColumnTests(LedgerFactory factory)
{
    /// <summary>Columns that are unbounded text on purpose (documents, report texts, audit values, Identity's own).</summary>
    private static readonly HashSet<string> Unbounded =
    [
        "PlanSource.Text", "DataProtectionKey.Xml", "PlanTask.Text", "ProgressReport.Text", "AuditEntry.Before", "AuditEntry.After",
        "AppUser.PasswordHash", "AppUser.SecurityStamp", "AppUser.ConcurrencyStamp", "AppUser.PhoneNumber",
        "IdentityRole<int>.ConcurrencyStamp", "IdentityUserClaim<int>.ClaimType", "IdentityUserClaim<int>.ClaimValue",
        "IdentityRoleClaim<int>.ClaimType", "IdentityRoleClaim<int>.ClaimValue", "IdentityUserLogin<int>.ProviderDisplayName",
        "IdentityUserToken<int>.Value", "IdentityUserToken<int>.LoginProvider", "IdentityUserToken<int>.Name",
        "IdentityUserLogin<int>.LoginProvider", "IdentityUserLogin<int>.ProviderKey",
    ];

    private static string Name(IReadOnlyEntityType e, IReadOnlyProperty p) => $"{e.DisplayName()}.{p.Name}";

    [Fact]
    public void Every_string_column_has_a_limit_and_the_migrations_created_exactly_that()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot!.Model;
        var problems = new List<string>();
        foreach (var e in db.Model.GetEntityTypes())
        foreach (var p in e.GetProperties().Where(p => p.ClrType == typeof(string) || p.GetProviderClrType() == typeof(string)))
        {
            var max = p.GetMaxLength();
            if (max is null && !Unbounded.Contains(Name(e, p))) problems.Add($"{Name(e, p)} has no length limit");
            var migrated = snapshot.FindEntityType(e.Name)?.FindProperty(p.Name)?.GetMaxLength();
            if (migrated != max) problems.Add($"{Name(e, p)}: model {max?.ToString() ?? "text"}, migrations {migrated?.ToString() ?? "text"}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task On_PostgreSQL_every_column_is_as_long_as_the_model_says()
    {
        if (factory.Provider != "postgres") return;
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var columns = new Dictionary<(string, string), (string Type, int? Max)>();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using (var cmd = conn.CreateCommand())
        {
            cmd.CommandText = "SELECT table_name, column_name, data_type, character_maximum_length FROM information_schema.columns WHERE table_schema = 'public'";
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
                columns[(r.GetString(0), r.GetString(1))] = (r.GetString(2), r.IsDBNull(3) ? null : r.GetInt32(3));
        }
        var problems = new List<string>();
        var checkedColumns = 0;
        foreach (var e in db.Model.GetEntityTypes())
        {
            var table = e.GetTableName()!;
            foreach (var p in e.GetProperties().Where(p => p.GetProviderClrType() is null ? p.ClrType == typeof(string) : p.GetProviderClrType() == typeof(string)))
            {
                var column = p.GetColumnName(StoreObjectIdentifier.Table(table, e.GetSchema()))!;
                if (!columns.TryGetValue((table, column), out var c)) { problems.Add($"{table}.{column} missing"); continue; }
                checkedColumns++;
                var max = p.GetMaxLength();
                if (c.Max != max) problems.Add($"{table}.{column}: column {c.Type}({c.Max?.ToString() ?? "-"}), model {max?.ToString() ?? "text"}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(checkedColumns > 50, $"only {checkedColumns} text columns checked");
    }

    [Fact]
    public void Every_text_input_of_the_api_and_the_pages_has_a_limit_that_resolves()
    {
        using var scope = factory.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Model;
        var isService = factory.Services.GetRequiredService<IServiceProviderIsService>();
        var missing = new List<string>();
        var seen = 0;
        void Need(TextLimitAttribute? limit, string where)
        {
            seen++;
            if (limit is null) { missing.Add(where); return; }
            Assert.InRange(limit.Resolve(model), 1, TextLimitAttribute.Unbounded - 1);
        }
        void Walk(Type t, string where, int depth = 0)
        {
            if (depth > 2 || t.Assembly != typeof(TextLimitAttribute).Assembly || t.IsEnum) return;
            foreach (var p in InputChecks.Properties(t))
            {
                if (p.PropertyType == typeof(string)) Need(TextLimitAttribute.Of(p), $"{where}.{p.Name}");
                else if (p.PropertyType.IsGenericType) Walk(p.PropertyType.GetGenericArguments()[0], $"{where}.{p.Name}", depth + 1);
                else Walk(p.PropertyType, $"{where}.{p.Name}", depth + 1);
            }
        }
        void Parameters(MethodInfo m, string where)
        {
            foreach (var p in m.GetParameters())
            {
                if (p.ParameterType == typeof(string) || p.ParameterType == typeof(List<string>)) Need(TextLimitAttribute.Of(p), $"{where}({p.Name})");
                else if (!isService.IsService(p.ParameterType)) Walk(p.ParameterType, $"{where}({p.Name})");
            }
        }
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
            if (endpoint.Metadata.GetMetadata<MethodInfo>() is { } m && m.DeclaringType?.Assembly == typeof(TextLimitAttribute).Assembly)
                Parameters(m, endpoint.RoutePattern.RawText ?? endpoint.DisplayName ?? "?");
        foreach (var page in typeof(TextLimitAttribute).Assembly.GetTypes().Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract))
        {
            foreach (var m in page.GetMethods().Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal) || m.Name.StartsWith("OnGet", StringComparison.Ordinal)))
                Parameters(m, $"{page.Name}.{m.Name}");
            foreach (var p in PageInputFilter.BoundStrings(page)) Need(TextLimitAttribute.Of(p), $"{page.Name}.{p.Name}");
        }
        Assert.True(missing.Count == 0, "text inputs without a limit:\n" + string.Join("\n", missing));
        Assert.True(seen > 30, $"only {seen} text inputs found");
    }
}

public sealed class TextColumnSqliteTests(SqliteLedgerFactory f) : TextColumnTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class TextColumnPostgresTests(PostgresLedgerFactory f) : TextColumnTests(f), IClassFixture<PostgresLedgerFactory>;
