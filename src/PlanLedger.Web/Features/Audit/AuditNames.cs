using System.Globalization;
using System.Text.Json;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Audit;

/// <summary>
/// How the 操作日志 reads: the Chinese name of each audited entity, action and field, and a change as
/// "字段: 旧值 → 新值" lines (values decoded from the stored JSON, times in the organisation's zone).
/// </summary>
public static class AuditNames
{
    public static readonly IReadOnlyDictionary<string, string> Entities = new Dictionary<string, string>
    {
        ["Plan"] = "计划", ["PlanTask"] = "任务", ["TaskTarget"] = "目标", ["TaskUnit"] = "任务单位", ["ProgressReport"] = "进展填报",
        ["Evidence"] = "佐证材料", ["Unit"] = "单位", ["Organisation"] = "组织", ["AppUser"] = "用户",
        ["InspectionRound"] = "督导", ["InspectionScopeUnit"] = "督导范围单位", ["InspectionInspector"] = "督导人员",
        ["InspectionVisit"] = "督导抽取单位", ["InspectionVisitInspector"] = "督导组成员", ["Finding"] = "督导问题",
        ["FindingTask"] = "问题关联任务", ["FindingEvent"] = "问题处理记录", ["FindingEvidence"] = "整改材料",
        ["InspectionBulletin"] = "督导通报", ["AssessmentScheme"] = "考核方案", ["Assessment"] = "考核结果",
        ["DocumentDraft"] = "文书草稿", ["PublicPlan"] = "政务公开", ["SupervisionNotice"] = "督办单",
        ["SupervisionTask"] = "督办任务", ["SupervisionUnit"] = "督办单位", ["SupervisionEvent"] = "督办记录",
        ["SupervisionAttachment"] = "督办附件", ["TaskRequest"] = "延期/销号申请", ["RequestAttachment"] = "申请附件",
        ["TaskEvent"] = "任务记录", ["LeaderComment"] = "领导批示", ["UrgeRecord"] = "催办记录",
        ["UpperLink"] = "对接上级计划", ["UpperTaskLink"] = "对接任务",
    };

