using PlanLedger.Web.Data.Entities;
using PlanLedger.Web.Data.EntityConfigurations;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Dashboard;

/// <summary>The words the charts draw, sent with their data in the reader's language (the one catalogue; no words in the scripts).</summary>
public static class ChartWords
{
    /// <summary>Each task status by its API name (not_started …), as the status lights name it.</summary>
    public static Dictionary<string, string> Statuses() =>
        Enum.GetValues<PlanTaskStatus>().ToDictionary(StatusNames.ToName, s => Strings.Localize(EnumLabels.Zh(s)));
}
