namespace PlanLedger.Web.Features.Shared;

internal static partial class Strings
{
    private static readonly Dictionary<string, string> Tables = new()
    {
        ["已与附件表对应"] = "Paired with the attachment table",
        ["单位、时限和具体措施取自附件表"] = "units, deadline and measures taken from the table",
        ["拆开"] = "Undo pairing",
    };
}
