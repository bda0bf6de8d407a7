using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace Qadam.Api.Tests;

/// <summary>
/// The statements a test database received from within HTTP requests while a call ran, counted with Npgsql's own tracing
/// (one activity per command or batch). The engine worker's polling runs outside any request and is not counted; a commit
/// is not a command. What the round-trip pins of the filing, the completion, the inbox and the parent's reads use.
/// </summary>
internal static class RequestRoundTrips
{
    public static async Task<(List<string> Sent, T Result)> CountAsync<T>(string connectionString, Func<Task<T>> request)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        var sent = new ConcurrentQueue<(DateTime At, string Text)>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Source.Name == "Npgsql" && InRequest(activity)
                    && Equals(activity.GetTagItem("db.namespace") ?? activity.GetTagItem("db.name"), database))
                {
                    sent.Enqueue((activity.StartTimeUtc,
                        (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement"))?.ToString() ?? activity.DisplayName));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var result = await request();
        return ([.. sent.OrderBy(s => s.At).Select(s => s.Text)], result);
    }

    private static bool InRequest(Activity activity)
    {
        for (var parent = activity.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.Source.Name == "Microsoft.AspNetCore")
            {
                return true;
            }
        }

        return false;
    }
}
