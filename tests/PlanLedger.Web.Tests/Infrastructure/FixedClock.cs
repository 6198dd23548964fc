namespace PlanLedger.Web.Tests.Infrastructure;

/// <summary>A clock stopped at one UTC instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
