using Microsoft.Extensions.Options;

namespace PlanLedger.Web.Features.Reminders;

/// <summary>Runs <see cref="ReminderJob"/> and the escalation shortly after start and then every <see cref="LedgerOptions.ReminderInterval"/>,
/// once per schedule across the instances sharing the database.</summary>
public sealed class ReminderService(IServiceScopeFactory scopes, IOptions<LedgerOptions> options, ILogger<ReminderService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ReminderInterval <= TimeSpan.Zero) return;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(10), stoppingToken);
            using var timer = new PeriodicTimer(options.Value.ReminderInterval);
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var sp = scope.ServiceProvider;
                    // Once per schedule across all instances on the database (JobGate).
                    await sp.GetRequiredService<Data.JobGate>().RunAsync("reminders", options.Value.ReminderInterval, async ct =>
                    {
                        var run = await sp.GetRequiredService<ReminderJob>().RunAsync(ct);
                        log.LogInformation("Reminders: {Changes} status changes, {Notifications} notifications", run.StatusChanges, run.Notifications);
                        var esc = await sp.GetRequiredService<Supervision.SupervisionEscalation>().RunAsync(ct);
                        log.LogInformation("Supervision: {Proposed} escalations proposed, {Escalated} escalated", esc.Proposed, esc.Escalated);
                    }, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Reminder run failed");
                }
            } while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) { }
    }
}
