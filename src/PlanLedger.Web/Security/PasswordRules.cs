namespace PlanLedger.Web.Security;

/// <summary>Limits on passwords as typed (the hash is stored, never the password).</summary>
public static class PasswordRules
{
    /// <summary>The longest password accepted (longer input is refused at the edge, 400).</summary>
    public const int MaxLength = 200;
}
