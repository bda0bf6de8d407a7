using System.Diagnostics;
using System.Text;

namespace Qadam.Documents.Tests;

/// <summary>
/// Opens a DOCX the way a reader does: LibreOffice headless converts it to PDF and poppler's
/// pdftotext reads the PDF's text back (issue 4: "proof that a real reader opens it").
/// Missing programs make the test fail, not skip: scripts/test installs them.
/// </summary>
internal static class LibreOffice
{
    public static async Task<string> ToPdfTextAsync(byte[] docx)
    {
        var directory = Directory.CreateTempSubdirectory("qadam-lo-");
        // Each conversion gets its own LibreOffice profile, so conversions can run in parallel
        // (one profile is locked by one soffice process).
        var profile = Path.Combine(Path.GetTempPath(), "lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var input = Path.Combine(directory.FullName, "document.docx");
            await File.WriteAllBytesAsync(input, docx);
            await RunAsync("soffice", ["-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf", "--outdir", directory.FullName, input]);
            var pdf = Path.Combine(directory.FullName, "document.pdf");
            Assert.True(File.Exists(pdf), "LibreOffice produced no PDF from the rendered document.");
            return await RunAsync("pdftotext", ["-enc", "UTF-8", pdf, "-"]);
        }
        finally
        {
            directory.Delete(recursive: true);
            if (Directory.Exists(profile))
            {
                Directory.Delete(profile, recursive: true);
            }
        }
    }

    /// <summary>Collapses runs of whitespace (pdftotext breaks lines where the PDF does) for comparisons.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static async Task<string> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{program} failed ({process.ExitCode}): {await error}");
        return await output;
    }
}
