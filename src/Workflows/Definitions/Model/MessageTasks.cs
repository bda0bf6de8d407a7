namespace Qadam.Workflows.Definitions.Model;

/// <summary>
/// Sends a message (messageRef) and moves on: written to the outbox for other systems, and delivered in the same command
/// to this engine's instances that wait for it with the same correlation key.
/// </summary>
public sealed class SendTask(string id, string? name, QadamAttributes extension, MessageTrigger message) : FlowNode(id, name, extension)
{
    /// <summary>The message sent, its correlation key and payload.</summary>
    public MessageTrigger Message { get; } = message;

    /// <inheritdoc />
    public override string Kind => "sendTask";
}

/// <summary>Waits for a message (messageRef) with its correlation key, like an intermediate message catch, and may carry boundaries.</summary>
public sealed class ReceiveTask(string id, string? name, QadamAttributes extension, MessageTrigger message) : FlowNode(id, name, extension)
{
    /// <summary>The message awaited and its correlation key.</summary>
    public MessageTrigger Message { get; } = message;

    /// <inheritdoc />
    public override string Kind => "receiveTask";
}
