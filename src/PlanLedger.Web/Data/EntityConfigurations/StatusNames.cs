using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PlanLedger.Web.Data.Entities;

namespace PlanLedger.Web.Data.EntityConfigurations;

/// <summary>The API's status names (not_started, on_track, at_risk, overdue, done), also used as stored values.</summary>
public static class StatusNames
{
    public static string ToName(PlanTaskStatus s) => s switch
    {
        PlanTaskStatus.NotStarted => "not_started",
        PlanTaskStatus.OnTrack => "on_track",
        PlanTaskStatus.AtRisk => "at_risk",
        PlanTaskStatus.Overdue => "overdue",
        _ => "done",
    };

    public static PlanTaskStatus FromName(string s) => s switch
    {
        "not_started" => PlanTaskStatus.NotStarted,
        "on_track" => PlanTaskStatus.OnTrack,
        "at_risk" => PlanTaskStatus.AtRisk,
        "overdue" => PlanTaskStatus.Overdue,
        _ => PlanTaskStatus.Done,
    };

    public static bool TryParse(string? s, out PlanTaskStatus status)
    {
        status = default;
        if (s is not ("not_started" or "on_track" or "at_risk" or "overdue" or "done")) return false;
        status = FromName(s);
        return true;
    }

    public static readonly ValueConverter<PlanTaskStatus, string> Converter = new(s => ToName(s), s => FromName(s));
}
