using System.Diagnostics;

namespace Qadam.Api.Features.Renditions;

/// <summary>
/// DOCX to PDF by LibreOffice headless (<c>soffice --convert-to pdf</c>), with a profile of its own per conversion (a
/// profile is locked by one soffice process) and a time limit, so a document LibreOffice chokes on cannot hold the worker.
/// </summary>
public sealed class PdfConverter(IConfiguration configuration)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("qadam-pdf-");
        try
        {
            var input = Path.Combine(directory.FullName, "document.docx");
            await File.WriteAllBytesAsync(input, docx, cancellationToken);
            var start = new ProcessStartInfo(configuration["Qadam:LibreOffice"] ?? "soffice")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         "-env:UserInstallation=file://" + Path.Combine(directory.FullName, "profile"), "--headless", "--norestore",
                         "--convert-to", "pdf", "--outdir", directory.FullName, input,
                     })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("soffice did not start.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Limit);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var pdf = Path.Combine(directory.FullName, "document.pdf");
            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                throw new InvalidOperationException($"LibreOffice made no PDF (exit {process.ExitCode}): {await output} {await errors}");
            }

            return await File.ReadAllBytesAsync(pdf, cancellationToken);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
