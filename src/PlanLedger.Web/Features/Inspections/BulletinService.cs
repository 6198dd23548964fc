using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PlanLedger.Web.Data;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Common;
using PlanLedger.Web.Features.Export;
using PlanLedger.Web.Security;

namespace PlanLedger.Web.Features.Inspections;

/// <summary>督导通报: drafted from the round (visits, findings by unit, requirements and deadlines), edited, published to the units.</summary>
public sealed class BulletinService(LedgerDbContext db, InspectionService rounds, FindingService findings, InspectionNotifier notifier,
    TimeProvider clock)
{
    /// <summary>The round's bulletin if <paramref name="me"/> may read it (a draft only for the office/admin of the round).</summary>
    public async Task<Outcome<BulletinDto>> GetAsync(CurrentUser me, int roundId, CancellationToken ct = default)
    {
        var r = await BulletinAsync(me, roundId, LedgerAction.ReadBulletin, ct);
        if (r.Error is { } e) return e;
        return await DtoAsync(r.Value.Bulletin, ct);
    }

    private async Task<Outcome<(InspectionBulletin Bulletin, InspectionRound Round)>> BulletinAsync(CurrentUser me, int roundId,
        LedgerAction action, CancellationToken ct, bool track = false)
    {
        var round = await db.InspectionRounds.AsNoTracking().Include(r => r.DrawnVisits).ThenInclude(v => v.Inspectors)
            .FirstOrDefaultAsync(r => r.Id == roundId, ct);
        if (round is null) return Failure.NotFound("督导不存在");
        var q = db.InspectionBulletins.Where(b => b.RoundId == roundId);
        var bulletin = await (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(ct);
        var path = await db.Organisations.Where(o => o.Id == round.OrganisationId).Select(o => o.Path).FirstAsync(ct);
        var resource = InspectionService.Resource(round, path) with { Draft = bulletin?.Published != true };
        if (Problems.FromDecision(Access.Decide(me, action, resource)) is { } f) return f;
        if (bulletin is null) return Failure.NotFound("本轮督导尚无通报");
        return (bulletin, round);
    }

    /// <summary>Drafts the bulletin from the round (or redrafts an unpublished one when <paramref name="regenerate"/>).</summary>
    public async Task<Outcome<BulletinDto>> DraftAsync(CurrentUser me, int roundId, bool regenerate, CancellationToken ct = default)
    {
        var r = await rounds.RoundAsync(me, roundId, LedgerAction.ManageInspection, ct: ct);
        if (r.Error is { } e) return e;
        var round = r.Value.Round;
        if (!round.Drawn) return Failure.Conflict("本轮督导尚未抽取");
        var bulletin = await db.InspectionBulletins.FirstOrDefaultAsync(b => b.RoundId == roundId, ct);
        if (bulletin is { Published: true }) return Failure.Conflict("通报已印发，不能修改");
        if (bulletin is not null && !regenerate) return Failure.Conflict("本轮督导已有通报草稿");
        var text = await ComposeAsync(round, ct);
        if (bulletin is null)
        {
            bulletin = new InspectionBulletin { RoundId = roundId, DraftedAt = clock.GetUtcNow() };
            db.InspectionBulletins.Add(bulletin);
        }
        bulletin.Edit(text.Title ?? "", text.Overview ?? "", text.GoodPractice ?? "", text.Findings ?? "", text.Requirements ?? "");
        await db.SaveChangesAsync(ct);
        return await DtoAsync(bulletin, ct);
    }

    public async Task<Outcome<BulletinDto>> EditAsync(CurrentUser me, int roundId, BulletinInput input, CancellationToken ct = default)
    {
        var r = await BulletinAsync(me, roundId, LedgerAction.ManageInspection, ct, track: true);
        if (r.Error is { } e) return e;
        var b = r.Value.Bulletin;
        if (b.Published) return Failure.Conflict("通报已印发，不能修改");
        if (b.Edit(input.Title ?? "", input.Overview ?? "", input.GoodPractice ?? "", input.Findings ?? "", input.Requirements ?? "") is { } why)
            return Failure.BadRequest(why);
        await db.SaveChangesAsync(ct);
        return await DtoAsync(b, ct);
    }

    /// <summary>印发: no edits after; every visited unit is told.</summary>
    public async Task<Outcome<BulletinDto>> PublishAsync(CurrentUser me, int roundId, CancellationToken ct = default)
    {
        var r = await BulletinAsync(me, roundId, LedgerAction.ManageInspection, ct, track: true);
        if (r.Error is { } e) return e;
        var (b, round) = r.Value;
        if (b.Publish(await rounds.NameAsync(me, ct), clock.GetUtcNow()) is { } why) return Failure.Conflict(why);
        var tracked = await db.InspectionRounds.FirstAsync(x => x.Id == roundId, ct);
        tracked.MarkReported();
        foreach (var unit in round.DrawnVisits.Select(v => v.UnitId).Distinct())
            notifier.Notify(unit, NotificationKind.BulletinPublished, $"督导通报已印发：{b.Title}", $"/Inspections/{roundId}/Bulletin");
        await db.SaveChangesAsync(ct);
        return await DtoAsync(b, ct);
    }

    private async Task<BulletinDto> DtoAsync(InspectionBulletin b, CancellationToken ct)
    {
        var list = await FindingsOfAsync(b.RoundId, ct);
        return new BulletinDto(b.Id, b.RoundId, b.Title, b.Overview, b.GoodPractice, b.Findings, b.Requirements, b.Published,
            b.DraftedAt, b.PublishedAt, b.PublishedByName, list);
    }

    private async Task<List<FindingDto>> FindingsOfAsync(int roundId, CancellationToken ct)
    {
        var ids = await db.Findings.Where(f => f.RoundId == roundId).OrderBy(f => f.Number).Select(f => f.Id).ToListAsync(ct);
        return await findings.DtosAsync(ids, ct);
    }

    /// <summary>The system's draft: what was inspected, units with no findings (good practice to fill in), findings by unit, requirements.</summary>
    public async Task<BulletinInput> ComposeAsync(InspectionRound round, CancellationToken ct = default)
    {
        var dto = await rounds.DtoAsync(round, ct);
        var org = await db.Organisations.Where(o => o.Id == round.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        var list = await FindingsOfAsync(round.Id, ct);
        var zh = CultureInfo.InvariantCulture;
        var drawn = Features.Shared.Shanghai.Local(round.DrawnAt!.Value);
        var overview = new StringBuilder();
        overview.Append(zh, $"{drawn:yyyy年M月d日}，{org}组织开展{round.Title}。");
        if (round.Description.Length > 0) overview.Append(round.Description).Append(' ');
        overview.Append(zh, $"本轮督导范围内共 {dto.Scope.Count} 家单位，按照“双随机”方式（随机种子 {round.Seed}，可复核）抽取 {dto.Draw.Count} 家单位，");
        overview.Append(zh, $"每组 {round.InspectorsPerVisit} 名督导人员实地督导：");
        overview.AppendJoin("；", dto.Draw.Select(v => $"{v.Unit}（{string.Join("、", v.Inspectors.Select(i => i.Name))}）"));
        overview.Append("。共发现问题 ").Append(list.Count).Append(" 个。");

        var clean = dto.Draw.Where(v => list.All(f => f.UnitId != v.UnitId)).Select(v => v.Unit).ToList();
        var good = clean.Count > 0 ? $"{string.Join("、", clean)}本次督导未发现问题。" : "";

        var byUnit = new StringBuilder();
        var n = 0;
        foreach (var g in list.GroupBy(f => f.Unit))
        {
            byUnit.Append(zh, $"{Chinese(++n)}、{g.Key}（{g.Count()} 个）\n");
            var i = 0;
            foreach (var f in g) byUnit.Append(zh, $"{++i}. 【{f.SeverityName}】{f.Description}\n");
        }
        var req = new StringBuilder();
        foreach (var f in list) req.Append(zh, $"{f.Unit}：{f.Requirement}（问题{f.Number}，{f.Deadline:yyyy年M月d日}前完成整改）\n");
        if (list.Count > 0) req.Append("各单位要对照问题清单逐项整改，按期报送整改情况及佐证材料；督查室将组织复查（回头看），整改不到位的重新整改。");
        return new BulletinInput($"关于{round.Title}情况的通报", overview.ToString(), good, byUnit.ToString().TrimEnd(), req.ToString().TrimEnd());
    }

    private static string Chinese(int n) => n switch
    {
        <= 10 => "一二三四五六七八九十"[n - 1].ToString(),
        < 20 => "十" + "一二三四五六七八九"[n - 11],
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>问题清单 .xlsx of a round: for whoever may read the round, or its published bulletin.</summary>
    public async Task<Outcome<(string Title, byte[] Bytes)>> FindingsXlsxAsync(CurrentUser me, int roundId, CancellationToken ct = default)
    {
        var r = await rounds.RoundAsync(me, roundId, LedgerAction.ReadInspection, ct: ct);
        if (r.Error is { Status: 403 })
        {
            var b = await BulletinAsync(me, roundId, LedgerAction.ReadBulletin, ct);
            if (b.Error is { } be) return be;
        }
        else if (r.Error is { } e) return e;
        var title = await db.InspectionRounds.Where(x => x.Id == roundId).Select(x => x.Title).FirstAsync(ct);
        var list = await FindingsOfAsync(roundId, ct);
        var bytes = XlsxWriter.Write("问题清单", $"{title} 问题清单",
            ["序号", "单位", "问题等级", "问题描述", "关联任务", "整改要求", "整改期限", "状态", "逾期"],
            [6, 18, 8, 50, 24, 40, 12, 14, 6],
            list.Select(f => (false, new[]
            {
                f.Number.ToString(CultureInfo.InvariantCulture), f.Unit, f.SeverityName, f.Description,
                string.Join("；", f.Tasks.Select(t => $"{t.Label} {t.Heading}".Trim())), f.Requirement,
                f.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.StatusName, f.Overdue ? "是" : "",
            })));
        return (title, bytes);
    }
}
