using Microsoft.AspNetCore.Mvc;
using PlanLedger.Web.Features.Shared;

namespace PlanLedger.Web.Features.Assessment;

/// <summary>考核方案 editing: indicators (grouped, 分值, 评分标准, automatic or manual), 加分/扣分 items with caps, 一票否决, grade lines.</summary>
public sealed class SchemeModel(AssessmentService assessments) : LedgerPageModel
{
    public sealed class IndicatorForm
    {
        public string? Code { get; set; }
        public string? Group { get; set; }
        public string? Name { get; set; }
        public decimal Max { get; set; }
        public string? Method { get; set; }
        public string? Measure { get; set; }
        public decimal PerItem { get; set; }
        public string? Criteria { get; set; }
    }

    public sealed class AdjustmentForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public decimal Cap { get; set; }
        public string? Basis { get; set; }
    }

    public sealed class VetoForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public List<IndicatorForm> Indicators { get; set; } = [];
    [BindProperty] public List<AdjustmentForm> Adjustments { get; set; } = [];
    [BindProperty] public List<VetoForm> Vetoes { get; set; } = [];
    [BindProperty] public decimal BonusCap { get; set; }
    [BindProperty] public decimal PenaltyCap { get; set; }
    [BindProperty] public decimal Excellent { get; set; }
    [BindProperty] public decimal Good { get; set; }
    [BindProperty] public decimal Pass { get; set; }
    [BindProperty] public decimal QuotaPercent { get; set; }
    public bool IsDefault { get; private set; }
    public string? Error { get; private set; }

    private int TheYear => Year ?? DateTime.UtcNow.Year;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Security.Access.Can(Me, Security.LedgerAction.ManageAssessment, new Security.Resource(Me.OrganisationId, Me.OrganisationPath))) return Forbid();
        var (scheme, isDefault) = await assessments.SchemeAsync(Me.OrganisationId, TheYear, ct);
        IsDefault = isDefault;
        Fill(scheme);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scheme = new SchemeDefinition(
            Indicators.Where(i => !string.IsNullOrWhiteSpace(i.Name)).Select((i, k) => new IndicatorDef(
                string.IsNullOrWhiteSpace(i.Code) ? $"i{k + 1}" : i.Code.Trim(), (i.Group ?? "").Trim(), i.Name!.Trim(), i.Max,
                i.Method ?? "manual", i.Method == "auto" ? i.Measure : null, i.PerItem, (i.Criteria ?? "").Trim())).ToList(),
            Adjustments.Where(a => !string.IsNullOrWhiteSpace(a.Name)).Select((a, k) => new AdjustmentDef(
                string.IsNullOrWhiteSpace(a.Code) ? $"a{k + 1}" : a.Code.Trim(), a.Name!.Trim(), a.Kind ?? "bonus", a.Cap, (a.Basis ?? "").Trim())).ToList(),
            BonusCap, PenaltyCap,
            Vetoes.Where(v => !string.IsNullOrWhiteSpace(v.Name)).Select((v, k) => new VetoDef(
                string.IsNullOrWhiteSpace(v.Code) ? $"v{k + 1}" : v.Code.Trim(), v.Name!.Trim())).ToList(),
            new GradeRules(Excellent, Good, Pass, QuotaPercent / 100m));
        var r = await assessments.SaveSchemeAsync(Me, Me.OrganisationId, TheYear, scheme, ct);
        if (r.Error is { Status: 403 or 404 } e) return Fail(e);
        if (r.Error is { } bad)
        {
            Error = bad.Title;
            Fill(scheme);
            return Page();
        }
        Flash = "考核方案已保存";
        return RedirectToPage("/Assessment/Index", new { Year = TheYear });
    }

    private void Fill(SchemeDefinition s)
    {
        Indicators = s.Indicators.Select(i => new IndicatorForm { Code = i.Code, Group = i.Group, Name = i.Name, Max = i.Max, Method = i.Method, Measure = i.Measure, PerItem = i.PerItem, Criteria = i.Criteria }).ToList();
        Indicators.AddRange(Enumerable.Range(0, 2).Select(_ => new IndicatorForm { Method = "manual" }));
        Adjustments = s.Adjustments.Select(a => new AdjustmentForm { Code = a.Code, Name = a.Name, Kind = a.Kind, Cap = a.Cap, Basis = a.Basis }).ToList();
        Adjustments.Add(new AdjustmentForm { Kind = "bonus" });
        Vetoes = s.Vetoes.Select(v => new VetoForm { Code = v.Code, Name = v.Name }).ToList();
        Vetoes.Add(new VetoForm());
        (BonusCap, PenaltyCap) = (s.BonusCap, s.PenaltyCap);
        (Excellent, Good, Pass, QuotaPercent) = (s.Grades.Excellent, s.Grades.Good, s.Grades.Pass, s.Grades.ExcellentQuota * 100);
    }
}
