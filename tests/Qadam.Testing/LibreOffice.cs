using System.Diagnostics;
using System.Text;

namespace Qadam.Testing;

/// <summary>
/// Opens a DOCX the way a reader does: LibreOffice headless converts it to PDF and poppler's
/// pdftotext reads the PDF's text back (proof that a real reader opens it).
/// Missing programs make the test fail, not skip: scripts/test installs them.
/// Shared by the documents tests and the API's end-to-end pathway tests.
/// </summary>
public static class LibreOffice
{
    /// <summary>The text a reader sees in <paramref name="docx"/>.</summary>
    public static async Task<string> ToPdfTextAsync(byte[] docx) => (await ToPdfTextsAsync([docx]))[0];

    /// <summary>
    /// The texts of several documents, converted by one soffice process: starting LibreOffice costs about a second,
    /// converting one more page far less.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ToPdfTextsAsync(IReadOnlyList<byte[]> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var directory = Directory.CreateTempSubdirectory("qadam-lo-");
        // Each conversion gets its own LibreOffice profile, so conversions can run in parallel
        // (one profile is locked by one soffice process).
        var profile = Path.Combine(Path.GetTempPath(), "lo-" + Guid.NewGuid().ToString("N"));
        try
        {
            var inputs = new List<string>();
            for (var i = 0; i < documents.Count; i++)
            {
                var input = Path.Combine(directory.FullName, $"document{i}.docx");
                await File.WriteAllBytesAsync(input, documents[i]);
                inputs.Add(input);
            }

            await RunAsync("soffice", ["-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf", "--outdir", directory.FullName, .. inputs]);
            var texts = new List<string>();
            for (var i = 0; i < documents.Count; i++)
            {
                var pdf = Path.Combine(directory.FullName, $"document{i}.pdf");
                if (!File.Exists(pdf))
                {
                    throw new InvalidOperationException($"LibreOffice produced no PDF from document {i}.");
                }

                texts.Add(await RunAsync("pdftotext", ["-enc", "UTF-8", pdf, "-"]));
            }

            return texts;
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

    /// <summary>The text poppler's pdftotext reads from a PDF (one made by the server, to compare with a DOCX's).</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var file = Path.Combine(Path.GetTempPath(), "qadam-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            return await RunAsync("pdftotext", ["-enc", "UTF-8", file, "-"]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Collapses runs of whitespace (pdftotext breaks lines where the PDF does) for comparisons.</summary>
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
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
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await error}");
        }

        return await output;
    }
}
