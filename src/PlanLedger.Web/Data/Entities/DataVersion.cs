namespace PlanLedger.Web.Data.Entities;

/// <summary>
/// The one row (<see cref="Global"/>) whose <see cref="Value"/> grows in the transaction of every write to the database,
/// whatever wrote it (<see cref="DataVersionInterceptor"/>). A whole response kept under one value is the answer for as
/// long as the value stays (<c>Features/Shared/WholeResponseCache.cs</c>); every instance on the database reads the same row.
/// </summary>
public sealed class DataVersion
{
    public const int Global = 1;
    public int Id { get; set; }
    public long Value { get; set; }
}
