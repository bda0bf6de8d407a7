using System.Net.Sockets;
using Npgsql;
using Qadam.Api.Hosting;

namespace Qadam.Api.Features.Organisations;

/// <summary>
/// Listens on the channel <c>qadam_organisations</c> (the trigger of migration OrganisationChangeNotices) and drops the
/// cached trees of <see cref="OrganisationTree"/> on each notice. While it cannot listen, nothing is cached, so a lost
/// connection never leaves a node with a stale tree.
/// </summary>
internal sealed partial class OrganisationChangeListener(
    OrganisationTree tree, IConfiguration configuration, ServingGate gate, ILogger<OrganisationChangeListener> logger) : BackgroundService
{
    public const string Channel = "qadam_organisations";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.GetConnectionString(QadamApplication.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        // Until it listens nothing is cached, so waiting for the node's first answer costs a few uncached reads, and
        // spares the restart's first /health a connection and its LISTEN (ServingGate).
        if (!await gate.WaitAsync(stoppingToken))
        {
            return;
        }

        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, _) => tree.Invalidate();
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                tree.Listening = true;
                failures = 0;
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is NpgsqlException or SocketException or IOException or TimeoutException)
            {
                tree.Listening = false;
                if (failures++ == 0)
                {
                    LogNotListening(logger, ex.Message);
                }

                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 2 * failures)), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        tree.Listening = false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not listening for organisation changes, scopes are read from the database on each request: {Problem:l}")]
    private static partial void LogNotListening(ILogger logger, string problem);
}
