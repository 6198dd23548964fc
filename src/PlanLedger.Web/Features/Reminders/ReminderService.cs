using Microsoft.Extensions.Options;

namespace PlanLedger.Web.Features.Reminders;

/// <summary>Runs <see cref="ReminderJob"/> shortly after start and then every <see cref="LedgerOptions.ReminderInterval"/>.</summary>
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
                    var run = await scope.ServiceProvider.GetRequiredService<ReminderJob>().RunAsync(stoppingToken);
                    log.LogInformation("Reminders: {Changes} status changes, {Notifications} notifications", run.StatusChanges, run.Notifications);
                    var esc = await scope.ServiceProvider.GetRequiredService<Supervision.SupervisionEscalation>().RunAsync(stoppingToken);
                    log.LogInformation("Supervision: {Proposed} escalations proposed, {Escalated} escalated", esc.Proposed, esc.Escalated);
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
