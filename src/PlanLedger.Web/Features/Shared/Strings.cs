namespace PlanLedger.Web.Features.Shared;

/// <summary>
/// English for the Chinese page labels (the Chinese text is the key). One catalogue in parts: each feature area keeps
/// its labels in a file of its own (<c>Strings.&lt;Area&gt;.cs</c>, a <c>partial</c> of this class with a static
/// <c>Dictionary&lt;string, string&gt;</c> field); <see cref="En"/> is their union, built once.
/// </summary>
internal static partial class Strings
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> All = new(Union);

    public static IReadOnlyDictionary<string, string> En => All.Value;

    private static Dictionary<string, string> Union()
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in typeof(Strings).GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static))
        {
            if (field.GetValue(null) is not Dictionary<string, string> part) continue;
            foreach (var (zh, en) in part) all.TryAdd(zh, en);
        }
        return all;
    }

    private static readonly Dictionary<string, string> Core = new()
    {
        ["工作要点任务台账与督办系统"] = "Work-plan ledger and supervision",
        ["首页"] = "Home", ["计划"] = "Plans", ["导入"] = "Import", ["我的任务"] = "My tasks", ["看板"] = "Dashboard",
        ["组织"] = "Organisations", ["单位"] = "Units", ["用户"] = "Users", ["审计"] = "Audit", ["退出"] = "Sign out",
        ["登录"] = "Sign in", ["用户名"] = "Username", ["密码"] = "Password", ["用户名或密码错误"] = "Wrong username or password",
        ["账户已锁定，请稍后再试"] = "Account locked, try again later",
        ["标题"] = "Title", ["发文机关"] = "Issuer", ["年份"] = "Year", ["状态"] = "Status", ["任务数"] = "Tasks",
        ["草稿"] = "Draft", ["已发布"] = "Published", ["校对"] = "Review", ["台账"] = "Ledger", ["导出"] = "Export",
        ["上传文件"] = "Upload a file", ["拖放文件到此处，或点击选择"] = "Drop a file here, or click to choose",
        ["解析并导入"] = "Parse and import", ["该文件已导入"] = "This file was already imported", ["打开已导入的计划"] = "Open the imported plan",
        ["原文"] = "Source text", ["解析结果"] = "Parsed tree", ["保存"] = "Save", ["发布"] = "Publish", ["发布为台账"] = "Publish as ledger",
        ["工作任务"] = "Task", ["具体措施"] = "Measure", ["内容"] = "Text", ["目标"] = "Targets", ["牵头单位"] = "Lead units",
        ["配合单位"] = "Supporting units", ["完成时限"] = "Deadline", ["到期日"] = "Due date", ["进度"] = "Progress",
        ["进展情况"] = "Progress", ["实际完成值"] = "Actual", ["移动到"] = "Move under", ["合并到"] = "Merge into", ["顶层"] = "Top level",
        ["添加目标"] = "Add target", ["删除"] = "Remove", ["对应单位"] = "Map to unit", ["未对应"] = "Not mapped", ["建议"] = "Suggestions",
        ["筛选"] = "Filter", ["全部"] = "All", ["章节"] = "Section", ["仅逾期"] = "Overdue only", ["搜索"] = "Search",
        ["上一页"] = "Previous", ["下一页"] = "Next", ["共"] = "Total", ["树形"] = "Tree", ["列表"] = "Table",
        ["未开始"] = "Not started", ["正常推进"] = "On track", ["进度滞后"] = "At risk", ["逾期"] = "Overdue", ["已完成"] = "Done",
        ["填报历史"] = "Report history", ["填报进展"] = "File a report", ["报送周期"] = "Period", ["佐证材料"] = "Evidence",
        ["提交"] = "Submit", ["退回"] = "Return", ["退回意见"] = "Comment", ["销号"] = "Close out", ["附件"] = "Attachments",
        ["待审核"] = "Submitted", ["已退回"] = "Returned", ["已通过"] = "Accepted", ["填报人"] = "Filed by", ["时间"] = "Time",
        ["提醒"] = "Notifications", ["暂无"] = "None", ["按状态"] = "By status", ["按单位"] = "By unit", ["按章节"] = "By section",
        ["进度趋势"] = "Progress over periods", ["逾期任务"] = "Overdue tasks", ["滞后任务"] = "At-risk tasks",
        ["已完成数"] = "Done", ["逾期数"] = "Overdue", ["平均进度"] = "Avg. progress", ["名称"] = "Name", ["类型"] = "Kind",
        ["别名"] = "Aliases", ["合并"] = "Merge", ["新建"] = "Create", ["上级组织"] = "Parent", ["级别"] = "Level",
        ["角色"] = "Role", ["姓名"] = "Display name", ["股室"] = "Department", ["学校"] = "School", ["外部单位"] = "Outside body",
        ["管理员"] = "Admin", ["督查室"] = "Office", ["责任单位"] = "Unit reporter", ["领导"] = "Leader", ["只读"] = "Viewer",
        ["省"] = "Province", ["市"] = "City", ["县"] = "County", ["谁"] = "Who", ["对象"] = "Entity", ["操作"] = "Action",
        ["修改前"] = "Before", ["修改后"] = "After", ["没有权限"] = "Not allowed", ["页面不存在"] = "Page not found",
        ["出错了"] = "Something went wrong", ["任务"] = "Task", ["计划列表"] = "Plans", ["报送日"] = "Report day",
        ["编辑"] = "Edit", ["编辑用户"] = "Edit user", ["正常"] = "Active", ["已锁定"] = "Locked", ["已停用"] = "Deactivated",
        ["已启用"] = "Reactivated", ["已保存"] = "Saved", ["已解锁"] = "Unlocked", ["密码已重置"] = "Password reset",
        ["新密码"] = "New password", ["重置密码"] = "Reset password", ["解锁"] = "Unlock", ["停用账户"] = "Deactivate",
        ["启用账户"] = "Reactivate", ["修改密码"] = "Change password", ["当前密码"] = "Current password",
        ["确认新密码"] = "Confirm new password", ["密码已修改"] = "Password changed",
        ["请填写当前密码和新密码"] = "Enter the current and the new password", ["两次输入的新密码不一致"] = "The new passwords differ",
        ["账户已停用，请联系管理员"] = "Account deactivated, contact your administrator",
        ["确认删除"] = "Confirm delete", ["删除草稿"] = "Delete draft", ["计划已删除"] = "Plan deleted",
        ["打开"] = "Open", ["返回"] = "Back", ["无"] = "None", ["标题/内容"] = "Heading / text", ["设置"] = "Settings", ["目标值"] = "Target value",
        ["按末级任务统计"] = "Counted on leaf tasks", ["另有章节"] = "plus sections", ["状态由下级任务汇总"] = "whose status is rolled up from their sub-tasks",
        ["本项由下级任务汇总"] = "Rolled up from its sub-tasks", ["下级任务"] = "Sub-tasks",
    };
}
