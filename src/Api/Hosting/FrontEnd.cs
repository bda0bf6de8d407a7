using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Qadam.Api.Hosting;

/// <summary>
/// Serves the built web front-end (src/Designer/dist) from the API's own port: its files under <c>/app/</c>,
/// its <c>index.html</c> for every other <c>/app/…</c> path (client-side routes) and for
/// <c>/signin-callback</c>, the OpenIddict redirect URI; <c>/</c> goes to <c>/app/</c>. A middleware, not
/// endpoints: the API's own routes never reach it, and files need no route each.
/// Vite names the files of <c>/app/assets/</c> by a hash of their content, so they are cached for a year and never
/// asked for again (RFC 8246 <c>immutable</c>); <c>index.html</c>, which names them, is revalidated on every visit.
/// The build writes Brotli and gzip copies beside each text file (vite.config.ts); the one the browser accepts is sent.
/// </summary>
internal static class FrontEnd
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void UseQadamFrontEnd(this WebApplication app)
    {
        var directory = Resolve(app.Configuration["Qadam:FrontEndDirectory"], app.Environment.ContentRootPath);
        if (directory is null)
        {
            return;
        }

        var files = new PhysicalFileProvider(directory);
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }

            if (path == "/")
            {
                context.Response.Redirect("/app/");
                return;
            }

            if (path.StartsWithSegments("/app", StringComparison.Ordinal, out var rest))
            {
                var file = files.GetFileInfo(rest.Value?.TrimStart('/') ?? string.Empty);
                if (file is { Exists: true, IsDirectory: false } && !file.Name.EndsWith(".br", StringComparison.Ordinal)
                    && !file.Name.EndsWith(".gz", StringComparison.Ordinal))
                {
                    context.Response.ContentType = ContentTypes.TryGetContentType(file.Name, out var type) ? type : "application/octet-stream";
                    context.Response.Headers.CacheControl = rest.StartsWithSegments("/assets", StringComparison.Ordinal)
                        ? "public, max-age=31536000, immutable"
                        : file.Name == "index.html" ? "no-cache" : "public, max-age=3600";
                    await SendFileAsync(context, files, rest.Value!.TrimStart('/'), file);
                    return;
                }

                await SendIndexAsync(context, files);
                return;
            }

            // Pages without a link to the icon (the sign-in page, a browser's own request) ask for /favicon.ico.
            if (path == "/favicon.ico" && files.GetFileInfo("favicon.svg") is { Exists: true } icon)
            {
                context.Response.ContentType = "image/svg+xml";
                context.Response.Headers.CacheControl = "public, max-age=86400";
                await context.Response.SendFileAsync(icon, context.RequestAborted);
                return;
            }

            if (path.StartsWithSegments("/signin-callback", StringComparison.Ordinal))
            {
                await SendIndexAsync(context, files);
                return;
            }

            await next(context);
        });
    }

    private static Task SendIndexAsync(HttpContext context, IFileProvider files)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        return SendFileAsync(context, files, "index.html", files.GetFileInfo("index.html"));
    }

    /// <summary>The file, or its Brotli or gzip copy when the build wrote one and the request accepts it.</summary>
    private static Task SendFileAsync(HttpContext context, IFileProvider files, string path, IFileInfo file)
    {
        context.Response.Headers.Vary = "Accept-Encoding";
        foreach (var (encoding, suffix) in new[] { ("br", ".br"), ("gzip", ".gz") })
        {
            if (!Accepts(context.Request, encoding))
            {
                continue;
            }

            var compressed = files.GetFileInfo(path + suffix);
            if (compressed is { Exists: true, IsDirectory: false })
            {
                context.Response.Headers.ContentEncoding = encoding;
                context.Response.ContentLength = compressed.Length;
                return context.Response.SendFileAsync(compressed, context.RequestAborted);
            }
        }

        context.Response.ContentLength = file.Length;
        return context.Response.SendFileAsync(file, context.RequestAborted);
    }

    /// <summary>Whether Accept-Encoding names the coding with a quality above zero (RFC 9110 §12.5.3).</summary>
    private static bool Accepts(HttpRequest request, string encoding) =>
        StringWithQualityHeaderValue.TryParseList([request.Headers.AcceptEncoding.ToString()], out var values)
        && values.Any(v => string.Equals(v.Value.Value, encoding, StringComparison.OrdinalIgnoreCase) && (v.Quality ?? 1) > 0);

    private static string? Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "index.html")) ? configured : null;
        }

        for (var directory = new DirectoryInfo(contentRoot); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "Designer", "dist");
            if (File.Exists(Path.Combine(candidate, "index.html")))
            {
                return candidate;
            }
        }

        return null;
    }
}
