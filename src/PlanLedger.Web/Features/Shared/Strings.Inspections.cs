namespace PlanLedger.Web.Features.Shared;

/// <summary>English for the inspection pages (督导, 问题清单, 督导通报).</summary>
internal static partial class Strings
{
    private static readonly Dictionary<string, string> Inspections = new()
    {
        ["督导"] = "Inspections", ["新建督导"] = "New inspection round", ["修改督导"] = "Edit the round", ["督导名称"] = "Round title", ["督导说明"] = "Description",
        ["督导单位数"] = "Visits", ["每组督导人员数"] = "Inspectors per visit", ["回避最近几轮已督导的单位"] = "Avoid units visited in the last N rounds",
        ["督导范围（单位/学校）"] = "Scope (units / schools)", ["督导人员库"] = "Inspector pool", ["督导人员"] = "Inspectors",
        ["被督导单位"] = "Visited unit", ["创建"] = "Create", ["创建人"] = "Created by",
        ["待抽取"] = "Not drawn", ["已抽取"] = "Drawn", ["已通报"] = "Bulletin issued",
        ["双随机抽取"] = "Random draw", ["随机种子"] = "Seed", ["随机种子（可留空，由系统生成）"] = "Seed (leave empty for a random one)",
        ["抽取"] = "Draw", ["抽取人"] = "Drawn by", ["抽取时间"] = "Drawn at", ["尚未抽取"] = "Not drawn yet", ["算法"] = "Algorithm",
        ["抽取结果保存后不能更改；任何人可用公布的种子复核。"] = "Once stored the draw cannot change; anyone can repeat it with the published seed.",
        ["复核种子"] = "Seed to check", ["复核抽取"] = "Repeat the draw", ["种子"] = "Seed",
        ["复核一致：用该种子重新抽取，结果与保存的抽取相同。"] = "Verified: the draw repeated with this seed equals the stored draw.",
        ["复核不一致：该种子给出的结果与保存的抽取不同。"] = "Mismatch: this seed gives a different draw from the stored one.",
        ["近期已督导，回避"] = "visited recently, avoided",
        ["问题清单"] = "Issue list", ["整改台账"] = "Rectification ledger", ["问题"] = "Finding", ["问题数"] = "Findings",
        ["未整改问题"] = "Open findings", ["逾期未整改"] = "Overdue findings", ["待复查"] = "Awaiting re-check", ["只看逾期"] = "Overdue only",
        ["序号"] = "No.", ["问题等级"] = "Severity", ["问题描述"] = "Finding", ["关联任务"] = "Related tasks", ["整改要求"] = "Requirement",
        ["整改期限"] = "Rectify by", ["一般"] = "Minor", ["较重"] = "Major", ["严重"] = "Severe",
        ["待整改"] = "To rectify", ["已整改（待复查）"] = "Rectified (awaiting re-check)", ["已销号"] = "Closed", ["重新整改"] = "Rectify again",
        ["记录问题"] = "Record a finding", ["记录"] = "Record", ["记录人"] = "Recorded by", ["导出问题清单"] = "Export the issue list",
        ["提交整改"] = "File the rectification", ["整改情况"] = "What was rectified", ["整改过程"] = "History", ["步骤"] = "Step",
        ["经办人"] = "By", ["复查"] = "Re-check", ["复查意见"] = "Re-check comment", ["复查通过，销号"] = "Re-check passed: close",
        ["复查未通过，重新整改"] = "Re-check failed: rectify again", ["回头看：问题反弹，重新整改"] = "Follow-up found it back: rectify again",
        ["原因"] = "Reason", ["新的整改期限（可不填）"] = "New deadline (optional)",
        ["督导通报"] = "Inspection bulletin", ["起草督导通报"] = "Draft the bulletin", ["查看通报"] = "Open the bulletin",
        ["按问题清单重新起草"] = "Redraft from the issue list", ["印发"] = "Publish", ["已印发"] = "Published", ["草稿（未印发）"] = "Draft (not published)",
        ["打印视图"] = "Print view", ["一、督导基本情况"] = "1. What was inspected", ["二、好的做法"] = "2. Good practice",
        ["被督导单位在已发布台账中暂无任务，可不关联任务"] = "The visited units hold no task in a published ledger; the finding can stand without one",
        ["三、存在的问题"] = "3. Findings", ["四、整改要求"] = "4. Requirements and deadlines", ["附件：问题清单"] = "Attachment: issue list",
    };
}
