using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PlanLedger.Documents;
using PlanLedger.Documents.Readers;
using PlanLedger.Documents.Syntax;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Admin;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Tasks;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Plans;

public sealed record PlanCreated(int Id, string Title, string? Issuer, int Year, int TaskCount);

/// <summary>
/// Import: the engine parses the uploaded file and the tree is stored as a draft plan with its tasks, targets
/// and unit links, the clean source text and the file's SHA-256 (the same file twice → 409 with the existing plan).
/// </summary>
public sealed class PlanImporter(LedgerDbContext db, IOptions<LedgerOptions> options, TimeProvider clock, ImportParsing parsing)
{
    public static readonly string[] Extensions = [".txt", ".html", ".htm", ".docx", ".pdf", ".xlsx", ".xls", ".doc", ".wps", ".rtf", ".odt", ".et"];

    public async Task<Outcome<PlanCreated>> ImportAsync(CurrentUser me, Stream file, string fileName, long length,
        int? year, string? issuer, CancellationToken ct = default)
    {
        var orgPath = await db.Organisations.Where(o => o.Id == me.OrganisationId).Select(o => o.Path).FirstAsync(ct);
        if (Problems.FromDecision(Access.Decide(me, LedgerAction.ImportPlan, new Resource(me.OrganisationId, orgPath))) is { } denied)
            return denied;
        fileName = Path.GetFileName(fileName ?? "");
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Extensions.Contains(ext))
            return new Failure(415, "不支持的文件类型，请上传 .txt .html .htm .docx .pdf .xlsx .xls .doc .wps .rtf .odt .et");
        if (length > options.Value.MaxUploadBytes)
            return new Failure(413, $"文件过大（上限 {options.Value.MaxUploadBytes / 1048576.0:0.#} MB）");
        if (year is < 1900 or > 2200) return Failure.BadRequest("年份无效");

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        if (buffer.Length > options.Value.MaxUploadBytes)
            return new Failure(413, "文件过大");
        var bytes = buffer.ToArray();
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var existing = await db.Plans.Where(p => p.OrganisationId == me.OrganisationId && p.Sha256 == sha)
            .Select(p => new { p.Id, p.Title }).FirstOrDefaultAsync(ct);
        if (existing is not null)
            return Failure.Conflict($"该文件已导入为《{existing.Title}》",
                new Dictionary<string, object?> { ["existingPlanId"] = existing.Id });

        var parsed = await parsing.ParseAsync(bytes, fileName, year, ct);
        if (parsed.Error is { } unreadable) return unreadable;
        var doc = parsed.Value!;

        var now = clock.GetUtcNow();
        var plan = new Plan
        {
            OrganisationId = me.OrganisationId,
            Title = Clip(string.IsNullOrWhiteSpace(doc.Title) ? Path.GetFileNameWithoutExtension(fileName) : doc.Title, 500)!,
            Issuer = Clip(string.IsNullOrWhiteSpace(issuer) ? doc.Issuer : issuer.Trim(), 200),
            Year = year ?? doc.Year ?? now.Year,
            DocNumber = Clip(doc.DocNumber, 100),
            Date = Clip(doc.Date, 10),
            Status = PlanStatus.Draft,
            SourceFileName = Clip(fileName, 260)!,
            Format = Clip(doc.Format, 10) ?? "",
            Sha256 = sha,
            Source = new PlanSource { Text = doc.SourceText },
            CreatedAt = now,
        };
        var units = await db.Units.Where(u => u.OrganisationId == me.OrganisationId && u.MergedIntoId == null).ToListAsync(ct);
        var order = 0;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        void Add(IEnumerable<ImportedTask> items, PlanTask? parent, string section)
        {
            foreach (var item in items)
            {
                var task = new PlanTask
                {
                    Plan = plan,
                    Parent = parent,
                    Order = order++,
                    Level = parent is null ? 1 : parent.Level + 1,
                    Label = Clip(item.Label, 50)!,
                    Path = Clip(parent is null ? item.Label : parent.Path + "/" + item.Label, 200)!,
                    Section = Clip(parent is null ? item.Label : section, 50)!,
                    Heading = Clip(item.Heading, 1000)!,
                    Text = item.Text,
                    Deadline = Clip(item.Deadline, 100),
                    DueDate = StatusRules.DueDate(item.Deadline, plan.Year),
                    SpanOffset = item.Span.Offset,
                    SpanLength = item.Span.Length,
                    PairedRow = item.Paired?.ToJson(),
                };
                task.SetUnits(item.Lead, item.Support, units);
                foreach (var t in item.Targets)
                    task.Targets.Add(new TaskTarget
                    {
                        Text = Clip(t.Text, 500)!, Value = t.Value, Unit = Clip(t.Unit, 50)!, Op = Clip(t.Op, 2)!,
                        SpanOffset = t.Span.Length > 0 ? t.Span.Offset : -1, SpanLength = t.Span.Length,
                    });
                plan.Tasks.Add(task);
                Add(item.Children, task, parent is null ? item.Label : section);
            }
        }
        Add(LedgerShaper.Shape(doc.Items), null, "");
        plan.Tasks.RefreshStatuses(plan, today);
        plan.TaskCount = plan.Tasks.Count;

        db.Plans.Add(plan);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Plans.AnyAsync(p => p.OrganisationId == me.OrganisationId && p.Sha256 == sha, ct))
                return Failure.Conflict("该文件已导入");
            throw;
        }
        return new PlanCreated(plan.Id, plan.Title, plan.Issuer, plan.Year, plan.TaskCount);
    }

    internal static string? Clip(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];
}
