using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Tests.Language;

/// <summary>
/// Every kind of notification reads in English for a person who chose English (the in-app list and the e-mail):
/// the texts as the services write them, with the document's own words (task headings, reasons) kept as written.
/// </summary>
public sealed class NotificationLanguageTests
{
    private static readonly (NotificationKind Kind, string Zh, string En)[] Samples =
    [
        (NotificationKind.ReportMissing, "2026-05 进展未报送：（一）1.推进集团化办学", "2026-05 progress not reported: （一）1.推进集团化办学"),
        (NotificationKind.ReportDueSoon, "2026-06 进展请于 2026-06-25 前报送：（一）1.推进集团化办学", "2026-06 progress due by 2026-06-25: （一）1.推进集团化办学"),
        (NotificationKind.TaskOverdue, "任务已逾期（时限 2026年6月底前）：（一）1.推进集团化办学", "Task overdue (deadline 2026年6月底前): （一）1.推进集团化办学"),
        (NotificationKind.ReportApproved, "2026-05 进展已审核通过：（一）1.推进集团化办学", "2026-05 progress approved: （一）1.推进集团化办学"),
        (NotificationKind.ReportReturned, "2026-05 进展被退回：（一）1.推进集团化办学。退回意见：请补充佐证", "2026-05 report returned: （一）1.推进集团化办学. Comment: 请补充佐证"),
        (NotificationKind.Urged, "催办：2026年教育工作要点 2026-05 进展尚未报送（5 项任务），请尽快报送：1. 甲；2. 乙；3. 丙 等 5 项",
            "Reminder: 2026年教育工作要点 2026-05 progress not yet reported (5 tasks), please report: 1. 甲；2. 乙；3. 丙 and 5 in all"),
        (NotificationKind.Urged, "催办：2026年教育工作要点 2026-05 进展尚未报送（1 项任务），请尽快报送：1. 甲",
            "Reminder: 2026年教育工作要点 2026-05 progress not yet reported (1 tasks), please report: 1. 甲"),
        (NotificationKind.SupervisionIssued, "黄色督办：两所学校进度滞后（请于 2026-06-10 前反馈）", "Yellow supervision notice: 两所学校进度滞后 (reply by 2026-06-10)"),
        (NotificationKind.SupervisionReplied, "督〔2026〕3号 已反馈（李明）：场地已交付使用", "督〔2026〕3号 replied (李明): 场地已交付使用"),
        (NotificationKind.SupervisionReturned, "督〔2026〕3号 退回重办：材料不全（请于 2026-06-20 前反馈）", "督〔2026〕3号 returned: 材料不全 (reply by 2026-06-20)"),
        (NotificationKind.SupervisionClosed, "督〔2026〕3号 已办结", "督〔2026〕3号 closed"),
        (NotificationKind.SupervisionClosed, "督〔2026〕3号 已办结：整改到位", "督〔2026〕3号 closed: 整改到位"),
        (NotificationKind.SupervisionClosed, "督〔2026〕3号 本单位督办事项已办结", "督〔2026〕3号 closed for your unit"),
        (NotificationKind.SupervisionClosed, "督〔2026〕3号 本单位督办事项已办结：整改到位", "督〔2026〕3号 closed for your unit: 整改到位"),
        (NotificationKind.SupervisionStopped, "督〔2026〕3号 已中止：任务调整", "督〔2026〕3号 stopped: 任务调整"),
        (NotificationKind.SupervisionEscalated, "督〔2026〕3号 升级为红色督办，请于 2026-06-12 前反馈：两所学校进度滞后", "督〔2026〕3号 escalated to Red; reply by 2026-06-12: 两所学校进度滞后"),
        (NotificationKind.SupervisionEscalated, "督〔2026〕3号 逾期未反馈，已升级为红色督办，请于 2026-06-12 前反馈：两所学校进度滞后",
            "督〔2026〕3号 not replied in time, escalated to Red; reply by 2026-06-12: 两所学校进度滞后"),
        (NotificationKind.EscalationProposed, "督〔2026〕3号（红色督办）答复期限 2026-06-10 已过仍未反馈", "督〔2026〕3号 (red) reply due 2026-06-10 has passed without a reply"),
        (NotificationKind.EscalationProposed, "督〔2026〕3号 答复期限 2026-06-10 已过仍未反馈，建议升级为黄色督办",
            "督〔2026〕3号 reply due 2026-06-10 has passed without a reply; escalation to Yellow proposed"),
        (NotificationKind.RequestSubmitted, "延期申请待审批：（一）1.推进集团化办学（李明）", "Extension request awaiting decision: （一）1.推进集团化办学 (李明)"),
        (NotificationKind.ExtensionDecided, "延期申请已批准：（一）1.推进集团化办学", "Extension request approved: （一）1.推进集团化办学"),
        (NotificationKind.CloseOutDecided, "销号申请未获批准：（一）1.推进集团化办学。意见：尚未完成", "Close-out request not approved: （一）1.推进集团化办学. Comment: 尚未完成"),
        (NotificationKind.CloseOutDecided, "任务已销号：（一）1.推进集团化办学。理由：场地已交付使用", "Task closed out: （一）1.推进集团化办学. Reason: 场地已交付使用"),
        (NotificationKind.CloseOutUndone, "撤销销号：（一）1.推进集团化办学。理由：误操作", "Close-out undone: （一）1.推进集团化办学. Reason: 误操作"),
        (NotificationKind.LeaderComment, "领导批示（王局长）：抓紧推进 —— （一）1.推进集团化办学", "Leader comment (王局长): 抓紧推进 — （一）1.推进集团化办学"),
        (NotificationKind.FindingNew, "督导发现问题（2026年春季督导 问题3），请于 2026-07-01 前整改：台账不全", "Inspection finding (2026年春季督导, finding 3): rectify by 2026-07-01: 台账不全"),
        (NotificationKind.FindingReopened, "问题需重新整改（期限 2026-07-15）：佐证不足", "Finding to be rectified again (due 2026-07-15): 佐证不足"),
        (NotificationKind.BulletinPublished, "督导通报已印发：关于2026年春季督导情况的通报", "Inspection bulletin issued: 关于2026年春季督导情况的通报"),
    ];

    public static TheoryData<string, string> Texts()
    {
        var data = new TheoryData<string, string>();
        foreach (var s in Samples) data.Add(s.Zh, s.En);
        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_text_reads_in_English_with_the_documents_words_as_written(string zh, string en) =>
        Assert.Equal(en, Strings.ToEnglish(zh));

    [Fact]
    public void Every_kind_of_notification_has_an_English_text() =>
        Assert.Empty(Enum.GetValues<NotificationKind>().Except(Samples.Select(s => s.Kind)));
}
