namespace Qadam.Api.Hosting;

/// <summary>The <c>Qadam</c> configuration section.</summary>
public sealed class QadamOptions
{
    public const string Section = "Qadam";

    /// <summary>Seeds demo organisations, users and rosters. True by default in Development (appsettings.Development.json).</summary>
    public bool Demo { get; set; }

    /// <summary>Password of every demo user; "demo" when unset.</summary>
    public string? DemoPassword { get; set; }
}
