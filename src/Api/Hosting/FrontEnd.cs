using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Qadam.Api.Hosting;

/// <summary>
/// Serves the built web front-end (src/Designer/dist) from the API's own port: its files under <c>/app/</c>,
/// its <c>index.html</c> for every other <c>/app/…</c> path (client-side routes) and for
/// <c>/signin-callback</c>, the OpenIddict redirect URI; <c>/</c> goes to <c>/app/</c>. A middleware, not
/// endpoints: the API's own routes never reach it, and files need no route each.
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
                if (file is { Exists: true, IsDirectory: false })
                {
                    context.Response.ContentType = ContentTypes.TryGetContentType(file.Name, out var type) ? type : "application/octet-stream";
                    await context.Response.SendFileAsync(file, context.RequestAborted);
                    return;
                }

                await SendIndexAsync(context, files);
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
        return context.Response.SendFileAsync(files.GetFileInfo("index.html"), context.RequestAborted);
    }

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
