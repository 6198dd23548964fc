using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Api;

/// <summary>GET /api/v1/plans is paged (a province admin sees hundreds of plans) and keeps the contract's array body.</summary>
public abstract class PlanListPagingTests(LedgerFactory factory)
{
    private const int Count = 103;

    /// <summary>The admin's organisation holds <see cref="Count"/> draft plans of five years (stored directly: importing 103 documents would take minutes).</summary>
    private async Task<List<int>> NewestFirstAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var org = await db.Users.Where(u => u.UserName == "admin").Select(u => u.OrganisationId).SingleAsync();
        if (await db.Plans.CountAsync(p => p.OrganisationId == org) < Count)
        {
            for (var i = 0; i < Count; i++)
                db.Plans.Add(new Plan
                {
                    OrganisationId = org, Title = $"分页计划{i:000}", Year = 2021 + i % 5, Status = PlanStatus.Draft,
                    SourceFileName = $"p{i}.txt", Format = "txt", Sha256 = $"{Guid.NewGuid():N}{i:000}", CreatedAt = DateTimeOffset.UtcNow,
                });
            await db.SaveChangesAsync();
        }
        return await db.Plans.Where(p => p.OrganisationId == org && p.ArchivedAt == null)
            .OrderByDescending(p => p.Year).ThenByDescending(p => p.Id).Select(p => p.Id).ToListAsync();
    }

    [Fact]
    public async Task Without_paging_parameters_the_newest_100_come_with_the_total_and_a_link_to_the_rest()
    {
        var all = await NewestFirstAsync();
        var admin = await factory.ClientAsync();
        var res = await admin.GetAsync("/api/v1/plans");
        var first = (await res.JsonAsync(HttpStatusCode.OK)).AsArray().Select(p => p!.Id()).ToList();
        Assert.Equal(all.Take(100), first);
        Assert.Equal(all.Count.ToString(), res.Headers.GetValues("X-Total-Count").Single());
        Assert.Contains("/api/v1/plans?page=2&pageSize=100>; rel=\"next\"", res.Headers.GetValues("Link").Single());

        var rest = (await admin.GetJsonAsync("/api/v1/plans?page=2")).AsArray().Select(p => p!.Id()).ToList();
        Assert.Equal(all.Skip(100), rest);
    }

    [Fact]
    public async Task Pages_of_a_chosen_size_are_disjoint_in_order_and_end_with_an_empty_page()
    {
        var all = await NewestFirstAsync();
        var admin = await factory.ClientAsync();
        var seen = new List<int>();
        for (var page = 1; ; page++)
        {
            var res = await admin.GetAsync($"/api/v1/plans?page={page}&pageSize=40");
            var ids = (await res.JsonAsync(HttpStatusCode.OK)).AsArray().Select(p => p!.Id()).ToList();
            seen.AddRange(ids);
            if (!res.Headers.Contains("Link")) { Assert.True(ids.Count <= 40); break; }
            Assert.Equal(40, ids.Count);
        }
        Assert.Equal(all, seen);
        Assert.Empty((await admin.GetJsonAsync("/api/v1/plans?page=99&pageSize=40")).AsArray());
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=501")]
    public async Task A_page_number_or_size_out_of_range_is_a_400_problem(string query)
    {
        var admin = await factory.ClientAsync();
        var res = await admin.GetAsync($"/api/v1/plans?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, res.StatusCode);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType?.MediaType);
        Assert.Contains(query.StartsWith("page=") ? "页码" : "每页条数", await res.ProblemTitle());
    }
}

public sealed class PlanListPagingSqliteTests(SqliteLedgerFactory f) : PlanListPagingTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class PlanListPagingPostgresTests(PostgresLedgerFactory f) : PlanListPagingTests(f), IClassFixture<PostgresLedgerFactory>;
