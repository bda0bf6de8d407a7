namespace Qadam.Api.Features.Identity;

/// <summary>
/// The sign-in page's stylesheet, in the web app's colours and system fonts (src/Designer/src/styles.css), served as a
/// file of its own so the page needs no inline style under a Content-Security-Policy.
/// </summary>
internal static class SignInStyles
{
    public const string Path = "/account/sign-in.css";

    public const string Css = """
        :root { --ink: #1d2733; --muted: #5b6775; --line: #d6dde5; --paper: #fff; --wash: #f4f6f9; --accent: #00627a; --bad: #b3261e;
          font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif; color: var(--ink); background: var(--wash); }
        * { box-sizing: border-box; }
        body { margin: 0; }
        header { display: flex; align-items: center; gap: 1rem; padding: 0.5rem 1.5rem; background: var(--paper); border-bottom: 1px solid var(--line); }
        header .brand { font-weight: 700; font-size: 1.2rem; color: var(--accent); text-decoration: none; }
        header .spacer { flex: 1; }
        header a { color: var(--accent); }
        main { max-width: 26rem; margin: 3rem auto; background: var(--paper); padding: 2rem; border-radius: 8px; border: 1px solid var(--line); }
        h1 { font-size: 1.4rem; margin: 0 0 0.3rem; }
        .tagline { color: var(--muted); margin: 0 0 1.2rem; }
        label { display: block; color: var(--muted); font-size: 0.9rem; margin: 0.8rem 0 0.2rem; }
        input { display: block; width: 100%; font: inherit; padding: 0.5rem 0.7rem; border: 1px solid var(--line); border-radius: 4px; }
        input:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid #0b84a5; outline-offset: 2px; }
        button { margin-top: 1.2rem; width: 100%; font: inherit; padding: 0.6rem; border-radius: 4px; border: 1px solid var(--accent);
          background: var(--accent); color: #fff; cursor: pointer; }
        .error { background: #fdecea; color: var(--bad); padding: 0.5rem 0.8rem; border-radius: 4px; }
        @media (max-width: 480px) { main { margin: 1rem 0.6rem; padding: 1.2rem; } header { padding: 0.5rem 0.8rem; } }
        """;

    public static IResult Get(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Text(Css, "text/css; charset=utf-8");
    }
}
