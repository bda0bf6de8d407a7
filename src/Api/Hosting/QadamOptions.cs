namespace Qadam.Api.Hosting;

/// <summary>The <c>Qadam</c> configuration section.</summary>
public sealed class QadamOptions
{
    public const string Section = "Qadam";

    /// <summary>Seeds demo organisations, users and rosters and enables the password grant. True by default in Development (appsettings.Development.json).</summary>
    public bool Demo { get; set; }

    /// <summary>
    /// Lets the Demo profile run in Production, for a public demonstration that holds no real data; without it Production
    /// refuses to start with <see cref="Demo"/> on (DemoProfileGuard).
    /// </summary>
    public bool AllowDemoInProduction { get; set; }

    /// <summary>Password of every demo user; "demo" when unset.</summary>
    public string? DemoPassword { get; set; }

    /// <summary>
    /// Where Qadam keeps what must never enter the repository: token keys and generated client secrets.
    /// Defaults to <c>$XDG_STATE_HOME/qadam</c> or <c>~/.local/state/qadam</c>, beside the local PostgreSQL password.
    /// </summary>
    public string? StateDirectory { get; set; }

    /// <summary>
    /// Origins the web front-end is served from; <c>qadam-web</c> may be redirected to <c>{origin}/signin-callback</c>
    /// on each. The front-end is served by the API itself, so these are the API's own origins.
    /// </summary>
    public List<string> PublicOrigins { get; set; } = [];

    /// <summary>Largest roster CSV accepted, in bytes.</summary>
    public long MaxRosterBytes { get; set; } = 24 * 1024 * 1024;

    /// <summary>Largest evidence file accepted (PDF, JPEG, PNG), in bytes.</summary>
    public long MaxEvidenceBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest DOCX template accepted, in bytes: a template is text and a logo, not a scan.</summary>
    public long MaxTemplateBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>
    /// The folder of published pathways (<c>workflows/</c>: BPMN, <c>forms/*.form.json</c>, templates); when unset, the
    /// first <c>workflows</c> folder found from the content root upwards.
    /// </summary>
    public string? WorkflowsDirectory { get; set; }

    /// <summary>Whom signatures are verified against (README, "Trusting NCA RK").</summary>
    public SignatureTrustOptions Signatures { get; set; } = new();

    public string ResolveStateDirectory()
    {
        if (!string.IsNullOrWhiteSpace(StateDirectory))
        {
            return StateDirectory;
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        var root = string.IsNullOrWhiteSpace(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state")
            : xdg;
        return Path.Combine(root, "qadam");
    }
}

/// <summary>The <c>Qadam:Signatures</c> section.</summary>
public sealed class SignatureTrustOptions
{
    /// <summary>
    /// Certificate files (PEM or DER) or directories of them: the NCA RK root certificates and their issuing CAs
    /// (https://pki.gov.kz/cert/). Self-signed ones are the trust roots. When empty, only the demo CA is trusted, which
    /// Production refuses unless the Demo profile is on.
    /// </summary>
    public List<string> TrustedRoots { get; set; } = [];
}
