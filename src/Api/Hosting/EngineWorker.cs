using Qadam.Api.Features.Audit;
using Qadam.Api.Features.Cases;
using Qadam.Api.Persistence;
using Qadam.Workflows.Execution;
using Qadam.Workflows.Reads;

namespace Qadam.Api.Hosting;

/// <summary>
/// Fires due timers, runs service-task jobs and delivers the outbox, on every API node. Nodes need
/// no coordination: each item is claimed with FOR UPDATE SKIP LOCKED, so it runs exactly once, and
/// items that fell due while every node was down run at the first pass after start. Cases whose instance these
/// passes ended take their outcome right after (<see cref="FollowEndedInstances"/>), and audit events whose commit found
/// the chain busy are placed in it (<see cref="AuditChain"/>).
/// </summary>
internal sealed partial class EngineWorker(IServiceScopeFactory scopes, ServingGate gate, ILogger<EngineWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await gate.WaitAsync(stoppingToken))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var engine = scope.ServiceProvider.GetRequiredService<ProcessEngine>();
                busy |= await engine.FireDueTimersAsync(100, stoppingToken) > 0;
                busy |= await engine.RunDueJobsAsync(100, stoppingToken) > 0;
                busy |= await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverDueAsync(100, stoppingToken) > 0;
                busy |= await FollowEndedInstances.RunAsync(
                    scope.ServiceProvider.GetRequiredService<QadamDbContext>(), scope.ServiceProvider.GetRequiredService<EngineReads>(),
                    scope.ServiceProvider.GetRequiredService<CommandTransaction>(), scope.ServiceProvider.GetRequiredService<TimeProvider>(),
                    100, stoppingToken) > 0;
                // The audit events whose commit found the chain busy (AuditChain): in the chain within a pass.
                await AuditChain.PlaceAsync(scope.ServiceProvider.GetRequiredService<QadamDbContext>(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable; the next pass tries again.
                LogPassFailed(logger, ex);
            }

            if (!busy)
            {
                await Task.Delay(Idle, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Engine worker pass failed; retrying")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
