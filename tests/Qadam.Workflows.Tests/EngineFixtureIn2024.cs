namespace Qadam.Workflows.Tests;

/// <summary>An engine fixture whose clock starts on 2024-06-10 09:00 in Kazakhstan, the day before order 130 came into force.</summary>
public sealed class EngineFixtureIn2024() : EngineFixture(new DateTimeOffset(2024, 6, 10, 9, 0, 0, TimeSpan.FromHours(5)));
