using System.Net;
using DocumentFormat.OpenXml.Packaging;
using PlanLedger.Web.Tests.Infrastructure;

namespace PlanLedger.Web.Tests.Supervision;

/// <summary>GET /api/v1/supervisions/{id}/document: the 督办单 as a Word file, seen only by those who see the notice.</summary>
public abstract class SupervisionDocumentTests(LedgerFactory factory) : IAsyncLifetime
{
    private LoopWorld W = null!;
    public async Task InitializeAsync() { factory.Clock.Reset(); W = await LoopWorld.CreateAsync(factory); }
    public Task DisposeAsync() { factory.Clock.Reset(); return Task.CompletedTask; }

    [Fact]
    public async Task The_notice_is_a_Word_document_with_its_number_units_reason_and_feedback_form()
    {
        var office = await W.As(W.Office);
        var n = await office.PostJsonAsync("/api/v1/supervisions", new { taskIds = new[] { W.Task1 }, unitIds = new[] { W.UnitA },
            level = "yellow", reason = "进度滞后于序时进度<script>", replyBy = DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd") });
        var id = n["id"]!.GetValue<int>();

        var res = await office.GetAsync($"/api/v1/supervisions/{id}/document");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", res.Content.Headers.ContentType!.MediaType);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await res.Content.ReadAsByteArrayAsync()), false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains(n.Str("number"), text);
        Assert.Contains("黄色", text);
        Assert.Contains("进度滞后于序时进度<script>", text); // as written, as text
        Assert.Contains("反馈单", text);

        // The unit it was issued to reads it; the other unit and a sibling organisation do not know it exists.
        Assert.Equal(HttpStatusCode.OK, (await (await W.As(W.RepA)).GetAsync($"/api/v1/supervisions/{id}/document")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await W.As(W.RepB)).GetAsync($"/api/v1/supervisions/{id}/document")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await W.As(W.SiblingOffice)).GetAsync($"/api/v1/supervisions/{id}/document")).StatusCode);
    }
}

public sealed class SupervisionDocumentSqliteTests(SqliteLedgerFactory f) : SupervisionDocumentTests(f), IClassFixture<SqliteLedgerFactory>;
public sealed class SupervisionDocumentPostgresTests(PostgresLedgerFactory f) : SupervisionDocumentTests(f), IClassFixture<PostgresLedgerFactory>;
