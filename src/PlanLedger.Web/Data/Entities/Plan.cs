using System.ComponentModel.DataAnnotations;
namespace PlanLedger.Web.Data.Entities;

/// <summary>工作要点: an imported plan; a draft until the office publishes it as the year's ledger (台账).</summary>
public sealed class Plan : IVersioned
{
    /// <summary>Grows with every edit; sent back by pages and API to detect a stale write (409).</summary>
    public int Version { get; set; }
    public static readonly string[] Derived = [nameof(TaskCount)];
    /// <summary>
    /// Content revision: grows by one in the transaction of every change that can alter what a read of the plan shows
    /// (its tasks, units, targets, reports, 督办单 …; the one rule is <see cref="RevisionInterceptor"/>). Whole-plan
    /// reads are cached under it (<c>PlanReadCache</c>). Not a concurrency token (that is <see cref="Version"/>, of the
    /// plan row alone) and never set by code: the interceptor's <c>UPDATE … SET Revision = Revision + 1</c> writes it.
    /// </summary>
    public long Revision { get; private set; }
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public string Title { get; set; } = "";
    public string? Issuer { get; set; }
    public int Year { get; set; }
    public string? DocNumber { get; set; }
    /// <summary>Issue or publication date written in the document (ISO yyyy-MM-dd), as the engine read it.</summary>
    public string? Date { get; set; }
    public PlanStatus Status { get; set; }
    public string SourceFileName { get; set; } = "";
    public string Format { get; set; } = "";
    /// <summary>SHA-256 (hex) of the uploaded file: the same file imported twice into one organisation is refused.</summary>
    public string Sha256 { get; set; } = "";
    /// <summary>The clean text the tasks' and targets' spans refer to, in its own table (<see cref="PlanSource"/>) so that
    /// reading a plan never reads its (often 100 KB) text; set it when adding a plan.</summary>
    public PlanSource? Source { get; set; }
    /// <summary>Day of the month on which the previous month's report is due (报送日).</summary>
    public int ReportDay { get; set; } = 5;
    public int TaskCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    /// <summary>归档: a published plan put away — hidden from everyday lists, still readable (a filter shows it).</summary>
    public DateTimeOffset? ArchivedAt { get; private set; }
    public List<PlanTask> Tasks { get; } = [];

    /// <summary>The longest title and issuer the review page accepts (the columns' lengths).</summary>
    public const int MaxTitleLength = 500, MaxIssuerLength = 200;

    /// <summary>Corrects the plan's title block (a plan without one is named after its file at import).</summary>
    public void Rename(string title, string? issuer, int year)
    {
        if (string.IsNullOrWhiteSpace(title)) throw new RuleException("标题不能为空");
        if (title.Trim().Length > MaxTitleLength) throw new RuleException($"标题不能超过 {MaxTitleLength} 字");
        if (issuer?.Trim().Length > MaxIssuerLength) throw new RuleException($"发文机关不能超过 {MaxIssuerLength} 字");
        if (year is < 2000 or > 2100) throw new RuleException("年份应在 2000–2100 之间");
        Title = title.Trim();
        Issuer = string.IsNullOrWhiteSpace(issuer) ? null : issuer.Trim();
        Year = year;
    }

    /// <summary>发布: the draft becomes the year's ledger. An empty plan (no task) is refused.</summary>
    public void Publish(int taskCount, DateTimeOffset now)
    {
        if (Status == PlanStatus.Published) throw new RuleException("计划已发布");
        if (taskCount == 0) throw new RuleException("计划没有任何任务，不能发布");
        Status = PlanStatus.Published;
        PublishedAt = now;
    }

    /// <summary>撤回发布: a wrongly published plan goes back to draft, only while nobody has reported on it.</summary>
    public void Withdraw(bool hasReports)
    {
        if (Status != PlanStatus.Published) throw new RuleException("计划尚未发布");
        if (ArchivedAt is not null) throw new RuleException("已归档的计划不能撤回发布");
        if (hasReports) throw new RuleException("该计划已有填报，不能撤回发布");
        Status = PlanStatus.Draft;
        PublishedAt = null;
    }

    /// <summary>归档 a published plan (a draft is deleted, not archived).</summary>
    public void Archive(DateTimeOffset now)
    {
        if (Status != PlanStatus.Published) throw new RuleException("只有已发布的计划可以归档");
        if (ArchivedAt is not null) throw new RuleException("计划已归档");
        ArchivedAt = now;
    }

    /// <summary>取消归档: the plan is back in the everyday lists.</summary>
    public void Unarchive()
    {
        if (ArchivedAt is null) throw new RuleException("计划未归档");
        ArchivedAt = null;
    }
}

public enum PlanStatus { [Display(Name = "草稿")] Draft, [Display(Name = "已发布")] Published }
