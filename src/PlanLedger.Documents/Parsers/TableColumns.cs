namespace PlanLedger.Documents.Parsers;

/// <summary>What a task-table column holds, from its header text.</summary>
internal enum ColumnRole { Other, Seq, Heading, Text, ExtraTask, Measures, Deadline, Lead, Support, LeadAndSupport, Step, Check, Category }

internal static class TableColumns
{
    public static bool IsHeaderWord(string cell)
    {
        var c = Normalise(cell);
        return c.Length is > 0 and <= 14 && RoleOf(c) is not (ColumnRole.Other or ColumnRole.Category) || c is "备注" or "责任人" or "责任领导" or "分管领导" or "牵头领导";
    }

    /// <summary>A row drawn as text (bars, box lines) with fewer cells than the header lost its leading merged cells
    /// (序号, 类别 spanning several rows): it is padded at the front to the header's width.</summary>
    public static void PadLostLeadingCells(List<string> row, int width)
    {
        if (row.Count < width) row.InsertRange(0, Enumerable.Repeat("", width - row.Count));
    }

    public static string Normalise(string cell) => Cjk.RemoveSpacesBetweenHan(cell).Replace("\n", "").Replace(" ", "").Trim();

    public static ColumnRole RoleOf(string header)
    {
        var h = Normalise(header);
        if (h is "序号" or "编号" or "序" or "号") return ColumnRole.Seq;
        if (h.Contains("任务分解") || h.Contains("时序进度") || h.Contains("推进步骤") || h.Contains("工作步骤") || h.Contains("进度安排") && !h.Contains("完成")) return ColumnRole.Step;
        if (h.Contains("考核要点") || h.Contains("考核标准") || h.Contains("评分标准") || h.Contains("验收标准") || h.Contains("完成标准") || h.Contains("考核内容") || h.Contains("评价要点")) return ColumnRole.Check;
        if (h.Contains("分值") || h.Contains("得分") || h.Contains("自评") || h.Contains("评分") || h.Contains("打分") || h.Contains("适用范围") || h == "范围") return ColumnRole.Other;
        if (h.Contains("时限") || h.Contains("完成时间") || h.Contains("时间节点") || h.Contains("进度安排") || h.Contains("完成期限") || h == "时间") return ColumnRole.Deadline;
        if (h.Contains("配合") || h.Contains("协办") || h.Contains("参与单位") || h.Contains("协同")) return ColumnRole.Support;
        // 牵头领导, 责任领导, 分管领导: a leader's name, not a unit (RULES: not recorded).
        if (h.EndsWith("领导", StringComparison.Ordinal)) return ColumnRole.Other;
        if (h.Contains("牵头") || h.Contains("指导部门") || h.Contains("指导单位") || h.Contains("责任单位") || h.Contains("负责单位") || h.Contains("责任部门") || h.Contains("主办") || h.Contains("承办")
            // A bureau's own offices: 责任科室, 责任股室, 责任处室, 主责科室.
            || h.Contains("责任科室") || h.Contains("责任股室") || h.Contains("责任处室") || h.Contains("负责科室") || h.Contains("主责科室")) return ColumnRole.Lead;
        if (h.Contains("领导") || h.Contains("责任人") || h.Contains("备注") || h.Contains("联系人")) return ColumnRole.Other;
        // "类别 | 民生事项名称 | …": the category cell opens a section (merged down the rows it covers).
        if (h is "类别" or "类型" or "分类" or "领域" or "板块" or "所属领域") return ColumnRole.Category;
        // Progress columns of a 督办 table (1-9月份工作完成情况, 取得成效, 推进情况) have no plan@1 field.
        if (h.Contains("完成情况") || h.Contains("进展情况") || h.Contains("推进情况") || h.Contains("落实情况") || h.Contains("成效") || h.Contains("电话")) return ColumnRole.Other;
        if (h.Contains("措施") || h.Contains("举措") || h.Contains("具体工作") || h.Contains("工作内容") || h.Contains("实施步骤")) return ColumnRole.Measures;
        if (h.Contains("意见") || h.Contains("任务") || h.Contains("事项") || h.Contains("工作") || h.Contains("目标") || h.Contains("内容") || h.Contains("要点") || h.Contains("项目") || h.Contains("指标") || h.EndsWith("名称", StringComparison.Ordinal))
            return ColumnRole.Text;
        return ColumnRole.Other;
    }

    /// <summary>Roles of a header row: the first of two task-like columns is the heading, a third is an extra field.</summary>
    public static List<ColumnRole> Roles(IReadOnlyList<string> header)
    {
        var roles = header.Select(RoleOf).ToList();
        // A 责任单位 column beside a 牵头 column holds the supporting units.
        var hasLeadColumn = header.Any(h => Normalise(h).Contains("牵头") && RoleOf(h) == ColumnRole.Lead);
        for (var i = 0; i < roles.Count; i++)
            if (roles[i] == ColumnRole.Lead && hasLeadColumn && !Normalise(header[i]).Contains("牵头") && Normalise(header[i]).Contains("责任")) roles[i] = ColumnRole.Support;
        // Without a task column, a 工作内容 / 具体措施 column is the task itself.
        if (!roles.Contains(ColumnRole.Text) && !roles.Contains(ColumnRole.Heading))
        {
            var m = roles.IndexOf(ColumnRole.Measures);
            if (m >= 0) roles[m] = ColumnRole.Text;
        }
        var taskCols = roles.Select((r, i) => (r, i)).Where(x => x.r == ColumnRole.Text).Select(x => x.i).ToList();
        if (taskCols.Count >= 2)
        {
            roles[taskCols[0]] = ColumnRole.Heading;
            for (var k = 2; k < taskCols.Count; k++) roles[taskCols[k]] = ColumnRole.ExtraTask;
        }
        return roles;
    }
}
