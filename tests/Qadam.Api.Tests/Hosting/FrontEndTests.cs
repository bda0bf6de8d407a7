using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Qadam.Api.Tests.Hosting;

/// <summary>The built front-end is served from the API's own port, so one command serves everything.</summary>
public sealed class FrontEndTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>, IDisposable
{
    private readonly string _dist = Directory.CreateTempSubdirectory("qadam-dist-").FullName;

    public void Dispose() => Directory.Delete(_dist, recursive: true);

    [Fact]
    public async Task The_app_its_client_routes_and_the_sign_in_callback_get_the_front_end_and_the_root_redirects_to_it()
    {
        await File.WriteAllTextAsync(Path.Combine(_dist, "index.html"), "<!doctype html><title>Qadam</title>");
        Directory.CreateDirectory(Path.Combine(_dist, "assets"));
        await File.WriteAllTextAsync(Path.Combine(_dist, "assets", "main.js"), "console.log('qadam')");
        using var factory = api.WithWebHostBuilder(b => b.UseSetting("Qadam:FrontEndDirectory", _dist));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var root = await client.GetAsync("/");
        var script = await client.GetStringAsync("/app/assets/main.js");
        var route = await client.GetStringAsync("/app/cases/42");
        var callback = await client.GetStringAsync("/signin-callback?code=x&state=y");

        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/app/", root.Headers.Location?.ToString());
        Assert.Equal("console.log('qadam')", script);
        Assert.Contains("<title>Qadam</title>", route, StringComparison.Ordinal);
        Assert.Contains("<title>Qadam</title>", callback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fingerprinted_assets_are_compressed_and_cached_for_a_year_and_the_index_is_revalidated()
    {
        // given a build with a fingerprinted script, its Brotli and gzip copies written beside it, and the index
        await File.WriteAllTextAsync(Path.Combine(_dist, "index.html"), "<!doctype html><title>Qadam</title>");
        var assets = Directory.CreateDirectory(Path.Combine(_dist, "assets")).FullName;
        var script = string.Concat(Enumerable.Repeat("console.log('qadam');\n", 200));
        await File.WriteAllTextAsync(Path.Combine(assets, "index-AbC123.js"), script);
        await File.WriteAllBytesAsync(Path.Combine(assets, "index-AbC123.js.br"), Compress(script, s => new BrotliStream(s, CompressionLevel.Optimal)));
        await File.WriteAllBytesAsync(Path.Combine(assets, "index-AbC123.js.gz"), Compress(script, s => new GZipStream(s, CompressionLevel.Optimal)));
        using var factory = api.WithWebHostBuilder(b => b.UseSetting("Qadam:FrontEndDirectory", _dist));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        // when a browser that accepts Brotli, one that accepts only gzip and one that accepts neither ask for it
        using var brotli = await GetAsync(client, "/app/assets/index-AbC123.js", "gzip, deflate, br");
        using var gzip = await GetAsync(client, "/app/assets/index-AbC123.js", "gzip");
        using var plain = await GetAsync(client, "/app/assets/index-AbC123.js", "br;q=0");
        using var index = await GetAsync(client, "/app/", "br");

        // then each gets the coding it accepts, the same script once decoded, cached for a year as immutable
        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Equal(script, Decompress(await brotli.Content.ReadAsByteArrayAsync(), s => new BrotliStream(s, CompressionMode.Decompress)));
        Assert.True(brotli.Content.Headers.ContentLength < script.Length / 4, $"{brotli.Content.Headers.ContentLength} bytes");
        Assert.Equal(["gzip"], gzip.Content.Headers.ContentEncoding);
        Assert.Equal(script, Decompress(await gzip.Content.ReadAsByteArrayAsync(), s => new GZipStream(s, CompressionMode.Decompress)));
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(script, await plain.Content.ReadAsStringAsync());
        foreach (var response in new[] { brotli, gzip, plain })
        {
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
        }

        // and the index, which names the fingerprinted files, is revalidated on every visit
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.True(index.Headers.CacheControl?.NoCache, index.Headers.CacheControl?.ToString());
        Assert.False(index.Headers.CacheControl?.MaxAge > TimeSpan.Zero);
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await client.SendAsync(request);
    }

    private static byte[] Compress(string text, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }

    private static string Decompress(byte[] bytes, Func<Stream, Stream> decompressor)
    {
        using var stream = decompressor(new MemoryStream(bytes));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
