using System.Diagnostics;
using Qadam.Documents.Pki;
using Qadam.Documents.Signatures;
using Qadam.Documents.Tests.Samples;

namespace Qadam.Documents.Tests.Signatures;

/// <summary>
/// The detached CMS the server makes is read by an independent implementation (OpenSSL), as a
/// regulator's or a court's tool would read it, not only by the .NET code that wrote it.
/// </summary>
public sealed class OpenSslInteropTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("qadam-openssl-");

    [Theory]
    [InlineData(SignerKeyAlgorithm.Ecdsa)]
    [InlineData(SignerKeyAlgorithm.Rsa)]
    public async Task DetachedCms_VerifiesWithOpenSsl_AndFailsThereOnAChangedByte(SignerKeyAlgorithm algorithm)
    {
        var document = new TemplateBuilder().Text("Бұйрық: Әлия Қасымқызы").Build();
        var cms = DetachedCmsSigner.Sign(document, TestPki.Demo.User(TestPki.HeadIin, "Нұрланова Айгүл", algorithm), DateTimeOffset.UtcNow);
        var root = Write("root.pem", TestPki.Demo.RootCertificate.ExportCertificatePem());
        var signature = Write("document.p7s", cms);
        var content = Write("document.docx", document);
        var tampered = (byte[])document.Clone();
        tampered[^10] ^= 0x01;
        var tamperedContent = Write("tampered.docx", tampered);

        var (ok, okOutput) = await OpenSslVerifyAsync(signature, content, root);
        var (bad, _) = await OpenSslVerifyAsync(signature, tamperedContent, root);

        Assert.True(ok, okOutput);
        Assert.False(bad);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(bool Ok, string Output)> OpenSslVerifyAsync(string signature, string content, string root)
    {
        var start = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "cms", "-verify", "-binary", "-inform", "DER", "-in", signature, "-content", content, "-CAfile", root, "-purpose", "any", "-out", "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode == 0, await output + await error);
    }
}
