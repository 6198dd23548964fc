using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Features.Plans;

/// <summary>A run of source text with one highlight class; <see cref="AnchorTaskId"/> marks where a task starts.</summary>
public sealed record SourceSegment(string Text, string? Class, int? AnchorTaskId);

/// <summary>
/// Cuts the plan's clean source text into segments so the review page can highlight targets, units and deadlines
/// at their source positions. Segments are plain text: the page HTML-encodes each one.
/// </summary>
public static class SourceHighlighter
{
    private static readonly string?[] Classes = [null, "deadline", "unit", "target"];

    public static List<SourceSegment> Build(string source, IReadOnlyList<PlanTask> tasks, IReadOnlyList<TaskTarget> targets, IReadOnlyList<TaskUnit> units)
    {
        var marks = new byte[source.Length];
        void Mark(int start, int length, byte cls)
        {
            var end = Math.Min(source.Length, start + length);
            for (var i = Math.Max(0, start); i < end; i++) if (marks[i] < cls) marks[i] = cls;
        }
        var byTask = tasks.ToDictionary(t => t.Id);
        foreach (var t in targets) if (t.SpanOffset >= 0 && t.SpanLength > 0) Mark(t.SpanOffset, t.SpanLength, 3);
        foreach (var u in units)
            if (byTask.TryGetValue(u.TaskId, out var task)) MarkWithin(source, task, u.Name, 2, Mark);
        foreach (var t in tasks)
            if (!string.IsNullOrEmpty(t.Deadline)) MarkWithin(source, t, t.Deadline, 1, Mark);

        var anchors = tasks.Where(t => t.SpanLength > 0 && t.SpanOffset >= 0 && t.SpanOffset < source.Length)
            .GroupBy(t => t.SpanOffset).ToDictionary(g => g.Key, g => g.First().Id);
        var segments = new List<SourceSegment>();
        var start = 0;
        for (var i = 1; i <= source.Length; i++)
        {
            if (i < source.Length && marks[i] == marks[start] && !anchors.ContainsKey(i)) continue;
            segments.Add(new SourceSegment(source[start..i], Classes[marks[start]], anchors.TryGetValue(start, out var id) ? id : null));
            start = i;
        }
        return segments;
    }

    private static void MarkWithin(string source, PlanTask task, string text, byte cls, Action<int, int, byte> mark)
    {
        if (text.Length == 0 || task.SpanLength <= 0 || task.SpanOffset < 0 || task.SpanOffset >= source.Length) return;
        var end = Math.Min(source.Length, task.SpanOffset + task.SpanLength);
        var at = source.IndexOf(text, task.SpanOffset, end - task.SpanOffset, StringComparison.Ordinal);
        if (at >= 0) mark(at, text.Length, cls);
    }
}
