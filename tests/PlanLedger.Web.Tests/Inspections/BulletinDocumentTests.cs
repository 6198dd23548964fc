using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Features.Documents;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Inspections;

/// <summary>The 督导通报 as a 公文 Word file: what it holds, and who may have it (a draft only the office; then the visited units).</summary>
public abstract class BulletinDocumentTests(LedgerFactory factory) : IAsyncLifetime
{
    private LoopWorld W = null!;
    public async Task InitializeAsync() { factory.Clock.Reset(); W = await LoopWorld.CreateAsync(factory); }
    public Task DisposeAsync() { factory.Clock.Reset(); return Task.CompletedTask; }

    private static string Text(byte[] docx)
    {
        using var ms = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(ms, false);
        return doc.MainDocumentPart!.Document.Body!.InnerText;
    }

    [Fact]
    public async Task The_bulletin_document_carries_the_edited_text_and_the_finding_list_and_follows_the_bulletins_access()
    {
        var office = await W.As(W.Office);
        int officeId;
        using (var scope = factory.Services.CreateScope())
            officeId = await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Users.Where(u => u.UserName == W.Office).Select(u => u.Id).FirstAsync();
        var round = (await office.PostJsonAsync("/api/v1/inspections",
            new { title = $"春季督导{W.N}", visits = 1, inspectorsPerVisit = 1, unitIds = new[] { W.UnitB }, inspectorIds = new[] { officeId } })).Id();
        await office.PostJsonAsync($"/api/v1/inspections/{round}/draw", new { seed = "3" }, HttpStatusCode.OK);
        await office.PostJsonAsync($"/api/v1/inspections/{round}/findings", new
        {
            unitId = W.UnitB, severity = "severe", description = "培训台账缺失", requirement = "建立培训台账",
            deadline = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd"), taskIds = new[] { W.Task2 },
        });
        await office.PostJsonAsync($"/api/v1/inspections/{round}/bulletin", new { });
        var bulletin = await office.GetJsonAsync($"/api/v1/inspections/{round}/bulletin");
        await office.PutAsJsonAsync($"/api/v1/inspections/{round}/bulletin", new
        {
            title = bulletin.Str("title"), overview = bulletin.Str("overview"), goodPractice = "培训组织有序。",
            findings = bulletin.Str("findings"), requirements = bulletin.Str("requirements"),
        });
        var url = $"/api/v1/inspections/{round}/bulletin/document";
        var res = await office.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal(GongwenWriter.ContentType, res.Content.Headers.ContentType?.MediaType);
        var text = Text(await res.Content.ReadAsByteArrayAsync());
        Assert.Contains($"关于春季督导{W.N}情况的通报", text);
        Assert.Contains("（草稿）", text);
        Assert.Contains("培训组织有序。", text);
        Assert.Contains("三、存在的问题", text);
        Assert.Contains("培训台账缺失", text);
        Assert.Contains("建立培训台账", text);
        Assert.Contains($"人事股{W.N}：", text); // 主送 the visited unit
        // a draft: 404 to the unit, the leader and the sibling office
        foreach (var who in new[] { W.RepB, W.RepA, W.Leader, W.SiblingOffice })
            Assert.Equal(HttpStatusCode.NotFound, (await (await W.As(who)).GetAsync(url)).StatusCode);

        await office.PostJsonAsync($"/api/v1/inspections/{round}/bulletin/publish", new { }, HttpStatusCode.OK);
        var unitCopy = await (await W.As(W.RepB)).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, unitCopy.StatusCode);
        Assert.DoesNotContain("（草稿）", Text(await unitCopy.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await (await W.As(W.RepA)).GetAsync(url)).StatusCode); // not visited
        Assert.Equal(HttpStatusCode.NotFound, (await (await W.As(W.SiblingOffice)).GetAsync(url)).StatusCode);
        // the page link, signed in by cookie
        var page = await PageClient.SignInAsync(factory, W.RepB);
        var docx = await page.Http.GetAsync($"/Inspections/{round}/Bulletin/Document");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
    }
}

public sealed class BulletinDocumentSqliteTests(SqliteLedgerFactory f) : BulletinDocumentTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class BulletinDocumentPostgresTests(PostgresLedgerFactory f) : BulletinDocumentTests(f), IClassFixture<PostgresLedgerFactory>;
