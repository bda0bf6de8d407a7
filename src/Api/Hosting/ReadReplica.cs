namespace Qadam.Api.Hosting;

/// <summary>
/// Reads that tolerate a second of lag (the parent's tracker and notifications, the dashboards) may come from a
/// PostgreSQL streaming replica, <c>ConnectionStrings:Replica</c>, so the morning crowd of parents does not load the
/// primary. Unset, everything uses the primary. Set, the request scope's <see cref="Persistence.QadamDbContext"/> of an
/// endpoint marked <see cref="ReadsFromReplica{TBuilder}"/> connects to the replica; the engine's and the documents'
/// contexts borrow that context's connection, so a whole request reads one server. A hot standby refuses writes
/// (https://www.postgresql.org/docs/current/hot-standby.html), so only handlers that read are marked.
/// </summary>
internal static class ReadReplica
{
    public const string ConnectionStringName = "Replica";

    /// <summary>Marks an endpoint whose handler only reads and may read a second behind the primary.</summary>
    public static TBuilder ReadsFromReplica<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Marker.Instance, ReadOnlyMarker.Instance);

    /// <summary>
    /// Marks an endpoint whose handler only reads, on the primary (a clerk's inbox must show the step just completed): its
    /// context is leased from a pool (QadamContextOptions.Lease), as a replica reader's is.
    /// </summary>
    public static TBuilder ReadsOnly<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ReadOnlyMarker.Instance);

    /// <summary>Whether this request's handler only reads (<see cref="ReadsOnly{TBuilder}"/> or <see cref="ReadsFromReplica{TBuilder}"/>).</summary>
    public static bool OnlyReads(HttpContext? http) => http?.GetEndpoint()?.Metadata.GetMetadata<ReadOnlyMarker>() is not null;

    /// <summary>Whether this request reads from the replica (one is configured and the endpoint is marked).</summary>
    public static bool Serves(HttpContext? http) =>
        http?.GetEndpoint()?.Metadata.GetMetadata<Marker>() is not null
        && !string.IsNullOrWhiteSpace(http.RequestServices.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName));

    private sealed class Marker
    {
        public static readonly Marker Instance = new();
    }

    private sealed class ReadOnlyMarker
    {
        public static readonly ReadOnlyMarker Instance = new();
    }
}
