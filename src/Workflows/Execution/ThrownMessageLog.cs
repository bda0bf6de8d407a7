using Microsoft.Extensions.Logging;

namespace Qadam.Workflows.Execution;

/// <summary>
/// The default delivery of BPMN messages thrown by send tasks and message throw or end events (topic
/// <see cref="MessageTopic"/>): this engine's own waiting instances received them already in the sending
/// command, so what is left is the record (the outbox row, marked processed) and a log line. A host that forwards messages
/// to another system registers its own <see cref="IOutboxHandler"/> for the topic, which then takes the place of this one.
/// </summary>
public sealed partial class ThrownMessageLog(ILogger<ThrownMessageLog> logger) : IOutboxHandler
{
    /// <summary>The outbox topic of BPMN messages thrown by send tasks and message throw or end events.</summary>
    public const string MessageTopic = "bpmn-message";

    /// <inheritdoc />
    public string Topic => MessageTopic;

    /// <inheritdoc />
    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        LogPublished(logger, message.Payload["message"]?.ToString(), message.Payload["correlationKey"]?.ToString(), message.InstanceId);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "BPMN message {Message} (key {Key}) thrown by instance {InstanceId} published")]
    private static partial void LogPublished(ILogger logger, string? message, string? key, Guid? instanceId);
}
