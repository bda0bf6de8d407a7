namespace Qadam.Api.Hosting;

/// <summary>
/// Security headers on every answer (OWASP ASVS 4.0.3 V14.4; OWASP Secure Headers Project): a Content-Security-Policy
/// the built front-end passes with scripts from our own origin only (bpmn-js and form-js inject style elements, so
/// styles may be inline; scripts never), no framing (clickjacking), no MIME sniffing, no referrer beyond the origin,
/// and HSTS outside Development (on HTTPS requests). The API reference at <c>/scalar</c> runs its own inline start-up
/// script; it gets the same headers with that one allowance, and it shows no one's data.
/// </summary>
internal static class QadamSecurityHeaders
{
    public static IApplicationBuilder UseQadamSecurityHeaders(this WebApplication app)
    {
        var production = !app.Environment.IsDevelopment();
        var strict = Policies(production, inlineScripts: false);
        var reference = Policies(production, inlineScripts: true);
        return app.UseWhen(
                context => context.Request.Path.StartsWithSegments("/scalar", StringComparison.Ordinal),
                branch => branch.UseSecurityHeaders(reference))
            .UseWhen(
                context => !context.Request.Path.StartsWithSegments("/scalar", StringComparison.Ordinal),
                branch => branch.UseSecurityHeaders(strict));
    }

    private static HeaderPolicyCollection Policies(bool production, bool inlineScripts)
    {
        var policies = new HeaderPolicyCollection()
            .AddFrameOptionsDeny()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddCrossOriginOpenerPolicy(o => o.SameOrigin())
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                var scripts = csp.AddScriptSrc().Self();
                if (inlineScripts)
                {
                    scripts.UnsafeInline();
                }

                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data().Blob();
                csp.AddFontSrc().Self().Data();
                csp.AddConnectSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            });
        if (production)
        {
            // Two years, as hstspreload.org asks; only sent on HTTPS answers (RFC 6797 section 7.2).
            policies.AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 2 * 365 * 24 * 60 * 60);
        }

        return policies;
    }
}
