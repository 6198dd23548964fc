namespace PlanLedger.Web.Features.Notifications;

/// <summary>
/// Settings "PlanLedger:Notifications": SMTP for e-mail copies (MailKit) and the organisation-wide group robot
/// webhook (企业微信/钉钉). Units may have an e-mail address and a webhook of their own (unit directory).
/// </summary>
public sealed class NotificationOptions
{
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    /// <summary>none, starttls, ssl, auto.</summary>
    public string SmtpSecurity { get; set; } = "auto";
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public string From { get; set; } = "planledger@localhost";
    public string FromName { get; set; } = "PlanLedger 督办系统";
    /// <summary>A group robot that receives every unit's notifications, when set.</summary>
    public string? WebhookUrl { get; set; }
    /// <summary>How often waiting e-mail/webhook copies are sent; zero turns the background dispatcher off.</summary>
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(15);
    public int MaxAttempts { get; set; } = 5;
    /// <summary>Base address of links in e-mails ("https://ledger.example.cn").</summary>
    public string? BaseUrl { get; set; }
}