    public static readonly IReadOnlyDictionary<string, string> Actions = new Dictionary<string, string>
    {
        ["added"] = "新增", ["modified"] = "修改", ["deleted"] = "删除", ["refused"] = "拒绝",
        ["password_reset"] = "重置密码", ["password_changed"] = "修改密码", ["unlocked"] = "解锁", ["signed_out_all"] = "强制下线",
    };

    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["AcknowledgedAt"] = "签收时间", ["Action"] = "操作", ["ActorOrganisationPath"] = "操作人组织", ["Actual"] = "实际完成值",
        ["Actuals"] = "实际完成值", ["Aliases"] = "别名", ["At"] = "时间", ["AuthorId"] = "批示人", ["AuthorName"] = "批示人",
        ["AvoidRecentRounds"] = "回避轮次", ["ById"] = "操作人", ["ByName"] = "操作人", ["CloseReason"] = "销号理由",
        ["ClosedAt"] = "销号时间", ["ClosedByName"] = "销号人", ["ConfirmedAt"] = "确认时间", ["ConfirmedByName"] = "确认人",
        ["ContentType"] = "文件类型", ["CreatedAt"] = "创建时间", ["CreatedById"] = "创建人", ["CreatedByName"] = "创建人",
        ["Date"] = "日期", ["Day"] = "日期", ["DeactivatedAt"] = "停用时间", ["Deadline"] = "完成时限", ["DecidedAt"] = "审批时间",
        ["DecidedByName"] = "审批人", ["DecisionComment"] = "审批意见", ["Definition"] = "方案内容", ["Description"] = "说明",
        ["DisplayName"] = "姓名", ["DocNumber"] = "文号", ["DraftedAt"] = "起草时间", ["DrawnAt"] = "抽取时间",
        ["DrawnByName"] = "抽取人", ["Drives"] = "带动", ["DueDate"] = "到期日", ["EditedAt"] = "修改时间", ["Email"] = "邮箱",
        ["EscalationProposedAt"] = "建议升级时间", ["EventId"] = "记录", ["ExcludedAsRecent"] = "近期已督导",
        ["FileName"] = "文件名", ["FindingId"] = "问题", ["Format"] = "格式", ["FromState"] = "原状态", ["FromStatus"] = "原状态",
        ["FrozenResults"] = "确认的结果", ["FrozenScheme"] = "确认的方案", ["GoodPractice"] = "经验做法", ["Heading"] = "标题",
        ["Id"] = "编号", ["Inputs"] = "评分录入", ["InspectorsPerVisit"] = "每组人数", ["IssuedAt"] = "下发时间",
        ["IssuedByName"] = "下发人", ["Issuer"] = "发文机关", ["Kind"] = "类型", ["Label"] = "编号", ["LastReportPeriod"] = "最近报送周期",
        ["LeadNames"] = "牵头单位", ["Level"] = "级别", ["LiveKey"] = "有效标记", ["MergedIntoId"] = "合并到", ["Name"] = "名称",
        ["NoticeId"] = "督办单", ["Number"] = "编号", ["Ongoing"] = "常态落实", ["Op"] = "比较方式", ["Order"] = "顺序",
        ["OrganisationId"] = "组织", ["Overview"] = "总体情况", ["PairedRow"] = "对应附件表行", ["ParentId"] = "上级",
        ["Path"] = "序号", ["Period"] = "报送周期", ["PlanId"] = "计划", ["PreviousDueDate"] = "原到期日", ["Progress"] = "进度",
        ["PublishedAt"] = "发布时间", ["PublishedByName"] = "发布人", ["Reason"] = "理由", ["RecordedAt"] = "记录时间",
        ["RecordedById"] = "记录人", ["RecordedByName"] = "记录人", ["RepliedAt"] = "反馈时间", ["ReplyBy"] = "答复期限",
        ["ReplyText"] = "反馈内容", ["ReportDay"] = "报送日", ["ReportId"] = "填报", ["RequestId"] = "申请", ["RequestedAt"] = "申请时间",
        ["RequestedById"] = "申请人", ["RequestedByName"] = "申请人", ["RequestedDueDate"] = "申请延期至", ["Requirement"] = "整改要求",
        ["Requirements"] = "工作要求", ["ReviewComment"] = "审核意见", ["ReviewedAt"] = "审核时间", ["ReviewedByName"] = "审核人",
        ["Role"] = "角色", ["RoundId"] = "督导", ["Section"] = "板块", ["Seed"] = "随机种子", ["Sequence"] = "序号",
        ["Severity"] = "问题等级", ["Sha256"] = "校验值", ["Size"] = "大小", ["Source"] = "来源", ["SourceFileName"] = "源文件",
        ["SpanLength"] = "原文长度", ["SpanOffset"] = "原文位置", ["State"] = "状态", ["Status"] = "状态", ["Step"] = "步骤",
        ["StopReason"] = "中止理由", ["StoredName"] = "存储名", ["SubmittedAt"] = "提交时间", ["SubmittedById"] = "填报人",
        ["SubmittedByName"] = "填报人", ["SupersededAt"] = "被替代时间", ["SupportNames"] = "配合单位", ["TargetId"] = "目标",
        ["TaskCount"] = "任务数", ["TaskId"] = "任务", ["Text"] = "内容", ["Title"] = "标题", ["ToState"] = "新状态",
        ["ToStatus"] = "新状态", ["Token"] = "公开链接", ["UnitId"] = "单位", ["UpdatedAt"] = "更新时间", ["UpdatedByName"] = "更新人",
        ["UploadedAt"] = "上传时间", ["UserId"] = "用户", ["UserName"] = "用户名", ["Value"] = "目标值", ["Version"] = "版本",
        ["VisitId"] = "督导单位", ["Visits"] = "督导单位数", ["WebhookUrl"] = "群机器人地址", ["Year"] = "年份",
        ["Email" + "Confirmed"] = "邮箱已确认", ["PhoneNumber"] = "电话", ["PhoneNumberConfirmed"] = "电话已确认",
        ["TwoFactorEnabled"] = "两步验证", ["LockoutEnabled"] = "允许锁定", ["Visibility"] = "可见范围", ["Language"] = "界面语言",
        ["ArchivedAt"] = "归档时间", ["CarriedOver"] = "结转任务", ["PreviousTaskId"] = "上年任务", ["TimeZone"] = "时区",
        ["FinishedAt"] = "完成时间", ["StartedAt"] = "开始时间", ["Instance"] = "实例",
        ["UpperPlanId"] = "上级计划", ["UpperTaskId"] = "上级任务", ["UpperLinkId"] = "对接", ["Decision"] = "决定",
        ["ConfirmedTaskId"] = "已对接任务", ["Similarity"] = "相似度", ["Manual"] = "手工添加", ["DecidedByName"] = "处理人",
    };

    /// <summary>Internal columns (hashes, stamps, storage keys) that say nothing to a reader of the log.</summary>
    private static readonly HashSet<string> Hidden = ["SecurityStamp", "ConcurrencyStamp", "PasswordHash", "NormalizedUserName",
        "NormalizedEmail", "LiveKey", "StoredName", "Sha256", "Token", "TokenHash",
        // the plan's content revision: bookkeeping of the read cache, not an edit anyone made
        "Revision"];

    public static string Entity(string name) => Entities.GetValueOrDefault(name, name);
    public static string Action(string name) => Actions.GetValueOrDefault(name, name);
    public static string Field(string name) => Fields.GetValueOrDefault(name, name);

    /// <summary>One line per field: "字段: 旧值 → 新值" for a change, "字段: 值" for an entry added or deleted.</summary>
    public static IReadOnlyList<string> Lines(string entity, string? before, string? after, string action)
    {
        var type = EntityTypes.GetValueOrDefault(entity);
        var old = Parse(before);
        var now = Parse(after);
        var lines = new List<string>();
        foreach (var key in old.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            if (Hidden.Contains(key)) continue;
            var property = type?.GetProperty(key)?.PropertyType;
            var a = old.TryGetValue(key, out var x) ? Value(x, property) : null;
            var b = now.TryGetValue(key, out var y) ? Value(y, property) : null;
            if (action == "modified" && a == b) continue;
            var field = Strings.Localize(Field(key));
            lines.Add(action == "modified" ? $"{field}: {a ?? Strings.Localize("（空）")} → {b ?? Strings.Localize("（空）")}" : $"{field}: {b ?? a ?? Strings.Localize("（空）")}");
        }
        return lines;
    }

    /// <summary>The entity classes by the name the audit trail records, to read a field's type (an enum's own words).</summary>
    private static readonly Dictionary<string, Type> EntityTypes = typeof(Plan).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(Plan).Namespace && t.IsClass && !t.IsAbstract)
        .GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First());

    private static Dictionary<string, JsonElement> Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
                : [];
        }
        catch (JsonException) { return []; }
    }

    private static string? Value(JsonElement v, Type? property)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined: return null;
            case JsonValueKind.True: return Strings.Localize("是");
            case JsonValueKind.False: return Strings.Localize("否");
            case JsonValueKind.String:
                var s = v.GetString() ?? "";
                if (s.Length >= 20 && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) && s[4] == '-' && s.Contains('T'))
                    return Shanghai.Format(t);
                if (s.Length == 0) return Strings.Localize("（空）");
                if (property is not null && EnumLabels.Zh(property, s) is { } word) return Strings.Localize(word);
                if (s.Length >= 16 && s.All(c => char.IsAsciiHexDigit(c) || c == '-')) return Strings.Localize("（已记录）");
                return s.Length > 300 ? s[..300] + "…" : s;
            default:
                var raw = v.GetRawText();
                return raw.Length > 300 ? raw[..300] + "…" : raw;
        }
    }
}
