using System.ComponentModel.DataAnnotations;
using System.Reflection;
using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Features.Audit;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Tests.Language;

/// <summary>
/// Every stored value has one Chinese word, on its enum member, used by the pages and by the 操作日志 alike; each word
/// has its English. The same member name in two enums keeps each enum's own word.
/// </summary>
public sealed class EnumLabelTests
{
    /// <summary>The enums stored on the entities (the values people meet on pages and in the log).</summary>
    public static TheoryData<Type> StoredEnums()
    {
        var data = new TheoryData<Type>();
        foreach (var t in typeof(Plan).Assembly.GetTypes()
                     .Where(t => t.Namespace == typeof(Plan).Namespace && t.IsClass)
                     .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                     .Select(p => Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
                     .Where(t => t.IsEnum && t != typeof(NotificationKind)).Distinct().OrderBy(t => t.Name))
            data.Add(t);
        return data;
    }

    [Theory]
    [MemberData(nameof(StoredEnums))]
    public void Every_stored_value_has_a_Chinese_word_and_its_English(Type type)
    {
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var zh = field.GetCustomAttribute<DisplayAttribute>()?.Name;
            Assert.False(string.IsNullOrEmpty(zh), $"{type.Name}.{field.Name} has no [Display(Name)]");
            Assert.True(Strings.ToEnglish(zh!) != zh, $"{type.Name}.{field.Name} “{zh}” has no English in the catalogue");
        }
    }

    [Fact]
    public void The_activity_log_reads_each_field_with_its_own_enums_words()
    {
        var finding = AuditNames.Lines("Finding", """{"Status":"Rectified"}""", """{"Status":"Closed"}""", "modified");
        Assert.Contains(finding, l => l.EndsWith("已整改（待复查） → 已销号", StringComparison.Ordinal));
        var notice = AuditNames.Lines("SupervisionNotice", """{"State":"Replied","Level":"Yellow"}""", """{"State":"Closed","Level":"Red"}""", "modified");
        Assert.Contains(notice, l => l.EndsWith("已反馈 → 已办结", StringComparison.Ordinal));
        Assert.Contains(notice, l => l.EndsWith("黄色 → 红色", StringComparison.Ordinal));
        var user = AuditNames.Lines("AppUser", null, """{"Role":"Reporter"}""", "added");
        Assert.Contains(user, l => l.EndsWith("单位联络员", StringComparison.Ordinal));
        // Text that merely looks like a member name stays as written.
        var unit = AuditNames.Lines("Unit", null, """{"Name":"Closed"}""", "added");
        Assert.Contains(unit, l => l.EndsWith("Closed", StringComparison.Ordinal));
    }
}
