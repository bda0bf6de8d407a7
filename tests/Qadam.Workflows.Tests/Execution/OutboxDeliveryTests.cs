using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Qadam.Workflows.Execution;

namespace Qadam.Workflows.Tests.Execution;

public sealed class OutboxDeliveryTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private sealed class Recorder(int failures) : IOutboxHandler
    {
        private int _failures = failures;

        public string Topic => "notify";

        public List<string> Delivered { get; } = [];

        public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            if (_failures-- > 0)
            {
                throw new HttpRequestException("SMS gateway unreachable");
            }

            Delivered.Add(message.Payload["text"]!.GetValue<string>());
            return Task.CompletedTask;
        }
    }

    private async Task<int> DeliverAsync(Recorder handler)
    {
        await using var db = fixture.NewContext();
        return await new OutboxDelivery(db, [handler], fixture.Clock, NullLogger<OutboxDelivery>.Instance).DeliverDueAsync();
    }

    [Fact]
    public async Task A_message_is_delivered_once_and_a_failed_delivery_is_retried_after_a_pause()
    {
        await using (var db = fixture.NewContext())
        {
            db.Outbox.Add(new OutboxMessage
            {
                Topic = "notify", Payload = new JsonObject { ["text"] = "Шешім қабылданды / Решение принято" },
                CreatedAt = fixture.Clock.GetUtcNow(), DueAt = fixture.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        var handler = new Recorder(failures: 1);
        await DeliverAsync(handler);
        var afterFailure = handler.Delivered.Count;
        await DeliverAsync(handler);
        var tooSoon = handler.Delivered.Count;
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await DeliverAsync(handler);
        await DeliverAsync(handler);

        Assert.Equal(0, afterFailure);
        Assert.Equal(0, tooSoon);
        Assert.Equal(["Шешім қабылданды / Решение принято"], handler.Delivered);
        await using var check = fixture.NewContext();
        var message = await check.Outbox.SingleAsync();
        Assert.NotNull(message.ProcessedAt);
        Assert.Equal(1, message.Attempts);
        Assert.Equal("SMS gateway unreachable", message.LastError);
    }
}
