using Npgsql;
using Qadam.Api.Hosting;
using Qadam.Workflows;

namespace Qadam.Api.Features.MassTransfers;

/// <summary>Registers the mass-transfer activity and the connections it writes with.</summary>
internal static class MassTransfersFeature
{
    /// <summary>
    /// The runner's own data source: its chunks commit on connections of their own, outside the job's transaction, so
    /// that a crash keeps what was written. Keyed, so nothing else (EF Core in particular) picks it up.
    /// </summary>
    public const string DataSourceKey = "mass-transfer";

    public static void AddQadamMassTransfers(this IServiceCollection services)
    {
        services.AddKeyedSingleton(DataSourceKey, (sp, _) =>
            NpgsqlDataSource.Create(sp.GetRequiredService<IConfiguration>().GetConnectionString(QadamApplication.ConnectionStringName)!));
        services.AddSingleton(sp =>
        {
            var section = sp.GetRequiredService<IConfiguration>().GetSection("Qadam:MassTransfer");
            return new MassTransferRunner(sp.GetRequiredKeyedService<NpgsqlDataSource>(DataSourceKey), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<MassTransferRunner>>())
            {
                ChunkStudents = section.GetValue("ChunkStudents", 20_000),
                Parallelism = section.GetValue("Parallelism", 2),
                PauseBetweenChunks = section.GetValue("PauseBetweenChunks", TimeSpan.Zero),
            };
        });
        services.AddSingleton<TvetMassExclusion>();
        services.AddProcessActivity<MassTransferActivity>();
        services.AddProcessActivity<RenderSchoolOrdersActivity>();
        // The TVET ledger's reads and writes (349 paras 18-20, 103 paras 8-10).
        services.AddProcessActivity<TvetLedger.TvetDistanceLedgerActivity>();
    }
}
